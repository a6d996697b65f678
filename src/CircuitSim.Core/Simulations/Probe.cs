using System.Numerics;
using CircuitSim.Core.Behaviors;

namespace CircuitSim.Core.Simulations;

/// <summary>
/// A named quantity read at every export point, spelled as ngspice names vectors: <c>v(out)</c>, <c>v(a,b)</c>,
/// <c>i(vin)</c> (current into the source's + terminal), <c>@m1[id]</c>. In AC, <see cref="ComplexValue"/> holds the
/// phasor; the names <c>vm(…)</c>, <c>vp(…)</c>, <c>vdb(…)</c>, <c>vr(…)</c>, <c>vi(…)</c> (and the i forms) read
/// magnitude, phase in degrees, dB, real and imaginary parts.
/// </summary>
public abstract class Probe
{
    protected Probe(string name) => Name = name;

    public string Name { get; }

    /// <summary>Unit kind of the quantity (for axis labels and raw-file types).</summary>
    public virtual ProbeKind Kind => ProbeKind.Other;

    public abstract double Value { get; }

    public virtual Complex ComplexValue => Value;
}

public enum ProbeKind { Voltage, Current, Other }

/// <summary>How a complex value is turned into a real one for an AC probe.</summary>
internal enum AcPart { Complex, Magnitude, Phase, Decibel, Real, Imaginary }

internal sealed class DifferenceProbe : Probe
{
    private readonly Simulation _sim;
    private readonly int _a, _b;
    private readonly ProbeKind _kind;
    private readonly AcPart _part;

    public DifferenceProbe(string name, Simulation sim, int a, int b, ProbeKind kind, AcPart part) : base(name)
    {
        _sim = sim; _a = a; _b = b; _kind = kind; _part = part;
    }

    public override ProbeKind Kind => _kind;

    public override double Value
    {
        get
        {
            if (_sim.AcSolution is { } ac && _part != AcPart.Complex) return Reduce(ac[_a] - ac[_b], _part);
            var x = _sim.State.Solution;
            return x[_a] - x[_b];
        }
    }

    public override Complex ComplexValue
    {
        get
        {
            if (_sim.AcSolution is { } ac)
            {
                var c = ac[_a] - ac[_b];
                return _part == AcPart.Complex ? c : Reduce(c, _part);
            }
            return Value;
        }
    }

    private static double Reduce(Complex c, AcPart part) => part switch
    {
        AcPart.Magnitude => c.Magnitude,
        AcPart.Phase => c.Phase * 180 / Math.PI,
        AcPart.Decibel => 20 * Math.Log10(c.Magnitude),
        AcPart.Real => c.Real,
        AcPart.Imaginary => c.Imaginary,
        _ => c.Real,
    };
}

internal sealed class FunctionProbe : Probe
{
    private readonly Func<double> _read;
    public FunctionProbe(string name, Func<double> read) : base(name) => _read = read;
    public override double Value => _read();
}

/// <summary>Parses probe names.</summary>
internal static class ProbeParser
{
    public static Probe Create(Simulation sim, string text)
    {
        var name = text.Trim();
        var lower = name.ToLowerInvariant();
        if (lower.StartsWith('@'))
        {
            var open = lower.IndexOf('[');
            var close = lower.LastIndexOf(']');
            if (open < 2 || close < open) throw new CircuitException($"probe '{text}': expected @device[quantity]");
            var device = name[1..open];
            var quantity = name[(open + 1)..close].Trim();
            var b = sim.FindBehavior(device) ?? throw new CircuitException($"probe '{text}': no device named '{device}'");
            if (b is not IProbeSource ps)
                throw new CircuitException($"probe '{text}': device '{device}' has no probe-able quantities");
            var f = ps.GetProbe(quantity) ?? throw new CircuitException(
                $"probe '{text}': device '{device}' has no quantity '{quantity}' (it has: {string.Join(", ", ps.ProbeNames)})");
            return new FunctionProbe(lower, f);
        }

        var paren = lower.IndexOf('(');
        if (paren < 1 || !lower.EndsWith(')')) throw new CircuitException($"probe '{text}': expected v(node), v(a,b), i(source) or @device[quantity]");
        var fn = lower[..paren];
        var args = name[(paren + 1)..^1].Split(',', StringSplitOptions.TrimEntries);
        var kind = fn[0] switch { 'v' => ProbeKind.Voltage, 'i' => ProbeKind.Current, _ => throw new CircuitException($"probe '{text}': unknown function '{fn}'") };
        var part = fn[1..] switch
        {
            "" => AcPart.Complex, "m" => AcPart.Magnitude, "p" => AcPart.Phase, "db" => AcPart.Decibel,
            "r" => AcPart.Real, "i" => AcPart.Imaginary,
            _ => throw new CircuitException($"probe '{text}': unknown function '{fn}'")
        };
        var canonical = (kind == ProbeKind.Voltage ? "v" : "i") + (part == AcPart.Complex ? "" : fn[1..]) + "(" + string.Join(",", args).ToLowerInvariant() + ")";
        if (kind == ProbeKind.Voltage)
        {
            if (args.Length is < 1 or > 2) throw new CircuitException($"probe '{text}': v() takes one or two nodes");
            var a = sim.NodeIndex(args[0], text);
            var b = args.Length == 2 ? sim.NodeIndex(args[1], text) : 0;
            return new DifferenceProbe(canonical, sim, a, b, kind, part);
        }
        if (args.Length != 1) throw new CircuitException($"probe '{text}': i() takes one element name");
        var behavior = sim.FindBehavior(args[0]) ?? throw new CircuitException($"probe '{text}': no element named '{args[0]}'");
        // branch 0 is ground: an element without a branch of its own in this use (an I= B source) reports its current itself
        if (behavior is IBranchBehavior { Branch: > 0 } br) return new DifferenceProbe(canonical, sim, br.Branch, 0, kind, part);
        if (behavior is IProbeSource src && src.GetProbe("i") is { } current) return new FunctionProbe(canonical, current);
        throw new CircuitException($"probe '{text}': '{args[0]}' has no current to report");
    }
}
