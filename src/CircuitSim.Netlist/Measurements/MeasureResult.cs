namespace CircuitSim.Netlist.Measurements;

/// <summary>
/// The outcome of one <c>.meas</c>: a value, or no value and the reason (e.g. "v(out) never rises through 0.5").
/// The optional extras let a caller print ngspice-style lines (<c>targ= … trig= …</c>, <c>from= … to= …</c>, <c>at= …</c>).
/// </summary>
public sealed record MeasureResult(string Name, double? Value, string? Failure)
{
    /// <summary>True when a value was measured.</summary>
    public bool Succeeded => Value is not null;

    /// <summary>Scale value the result refers to: where MIN/MAX (and MIN_AT/MAX_AT) occurred, or the FIND/WHEN point.</summary>
    public double? At { get; init; }

    /// <summary>Start of the interval actually used by MIN/MAX/PP/AVG/RMS/INTEG.</summary>
    public double? From { get; init; }

    /// <summary>End of the interval actually used by MIN/MAX/PP/AVG/RMS/INTEG.</summary>
    public double? To { get; init; }

    /// <summary>TRIG scale value of a TRIG/TARG measure.</summary>
    public double? Trig { get; init; }

    /// <summary>TARG scale value of a TRIG/TARG measure.</summary>
    public double? Targ { get; init; }

    internal static MeasureResult Fail(string name, string failure) => new(name, null, failure);
}
