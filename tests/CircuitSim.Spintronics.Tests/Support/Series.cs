namespace CircuitSim.Spintronics.Tests.Support;

/// <summary>Small operations on sampled waveforms: interpolation, level crossings, straight-line fits.</summary>
public static class Series
{
    /// <summary>y at x by linear interpolation of the samples (clamped at the ends); xs ascending.</summary>
    public static double Interpolate(double[] xs, double[] ys, double x)
    {
        if (x <= xs[0]) return ys[0];
        if (x >= xs[^1]) return ys[^1];
        int lo = 0, hi = xs.Length - 1;
        while (hi - lo > 1)
        {
            var mid = (lo + hi) / 2;
            if (xs[mid] <= x) lo = mid; else hi = mid;
        }
        var span = xs[hi] - xs[lo];
        return span == 0 ? ys[hi] : ys[lo] + (ys[hi] - ys[lo]) * (x - xs[lo]) / span;
    }

    /// <summary>The first x at or after <paramref name="from"/> where ys reaches <paramref name="level"/> (either
    /// direction), linearly interpolated between samples; null if it never does.</summary>
    public static double? FirstCrossing(double[] xs, double[] ys, double level, double from = double.NegativeInfinity)
    {
        for (var k = 1; k < xs.Length; k++)
        {
            if (xs[k] < from) continue;
            double a = ys[k - 1] - level, b = ys[k] - level;
            if (a == 0) return xs[k - 1];
            if (a * b <= 0) return xs[k - 1] + (xs[k] - xs[k - 1]) * a / (a - b);
        }
        return null;
    }

    /// <summary>Least-squares line y = a + b·x; returns (a, b, largest |residual|).</summary>
    public static (double Intercept, double Slope, double MaxResidual) FitLine(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var n = x.Count;
        double mx = x.Average(), my = y.Average(), sxx = 0, sxy = 0;
        for (var i = 0; i < n; i++)
        {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        var b = sxy / sxx;
        var a = my - b * mx;
        var worst = 0.0;
        for (var i = 0; i < n; i++) worst = Math.Max(worst, Math.Abs(y[i] - a - b * x[i]));
        return (a, b, worst);
    }

    /// <summary>Composite Simpson rule of f over [a, b] with n (even) intervals.</summary>
    public static double Simpson(Func<double, double> f, double a, double b, int n)
    {
        if (n % 2 == 1) n++;
        var h = (b - a) / n;
        var s = f(a) + f(b);
        for (var i = 1; i < n; i++) s += (i % 2 == 1 ? 4 : 2) * f(a + i * h);
        return s * h / 3;
    }
}
