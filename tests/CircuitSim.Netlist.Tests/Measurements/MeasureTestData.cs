using CircuitSim.Netlist.Measurements;

namespace CircuitSim.Netlist.Tests.Measurements;

/// <summary>Synthetic waveforms with known answers, and a shorthand to parse + evaluate one statement.</summary>
internal static class MeasureTestData
{
    /// <summary>Parses <paramref name="statement"/> and evaluates it on <paramref name="table"/>.</summary>
    public static MeasureResult Measure(this IWaveformTable table, string statement, Func<string, double>? parameters = null) =>
        MeasureEvaluator.Evaluate(MeasureParser.Parse(statement), table, parameters);

    /// <summary>Asserts success and returns the value.</summary>
    public static double Value(this MeasureResult result)
    {
        Assert.True(result.Value.HasValue, $"measure '{result.Name}' failed: {result.Failure}");
        return result.Value!.Value;
    }

    /// <summary>Asserts failure and returns the reason.</summary>
    public static string FailureText(this MeasureResult result)
    {
        Assert.Null(result.Value);
        Assert.NotNull(result.Failure);
        return result.Failure!;
    }

    public const double TriangleStep = 1e-6;

    /// <summary>
    /// A triangle wave on v(tri): 8 samples per period, 0 → 1 → 0 in steps of 0.25 (exact binary fractions), starting at
    /// 0, time step <see cref="TriangleStep"/>, <paramref name="periods"/> periods. Linear interpolation is exact on it,
    /// so crossings are known exactly: level 0.375 is crossed rising at (8k + 1.5)·dt and falling at (8k + 6.5)·dt.
    /// </summary>
    public static WaveformTable Triangle(int periods = 3)
    {
        int n = 8 * periods + 1;
        double[] levels = [0, 0.25, 0.5, 0.75, 1, 0.75, 0.5, 0.25];
        var t = new double[n];
        var v = new double[n];
        for (int i = 0; i < n; i++)
        {
            t[i] = i * TriangleStep;
            v[i] = levels[i % 8];
        }
        return new WaveformTable("time", t).Add("v(tri)", v);
    }

    /// <summary>Time (in units of the triangle step) → seconds.</summary>
    public static double TriangleTime(double steps) => steps * TriangleStep;

    /// <summary>A table from integer-valued scale points and exact values (for exact-arithmetic tests).</summary>
    public static WaveformTable Exact(double[] scale, params (string Name, double[] Values)[] vectors)
    {
        var table = new WaveformTable("time", scale);
        foreach (var (name, values) in vectors) table.Add(name, values);
        return table;
    }

    public const double SineFrequency = 1e3;
    public const double SineAmplitude = 2.0;
    public const double SineOffset = 0.5;
    public const int SinePointsPerPeriod = 200;

    /// <summary>
    /// v(sin) = 0.5 + 2·sin(2π·1 kHz·t), uniformly sampled with 200 points per period over <paramref name="periods"/>
    /// periods (samples fall exactly on the peaks, at 50 and 150 points into each period).
    /// </summary>
    public static WaveformTable Sine(int periods = 3)
    {
        int n = SinePointsPerPeriod * periods + 1;
        double dt = 1 / (SineFrequency * SinePointsPerPeriod);
        var t = new double[n];
        var v = new double[n];
        for (int i = 0; i < n; i++)
        {
            t[i] = i * dt;
            v[i] = SineOffset + SineAmplitude * Math.Sin(2 * Math.PI * i / SinePointsPerPeriod);
        }
        return new WaveformTable("time", t).Add("v(sin)", v);
    }

    /// <summary>
    /// A step with finite rise on v(in) (0 → 1 V between 1 µs and 2 µs) and the same step delayed on v(out)
    /// (between 5 µs and 7 µs), sampled every 0.25 µs from 0 to 10 µs; the 50 % points are at 1.5 µs and 6 µs.
    /// v(out) falls back to 0 between 8 µs and 9 µs.
    /// </summary>
    public static WaveformTable Steps()
    {
        int n = 41;
        var t = new double[n];
        var vin = new double[n];
        var vout = new double[n];
        for (int i = 0; i < n; i++)
        {
            double us = i * 0.25;
            t[i] = us * 1e-6;
            vin[i] = Math.Clamp(us - 1, 0, 1);
            vout[i] = us <= 8 ? Math.Clamp((us - 5) / 2, 0, 1) : Math.Clamp(9 - us, 0, 1);
        }
        return new WaveformTable("time", t).Add("v(in)", vin).Add("v(out)", vout).Add("i(vin)", vin.Select(v => -v / 1e3).ToArray());
    }
}
