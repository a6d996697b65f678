namespace CircuitSim.Output;

/// <summary>Physical kind of a simulation vector; decides the raw-file type name and the plot unit.</summary>
public enum VectorKind
{
    /// <summary>Unitless or unknown (raw type <c>notype</c>).</summary>
    Other = 0,
    /// <summary>Time in seconds (raw type <c>time</c>).</summary>
    Time,
    /// <summary>Frequency in hertz (raw type <c>frequency</c>).</summary>
    Frequency,
    /// <summary>Voltage in volts (raw type <c>voltage</c>).</summary>
    Voltage,
    /// <summary>Current in amperes (raw type <c>current</c>).</summary>
    Current,
    /// <summary>Resistance in ohms (raw type <c>impedance</c>), e.g. a memristor's <c>@m1[r]</c>.</summary>
    Resistance,
    /// <summary>Conductance in siemens (raw type <c>admittance</c>), e.g. <c>@m1[g]</c>.</summary>
    Conductance,
}

/// <summary>Helpers mapping <see cref="VectorKind"/> to raw type names, units and axis titles.</summary>
public static class VectorKinds
{
    /// <summary>The type name ngspice writes in the <c>Variables:</c> section.</summary>
    public static string RawTypeName(VectorKind kind) => kind switch
    {
        VectorKind.Time => "time",
        VectorKind.Frequency => "frequency",
        VectorKind.Voltage => "voltage",
        VectorKind.Current => "current",
        VectorKind.Resistance => "impedance",
        VectorKind.Conductance => "admittance",
        _ => "notype",
    };

    /// <summary>Kind for a raw type name; unknown names (notype, temperature, ...) give <see cref="VectorKind.Other"/>.</summary>
    public static VectorKind FromRawTypeName(string typeName) => typeName.ToLowerInvariant() switch
    {
        "time" => VectorKind.Time,
        "frequency" => VectorKind.Frequency,
        "voltage" => VectorKind.Voltage,
        "current" => VectorKind.Current,
        "impedance" => VectorKind.Resistance,
        "admittance" => VectorKind.Conductance,
        _ => VectorKind.Other,
    };

    /// <summary>SI unit symbol: s, Hz, V, A, or empty for <see cref="VectorKind.Other"/>.</summary>
    public static string Unit(VectorKind kind) => kind switch
    {
        VectorKind.Time => "s",
        VectorKind.Frequency => "Hz",
        VectorKind.Voltage => "V",
        VectorKind.Current => "A",
        VectorKind.Resistance => "Ω",
        VectorKind.Conductance => "S",
        _ => "",
    };

    /// <summary>Quantity name used for axis titles: Time, Frequency, Voltage, Current, or empty.</summary>
    public static string Quantity(VectorKind kind) => kind switch
    {
        VectorKind.Time => "Time",
        VectorKind.Frequency => "Frequency",
        VectorKind.Voltage => "Voltage",
        VectorKind.Current => "Current",
        VectorKind.Resistance => "Resistance",
        VectorKind.Conductance => "Conductance",
        _ => "",
    };

    /// <summary>
    /// Guesses the kind from an ngspice-style vector name: <c>time</c>, <c>frequency</c>,
    /// <c>v(...)</c>, <c>i(...)</c>, <c>@dev[i...]</c> (currents such as <c>@m1[id]</c>), <c>@dev[r]</c> (a resistance)
    /// and <c>@dev[g]</c> (a conductance).
    /// When <paramref name="isScale"/> is true a bare source name such as <c>vin</c> or <c>i1</c>
    /// (the first column of a DC sweep CSV) is taken as a voltage or current.
    /// </summary>
    public static VectorKind Guess(string name, bool isScale = false)
    {
        var n = name.Trim().ToLowerInvariant();
        if (n == "time") return VectorKind.Time;
        if (n is "frequency" or "freq") return VectorKind.Frequency;
        if (n.StartsWith("v(", StringComparison.Ordinal) || n.StartsWith("vm(", StringComparison.Ordinal)) return VectorKind.Voltage;
        if (n.StartsWith("i(", StringComparison.Ordinal) || n.EndsWith("#branch", StringComparison.Ordinal)) return VectorKind.Current;
        if (n.StartsWith('@'))
        {
            int b = n.IndexOf('[');
            if (b > 0 && b + 1 < n.Length && n[b + 1] == 'i') return VectorKind.Current;
            if (b > 0 && b + 1 < n.Length && n[b + 1] == 'v') return VectorKind.Voltage;
            if (n.EndsWith("[r]", StringComparison.Ordinal)) return VectorKind.Resistance;
            if (n.EndsWith("[g]", StringComparison.Ordinal)) return VectorKind.Conductance;
            return VectorKind.Other;
        }
        if (isScale && n.Length > 0 && !n.Contains('('))
        {
            if (n[0] == 'v') return VectorKind.Voltage;
            if (n[0] == 'i') return VectorKind.Current;
        }
        return VectorKind.Other;
    }
}
