namespace CircuitSim.Netlist.Measurements;

/// <summary>
/// A recorded analysis as seen by <c>.meas</c>: one real scale (time, swept source value or frequency) and named real
/// vectors of the same length. Names are lower-case, ngspice style: <c>v(out)</c>, <c>v(x1.mid)</c>, <c>i(vin)</c>,
/// <c>@m1[id]</c>. For AC the producer passes derived real vectors (<c>vm(out)</c>, <c>vdb(out)</c>, <c>vp(out)</c> in
/// radians as ngspice 39 measures it, <c>vr(out)</c>, <c>vi(out)</c>) and <c>v(out)</c> as the magnitude.
/// </summary>
public interface IWaveformTable
{
    /// <summary>Name of the scale vector, e.g. <c>time</c>, <c>v-sweep</c>, <c>frequency</c>.</summary>
    string ScaleName { get; }

    /// <summary>The scale values, one per recorded point.</summary>
    ReadOnlySpan<double> Scale { get; }

    /// <summary>Looks up a vector by its (lower-case) name.</summary>
    bool TryGetVector(string name, out double[] values);

    /// <summary>
    /// Names of the recorded vectors, used only to list a few alternatives in "no such vector" failure messages.
    /// The default is empty; implementations should override it.
    /// </summary>
    IEnumerable<string> VectorNames => Array.Empty<string>();
}

/// <summary>The analysis a <c>.meas</c> statement applies to.</summary>
public enum MeasureAnalysis
{
    Tran,
    Dc,
    Ac,
}
