using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;
using CircuitSim.Core.Tests.Support;
using CircuitSim.Devices.Passive;
using static CircuitSim.Core.Tests.Support.Models;

namespace CircuitSim.Core.Tests.Stamps;

/// <summary>
/// Companion models of C, L and K at a transient time point: the stamp must be the Jacobian of the integrated
/// current (or flux equation), for each method and order. The history is a previous point with equal past states,
/// so the integrated current is Ag0·Δq for every method (trapezoidal's past current is 0 there).
/// </summary>
public class ReactiveElementStampTests
{
    private const double Step = 1e-9;

    public static TheoryData<IntegrationMethodKind, int> Methods => new()
    {
        { IntegrationMethodKind.Trapezoidal, 1 },
        { IntegrationMethodKind.Trapezoidal, 2 },
        { IntegrationMethodKind.Gear, 2 },
    };

    private static double Ag0(StampHarness h) => h.State.Ag[0];

    [Theory]
    [MemberData(nameof(Methods))]
    public void CapacitorCompanion_StampIsTheJacobianOfItsIntegratedCurrent(IntegrationMethodKind method, int order)
    {
        const double c = 2e-12;
        var h = StampHarness.Transient(new Circuit(new Capacitor("C1", "a", "b", c)),
            Point(("a", 0.5), ("b", 0.1)), 5 * Step, Step, method, order);
        var point = Point(("a", 0.9), ("b", 0.2));
        var a = h.AssertStampIsJacobian(point);

        Assert.Equal(Ag0(h) * c, a[h.Index("a"), h.Index("a")], 1e-6 * Ag0(h) * c);
        var f = h.Residual(h.Vector(point));
        // i = Ag0·C·(v − v_prev); relative round-off of a few operations on O(1) values
        Assert.Equal(Ag0(h) * c * (0.7 - 0.4), f[h.Index("a")], 1e-12 * Ag0(h) * c);
    }

    public static TheoryData<string, string, IntegrationMethodKind, int> GroundedCapacitors => new()
    {
        { "a", "0", IntegrationMethodKind.Trapezoidal, 1 },
        { "a", "0", IntegrationMethodKind.Trapezoidal, 2 },
        { "0", "a", IntegrationMethodKind.Trapezoidal, 1 },
        { "0", "a", IntegrationMethodKind.Trapezoidal, 2 },
        { "0", "a", IntegrationMethodKind.Gear, 2 },
    };

    [Theory]
    [MemberData(nameof(GroundedCapacitors))]
    public void GroundedCapacitorCompanion_StampIsTheJacobianWhicheverTerminalIsGround(string pos, string neg, IntegrationMethodKind method, int order)
    {
        // the batch leaves out what lands in ground's row and column: the node's own entry and residual must be whole
        const double c = 2e-12;
        var h = StampHarness.Transient(new Circuit(new Capacitor("C1", pos, neg, c)), Point(("a", 0.5)), 5 * Step, Step, method, order);
        var point = Point(("a", 0.9));
        var a = h.AssertStampIsJacobian(point);

        Assert.Equal(Ag0(h) * c, a[h.Index("a"), h.Index("a")], 1e-6 * Ag0(h) * c);
        // the current out of node a is Ag0·C·(v(a) − v(a)_prev) whichever way round the capacitor is written
        Assert.Equal(Ag0(h) * c * (0.9 - 0.5), h.Residual(h.Vector(point))[h.Index("a")], 1e-12 * Ag0(h) * c);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void InductorCompanion_StampIsTheJacobianOfItsBranchEquation(IntegrationMethodKind method, int order)
    {
        const double l = 1e-6;
        var h = StampHarness.Transient(new Circuit(new Inductor("L1", "a", "b", l)),
            Point(("a", 0.3), ("l1#branch", 1e-3)), 5 * Step, Step, method, order);
        var point = Point(("a", 0.8), ("b", 0.1), ("l1#branch", 2e-3));
        var a = h.AssertStampIsJacobian(point);

        Assert.Equal(-Ag0(h) * l, a[h.Index("l1#branch"), h.Index("l1#branch")], 1e-6 * Ag0(h) * l);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void CoupledInductors_StampTheJacobianOfBothFluxEquations(IntegrationMethodKind method, int order)
    {
        const double l1 = 1e-6, l2 = 4e-6, k = 0.7;
        var c = new Circuit(
            new Inductor("L1", "a", "0", l1),
            new Inductor("L2", "b", "0", l2),
            new MutualInductance("K1", "L1", "L2", k));
        var h = StampHarness.Transient(c, Point(("l1#branch", 1e-3), ("l2#branch", -2e-3)), 5 * Step, Step, method, order);
        var a = h.AssertStampIsJacobian(Point(("a", 0.8), ("b", -0.4), ("l1#branch", 3e-3), ("l2#branch", 1e-3)));

        // the mutual term M = k·√(L1·L2) couples the two branch rows symmetrically
        var m = k * Math.Sqrt(l1 * l2);
        Assert.Equal(-Ag0(h) * m, a[h.Index("l1#branch"), h.Index("l2#branch")], 1e-6 * Ag0(h) * m);
        Assert.Equal(-Ag0(h) * m, a[h.Index("l2#branch"), h.Index("l1#branch")], 1e-6 * Ag0(h) * m);
    }

    [Fact]
    public void TwoCouplingsOnOneInductor_StampEveryMutualTermWhateverTheElementOrder()
    {
        // the K elements come first: coupling must not depend on the order of the components
        var c = new Circuit(
            new MutualInductance("K1", "L1", "L2", 0.6),
            new MutualInductance("K2", "L1", "L3", -0.3),
            new Inductor("L1", "a", "0", 1e-6),
            new Inductor("L2", "b", "0", 2e-6),
            new Inductor("L3", "c", "0", 3e-6));
        var h = StampHarness.Transient(c, Point(("l1#branch", 1e-3)), 5 * Step, Step);
        var a = h.AssertStampIsJacobian(Point(("a", 0.1), ("b", 0.2), ("c", -0.3), ("l1#branch", 2e-3), ("l2#branch", -1e-3), ("l3#branch", 5e-4)));

        var m13 = -0.3 * Math.Sqrt(3e-12);
        Assert.Equal(-Ag0(h) * m13, a[h.Index("l3#branch"), h.Index("l1#branch")], 1e-6 * Math.Abs(Ag0(h) * m13));
        Assert.Equal(0, a[h.Index("l2#branch"), h.Index("l3#branch")]); // L2 and L3 are not coupled
    }
}
