using MathNet.Numerics.Statistics;

namespace CircuitSim.Sweeps;

/// <summary>Statistics of one measurement or vector over the points that have a value.</summary>
public sealed record ColumnSummary
{
    public required string Name { get; init; }
    /// <summary>Points with a value.</summary>
    public required int Count { get; init; }
    public double? Mean { get; init; }
    /// <summary>Sample standard deviation (N − 1).</summary>
    public double? StandardDeviation { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
    /// <summary>Quantiles at 1, 5, 25, 50, 75, 95, 99 % (MathNet's default estimator, R-8, approximately median-unbiased).</summary>
    public required Dictionary<string, double?> Quantiles { get; init; }
}

/// <summary>The yield: the share of the planned points that ran, succeeded and met every limit.</summary>
public sealed record YieldSummary
{
    public required List<MeasureLimit> Limits { get; init; }
    public required int Passed { get; init; }
    /// <summary>Points that ran (ok or failed); a failed point or a missing value fails the limits.</summary>
    public required int Counted { get; init; }
    public double? Yield { get; init; }
    /// <summary>Wilson 95 % interval of the yield.</summary>
    public double? Lower95 { get; init; }
    public double? Upper95 { get; init; }
}

/// <summary>What <c>summary.json</c> holds.</summary>
public sealed record SweepSummary
{
    public required int Points { get; init; }
    public required int Ok { get; init; }
    public required int Failed { get; init; }
    public required int Missing { get; init; }
    public required List<ColumnSummary> Columns { get; init; }
    public YieldSummary? Yield { get; init; }
    /// <summary>Every failed point with its error.</summary>
    public required List<FailedPoint> Failures { get; init; }

    private static readonly double[] QuantileLevels = { 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99 };

    public static SweepSummary Of(ResultTable table)
    {
        var rows = table.Rows;
        var columns = table.ValueColumns.Select(c =>
        {
            var x = rows.Where(r => r.Status == PointStatus.Ok).Select(r => r.Value(c)).Where(v => v is { } d && double.IsFinite(d)).Select(v => v!.Value).ToArray();
            return new ColumnSummary
            {
                Name = c,
                Count = x.Length,
                Mean = x.Length > 0 ? x.Mean() : null,
                StandardDeviation = x.Length > 1 ? x.StandardDeviation() : null,
                Min = x.Length > 0 ? x.Min() : null,
                Max = x.Length > 0 ? x.Max() : null,
                Quantiles = QuantileLevels.ToDictionary(q => $"p{q * 100:0}", q => x.Length > 0 ? Statistics.Quantile(x, q) : (double?)null),
            };
        }).ToList();
        YieldSummary? yield = null;
        if (table.Plan.Limits.Count > 0)
        {
            var counted = rows.Where(r => r.Status != PointStatus.Missing).ToList();
            var passed = counted.Count(r => r.Status == PointStatus.Ok && table.Plan.Limits.All(l => Meets(r.Value(l.Name), l)));
            var (lo, hi) = Wilson(passed, counted.Count);
            yield = new YieldSummary
            {
                Limits = table.Plan.Limits,
                Passed = passed,
                Counted = counted.Count,
                Yield = counted.Count > 0 ? (double)passed / counted.Count : null,
                Lower95 = lo,
                Upper95 = hi,
            };
        }
        return new SweepSummary
        {
            Points = rows.Count,
            Ok = rows.Count(r => r.Status == PointStatus.Ok),
            Failed = rows.Count(r => r.Status == PointStatus.Failed),
            Missing = rows.Count(r => r.Status == PointStatus.Missing),
            Columns = columns,
            Yield = yield,
            Failures = rows.Where(r => r.Status == PointStatus.Failed).Select(r => new FailedPoint(r.Point.Index, r.Result!.Error ?? "")).ToList(),
        };
    }

    private static bool Meets(double? v, MeasureLimit l) =>
        v is { } x && double.IsFinite(x) && (l.Min is null || x >= l.Min) && (l.Max is null || x <= l.Max);

    /// <summary>Wilson score interval at z = 1.96.</summary>
    private static (double? Lo, double? Hi) Wilson(int passed, int n)
    {
        if (n == 0) return (null, null);
        const double z = 1.959963984540054;
        double p = (double)passed / n, z2 = z * z;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}

public sealed record FailedPoint(int Point, string Error);
