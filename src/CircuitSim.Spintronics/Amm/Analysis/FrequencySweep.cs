namespace CircuitSim.Spintronics.Amm.Analysis;

/// <summary>One point of a sweep: the swept value (a frequency in Hz, a current density in A/m²) and a response.</summary>
public readonly record struct SweepPoint(double Parameter, double Value);

/// <summary>
/// A response (Lissajous area, ΔV amplitude) against a swept drive parameter, with the location of its maximum.
/// </summary>
public sealed class FrequencySweep
{
    private readonly List<SweepPoint> _points = new();

    public IReadOnlyList<SweepPoint> Points => _points;

    public void Add(double parameter, double value) => _points.Add(new SweepPoint(parameter, value));

    /// <summary>
    /// The parameter of the largest value, refined by a parabola through it and its two neighbours in
    /// log(parameter) (frequencies are swept on a log grid); the sampled maximum itself at the ends of the sweep or
    /// when the parabola is not concave. NaN for an empty sweep.
    /// </summary>
    public double PeakParameter()
    {
        var p = _points.Where(q => double.IsFinite(q.Value) && q.Parameter > 0).OrderBy(q => q.Parameter).ToList();
        if (p.Count == 0) return double.NaN;
        int best = 0;
        for (int i = 1; i < p.Count; i++) if (p[i].Value > p[best].Value) best = i;
        if (best == 0 || best == p.Count - 1) return p[best].Parameter;
        double x0 = Math.Log(p[best - 1].Parameter), x1 = Math.Log(p[best].Parameter), x2 = Math.Log(p[best + 1].Parameter);
        double y0 = p[best - 1].Value, y1 = p[best].Value, y2 = p[best + 1].Value;
        // vertex of the parabola through three points
        double d0 = (y1 - y0) / (x1 - x0), d1 = (y2 - y1) / (x2 - x1);
        double curvature = (d1 - d0) / (x2 - x0);
        if (!(curvature < 0)) return p[best].Parameter;
        double vertex = 0.5 * (x0 + x1) - d0 / (2 * curvature);
        return Math.Exp(Math.Clamp(vertex, x0, x2));
    }
}
