using System.Numerics;

namespace CircuitSim.Output.Tests.Support;

/// <summary>Test data sets.</summary>
public static class Samples
{
    public static readonly DateTime FixedDate = new(2026, 3, 7, 9, 5, 3);

    /// <summary>A transient plot with uneven time steps and awkward values (tiny, huge, negative, subnormal).</summary>
    public static WaveformSet Transient(int n = 50)
    {
        var t = new double[n];
        var vin = new double[n];
        var vout = new double[n];
        var iv = new double[n];
        var mid = new double[n];
        double time = 0;
        for (int k = 0; k < n; k++)
        {
            t[k] = time;
            vin[k] = Math.Sin(2 * Math.PI * 1e6 * time);
            vout[k] = 1 - Math.Exp(-time / 3.3e-7) + 1e-17 * k;
            iv[k] = -vout[k] / 4.7e3;
            mid[k] = k switch { 3 => 1e300, 4 => -2.5e-310, 5 => double.Epsilon, 6 => -0.0, _ => Math.PI * k };
            time += 1e-8 * (1 + 0.37 * Math.Sin(k));
        }
        return new WaveformSet("test circuit: rc with awkward values", PlotNames.Transient,
        [
            new WaveformVector("time", VectorKind.Time, t),
            new WaveformVector("v(in)", VectorKind.Voltage, vin),
            new WaveformVector("v(out)", VectorKind.Voltage, vout),
            new WaveformVector("v(x1.mid)", VectorKind.Other, mid),
            new WaveformVector("i(vin)", VectorKind.Current, iv),
        ], FixedDate);
    }

    /// <summary>An AC plot (RC low-pass) with a real frequency scale and complex vectors.</summary>
    public static WaveformSet Ac(int n = 21)
    {
        var f = new double[n];
        var vin = new Complex[n];
        var vout = new Complex[n];
        var i = new Complex[n];
        for (int k = 0; k < n; k++)
        {
            f[k] = 10 * Math.Pow(10, k / 5.0);
            var h = 1 / new Complex(1, 2 * Math.PI * f[k] * 1e-3);
            vin[k] = Complex.One;
            vout[k] = h;
            i[k] = -(1 - h) / 1e3;
        }
        return new WaveformSet("rc ac", PlotNames.Ac,
        [
            new WaveformVector("frequency", VectorKind.Frequency, f),
            new WaveformVector("v(in)", VectorKind.Voltage, vin),
            new WaveformVector("v(out)", VectorKind.Voltage, vout),
            new WaveformVector("i(v1)", VectorKind.Current, i),
        ], FixedDate) { LogScale = true };
    }

    public static WaveformSet OperatingPoint() => new("op test", PlotNames.OperatingPoint,
    [
        new WaveformVector("v(in)", VectorKind.Voltage, [5.0]),
        new WaveformVector("v(out)", VectorKind.Voltage, [2.5]),
        new WaveformVector("i(v1)", VectorKind.Current, [-2.5e-3]),
    ], FixedDate);

    /// <summary>Value as it reads back after C's <c>%.15e</c> (ngspice ascii precision).</summary>
    public static double Printed(double v) =>
        double.IsFinite(v) ? double.Parse(v.ToString("e15", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture) : v;
}
