namespace CircuitSim.Spintronics.Amm.Analysis;

/// <summary>
/// When a driven response has settled: a per-period measure (a Lissajous area, a mean resistance) that stops
/// changing from one period to the next.
/// </summary>
public static class SteadyState
{
    /// <summary>
    /// The first period index p such that every later period differs from its predecessor by at most
    /// <paramref name="relativeTolerance"/> of the largest |value| among them; <paramref name="values"/>.Count when
    /// even the last two periods differ by more (no steady state reached).
    /// </summary>
    public static int FirstSteadyPeriod(IReadOnlyList<double> values, double relativeTolerance)
    {
        int n = values.Count;
        if (n < 2) return n;
        int first = n - 1;
        double scale = Math.Abs(values[n - 1]);
        for (int p = n - 1; p >= 1; p--)
        {
            scale = Math.Max(scale, Math.Max(Math.Abs(values[p]), Math.Abs(values[p - 1])));
            if (Math.Abs(values[p] - values[p - 1]) > relativeTolerance * scale) break;
            first = p - 1;
        }
        return first == n - 1 ? n : first;
    }

    /// <summary>
    /// How far each period of a uniformly sampled waveform is from repeating the one before:
    /// r_p = max_t |y(t) − y(t − T)| / (max y − min y over both periods), for p = 1 … (samples − 1)/perPeriod − 1.
    /// A free oscillation at another frequency (a ringing mode), a drift or a beat all keep r_p up; a periodic
    /// response brings it to the interpolation noise.
    /// </summary>
    public static List<double> PeriodicityResiduals(IReadOnlyList<double> samples, int perPeriod)
    {
        var residuals = new List<double>();
        int periods = (samples.Count - 1) / perPeriod;
        for (int p = 1; p < periods; p++)
        {
            double worst = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
            for (int k = 0; k <= perPeriod; k++)
            {
                double now = samples[p * perPeriod + k], before = samples[(p - 1) * perPeriod + k];
                worst = Math.Max(worst, Math.Abs(now - before));
                min = Math.Min(min, Math.Min(now, before));
                max = Math.Max(max, Math.Max(now, before));
            }
            residuals.Add(max > min ? worst / (max - min) : 0);
        }
        return residuals;
    }

    /// <summary>The first index from which every value stays at or below <paramref name="tolerance"/>; the count when
    /// the last one does not.</summary>
    public static int FirstBelow(IReadOnlyList<double> values, double tolerance)
    {
        int first = values.Count;
        for (int p = values.Count - 1; p >= 0 && values[p] <= tolerance; p--) first = p;
        return first;
    }

    /// <summary>True when the last <paramref name="periods"/> values all lie within the tolerance (see above).</summary>
    public static bool IsSteady(IReadOnlyList<double> values, int periods, double relativeTolerance) =>
        values.Count >= periods && FirstSteadyPeriod(values, relativeTolerance) <= values.Count - periods;
}
