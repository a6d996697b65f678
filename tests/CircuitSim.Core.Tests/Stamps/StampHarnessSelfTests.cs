using CircuitSim.Core.Behaviors;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;
using CircuitSim.Core.Tests.Support;
using static CircuitSim.Core.Tests.Support.Models;

namespace CircuitSim.Core.Tests.Stamps;

/// <summary>The finite-difference check must catch a linearization that is slightly wrong, or it proves nothing.</summary>
public class StampHarnessSelfTests
{
    /// <summary>i = K·v³ from a to ground, linearized with its conductance scaled by <see cref="Error"/>.</summary>
    private sealed class CubicConductance(string name, string a, double error) : Component(name, a, "0")
    {
        public double Error { get; } = error;
        public override Behavior CreateBehavior(BindingContext context) => new Impl(this, context);

        private sealed class Impl(CubicConductance c, BindingContext context) : Behavior(c.Name), ILoadBehavior
        {
            private readonly int _a = context.Node(c.Nodes[0]);
            private int _h;
            public override void Setup(BindingContext ctx) => _h = ctx.Mna.GetHandle(_a, _a);

            public void Load()
            {
                const double k = 1e-3;
                var v = context.State.Solution[_a];
                var i = k * v * v * v;
                var g = 3 * k * v * v * c.Error;
                context.Mna.Values[_h] += g;
                context.Mna.Rhs[_a] -= i - g * v;
            }
        }
    }

    [Fact]
    public void ACorrect_LinearizationPasses()
    {
        var h = StampHarness.Dc(new Circuit(new CubicConductance("X1", "a", 1.0)));
        h.AssertStampIsJacobian(Point(("a", 0.8)));
    }

    [Fact]
    public void AConductanceWrongByTenPpm_IsDetected()
    {
        var h = StampHarness.Dc(new Circuit(new CubicConductance("X1", "a", 1 + 1e-5)));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => h.AssertStampIsJacobian(Point(("a", 0.8))));
    }
}
