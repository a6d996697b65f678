using System.Globalization;

namespace CircuitSim.Netlist.Measurements;

/// <summary>What a <c>.meas</c> statement computes.</summary>
public enum MeasureKind
{
    /// <summary><c>TRIG … TARG …</c>: targ scale value minus trig scale value.</summary>
    TrigTarg,
    /// <summary><c>FIND v AT=x</c>: value of v at scale value x.</summary>
    FindAt,
    /// <summary><c>FIND v WHEN w=val</c>: value of v where w crosses val.</summary>
    FindWhen,
    /// <summary><c>WHEN w=val</c>: scale value where w crosses val.</summary>
    When,
    Min,
    Max,
    /// <summary>Scale value where the minimum occurs (first one on ties).</summary>
    MinAt,
    /// <summary>Scale value where the maximum occurs (first one on ties).</summary>
    MaxAt,
    /// <summary><c>PP</c>: maximum minus minimum.</summary>
    PeakToPeak,
    /// <summary>Trapezoidal integral over the interval divided by its length.</summary>
    Avg,
    /// <summary>Square root of the trapezoidal integral of the squared samples divided by the interval length.</summary>
    Rms,
    /// <summary>Trapezoidal integral over the interval.</summary>
    Integ,
    /// <summary><c>PARAM='expr'</c>: an expression, evaluated by the caller's parameter callback.</summary>
    Param,
}

/// <summary>Which crossings count: both directions, rising only or falling only.</summary>
public enum CrossingEdge
{
    Cross,
    Rise,
    Fall,
}

/// <summary>A number from the statement: a literal, or a symbol (parameter name or <c>{expr}</c>/<c>'expr'</c> text)
/// resolved at evaluation through the parameter callback.</summary>
public sealed record MeasureNumber(double? Value, string? Symbol)
{
    public static MeasureNumber Literal(double value) => new(value, null);

    public override string ToString() =>
        Value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : Symbol ?? "";
}

/// <summary>Which crossing to take: the <see cref="Occurrence"/>-th (1-based) of the given <see cref="Edge"/>,
/// or the last one when <see cref="Occurrence"/> is null (<c>RISE=LAST</c>, …).</summary>
public sealed record CrossingSelector(CrossingEdge Edge, int? Occurrence)
{
    /// <summary>No RISE/FALL/CROSS given: the first crossing in either direction.</summary>
    public static CrossingSelector Default { get; } = new(CrossingEdge.Cross, 1);

    public bool IsLast => Occurrence is null;

    public override string ToString() =>
        $"{Edge.ToString().ToUpperInvariant()}={(Occurrence is { } n ? n.ToString(CultureInfo.InvariantCulture) : "LAST")}";
}

/// <summary>
/// "Signal crosses a level" as used by WHEN, FIND … WHEN, TRIG and TARG. The level is either a number
/// (<see cref="Level"/>) or another output variable (<see cref="LevelSignal"/>, as in <c>WHEN v(a)=v(b)</c>; a bare
/// name there may also be a parameter, which is decided at evaluation).
/// </summary>
public sealed class CrossingCondition
{
    internal CrossingCondition(string signal, MeasureNumber? level, string? levelSignal, CrossingSelector selector,
        MeasureNumber? td, MeasureNumber? from, MeasureNumber? to)
    {
        Signal = signal;
        Level = level;
        LevelSignal = levelSignal;
        Selector = selector;
        Td = td;
        From = from;
        To = to;
    }

    /// <summary>The output variable that crosses (normalised: lower case, no blanks).</summary>
    public string Signal { get; }

    /// <summary>The level crossed, when it is a number (or parameter).</summary>
    public MeasureNumber? Level { get; }

    /// <summary>The second output variable crossed, when the level is not a number.</summary>
    public string? LevelSignal { get; }

    public CrossingSelector Selector { get; }

    /// <summary><c>TD=</c>: crossings before this scale value are ignored.</summary>
    public MeasureNumber? Td { get; }

    /// <summary><c>FROM=</c>: crossings before this scale value are ignored.</summary>
    public MeasureNumber? From { get; }

    /// <summary><c>TO=</c>: crossings after this scale value are ignored.</summary>
    public MeasureNumber? To { get; }

    public override string ToString() =>
        $"{Signal}={(LevelSignal ?? Level?.ToString())} {Selector}" +
        (Td is null ? "" : $" TD={Td}") + (From is null ? "" : $" FROM={From}") + (To is null ? "" : $" TO={To}");
}

/// <summary>One side of a TRIG/TARG measure: either a fixed scale value (<c>AT=</c>) or a crossing.</summary>
public sealed class MeasureEndpoint
{
    internal MeasureEndpoint(MeasureNumber? at, CrossingCondition? crossing)
    {
        At = at;
        Crossing = crossing;
    }

    public MeasureNumber? At { get; }

    public CrossingCondition? Crossing { get; }

    public override string ToString() => At is not null ? $"AT={At}" : Crossing!.ToString();
}

/// <summary>A parsed <c>.meas</c> statement (see <see cref="MeasureParser.Parse"/>).</summary>
public sealed class MeasureStatement
{
    internal MeasureStatement(string text, string name, MeasureAnalysis analysis, MeasureKind kind)
    {
        Text = text;
        Name = name;
        Analysis = analysis;
        Kind = kind;
    }

    /// <summary>The statement text as given to the parser.</summary>
    public string Text { get; }

    /// <summary>The result name, as written.</summary>
    public string Name { get; }

    public MeasureAnalysis Analysis { get; }

    public MeasureKind Kind { get; }

    /// <summary>The measured output variable of FIND and of MIN/MAX/PP/AVG/RMS/INTEG (normalised).</summary>
    public string? Signal { get; internal init; }

    /// <summary><c>FIND … AT=</c>.</summary>
    public MeasureNumber? At { get; internal init; }

    /// <summary>The condition of WHEN and FIND … WHEN.</summary>
    public CrossingCondition? When { get; internal init; }

    public MeasureEndpoint? Trig { get; internal init; }

    public MeasureEndpoint? Targ { get; internal init; }

    /// <summary>Interval start of MIN/MAX/PP/AVG/RMS/INTEG.</summary>
    public MeasureNumber? From { get; internal init; }

    /// <summary>Interval end of MIN/MAX/PP/AVG/RMS/INTEG.</summary>
    public MeasureNumber? To { get; internal init; }

    /// <summary>TD of MIN/MAX/PP/AVG/RMS/INTEG: acts as a lower bound of the interval, like FROM.</summary>
    public MeasureNumber? Td { get; internal init; }

    /// <summary>The expression of a PARAM measure (quotes or braces removed).</summary>
    public string? Expression { get; internal init; }

    /// <summary>Every output variable the statement reads (a WHEN right-hand side that is a bare name is included
    /// even though it may turn out to be a parameter). Useful to make sure the vectors are recorded.</summary>
    public IReadOnlyList<string> OutputVariables { get; internal set; } = [];

    public override string ToString() => Text;
}
