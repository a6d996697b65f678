using CircuitSim.Core.Simulations;

namespace CircuitSim.Core.Tests.Support;

/// <summary>Runs an analysis and records the scale and a set of probes at every export point.</summary>
internal static class Run
{
    public sealed record Trace(double[] Scale, double[][] Values)
    {
        public int Count => Scale.Length;
        public double[] this[int probe] => Values[probe];
    }

    public static Trace Record(Simulation sim, params string[] probes)
    {
        var ps = probes.Select(sim.CreateProbe).ToArray();
        var scale = new List<double>();
        var values = probes.Select(_ => new List<double>()).ToArray();
        foreach (var point in sim.Run())
        {
            scale.Add(point.Scale);
            for (var k = 0; k < ps.Length; k++) values[k].Add(ps[k].Value);
        }
        // every analysis yields at least one point when it does not throw: checks over the points must not pass on none
        Assert.NotEmpty(scale);
        return new Trace(scale.ToArray(), values.Select(v => v.ToArray()).ToArray());
    }

    /// <summary>The largest |simulated − expected| over the trace of probe <paramref name="probe"/>.</summary>
    public static double MaxError(Trace trace, int probe, Func<double, double> expected)
    {
        double worst = 0;
        for (var k = 0; k < trace.Count; k++) worst = Math.Max(worst, Math.Abs(trace[probe][k] - expected(trace.Scale[k])));
        return worst;
    }
}
