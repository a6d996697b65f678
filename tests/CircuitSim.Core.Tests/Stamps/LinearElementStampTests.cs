using CircuitSim.Core.Circuits;
using CircuitSim.Core.Tests.Support;
using CircuitSim.Devices.Controlled;
using CircuitSim.Devices.Passive;
using CircuitSim.Devices.Sources;
using CircuitSim.Devices.Switches;
using static CircuitSim.Core.Tests.Support.Models;

namespace CircuitSim.Core.Tests.Stamps;

/// <summary>
/// Stamps of the resistive elements (R V I E F G H S W) against the finite-difference Jacobian of the residual,
/// and the residual itself against the element's defining equation. Terminals are left floating on purpose: the
/// harness only loads, it never solves.
/// </summary>
public class LinearElementStampTests
{
    // The residual of a linear element is computed exactly up to round-off of a few terms of size ≤ 10: 1e-12 absolute.
    private const double Exact = 1e-12;

    [Fact]
    public void Resistor_StampIsTheJacobianOfItsCurrent()
    {
        var h = StampHarness.Dc(new Circuit(new Resistor("R1", "a", "b", 2e3)));
        var point = Point(("a", 1.3), ("b", -0.4));
        h.AssertStampIsJacobian(point);

        var f = h.Residual(h.Vector(point));
        Assert.Equal(1.7 / 2e3, f[h.Index("a")], Exact);
        Assert.Equal(-1.7 / 2e3, f[h.Index("b")], Exact);
    }

    [Fact]
    public void VoltageSource_StampIsTheJacobianOfItsBranchEquation()
    {
        var h = StampHarness.Dc(new Circuit(new VoltageSource("V1", "a", "b", 1.5)));
        var point = Point(("a", 2.0), ("b", 0.25), ("v1#branch", 3e-3));
        h.AssertStampIsJacobian(point);

        var f = h.Residual(h.Vector(point));
        Assert.Equal(2.0 - 0.25 - 1.5, f[h.Index("v1#branch")], Exact); // v(a) − v(b) − V
        Assert.Equal(3e-3, f[h.Index("a")], Exact);                      // the branch current leaves a
        Assert.Equal(-3e-3, f[h.Index("b")], Exact);
    }

    [Fact]
    public void CurrentSource_StampsNoMatrixEntryAndDrivesItsCurrentFromPosToNeg()
    {
        var h = StampHarness.Dc(new Circuit(new CurrentSource("I1", "a", "b", 2e-3)));
        var point = Point(("a", 1.0), ("b", 0.5));
        var a = h.AssertStampIsJacobian(point);

        Assert.Equal(0, a[h.Index("a"), h.Index("a")]);
        var f = h.Residual(h.Vector(point));
        Assert.Equal(2e-3, f[h.Index("a")], Exact); // the current leaves a through the source
        Assert.Equal(-2e-3, f[h.Index("b")], Exact);
    }

    [Fact]
    public void Vcvs_StampIsTheJacobianOfItsBranchEquation()
    {
        var h = StampHarness.Dc(new Circuit(new VoltageControlledVoltageSource("E1", "p", "n", "cp", "cn", 3.0)));
        var point = Point(("p", 2.0), ("n", 0.5), ("cp", 0.7), ("cn", 0.2), ("e1#branch", 1e-3));
        h.AssertStampIsJacobian(point);

        var f = h.Residual(h.Vector(point));
        Assert.Equal(1.5 - 3.0 * 0.5, f[h.Index("e1#branch")], Exact);
    }

    [Fact]
    public void Cccs_StampIsTheJacobianOfItsControlledCurrent()
    {
        var c = new Circuit(
            new VoltageSource("Vc", "a", "b", 0),
            new CurrentControlledCurrentSource("F1", "p", "n", "Vc", 2.5));
        var h = StampHarness.Dc(c);
        var point = Point(("a", 0.1), ("b", 0.1), ("p", 1), ("n", 0.3), ("vc#branch", 4e-3));
        h.AssertStampIsJacobian(point);

        var f = h.Residual(h.Vector(point));
        Assert.Equal(2.5 * 4e-3, f[h.Index("p")], Exact);
        Assert.Equal(-2.5 * 4e-3, f[h.Index("n")], Exact);
    }

    [Fact]
    public void Vccs_StampIsTheJacobianOfItsControlledCurrent()
    {
        var h = StampHarness.Dc(new Circuit(new VoltageControlledCurrentSource("G1", "p", "n", "cp", "cn", 2e-3)));
        var point = Point(("p", 1), ("n", -1), ("cp", 0.8), ("cn", 0.3));
        h.AssertStampIsJacobian(point);

        var f = h.Residual(h.Vector(point));
        Assert.Equal(2e-3 * 0.5, f[h.Index("p")], Exact);
        Assert.Equal(-2e-3 * 0.5, f[h.Index("n")], Exact);
    }

    [Fact]
    public void Ccvs_StampIsTheJacobianOfItsBranchEquation()
    {
        var c = new Circuit(
            new VoltageSource("Vc", "a", "0", 0),
            new CurrentControlledVoltageSource("H1", "p", "n", "Vc", 500));
        var h = StampHarness.Dc(c);
        var point = Point(("a", 0), ("p", 2), ("n", 0.5), ("vc#branch", 2e-3), ("h1#branch", -1e-3));
        h.AssertStampIsJacobian(point);

        var f = h.Residual(h.Vector(point));
        Assert.Equal(1.5 - 500 * 2e-3, f[h.Index("h1#branch")], Exact);
    }

    [Theory]
    [InlineData(2.0, 10.0)]   // control above VT + VH: RON
    [InlineData(-1.0, 1e6)]   // control below VT − VH: ROFF
    public void Voltage_SwitchStampIsTheJacobianOfItsCurrent(double control, double resistance)
    {
        var c = new Circuit(
            new VoltageSwitchModel("sw") { Threshold = 0.5, Hysteresis = 0.1, OnResistance = 10, OffResistance = 1e6 },
            new VoltageSwitch("S1", "a", "b", "c", "0", "sw"));
        var h = StampHarness.Dc(c);
        var point = Point(("a", 1.0), ("b", 0.2), ("c", control));
        h.AssertStampIsJacobian(point);

        var f = h.Residual(h.Vector(point));
        Assert.Equal(0.8 / resistance, f[h.Index("a")], Exact);
    }

    [Theory]
    [InlineData(5e-3, 10.0)]   // control current above IT + IH: RON
    [InlineData(-5e-3, 1e6)]   // below IT − IH: ROFF
    public void Current_SwitchStampIsTheJacobianOfItsCurrent(double control, double resistance)
    {
        var c = new Circuit(
            new CurrentSwitchModel("csw") { Threshold = 1e-3, Hysteresis = 0.5e-3, OnResistance = 10, OffResistance = 1e6 },
            new VoltageSource("Vc", "c", "0", 0),
            new CurrentSwitch("W1", "a", "b", "Vc", "csw"));
        var h = StampHarness.Dc(c);
        var point = Point(("a", 1.0), ("b", 0.2), ("c", 0), ("vc#branch", control));
        h.AssertStampIsJacobian(point);

        var f = h.Residual(h.Vector(point));
        Assert.Equal(0.8 / resistance, f[h.Index("a")], Exact);
    }
}
