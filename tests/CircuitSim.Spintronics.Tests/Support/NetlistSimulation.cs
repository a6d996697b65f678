using CircuitSim.Netlist.Running;
using CircuitSim.Netlist.Semantics;

namespace CircuitSim.Spintronics.Tests.Support;

/// <summary>The accepted points of one analysis: the scale (time, swept value; empty for .op) and the probed vectors.</summary>
public sealed class Waveforms
{
    private readonly Dictionary<string, double[]> _vectors;

    public Waveforms(double[] scale, Dictionary<string, double[]> vectors)
    {
        Scale = scale;
        _vectors = vectors;
    }

    public double[] Scale { get; }

    public double[] this[string name] => _vectors[name];
}

/// <summary>Reads a netlist text with the standard reader (magnetic devices included) and runs its single analysis,
/// recording the requested vectors (v(…), i(…), @dev[quantity]) at every accepted point.</summary>
public static class NetlistSimulation
{
    public static Waveforms Run(string text, params string[] vectors) => Run(text, null, vectors);

    /// <summary>As <see cref="Run(string, string[])"/>, stopping after the first point at which
    /// <paramref name="stop"/> (given the time and the vectors' present values) is true.</summary>
    public static Waveforms Run(string text, Func<double, double[], bool>? stop, params string[] vectors)
    {
        var netlist = new NetlistReader(CircuitSim.Spintronics.SpintronicFamilies.Registry()).ReadText(text, "test.cir");
        var analysis = Assert.Single(netlist.Analyses);
        var sim = new NetlistRunner(netlist).CreateSimulation(netlist.Circuit, analysis);
        var probes = vectors.Select(sim.CreateProbe).ToArray();
        var scale = new List<double>();
        var values = vectors.Select(_ => new List<double>()).ToArray();
        var present = new double[probes.Length];
        foreach (var p in sim.Run())
        {
            scale.Add(p.Scale);
            for (var i = 0; i < probes.Length; i++) values[i].Add(present[i] = probes[i].Value);
            if (stop?.Invoke(p.Scale, present) == true) break;
        }
        Assert.NotEmpty(scale); // checks over the points must not pass on none
        var map = new Dictionary<string, double[]>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < vectors.Length; i++) map[vectors[i]] = values[i].ToArray();
        return new Waveforms(scale.ToArray(), map);
    }
}
