using CircuitSim.Core.Analyses;
using CircuitSim.Core.Behaviors;
using CircuitSim.Core.Simulations;
using CircuitSim.Netlist.Semantics;
using CircuitSim.Testing;

namespace CircuitSim.Spintronics.Tests.Amm;

/// <summary>The ring's Load (advance + stamp) as the engine calls it, driven point by point by the test.</summary>
public class AmmLoadTests
{
    private sealed class Stepper
    {
        private readonly Transient _sim;
        private readonly int _node;
        public readonly ILoadBehavior Load;
        public readonly IAcceptBehavior Accepter;
        public readonly IRejectBehavior Rejecter;
        public readonly IProbeSource Probes;
        public double Time;

        public Stepper(string state, string model)
        {
            var text = $"""
                AMM load
                {model}
                I1 0 a DC 0
                YAMM y1 a 0 py {state}
                .end
                """;
            var netlist = new NetlistReader(CircuitSim.Spintronics.SpintronicFamilies.Registry()).ReadText(text, "load.cir");
            _sim = new Transient(netlist.Circuit, 1e-12, 1e-9);
            _sim.Setup();
            var b = _sim.FindBehavior("y1")!;
            Load = (ILoadBehavior)b;
            Accepter = (IAcceptBehavior)b;
            Rejecter = (IRejectBehavior)b;
            Probes = (IProbeSource)b;
            Assert.True(_sim.Unknowns.TryGetIndex("a", out _node));
            _sim.State.Mode = AnalysisMode.TranOp;
            _sim.State.Time = 0;
            Accepter.Accept();
        }

        /// <summary>One trial (a Newton iteration) at time t with the ring voltage v.</summary>
        public void Trial(double t, double v)
        {
            var s = _sim.State;
            s.Mode = AnalysisMode.Transient;
            s.Solution[_node] = v;
            s.Delta = t - Time;
            s.Time = t;
            _sim.Mna.Clear();
            Load.Load();
        }

        public void Accept()
        {
            Accepter.Accept();
            Time = _sim.State.Time;
        }
    }

    private const string Model = ".model py AMM (ncell=64)";

    [Theory]
    [InlineData("state=2dw relax=0", Model)]
    [InlineData("state=2dw relax=0 temp=300", Model)]
    [InlineData("state=2dw relax=0 demag=full", Model)]
    public void AdvanceAndStamp_AllocateNothing(string state, string model)
    {
        var stepper = new Stepper(state, model);
        var r = stepper.Probes.GetProbe("r")!;
        double v(double t) => 4.4e-3 * Math.Sin(2 * Math.PI * 1e9 * t);
        for (int k = 1; k <= 5; k++)
        {
            stepper.Trial(k * 1e-11, v(k * 1e-11));
            stepper.Accept();
        }
        int step = 6;
        Assert.Equal(0, SteadyStateAllocation.FewestBytes(() =>
        {
            for (int end = step + 12; step < end; step++)
            {
                double t = step * 1e-11;
                stepper.Trial(t, 0.9 * v(t));   // first Newton iteration
                stepper.Trial(t, v(t));         // second: the voltage moved, the trial is recomputed
                stepper.Accept();
                r();
            }
        }));
    }

    [Fact]
    public void RejectedStep_StartsAgainFromTheCommittedState()
    {
        // a trial, a rejection, and the same trial again: the device must give the same texture (hence R) both times
        var stepper = new Stepper("state=2dw relax=0", Model);
        var r = stepper.Probes.GetProbe("r")!;
        stepper.Trial(1e-11, 1e-2);
        double first = r();
        stepper.Rejecter.Reject();
        stepper.Trial(2e-11, 5e-2); // a different attempt in between
        stepper.Rejecter.Reject();
        stepper.Trial(1e-11, 1e-2);
        Assert.Equal(first, r());
    }
}
