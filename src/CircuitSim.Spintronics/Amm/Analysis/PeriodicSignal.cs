namespace CircuitSim.Spintronics.Amm.Analysis;

/// <summary>
/// Waveform helpers for periodically driven runs, on the (possibly non-uniform) time points a transient returns.
/// </summary>
public static class PeriodicSignal
{
    /// <summary>
    /// The drive frequency (Hz) from the rising zero crossings of <paramref name="drive"/>: (number of crossings − 1)
    /// over the time between the first and the last. NaN with fewer than two rising crossings.
    /// </summary>
    public static double Frequency(IReadOnlyList<double> time, IReadOnlyList<double> drive)
    {
        var rising = ZeroCrossings(time, drive, rising: true);
        return rising.Count < 2 ? double.NaN : (rising.Count - 1) / (rising[^1] - rising[0]);
    }

    /// <summary>Times (s) where the signal crosses zero upwards (or downwards), by linear interpolation.</summary>
    public static List<double> ZeroCrossings(IReadOnlyList<double> time, IReadOnlyList<double> signal, bool rising)
    {
        var result = new List<double>();
        for (int i = 1; i < signal.Count; i++)
        {
            double a = signal[i - 1], b = signal[i];
            bool up = a < 0 && b >= 0, down = a > 0 && b <= 0;
            if (rising ? up : down) result.Add(time[i - 1] + (time[i] - time[i - 1]) * a / (a - b));
        }
        return result;
    }

    /// <summary>
    /// Resamples y(t) onto <paramref name="count"/> equally spaced times from <paramref name="start"/> to
    /// <paramref name="end"/> (inclusive); time must increase. Cubic Hermite interpolation with slopes from the
    /// three-point divided differences (error O(h⁴) on smooth data, where a polygon through the points errs by O(h²):
    /// at 100 points per period that is the difference between ~1e-5 and ~3 % in a Lissajous area); linear on the
    /// first and last interval and across repeated time points.
    /// </summary>
    public static double[] Resample(IReadOnlyList<double> time, IReadOnlyList<double> y, double start, double end, int count)
    {
        if (count < 2) throw new ArgumentOutOfRangeException(nameof(count));
        if (time.Count != y.Count || time.Count < 2) throw new ArgumentException("time and values must have the same length (≥ 2)");
        if (start < time[0] - 1e-12 * Math.Abs(time[0]) || end > time[^1] * (1 + 1e-12)) throw new ArgumentException("the window lies outside the waveform");
        var result = new double[count];
        int j = 0;
        for (int i = 0; i < count; i++)
        {
            double t = start + (end - start) * i / (count - 1);
            while (j < time.Count - 2 && time[j + 1] < t) j++;
            double t0 = time[j], t1 = time[j + 1], h = t1 - t0;
            double f = h > 0 ? Math.Clamp((t - t0) / h, 0, 1) : 0;
            double linear = y[j] + f * (y[j + 1] - y[j]);
            if (j == 0 || j + 2 >= time.Count || !(h > 0) || !(t0 > time[j - 1]) || !(time[j + 2] > t1))
            {
                result[i] = linear;
                continue;
            }
            double m0 = Slope(time, y, j), m1 = Slope(time, y, j + 1);
            double f2 = f * f, f3 = f2 * f;
            result[i] = (2 * f3 - 3 * f2 + 1) * y[j] + (f3 - 2 * f2 + f) * h * m0 + (-2 * f3 + 3 * f2) * y[j + 1] + (f3 - f2) * h * m1;
        }
        return result;
    }

    /// <summary>dy/dt at point k from the quadratic through k − 1, k, k + 1 (non-uniform spacing).</summary>
    private static double Slope(IReadOnlyList<double> time, IReadOnlyList<double> y, int k)
    {
        double ha = time[k] - time[k - 1], hb = time[k + 1] - time[k];
        double da = (y[k] - y[k - 1]) / ha, db = (y[k + 1] - y[k]) / hb;
        return (hb * da + ha * db) / (ha + hb);
    }

    /// <summary>Time average of y over [start, end] (trapezoid rule on the resampled grid).</summary>
    public static double Mean(IReadOnlyList<double> time, IReadOnlyList<double> y, double start, double end, int samples = 4001)
    {
        var r = Resample(time, y, start, end, samples);
        double s = 0.5 * (r[0] + r[^1]);
        for (int i = 1; i < r.Length - 1; i++) s += r[i];
        return s / (r.Length - 1);
    }
}
