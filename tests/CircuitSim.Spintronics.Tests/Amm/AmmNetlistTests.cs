using CircuitSim.Core.Simulations;
using CircuitSim.Netlist;
using CircuitSim.Netlist.Semantics;
using static CircuitSim.Spintronics.Tests.Amm.AmmTestCircuits;

namespace CircuitSim.Spintronics.Tests.Amm;

/// <summary>YAMM in the netlist language: parameters, states, errors people can act on.</summary>
public class AmmNetlistTests
{
    [Fact]
    public void RingInACircuit_RunsAndExposesItsProbes()
    {
        var plot = Run(Driven("state=vortex relax=0", 10e-6, 1e9, 0.5),
            "@y1[r]", "@y1[drdt]", "@y1[beta]", "@y1[eta]", "@y1[mt]", "@y1[mr]", "@y1[mz]", "@y1[winding]", "@y1[i]", "@y1[j]", "@y1[drhodt]", "@y1[tm2]");
        Assert.True(plot.Count > 10);
        foreach (var name in plot.Info.VectorNames)
            Assert.All(plot[name], v => Assert.True(double.IsFinite(v), $"{name} is not finite"));
        Assert.All(plot["@y1[winding]"], w => Assert.Equal(1, w, 1e-9));
        // j = I/(w t) along the ring
        var i = plot["@y1[i]"];
        var j = plot["@y1[j]"];
        for (int k = 0; k < plot.Count; k++) Assert.Equal(i[k] / 1e-16, j[k], 1e-9 * Math.Abs(j[k]) + 1e-3);
    }

    [Fact]
    public void UnknownState_IsAClearError()
    {
        var failure = Failure(Driven("state=3dwx", 1e-6, 1e9, 1));
        Assert.IsType<CircuitException>(failure); // the CLI reports it as bad input (exit code 2), without a stack trace
        Assert.Contains("y1: unknown AMM state '3dwx'", failure!.Message);
        Assert.Contains("vortex", failure.Message); // the message lists what is expected
    }

    [Fact]
    public void OddNumberOfWalls_IsRejected()
    {
        var failure = Failure(Driven("state=3dw", 1e-6, 1e9, 1));
        Assert.IsType<CircuitException>(failure);
        Assert.Contains("pairs", failure!.Message);
    }

    [Fact]
    public void StateThatNeedsACount_SaysSo()
    {
        var failure = Failure(Driven("state=ndw relax=0", 1e-6, 1e9, 0.1));
        Assert.IsType<CircuitException>(failure);
        Assert.Contains("nwall=", failure!.Message);
        Assert.Null(Failure(Driven("state=ndw nwall=4 relax=0", 1e-6, 1e9, 0.1)));
    }

    [Fact]
    public void MissingProfileFile_IsAClearError()
    {
        var failure = Failure(Driven("state=profile profile=no-such-profile.txt relax=0", 1e-6, 1e9, 0.1));
        Assert.IsType<CircuitException>(failure);
        Assert.Contains("y1", failure!.Message);
        Assert.Contains("profile file 'no-such-profile.txt' not found", failure.Message);
    }

    [Fact]
    public void MalformedProfileFile_NamesTheLine()
    {
        var path = Path.Combine(Path.GetTempPath(), $"amm-bad-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, "# mT mR mz\n1 0 0\n1 zero 0\n");
        try
        {
            var failure = Failure(Driven($"state=profile profile={path} relax=0", 1e-6, 1e9, 0.1));
            Assert.Contains(":3: 'zero' is not a number", failure!.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ProfileFile_SetsTheInitialTexture()
    {
        // a coarse profile of the vortex given in local components (θ in degrees): the ring starts at R_off
        var path = Path.Combine(Path.GetTempPath(), $"amm-vortex-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, "# theta mT mR mz\n0 1 0 0\n90 1 0 0\n180 1 0 0\n270 1 0 0\n");
        try
        {
            var plot = Run(Driven($"state=profile profile={path} relax=0", 1e-9, 1e9, 0.05), "@y1[r]", "@y1[roff]");
            Assert.Equal(plot["@y1[roff]"][0], plot["@y1[r]"][0], 1e-12 * plot["@y1[r]"][0]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void UnknownInstanceParameter_ListsTheKnownOnes()
    {
        var e = Assert.Throws<NetlistException>(() => new NetlistReader(CircuitSim.Spintronics.SpintronicFamilies.Registry()).ReadText(Driven("stat=vortex", 1e-6, 1e9, 1), "bad.cir"));
        var d = Assert.Single(e.Errors);
        Assert.Contains("unknown parameter 'stat'", d.Message);
        Assert.Contains("state", d.Expected);
    }

    [Fact]
    public void SteppedFrequency_SetsEachRunsStopTime()
    {
        // .tran {20/f} under .step param f: the analysis line is read again for every step value
        const string text = """
            stepped tstop
            .param f=1g
            .model pyfast AMM (ncell=16)
            I1 0 a SIN(0 1u {f})
            YAMM y1 a 0 pyfast relax=0
            .tran {0.05/f} {2/f}
            .step param f list 1g 2g
            .end
            """;
        var netlist = new NetlistReader(CircuitSim.Spintronics.SpintronicFamilies.Registry()).ReadText(text, "step.cir");
        var (outcomes, recorder) = new CircuitSim.Netlist.Running.NetlistRunner(netlist).RunToMemory();
        Assert.Equal(2, outcomes.Count);
        Assert.All(outcomes, o => Assert.Null(o.Failure));
        Assert.Equal(2e-9, recorder.Plots[0].Scale[^1], 1e-18);
        Assert.Equal(1e-9, recorder.Plots[1].Scale[^1], 1e-18);
    }
}
