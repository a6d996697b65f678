using CircuitSim.Crossbars.Tests.Support;

namespace CircuitSim.Crossbars.Tests;

/// <summary>
/// Small arrays whose column currents follow from Kirchhoff's laws by hand. Tolerance 1e-9 relative: the generator
/// writes resistances with 12 significant digits and a linear operating point converges to round-off.
/// </summary>
public sealed class HandSolvedArrayTests
{
    private const double Tolerance = 1e-9;

    /// <summary>One row, two columns: source V, driver R_d, cell G1 at the row's first node, a wire segment R_w, cell G2;
    /// both columns into virtual grounds. With a = V / (1 + R_d·(G1 + G2/(1 + G2·R_w))): I1 = G1·a, I2 = G2·a/(1 + G2·R_w).</summary>
    [Fact]
    public void One_RowTwoColumnsWithRowWireAndDriver()
    {
        const double v = 0.3, rd = 50, rw = 200, g1 = 1e-3, g2 = 2e-3;
        var design = CrossbarBuilder.Build(new CrossbarRequest
        {
            Conductances = new[,] { { g1, g2 } },
            Inputs = new[] { v },
            Wires = new WireResistances(rw, 7, rd), // a single row has no column segments to use the 7 Ω
            Readout = Readout.Transimpedance,
        });
        var plot = Simulate.Design(design);
        var a = v / (1 + rd * (g1 + g2 / (1 + g2 * rw)));
        AssertClose(g1 * a, plot["i(vs1)"][0]);
        AssertClose(g2 * a / (1 + g2 * rw), plot["i(vs2)"][0]);
    }

    /// <summary>Two rows, one column read through a sense resistor R_s: the column wire R_w joins the two cells' column
    /// nodes, c1 (row 1) and c2 (row 2, next to the read-out). Ideal row drivers V1, V2. Node equations
    /// G1·(V1 − c1) = (c1 − c2)/R_w and (c1 − c2)/R_w + G2·(V2 − c2) = c2/R_s; the column current is c2/R_s.</summary>
    [Fact]
    public void Two_RowsOneColumnWithColumnWireAndSenseResistor()
    {
        const double v1 = 0.2, v2 = -0.1, rw = 300, rs = 100, g1 = 1e-3, g2 = 4e-3;
        var design = CrossbarBuilder.Build(new CrossbarRequest
        {
            Conductances = new[,] { { g1 }, { g2 } },
            Inputs = new[] { v1, v2 },
            Wires = new WireResistances(11, rw, 0),
            Readout = new Readout(rs),
        });
        var plot = Simulate.Design(design);
        // c1 = (G1·V1 + c2/R_w)/(G1 + 1/R_w); substitute into the second equation and solve for c2
        double gw = 1 / rw, gs = 1 / rs;
        var k = g1 * v1 / (g1 + gw);
        var m = gw / (g1 + gw);
        var c2 = (gw * k + g2 * v2) / (gs + g2 + gw - gw * m);
        AssertClose(c2 / rs, plot["i(vs1)"][0]);
    }

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= Tolerance * Math.Abs(expected), $"expected {expected:G12}, got {actual:G12}");
}
