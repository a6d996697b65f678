namespace CircuitSim.Output;

/// <summary>Parts of output file names: safe characters only, and a .step run's parameter value (the CLI's writers and
/// the device families' run analyses name files alike).</summary>
public static class FileStem
{
    /// <summary>Letters, digits, '_' and '-' kept; anything else becomes '_'.</summary>
    public static string Safe(string s) => string.Concat(s.Select(ch => char.IsLetterOrDigit(ch) || ch is '_' or '-' ? ch : '_'));

    /// <summary>".r_1000" for the run of <c>.step param r …</c> at 1000 (the plot's step label "r=1000"); "" without .step.</summary>
    public static string StepSuffix(string? label) => label is null ? "" : "." + Safe(label.Replace('=', '_'));
}
