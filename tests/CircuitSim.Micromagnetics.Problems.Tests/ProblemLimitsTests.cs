namespace CircuitSim.Micromagnetics.Problems.Tests;

/// <summary>Issue 13: a problem asking for more cells or table rows than can be held is refused before anything is
/// allocated, with what it asked, the cap, the memory it would need and what to do.</summary>
public class ProblemLimitsTests
{
    private static string Problem(string cells, string run = "{time: 1 ns, sample: 10 ps}") => $"""
        mesh:
          cells: {cells}
          cell: [2 nm, 2 nm]
          thickness: 3 nm
        material:
          Ms: 8e5
          A: 1.3e-11
          alpha: 0.02
        initial:
          uniform: [1, 0, 0]
        stages:
          - run: {run}
        """;

    [Fact]
    public void ProblemFile_WithAMeshBeyondTheMemory_IsRefusedAtTheCellsLine()
    {
        // 16384 × 16384 cells: each side is allowed, the whole would need about 400 GiB
        var e = Assert.Throws<ProblemException>(() => ProblemReader.Read(Problem("[16384, 16384]"), "big.yaml"));
        Assert.StartsWith("big.yaml:2:", e.Message);
        Assert.Contains("16,384 × 16,384 = 268,435,456 cells is too large", e.Message);
        Assert.Contains("GiB of memory", e.Message);
        Assert.Contains("use larger cells or a smaller film", e.Message);
    }

    [Fact]
    public void ProblemFile_WithMoreTableRowsThanAStageHolds_IsRefusedAtTheStage()
    {
        var e = Assert.Throws<ProblemException>(() => ProblemReader.Read(Problem("[8, 8]", "{time: 1 s, sample: 1 fs}"), "rows.yaml"));
        Assert.StartsWith("rows.yaml:12:", e.Message); // the "- run:" line
        Assert.Contains("1E+15 table rows; at most 10,000,000 per stage", e.Message);
    }

    [Fact]
    public void MeshRefusal_NamesTheCapFromTheAvailableMemory()
    {
        // 8 GiB at 1536 bytes a cell: 5,592,405 cells
        var message = ProblemLimits.MeshRefusal(4096, 2048, availableBytes: 8L << 30);
        Assert.NotNull(message);
        Assert.Contains("4,096 × 2,048 = 8,388,608 cells", message);
        Assert.Contains("about 12.0 GiB of memory", message);
        Assert.Contains("the limit here is 5,592,405 cells", message);
        Assert.Contains("within the 8.0 GiB available", message);
    }

    [Fact]
    public void MeshRefusal_AcceptsAMeshThatFits()
    {
        Assert.Null(ProblemLimits.MeshRefusal(2048, 2048, availableBytes: 8L << 30));
    }

    [Fact]
    public void MeshRefusal_OfAFemtometreCell_CountsWithoutOverflow()
    {
        // 500 nm / 1e-15 m cells along x: 5e8 × 1.25e8 cells, far beyond int
        var message = ProblemLimits.MeshRefusal(5e8, 1.25e8, availableBytes: 8L << 30);
        Assert.Contains("6.25E+16 cells is too large", message);
    }
}
