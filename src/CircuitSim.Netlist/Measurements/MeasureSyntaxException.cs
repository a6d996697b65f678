namespace CircuitSim.Netlist.Measurements;

/// <summary>A <c>.meas</c> statement that cannot be parsed.</summary>
public sealed class MeasureSyntaxException : Exception
{
    /// <param name="message">What is wrong, e.g. "TRIG v(in) needs VAL=".</param>
    /// <param name="column">0-based column in the text given to <see cref="MeasureParser.Parse"/>.</param>
    /// <param name="expected">What would have been accepted there, e.g. "VAL=" or "TRAN, DC or AC".</param>
    public MeasureSyntaxException(string message, int column, string expected)
        : base(message)
    {
        Column = column;
        Expected = expected;
    }

    /// <summary>0-based column in the statement text (the text after <c>.meas</c>).</summary>
    public int Column { get; }

    /// <summary>What would have been accepted at <see cref="Column"/>.</summary>
    public string Expected { get; }
}
