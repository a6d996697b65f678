using CircuitSim.Core.Analyses;
using CircuitSim.Core.Behaviors;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;
using CircuitSim.Devices.Passive;
using CircuitSim.Devices.Sources;

namespace CircuitSim.Core.Tests.Parallel;

/// <summary>
/// The states of a device group (a family that may evaluate on other threads) lie together, member after member in
/// the order they asked, a cache line clear of every other state: a thread evaluating the group never writes a line
/// the loading thread writes too.
/// </summary>
public class GroupedStatesTests
{
    /// <summary>A component that takes <paramref name="count"/> states, in <paramref name="group"/> when given, and
    /// records where they start.</summary>
    private sealed class StateTaker(string name, int count, object? group) : Component(name, "a", "0")
    {
        public int Start { get; private set; } = -1;
        private int Count { get; } = count;
        private object? Group { get; } = group;
        public override Behavior CreateBehavior(BindingContext context) => new Impl(this);

        private sealed class Impl(StateTaker c) : Behavior(c.Name)
        {
            public override void Setup(BindingContext context)
            {
                if (c.Group is null) c.Start = context.AllocateStates(c.Count);
                else context.AllocateGroupedStates(c.Group, c.Count, st => c.Start = st);
            }
        }
    }

    /// <summary>Entries of a cache line of states.</summary>
    private const int Line = 8;

    private static (StateTaker[] Takers, int Total) SetUp(params StateTaker[] takers)
    {
        var circuit = new Circuit(new VoltageSource("V1", "a", "0", 1.0));
        foreach (var t in takers) circuit.Add(t);
        var sim = new Transient(circuit, 1e-9, 1e-8);
        sim.Setup();
        return (takers, sim.State.States.Count);
    }

    [Fact]
    public void GroupMembers_TakeConsecutiveStatesInTheOrderTheyAsked()
    {
        var (t, _) = SetUp(new StateTaker("g1", 17, "mos"), new StateTaker("c1", 2, null), new StateTaker("g2", 17, "mos"),
            new StateTaker("c2", 2, null), new StateTaker("g3", 17, "mos"));

        Assert.Equal(t[0].Start + 17, t[2].Start);
        Assert.Equal(t[2].Start + 17, t[4].Start);
    }

    [Fact]
    public void AGroup_LiesALineClearOfEveryOtherState()
    {
        var (t, total) = SetUp(new StateTaker("g1", 17, "mos"), new StateTaker("c1", 2, null), new StateTaker("g2", 17, "mos"),
            new StateTaker("c2", 2, null));
        var (groupStart, groupEnd) = (t[0].Start, t[2].Start + 17);

        foreach (var other in new[] { t[1], t[3] })
            Assert.True(other.Start + 2 <= groupStart - Line || other.Start >= groupEnd + Line,
                $"{other.Name}'s states [{other.Start}, {other.Start + 2}) lie within a line of the group's [{groupStart}, {groupEnd})");
        Assert.True(total >= groupEnd + Line, $"the state vector ({total}) ends a line after the group ({groupEnd})");
    }

    [Fact]
    public void TwoGroups_EachLieTogether()
    {
        var (t, _) = SetUp(new StateTaker("a1", 5, "a"), new StateTaker("b1", 3, "b"), new StateTaker("a2", 5, "a"),
            new StateTaker("b2", 3, "b"));

        Assert.Equal(t[0].Start + 5, t[2].Start);
        Assert.Equal(t[1].Start + 3, t[3].Start);
        Assert.True(t[1].Start >= t[2].Start + 5 + Line, "the second group starts a line after the first ends");
    }
}
