using CircuitSim.Core.Expressions;

namespace CircuitSim.Core.Tests.Expressions;

/// <summary>
/// ngspice's agauss/gauss/aunif/unif/limit on the counter-based streams. Moments are checked on N = 100 000 runs of one
/// site; every tolerance is 5 standard errors of the estimate (so a correct generator fails with probability below
/// 1e-6, and the seeds are fixed, so the outcome never changes from run to run).
/// </summary>
public class StatisticalFunctionTests
{
    private const int N = 100_000;

    /// <summary>The value of one call in runs 0…N−1 of site "x1.r1:r" with seed 42.</summary>
    private static double[] Samples(string function, params double[] args)
    {
        var values = new double[N];
        for (var run = 0; run < N; run++)
        {
            var sites = new VariationSites(42, run);
            using var site = sites.Enter("x1.r1:r");
            values[run] = StatisticalFunctions.TryEvaluate(function, args, sites.Current)!.Value;
        }
        return values;
    }

    private static double Mean(double[] x) => x.Average();

    private static double Variance(double[] x)
    {
        var m = Mean(x);
        return x.Sum(v => (v - m) * (v - m)) / (x.Length - 1);
    }

    [Fact]
    public void Agauss_HasMeanNomAndDeviationAvarOverSigma()
    {
        var x = Samples("agauss", 10, 0.3, 3); // σ = 0.3/3 = 0.1
        const double sigma = 0.1;
        Assert.InRange(Mean(x), 10 - 5 * sigma / Math.Sqrt(N), 10 + 5 * sigma / Math.Sqrt(N));
        // standard error of a sample variance of normal data: σ²·sqrt(2/N)
        Assert.InRange(Variance(x), sigma * sigma * (1 - 5 * Math.Sqrt(2.0 / N)), sigma * sigma * (1 + 5 * Math.Sqrt(2.0 / N)));
    }

    [Fact]
    public void Agauss_PutsTheNormalShareWithinOneSigma()
    {
        var x = Samples("agauss", 0, 1, 1);
        var inside = x.Count(v => Math.Abs(v) <= 1) / (double)N;
        const double p = 0.682689492137;
        Assert.InRange(inside, p - 5 * Math.Sqrt(p * (1 - p) / N), p + 5 * Math.Sqrt(p * (1 - p) / N));
        var tail = x.Count(v => Math.Abs(v) > 3) / (double)N;
        const double q = 0.002699796063;
        Assert.InRange(tail, q - 5 * Math.Sqrt(q * (1 - q) / N), q + 5 * Math.Sqrt(q * (1 - q) / N));
    }

    [Fact]
    public void Gauss_VariesRelativeToTheNominalValue()
    {
        var x = Samples("gauss", 2e3, 0.1, 2); // σ = 2000·0.1/2 = 100
        const double sigma = 100;
        Assert.InRange(Mean(x), 2e3 - 5 * sigma / Math.Sqrt(N), 2e3 + 5 * sigma / Math.Sqrt(N));
        Assert.InRange(Math.Sqrt(Variance(x)), sigma * (1 - 5 / Math.Sqrt(2.0 * N)), sigma * (1 + 5 / Math.Sqrt(2.0 * N)));
    }

    [Fact]
    public void Aunif_IsUniformWithinNomPlusMinusAvar()
    {
        var x = Samples("aunif", 1, 0.5);
        Assert.All(x, v => Assert.InRange(v, 0.5, 1.5));
        // uniform on a width-1 interval: variance 1/12; standard error of the mean sqrt(1/12/N)
        Assert.InRange(Mean(x), 1 - 5 * Math.Sqrt(1.0 / 12 / N), 1 + 5 * Math.Sqrt(1.0 / 12 / N));
        // the variance of (x−m)² for a uniform: 1/80 − 1/144 (= 1/180) on width 1
        Assert.InRange(Variance(x), 1.0 / 12 - 5 * Math.Sqrt(1.0 / 180 / N), 1.0 / 12 + 5 * Math.Sqrt(1.0 / 180 / N));
    }

    [Fact]
    public void Unif_IsUniformWithinARelativeBand()
    {
        var x = Samples("unif", 4, 0.25);
        Assert.All(x, v => Assert.InRange(v, 3, 5));
        Assert.InRange(Mean(x), 4 - 5 * Math.Sqrt(4.0 / 12 / N), 4 + 5 * Math.Sqrt(4.0 / 12 / N));
        Assert.True(x.Min() < 3.01 && x.Max() > 4.99, "the draws fill the band");
    }

    [Fact]
    public void Limit_TakesNomPlusOrMinusAvarWithEqualChance()
    {
        var x = Samples("limit", 1, 0.2);
        Assert.All(x, v => Assert.True(v == 1.2 || v == 0.8, $"{v} is neither 0.8 nor 1.2"));
        var high = x.Count(v => v > 1) / (double)N;
        Assert.InRange(high, 0.5 - 5 * Math.Sqrt(0.25 / N), 0.5 + 5 * Math.Sqrt(0.25 / N));
    }

    [Fact]
    public void Limit_WithThreeArgumentsIsNotStatistical()
    {
        var sites = new VariationSites(1, 0);
        Assert.Null(StatisticalFunctions.TryEvaluate("limit", new double[] { 5, 0, 1 }, sites.Current));
    }

    [Fact]
    public void Stream_GivesTheSameBitsForTheSameSeedRunAndSite()
    {
        double Draw(ulong seed, long run, string site)
        {
            var sites = new VariationSites(seed, run);
            using var s = sites.Enter(site);
            return StatisticalFunctions.TryEvaluate("agauss", new double[] { 0, 1, 1 }, sites.Current)!.Value;
        }
        Assert.Equal(BitConverter.DoubleToInt64Bits(Draw(7, 3, "r1:#3")), BitConverter.DoubleToInt64Bits(Draw(7, 3, "R1:#3")));
        Assert.NotEqual(Draw(7, 3, "r1:#3"), Draw(7, 4, "r1:#3"));
        Assert.NotEqual(Draw(7, 3, "r1:#3"), Draw(8, 3, "r1:#3"));
        Assert.NotEqual(Draw(7, 3, "r1:#3"), Draw(7, 3, "r2:#3"));
    }

    [Fact]
    public void Stream_DoesNotDependOnWhatWasDrawnBefore()
    {
        var a = new VariationSites(5, 9);
        double first;
        using (a.Enter("r2:#3")) first = a.Current.NextGaussian();

        var b = new VariationSites(5, 9);
        using (b.Enter("r1:#3")) { b.Current.NextGaussian(); b.Current.NextGaussian(); }
        using (b.Enter("r2:#3")) Assert.Equal(first, b.Current.NextGaussian());
    }

    [Fact]
    public void Stream_DrawsOfDifferentSitesAreUncorrelated()
    {
        var a = new double[N];
        var b = new double[N];
        for (var run = 0; run < N; run++)
        {
            var sites = new VariationSites(42, run);
            using (sites.Enter("r1:#3")) a[run] = sites.Current.NextGaussian();
            using (sites.Enter("r2:#3")) b[run] = sites.Current.NextGaussian();
        }
        var correlation = a.Zip(b, (x, y) => x * y).Average() / Math.Sqrt(a.Average(x => x * x) * b.Average(y => y * y));
        // the sample correlation of independent normals has standard error 1/sqrt(N)
        Assert.InRange(correlation, -5 / Math.Sqrt(N), 5 / Math.Sqrt(N));
    }

    [Fact]
    public void Stream_SuccessiveDrawsOfOneSiteAreUncorrelated()
    {
        var a = new double[N];
        var b = new double[N];
        for (var run = 0; run < N; run++)
        {
            var sites = new VariationSites(42, run);
            using var s = sites.Enter("r1:#3");
            a[run] = sites.Current.NextGaussian();
            b[run] = sites.Current.NextGaussian();
        }
        var correlation = a.Zip(b, (x, y) => x * y).Average() / Math.Sqrt(a.Average(x => x * x) * b.Average(y => y * y));
        Assert.InRange(correlation, -5 / Math.Sqrt(N), 5 / Math.Sqrt(N));
    }

    [Theory]
    [InlineData("agauss", new double[] { 1, 0.1 })]
    [InlineData("gauss", new double[] { 1, 0.1, 1, 2 })]
    [InlineData("aunif", new double[] { 1 })]
    [InlineData("unif", new double[] { 1, 0.1, 3 })]
    public void Functions_RejectAWrongArgumentCount(string function, double[] args)
    {
        var e = Assert.Throws<ExpressionEvaluationException>(() => StatisticalFunctions.TryEvaluate(function, args, new VariationSites(1, 0).Current));
        Assert.Contains("takes", e.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Agauss_RejectsASigmaThatIsNotPositive(double sigma)
    {
        var e = Assert.Throws<ExpressionEvaluationException>(() =>
            StatisticalFunctions.TryEvaluate("agauss", new double[] { 1, 0.1, sigma }, new VariationSites(1, 0).Current));
        Assert.Contains("sigma must be a positive number", e.Message);
    }
}
