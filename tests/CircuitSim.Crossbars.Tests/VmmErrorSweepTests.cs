using CircuitSim.Crossbars.Tests.Support;
namespace CircuitSim.Crossbars.Tests;

/// <summary>
/// The error sweep behind <c>circuitsim crossbar sweep</c> (resistive 1R arrays, 10 kΩ…100 kΩ, random weights, 0.2 V
/// on every row, virtual-ground read-out): exact at r = 0 for every size, and growing with the size at every r &gt; 0 and
/// with r at every size; its table and chart carry every point.
/// </summary>
public sealed class VmmErrorSweepTests
{
    private static readonly int[] Sizes = { 4, 8, 16 };
    private static readonly double[] Wires = { 0, 0.5, 2 };

    private static List<SweepPoint> Run() => new VmmErrorSweep(new CrossbarRequest { Device = Cells.Resistor, WeightSeed = 2 }, Sizes, Wires).Run();

    [Fact]
    public void SweepOnFourThreads_GivesTheSamePointsInTheSameOrder()
    {
        var request = new CrossbarRequest { Device = Cells.Resistor, WeightSeed = 2 };
        var one = new VmmErrorSweep(request, Sizes, Wires).Run(parallelism: 1);
        var four = new VmmErrorSweep(request, Sizes, Wires).Run(parallelism: 4);

        // everything but the seconds each point took, exactly
        Assert.Equal(one.Select(p => (p.Size, p.WireResistance, p.WorstRelativeError, p.RmsRelativeError)),
            four.Select(p => (p.Size, p.WireResistance, p.WorstRelativeError, p.RmsRelativeError)));
    }

    private static double Worst(List<SweepPoint> points, int n, double r) => points.Single(p => p.Size == n && p.WireResistance == r).WorstRelativeError;

    /// <summary>1e-10: ideal wires leave only round-off and the 12-digit resistances of the netlist (as in
    /// <see cref="VmmErrorTests"/>); a wire of 0.5 Ω on 4×4 already gives ~5e-4, so the two are far apart.</summary>
    [Fact]
    public void Exact_WithIdealWiresAndMonotoneInSizeAndWire()
    {
        var points = Run();
        Assert.Equal(Sizes.Length * Wires.Length, points.Count);
        foreach (var n in Sizes)
        {
            Assert.True(Worst(points, n, 0) < 1e-10, $"N = {n}, r = 0: {Worst(points, n, 0):G3}");
            Assert.True(Worst(points, n, 0.5) > 1e-4, $"N = {n}, r = 0.5: {Worst(points, n, 0.5):G3}");
            Assert.True(Worst(points, n, 2) > Worst(points, n, 0.5), $"N = {n}: r = 2 does not exceed r = 0.5");
        }
        foreach (var r in Wires.Where(r => r > 0))
            for (var k = 1; k < Sizes.Length; k++)
                Assert.True(Worst(points, Sizes[k], r) > Worst(points, Sizes[k - 1], r), $"r = {r}: N = {Sizes[k]} does not exceed N = {Sizes[k - 1]}");
    }

    [Fact]
    public void TableAndChartCarryEvery_Point()
    {
        var points = Run();
        var md = VmmErrorSweep.Markdown(points, "sweep");
        Assert.Equal(Sizes.Length, md.Split('\n').Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\| (4|8|16) \|")));
        Assert.Contains("r = 500 mΩ", md);
        var csv = VmmErrorSweep.Csv(points).Trim().Split('\n');
        Assert.Equal(points.Count + 1, csv.Length);
        // the r = 0 trace has no point on the log axis: one trace per wire resistance > 0
        using var plot = VmmErrorSweep.Chart(points, "sweep").Build();
        var traces = plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().Select(t => t.LegendText).ToList();
        Assert.Contains("wire 2 Ω/segment", traces);
        Assert.Contains("wire 500 mΩ/segment", traces);
        Assert.DoesNotContain(traces, t => t.StartsWith("wire 0 Ω"));
        Assert.Equal("worst-case relative error", plot.Axes.Left.Label.Text);
    }
}
