namespace CircuitSim.Sweeps.Tests;

public class PointSelectionTests
{
    [Fact]
    public void Parse_ReadsIndicesAndRanges()
    {
        Assert.Equal(new[] { 0, 1, 2, 5, 7, 8 }, PointSelection.Parse("0-2,5, 7-8", 10));
    }

    [Theory]
    [InlineData("3-12", "beyond the plan")]
    [InlineData("5-2", "runs backwards")]
    [InlineData("a", "not a point index")]
    public void Parse_RejectsWhatIsNotAListOfPlannedPoints(string text, string message)
    {
        Assert.Contains(message, Assert.Throws<SweepException>(() => PointSelection.Parse(text, 10)).Message);
    }

    [Fact]
    public void Shard_SlicesCoverEveryPointExactlyOnceInOrder()
    {
        for (var points = 0; points <= 40; points++)
            for (var shards = 1; shards <= 9; shards++)
            {
                var all = Enumerable.Range(0, shards).SelectMany(i => PointSelection.Shard(i, shards, points)).ToList();
                Assert.Equal(Enumerable.Range(0, points), all);
                var sizes = Enumerable.Range(0, shards).Select(i => PointSelection.Shard(i, shards, points).Count).ToList();
                Assert.True(sizes.Max() - sizes.Min() <= 1, $"{points} points in {shards} shards: sizes {string.Join(",", sizes)}");
            }
    }

    [Theory]
    [InlineData("3/8", 3, 8)]
    [InlineData("0/1", 0, 1)]
    public void ParseShard_ReadsIndexOverCount(string text, int index, int count)
    {
        Assert.Equal((index, count), PointSelection.ParseShard(text));
    }

    [Theory]
    [InlineData("8/8")]
    [InlineData("1")]
    [InlineData("-1/4")]
    public void ParseShard_RejectsAnIndexOutsideTheCount(string text)
    {
        Assert.Throws<SweepException>(() => PointSelection.ParseShard(text));
    }

    [Fact]
    public void Chunks_PackKPointsEachWrittenAsRanges()
    {
        Assert.Equal(new[] { "0-2", "5-6,9", "10" }, PointSelection.Chunks(new[] { 0, 1, 2, 5, 6, 9, 10 }, 3));
    }
}
