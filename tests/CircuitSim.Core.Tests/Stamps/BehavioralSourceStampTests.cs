using CircuitSim.Core.Circuits;
using CircuitSim.Core.Tests.Support;
using CircuitSim.Devices.Behavioral;
using CircuitSim.Devices.Passive;
using CircuitSim.Devices.Sources;
using static CircuitSim.Core.Tests.Support.Models;

namespace CircuitSim.Core.Tests.Stamps;

/// <summary>
/// B sources linearize a nonlinear expression of node voltages, branch currents and time: the stamp must be the
/// Jacobian of the residual at a transient time point (so that <c>time</c> takes a non-zero value).
/// </summary>
public class BehavioralSourceStampTests
{
    private const string Expression = "v(a)*v(a,b) + 0.5*tanh(3*v(b))*i(vc)*1e3 + 1e-1*sin(2*pi*1e6*time)*exp(v(a))";
    private const double Time = 0.3e-6;

    private static double Value(double va, double vb, double ic) =>
        va * (va - vb) + 0.5 * Math.Tanh(3 * vb) * ic * 1e3 + 1e-1 * Math.Sin(2 * Math.PI * 1e6 * Time) * Math.Exp(va);

    // Ra and Rb only make a and b nodes of the circuit; being linear they cannot hide a wrong B stamp
    private static Circuit Build(BehavioralKind kind) => new(
        new VoltageSource("Vc", "c", "0", 0),
        new Resistor("Ra", "a", "b", 1e3),
        new Resistor("Rb", "b", "0", 1e3),
        new BehavioralSource("B1", "p", "n", kind, Expression));

    private static Dictionary<string, double> TestPoint(bool withBranch)
    {
        var p = Point(("a", 0.7), ("b", -0.3), ("c", 0), ("vc#branch", 2e-3), ("p", 1.1), ("n", 0.4));
        if (withBranch) p["b1#branch"] = 5e-3;
        return p;
    }

    [Fact]
    public void VoltageExpression_StampIsTheJacobianOfItsBranchEquation()
    {
        var h = StampHarness.Transient(Build(BehavioralKind.Voltage), Point(), Time, 1e-9);
        var point = TestPoint(withBranch: true);
        h.AssertStampIsJacobian(point);

        var f = h.Residual(h.Vector(point));
        // v(p) − v(n) − expr; the expression is O(1): round-off 1e-12
        Assert.Equal(0.7 - Value(0.7, -0.3, 2e-3), f[h.Index("b1#branch")], 1e-12);
    }

    [Fact]
    public void CurrentExpression_StampIsTheJacobianOfItsCurrent()
    {
        var h = StampHarness.Transient(Build(BehavioralKind.Current), Point(), Time, 1e-9);
        var point = TestPoint(withBranch: false);
        h.AssertStampIsJacobian(point);

        var f = h.Residual(h.Vector(point));
        Assert.Equal(Value(0.7, -0.3, 2e-3), f[h.Index("p")], 1e-12); // the current leaves p through the source
        Assert.Equal(-Value(0.7, -0.3, 2e-3), f[h.Index("n")], 1e-12);
    }

    private static double MemristorLike(double vp, double vn) => 1e-3 * (vp - vn) * (vp - vn) + 1e-4 * Math.Tanh(3 * vp);

    [Fact]
    public void CurrentExpressionsRunningOneProgram_EachStampTheJacobianOfItsOwnCurrent()
    {
        // three sources of one program over their own nodes load as one batch; each must still stamp its own Jacobian
        var circuit = new Circuit(
            new Resistor("R1", "p1", "0", 1e3), new Resistor("R2", "p2", "0", 1e3), new Resistor("R3", "p3", "n3", 1e3),
            new BehavioralSource("B1", "p1", "n1", BehavioralKind.Current, "1e-3*v(p1,n1)*v(p1,n1) + 1e-4*tanh(3*v(p1))"),
            new BehavioralSource("B2", "p2", "n2", BehavioralKind.Current, "1e-3*v(p2,n2)*v(p2,n2) + 1e-4*tanh(3*v(p2))"),
            new BehavioralSource("B3", "p3", "n3", BehavioralKind.Current, "1e-3*v(p3,n3)*v(p3,n3) + 1e-4*tanh(3*v(p3))"));
        var h = StampHarness.Transient(circuit, Point(), Time, 1e-9);
        var point = Point(("p1", 0.7), ("n1", -0.3), ("p2", -0.4), ("n2", 0.9), ("p3", 1.3), ("n3", 0.2));
        h.AssertStampIsJacobian(point);

        var f = h.Residual(h.Vector(point));
        // the residual at n is the current the source drives into it (and R3's); O(1e-3) values: round-off 1e-15
        Assert.Equal(-MemristorLike(0.7, -0.3), f[h.Index("n1")], 1e-15);
        Assert.Equal(-MemristorLike(-0.4, 0.9), f[h.Index("n2")], 1e-15);
        Assert.Equal(-MemristorLike(1.3, 0.2) - (1.3 - 0.2) / 1e3, f[h.Index("n3")], 1e-15); // R3 takes (v(p3) − v(n3))/R into n3
    }
}
