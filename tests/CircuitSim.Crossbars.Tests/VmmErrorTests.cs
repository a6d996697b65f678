using CircuitSim.Crossbars.Devices;
using CircuitSim.Crossbars.Tests.Support;
namespace CircuitSim.Crossbars.Tests;

/// <summary>
/// The VMM error of resistive crossbars read into virtual grounds (random weights, 10 kΩ…100 kΩ, 0.2 V on every row):
/// exact with ideal wires, first order in the wire resistance, and growing with the array as the IR drop does.
/// </summary>
public sealed class VmmErrorTests
{
    private static VmmResult Read(CellDeviceType device, int n, double wire, int seed = 3) => VmmAnalysis.Run(CrossbarBuilder.Build(new CrossbarRequest
    {
        Rows = n, Columns = n, Device = device, WeightSeed = seed,
        Wires = new WireResistances(wire, wire, 0), Readout = Readout.Transimpedance,
    }));

    /// <summary>Ideal wires and drivers into virtual grounds: every column current is Σ G·V. 1e-10 relative: 12-digit
    /// resistances and round-off.</summary>
    [Theory]
    [InlineData("resistor", 16)]
    [InlineData("ymemristor", 8)]
    public void IdealWires_GiveExactProducts(string device, int n) =>
        Assert.True(Read(Cells.Get(device), n, 0).WorstRelativeError < 1e-10);

    /// <summary>Error vanishes linearly as the wire resistance goes to zero: e(r) = a·r + O(r²), so e(10 mΩ)/e(1 mΩ) is 10
    /// up to a relative correction of the order of e itself (~1e-4 here); 1 % allows for it with room.</summary>
    [Fact]
    public void Error_IsFirstOrderInWireResistance()
    {
        var small = Read(Cells.Resistor, 16, 1e-3).WorstRelativeError;
        var larger = Read(Cells.Resistor, 16, 1e-2).WorstRelativeError;
        Assert.InRange(larger / small, 9.9, 10.1);
    }

    [Fact]
    public void Error_GrowsWithWireResistance()
    {
        var errors = new[] { 0.1, 0.5, 1, 2, 5 }.Select(r => Read(Cells.Resistor, 16, r).WorstRelativeError).ToList();
        Assert.All(errors.Zip(errors.Skip(1)), p => Assert.True(p.Second > p.First, $"{p.Second:G4} after {p.First:G4}"));
    }

    [Fact]
    public void Error_GrowsWithArraySize()
    {
        var errors = new[] { 4, 8, 16, 32 }.Select(n => Read(Cells.Resistor, n, 1).WorstRelativeError).ToList();
        Assert.All(errors.Zip(errors.Skip(1)), p => Assert.True(p.Second > p.First, $"{p.Second:G4} after {p.First:G4}"));
    }

    /// <summary>To first order the IR drop along a wire is r·I_cell summed over the segments each cell's current crosses,
    /// ∝ r·G·N²: doubling N multiplies the small-r error by about 4. Random weights and the lower-order terms move the
    /// ratio (measured 4.4 for 8→16, 3.8 for 16→32); 20 % covers them.</summary>
    [Fact]
    public void SmallWireError_ScalesAsArraySizeSquared()
    {
        var e = new[] { 8, 16, 32 }.Select(n => Read(Cells.Resistor, n, 1e-3).WorstRelativeError).ToList();
        Assert.InRange(e[1] / e[0], 3.2, 4.8);
        Assert.InRange(e[2] / e[1], 3.2, 4.8);
    }

    /// <summary>A differential pair cancels the common G_min part: with ideal wires the pair's current difference is
    /// (ΔG/W_max)·Σ W·V exactly (1e-10 of the pair's full scale).</summary>
    [Fact]
    public void DifferentialPairs_ComputeSignedProducts()
    {
        var weights = new[,] { { 1.0, -0.5 }, { -0.25, 0.75 }, { 0.5, 0 } };
        var v = new[] { 0.1, 0.2, -0.15 };
        var design = CrossbarBuilder.Build(new CrossbarRequest
        {
            Weights = weights, Differential = true, Inputs = v, Wires = WireResistances.Ideal, Readout = Readout.Transimpedance,
        });
        var result = VmmAnalysis.Run(design);
        var (gMin, gMax) = design.MappingRange;
        for (var j = 0; j < 2; j++)
        {
            var expected = (gMax - gMin) * Enumerable.Range(0, 3).Sum(i => weights[i, j] * v[i]);
            Assert.True(Math.Abs(result.Logical[j].Measured - expected) <= 1e-10 * result.Logical[j].Scale,
                $"output {j + 1}: {result.Logical[j].Measured:G10} A, expected {expected:G10} A");
        }
    }
}
