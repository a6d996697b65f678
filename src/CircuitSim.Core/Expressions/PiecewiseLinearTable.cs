namespace CircuitSim.Core.Expressions;

/// <summary>How a <see cref="PiecewiseLinearTable"/> joins its points and what it does beyond them.</summary>
public enum PiecewiseLinearKind
{
    /// <summary>Straight lines through the points; the first and last segments go on beyond the ends (ngspice's
    /// B-source <c>pwl()</c>).</summary>
    Linear,

    /// <summary>Flat beyond the ends, every corner rounded by a parabola over ±10 % of the shorter adjacent segment
    /// (ngspice's E/G <c>TABLE</c>, which it runs as the XSPICE pwl model with input_domain=0.1, fraction=true,
    /// limit=true), so the slope is continuous and Newton does not cycle at a corner.</summary>
    Smoothed,
}

/// <summary>A function of one variable given by points (x_k, y_k), x strictly increasing, with its slope.</summary>
public sealed class PiecewiseLinearTable
{
    /// <summary>Half-width of a rounded corner as a fraction of the shorter segment beside it.</summary>
    private const double CornerFraction = 0.1;

    private readonly double[] _x, _y;
    private readonly bool _smoothed;

    /// <exception cref="ArgumentException">Fewer than two points, or x not strictly increasing.</exception>
    public PiecewiseLinearTable(IReadOnlyList<double> x, IReadOnlyList<double> y, PiecewiseLinearKind kind)
    {
        if (x.Count != y.Count) throw new ArgumentException("a table needs as many y values as x values");
        if (x.Count < 2) throw new ArgumentException("a table needs at least two points");
        for (var k = 1; k < x.Count; k++)
            if (!(x[k] > x[k - 1]))
                throw new ArgumentException($"table x values must increase: {x[k - 1]:G6} is followed by {x[k]:G6}");
        _smoothed = kind == PiecewiseLinearKind.Smoothed;
        if (!_smoothed)
        {
            _x = x.ToArray();
            _y = y.ToArray();
            return;
        }
        // one more point at each end, a segment's length away, at the end value: flat beyond the table, with the
        // end corners rounded like the inner ones
        var n = x.Count;
        _x = new double[n + 2];
        _y = new double[n + 2];
        for (var k = 0; k < n; k++)
        {
            _x[k + 1] = x[k];
            _y[k + 1] = y[k];
        }
        _x[0] = 2 * x[0] - x[1];
        _y[0] = y[0];
        _x[n + 1] = 2 * x[n - 1] - x[n - 2];
        _y[n + 1] = y[n - 1];
    }

    public PiecewiseLinearKind Kind => _smoothed ? PiecewiseLinearKind.Smoothed : PiecewiseLinearKind.Linear;

    /// <summary>The value at <paramref name="x"/> and its derivative.</summary>
    public double Evaluate(double x, out double slope)
    {
        var xs = _x;
        var ys = _y;
        var last = xs.Length - 1;
        if (!_smoothed)
        {
            var k = Segment(x);
            slope = (ys[k + 1] - ys[k]) / (xs[k + 1] - xs[k]);
            return ys[k] + (x - xs[k]) * slope;
        }
        if (x <= 0.5 * (xs[0] + xs[1]))
        {
            slope = (ys[1] - ys[0]) / (xs[1] - xs[0]);
            return ys[0] + (x - xs[0]) * slope;
        }
        if (x >= 0.5 * (xs[last - 1] + xs[last]))
        {
            slope = (ys[last] - ys[last - 1]) / (xs[last] - xs[last - 1]);
            return ys[last] + (x - xs[last]) * slope;
        }
        // the corner i nearest to x: x lies between the midpoints of the segments on either side of it
        var i = Corner(x);
        var lower = xs[i] - xs[i - 1];
        var upper = xs[i + 1] - xs[i];
        var lowerSlope = (ys[i] - ys[i - 1]) / lower;
        var upperSlope = (ys[i + 1] - ys[i]) / upper;
        var d = CornerFraction * Math.Min(lower, upper);
        if (x < xs[i] - d)
        {
            slope = lowerSlope;
            return ys[i] + (x - xs[i]) * lowerSlope;
        }
        if (x >= xs[i] + d)
        {
            slope = upperSlope;
            return ys[i] + (x - xs[i]) * upperSlope;
        }
        // the parabola tangent to the lower line at x_i − d and to the upper line at x_i + d
        var u = x - (xs[i] - d);
        var bend = (upperSlope - lowerSlope) / (4 * d);
        slope = lowerSlope + 2 * bend * u;
        return ys[i] + (x - xs[i]) * lowerSlope + bend * u * u;
    }

    /// <summary>The segment [x_k, x_k+1] that holds <paramref name="x"/>, the first or last one outside the table.</summary>
    private int Segment(double x)
    {
        int lo = 0, hi = _x.Length - 2;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >> 1;
            if (_x[mid] <= x) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    /// <summary>The first inner point i with x below the midpoint of [x_i, x_i+1].</summary>
    private int Corner(double x)
    {
        int lo = 1, hi = _x.Length - 2;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (x < 0.5 * (_x[mid] + _x[mid + 1])) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }
}
