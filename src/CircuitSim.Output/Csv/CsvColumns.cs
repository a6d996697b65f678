namespace CircuitSim.Output;

/// <summary>Column naming shared by the CSV writer and reader.</summary>
internal static class CsvColumns
{
    /// <summary>In a complex plot the scale (frequency, time) takes one column: its real part.</summary>
    public static bool IsSingleColumnScale(WaveformHeader h, int index) =>
        index == 0 && h.Vectors[0].Kind is VectorKind.Frequency or VectorKind.Time;

    public static (string First, string Second) ComplexNames(string name, CsvComplexFormat format) => format switch
    {
        CsvComplexFormat.MagnitudePhase => ($"mag({name})", $"ph({name})"),
        _ => ($"real({name})", $"imag({name})"),
    };

    /// <summary>Quotes a field when it contains the separator, a quote or a line break (RFC 4180).</summary>
    public static string Quote(string field, char sep) =>
        field.IndexOfAny([sep, '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
}
