using System.Numerics;

namespace CircuitSim.Output;

/// <summary>
/// Resampling of a transient result onto the uniform grid tstart, tstart+tstep, …, tstop by linear
/// interpolation between the accepted time points, like ngspice's <c>linearize</c> command.
/// Grid values are computed as tstart + i·tstep (ngspice accumulates the step; the difference is
/// in the last bits) and the last one is snapped to tstop. A grid time equal to an accepted time
/// takes that point's value (the first of several points at the same time). Grid times before the
/// first accepted point (t = 0 of a <c>uic</c> transient, whose first output is the first step) are
/// extrapolated along the first two points, as ngspice's linearize does (its degree-1 fit). Grid
/// points after the last accepted point (a run that stopped early) are left out; a point within
/// 1e-6·tstep of either end takes the end value.
/// </summary>
public static class Linearize
{
    internal const double EndTolerance = 1e-6;

    /// <summary>The grid tstart, tstart+tstep, …, tstop (the last point snapped to tstop).</summary>
    public static double[] Grid(double tstart, double tstop, double tstep)
    {
        long n = GridCount(tstart, tstop, tstep);
        if (n > int.MaxValue / 2) throw new ArgumentOutOfRangeException(nameof(tstep), $"A grid of {n} points does not fit in memory; stream it (LinearizingWriter).");
        var g = new double[n];
        for (int i = 0; i < n; i++) g[i] = tstart + i * tstep;
        if (Math.Abs(g[^1] - tstop) <= EndTolerance * tstep) g[^1] = tstop;
        return g;
    }

    /// <summary>Most points a grid may have: beyond 2^52 the times tstart + i·tstep stop being distinct.</summary>
    public const long MaxGridPoints = 1L << 52;

    /// <summary>The number of points of the grid tstart, tstart+tstep, …, tstop, checked without building it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A step that is not positive and finite, a stop before the start,
    /// times that are not finite, or more than <see cref="MaxGridPoints"/> points.</exception>
    public static long GridCount(double tstart, double tstop, double tstep)
    {
        if (!(tstep > 0) || !double.IsFinite(tstep)) throw new ArgumentOutOfRangeException(nameof(tstep), "tstep must be positive and finite.");
        if (!double.IsFinite(tstart) || !double.IsFinite(tstop)) throw new ArgumentOutOfRangeException(nameof(tstop), "tstart and tstop must be finite.");
        if (!(tstop >= tstart)) throw new ArgumentOutOfRangeException(nameof(tstop), "tstop must not be below tstart.");
        double n = Math.Floor((tstop - tstart) / tstep + EndTolerance) + 1;
        if (!(n <= MaxGridPoints))
            throw new ArgumentOutOfRangeException(nameof(tstep), $"(tstop - tstart)/tstep = {(tstop - tstart) / tstep:G3} grid points is more than {MaxGridPoints:G3}.");
        return (long)n;
    }

    /// <summary>
    /// Resamples every vector of <paramref name="plot"/> (scale = first vector, non-decreasing) onto the
    /// grid tstart…tstop (default tstop: the last scale value). Returns a new plot with the same
    /// title, plot name and vector names.
    /// </summary>
    public static WaveformSet Resample(WaveformSet plot, double tstep, double? tstop = null, double tstart = 0)
    {
        ArgumentNullException.ThrowIfNull(plot);
        plot.Validate();
        var scale = plot.Scale ?? throw new ArgumentException("The plot has no vectors.", nameof(plot));
        var x = scale.RealPart();
        if (x.Length == 0) return new WaveformSet(plot.Title, plot.PlotName, plot.Vectors.Select(v => Empty(v)), plot.Date);
        var grid = Grid(tstart, tstop ?? x[^1], tstep);
        var t = grid.AsSpan(0, Count(x, grid, tstep)).ToArray();

        var result = new WaveformSet(plot.Title, plot.PlotName, date: plot.Date) { LogScale = plot.LogScale };
        result.Vectors.Add(new WaveformVector(scale.Name, scale.Kind, t));
        for (int i = 1; i < plot.Vectors.Count; i++)
        {
            var v = plot.Vectors[i];
            if (v.Real is not null)
            {
                var y = new double[t.Length];
                Sample(x, v.Real, t, y, tstep);
                result.Vectors.Add(new WaveformVector(v.Name, v.Kind, y));
            }
            else
            {
                var c = v.Complex!;
                var re = new double[t.Length];
                var im = new double[t.Length];
                Sample(x, Array.ConvertAll(c, z => z.Real), t, re, tstep);
                Sample(x, Array.ConvertAll(c, z => z.Imaginary), t, im, tstep);
                var y = new Complex[t.Length];
                for (int k = 0; k < y.Length; k++) y[k] = new Complex(re[k], im[k]);
                result.Vectors.Add(new WaveformVector(v.Name, v.Kind, y));
            }
        }
        return result;
    }

    /// <summary>
    /// Linear interpolation of (x, y) at the sorted times <paramref name="at"/> into <paramref name="result"/>.
    /// x must be non-decreasing; times outside [x0, xN] by more than 1e-6·<paramref name="tolerance"/> give NaN.
    /// </summary>
    public static void Interpolate(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> at, Span<double> result, double tolerance = 0)
    {
        if (x.Length != y.Length) throw new ArgumentException("x and y differ in length.");
        if (result.Length < at.Length) throw new ArgumentException("result is too short.");
        if (x.Length == 0)
        {
            result[..at.Length].Fill(double.NaN);
            return;
        }
        double tol = EndTolerance * tolerance;
        int j = 0; // index of the first x >= t (lower bound), advanced monotonically
        for (int k = 0; k < at.Length; k++)
        {
            double t = at[k];
            if (t < x[0]) { result[k] = t >= x[0] - tol ? y[0] : double.NaN; continue; }
            if (t > x[^1]) { result[k] = t <= x[^1] + tol ? y[^1] : double.NaN; continue; }
            if (k > 0 && t < at[k - 1]) j = 0;
            while (x[j] < t) j++;
            result[k] = x[j] == t || j == 0 ? y[j] : Lerp(x[j - 1], y[j - 1], x[j], y[j], t);
        }
    }

    /// <summary><see cref="Interpolate"/> with the grid times before the first point extrapolated along the first
    /// two points (see the class summary).</summary>
    private static void Sample(double[] x, double[] y, double[] at, double[] result, double tstep)
    {
        Interpolate(x, y, at, result, tstep);
        double tol = EndTolerance * tstep;
        for (int k = 0; k < at.Length && at[k] < x[0] - tol; k++)
            result[k] = x.Length > 1 ? Lerp(x[0], y[0], x[1], y[1], at[k]) : y[0];
    }

    /// <summary>Linear interpolation between (x0, y0) and (x1, y1), extrapolation for t &lt; x0; y1 from x1 on (or
    /// when the two times coincide).</summary>
    internal static double Lerp(double x0, double y0, double x1, double y1, double t)
    {
        if (t >= x1) return y1;
        if (x1 <= x0) return y1;
        return y0 + (y1 - y0) * ((t - x0) / (x1 - x0));
    }

    /// <summary>How many grid points the data covers: all up to the last accepted time (within tolerance).</summary>
    private static int Count(double[] x, double[] grid, double tstep)
    {
        int last = grid.Length - 1;
        while (last >= 0 && grid[last] > x[^1] + EndTolerance * tstep) last--;
        return last + 1;
    }

    private static WaveformVector Empty(WaveformVector v) =>
        v.IsComplex ? new WaveformVector(v.Name, v.Kind, Array.Empty<Complex>()) : new WaveformVector(v.Name, v.Kind, Array.Empty<double>());
}

/// <summary>
/// Streaming form of <see cref="Linearize"/>: a writer that receives the accepted time points and
/// passes the uniform grid tstart, tstart+tstep, …, tstop on to another writer (real plots only).
/// Gives the same values as <see cref="Linearize.Resample"/>; no allocation per point.
/// Completing (or disposing) this writer completes the inner one.
/// </summary>
public sealed class LinearizingWriter : WaveformWriter
{
    private readonly IWaveformWriter _inner;
    private readonly double _tstart, _tstop, _tstep;
    private readonly bool _ownsInner;
    private double[] _prev = [];
    private double[] _out = [];
    private int _received;
    private long _next;
    private long _gridCount;

    public LinearizingWriter(IWaveformWriter inner, double tstep, double tstop, double tstart = 0, bool ownsInner = true)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _gridCount = Linearize.GridCount(tstart, tstop, tstep); // validates the arguments without building the grid
        _inner = inner;
        _tstep = tstep;
        _tstop = tstop;
        _tstart = tstart;
        _ownsInner = ownsInner;
    }

    protected override void OnBegin(WaveformHeader header)
    {
        if (header.IsComplex) throw new NotSupportedException("Linearize needs a real (transient) plot.");
        _prev = new double[header.VectorCount];
        _out = new double[header.VectorCount];
        _received = 0;
        _next = 0;
        _inner.Begin(header);
    }

    private double GridTime(long i)
    {
        double g = _tstart + i * _tstep;
        if (i == _gridCount - 1 && Math.Abs(g - _tstop) <= Linearize.EndTolerance * _tstep) g = _tstop;
        return g;
    }

    protected override void OnPoint(ReadOnlySpan<double> values)
    {
        double t = values[0];
        // the first point waits for the second: grid times before it are extrapolated along the two
        if (_received++ > 0)
        {
            double t0 = _prev[0];
            bool first = _received == 2;
            while (_next < _gridCount && GridTime(_next) <= t) Emit(GridTime(_next++), _prev, values, t0, t, first);
        }
        values.CopyTo(_prev);
    }

    private void Emit(double g, ReadOnlySpan<double> a, ReadOnlySpan<double> b, double t0, double t1, bool firstSegment)
    {
        _out[0] = g;
        // within tolerance of the first accepted time (or on it) a grid time takes that point's value
        bool atStart = firstSegment && g <= t0 && g >= t0 - Linearize.EndTolerance * _tstep;
        bool exact = g == t1;
        for (int i = 1; i < _out.Length; i++)
            _out[i] = atStart ? a[i] : exact ? b[i] : Linearize.Lerp(t0, a[i], t1, b[i], g);
        _inner.WritePoint(_out);
    }

    protected override void OnPoint(ReadOnlySpan<Complex> values) =>
        throw new NotSupportedException("Linearize needs a real (transient) plot.");

    protected override void OnEndPlot()
    {
        if (_received == 0) return;
        double tLast = _prev[0];
        double tol = Linearize.EndTolerance * _tstep;
        while (_next < _gridCount && GridTime(_next) <= tLast + tol)
        {
            double g = GridTime(_next++);
            _out[0] = g;
            for (int i = 1; i < _out.Length; i++) _out[i] = _prev[i];
            _inner.WritePoint(_out);
        }
    }

    protected override void OnComplete(bool partial) => _inner.Complete(partial);

    protected override void OnAbort() => _inner.Abort();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsInner) _inner.Dispose();
    }
}
