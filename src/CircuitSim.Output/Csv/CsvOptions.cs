namespace CircuitSim.Output;

/// <summary>How complex vectors are written to CSV (two columns each).</summary>
public enum CsvComplexFormat
{
    /// <summary><c>real(v(out))</c>, <c>imag(v(out))</c>: lossless (default).</summary>
    RealImaginary = 0,
    /// <summary><c>mag(v(out))</c>, <c>ph(v(out))</c>: magnitude and phase in radians (ngspice's <c>ph</c>).</summary>
    MagnitudePhase = 1,
}

/// <summary>CSV writer options.</summary>
public sealed record CsvOptions
{
    public static CsvOptions Default { get; } = new();

    public CsvComplexFormat ComplexFormat { get; init; } = CsvComplexFormat.RealImaginary;

    /// <summary>Field separator (default comma).</summary>
    public char Separator { get; init; } = ',';
}
