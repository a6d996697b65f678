namespace CircuitSim.Spintronics.Tests.Support;

/// <summary>Sample statistics for the stochastic tests.</summary>
public static class Statistics
{
    public static double Mean(IReadOnlyList<double> x) => x.Average();

    public static double Variance(IReadOnlyList<double> x)
    {
        var m = x.Average();
        return x.Sum(v => (v - m) * (v - m)) / (x.Count - 1);
    }

    /// <summary>Standard error of the mean of independent samples.</summary>
    public static double StandardError(IReadOnlyList<double> x) => Math.Sqrt(Variance(x) / x.Count);

    /// <summary>
    /// Integrated autocorrelation time of a stationary series in samples, τ = 1/2 + Σ_{k≥1} ρ(k), summed up to the
    /// first window M with M ≥ 6τ(M) (Sokal's automatic windowing), so that Var(mean) = 2τ·σ²/N.
    /// </summary>
    public static double IntegratedAutocorrelationTime(IReadOnlyList<double> x)
    {
        var n = x.Count;
        var m = x.Average();
        var c0 = x.Sum(v => (v - m) * (v - m)) / n;
        var tau = 0.5;
        for (var k = 1; k < n / 10; k++)
        {
            double c = 0;
            for (var i = 0; i + k < n; i++) c += (x[i] - m) * (x[i + k] - m);
            tau += c / (n * c0);
            if (k >= 6 * tau) return tau;
        }
        throw new InvalidOperationException("the series is too short for its correlation time");
    }

    /// <summary>Standard error of the mean of a correlated stationary series: √(2τ·σ²/N).</summary>
    public static double CorrelatedStandardError(IReadOnlyList<double> x) =>
        Math.Sqrt(2 * IntegratedAutocorrelationTime(x) * Variance(x) / x.Count);
}
