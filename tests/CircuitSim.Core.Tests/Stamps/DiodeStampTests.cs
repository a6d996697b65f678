using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;
using CircuitSim.Core.Tests.Support;
using CircuitSim.Devices.Semiconductors;
using static CircuitSim.Core.Tests.Support.Models;

namespace CircuitSim.Core.Tests.Stamps;

/// <summary>The diode's linearization in each region of its equation, at DC and with charge storage in a transient.</summary>
public class DiodeStampTests
{
    private static readonly double Vt = Constants.KOverQ * Constants.ReferenceTemperature;
    private const double Is = 1e-14, Gmin = 1e-12;

    private static Circuit Build(DiodeModel model) => new(model, new Diode("D1", "a", "k", model.Name));

    [Fact]
    public void ForwardBiased_StampIsTheJacobianOfTheExponentialCurrent()
    {
        var h = StampHarness.Dc(Build(new DiodeModel("dm")));
        var point = Point(("a", 0.65), ("k", 0));
        var a = h.AssertStampIsJacobian(point);

        var expected = Is * (Math.Exp(0.65 / Vt) - 1) + Gmin * 0.65;
        var f = h.Residual(h.Vector(point));
        Assert.Equal(expected, f[h.Index("a")], 1e-12 * expected); // closed form, round-off only
        Assert.True(a[h.Index("a"), h.Index("a")] > 1e-3, "the test point must be well forward biased");
    }

    [Fact]
    public void ReverseBiased_StampIsTheJacobianOfTheReverseCurrent()
    {
        var h = StampHarness.Dc(Build(new DiodeModel("dm")));
        var point = Point(("a", -0.5), ("k", 1.5));
        h.AssertStampIsJacobian(point);

        // below −3·N·vt ngspice's reverse law: −IS·(1 + (3·N·vt/(e·v))³) + GMIN·v
        var v = -2.0;
        var arg = 3 * Vt / (v * Math.E);
        var expected = -Is * (1 + arg * arg * arg) + Gmin * v;
        var f = h.Residual(h.Vector(point));
        // F = gd·v − (gd·v − i): the cancellation of terms ~100× the current leaves ~1e-14 of it; 1e-9 is loose
        Assert.Equal(expected, f[h.Index("a")], 1e-9 * Math.Abs(expected));
    }

    [Fact]
    public void SeriesResistance_StampIsTheJacobianThroughTheInternalNode()
    {
        var h = StampHarness.Dc(Build(new DiodeModel("dm") { SeriesResistance = 10 }));
        var point = Point(("a", 0.75), ("d1#internal", 0.68), ("k", 0));
        var a = h.AssertStampIsJacobian(point);

        Assert.Equal(0.1, a[h.Index("a"), h.Index("a")], 1e-15); // 1/RS, exact up to one rounding
        var f = h.Residual(h.Vector(point));
        Assert.Equal(0.07 / 10, f[h.Index("a")], 1e-15);        // the current enters through RS
    }

    [Fact]
    public void Breakdown_StampIsTheJacobianOfTheBreakdownCurrent()
    {
        var h = StampHarness.Dc(Build(new DiodeModel("dm") { BreakdownVoltage = 5, BreakdownCurrent = 1e-3 }));
        var point = Point(("a", 0), ("k", 5.2));
        var a = h.AssertStampIsJacobian(point);

        var f = h.Residual(h.Vector(point));
        Assert.True(f[h.Index("a")] < -1e-3, "at 0.2 V beyond BV the breakdown current exceeds IBV");
        Assert.True(a[h.Index("a"), h.Index("a")] > 1e-2, "the breakdown conductance is that of an exponential");
    }

    public static TheoryData<double> ChargeBiases => new()
    {
        -1.5, // depletion charge below FC·VJ
        0.62, // forward: the FC linearization of the depletion charge plus TT·i diffusion charge
    };

    [Theory]
    [MemberData(nameof(ChargeBiases))]
    public void ChargeStorage_StampIsTheJacobianOfTheIntegratedCurrent(double bias)
    {
        var model = new DiodeModel("dm") { JunctionCapacitance = 2e-12, JunctionPotential = 0.8, GradingCoefficient = 0.4, TransitTime = 5e-9 };
        var h = StampHarness.Transient(Build(model), Point(("a", bias - 0.05)), 10e-9, 1e-10);
        var a = h.AssertStampIsJacobian(Point(("a", bias), ("k", 0)));

        // the capacitive part must dominate the static conductance for this check to mean anything at −1.5 V
        Assert.True(a[h.Index("a"), h.Index("a")] > 1e-3);
    }
}
