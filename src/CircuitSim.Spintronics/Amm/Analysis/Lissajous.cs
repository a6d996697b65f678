namespace CircuitSim.Spintronics.Amm.Analysis;

/// <summary>The area a driven response y(x) encloses, per period of the drive x, and its parts.</summary>
/// <param name="AreaPerPeriod">Mean enclosed area per drive period, in units of x·y.</param>
/// <param name="HalfCycleAreas">|area| of each complete half-cycle (between successive zero crossings of x), in order.</param>
public sealed record LissajousArea(double AreaPerPeriod, IReadOnlyList<double> HalfCycleAreas)
{
    /// <summary>Area of each complete period (pairs of half-cycles), in units of x·y.</summary>
    public IReadOnlyList<double> PeriodAreas =>
        Enumerable.Range(0, HalfCycleAreas.Count / 2).Select(i => HalfCycleAreas[2 * i] + HalfCycleAreas[2 * i + 1]).ToList();
}

/// <summary>
/// Areas of Lissajous (x, y) curves with x the periodic drive. A pinched loop is a figure of eight whose lobes turn
/// opposite ways, so the plain signed (shoelace) area of a period cancels; instead each half-cycle between successive
/// zero crossings of x is closed along the line x = 0 (its end points lie on it) and the magnitudes are added. For a
/// loop that does not cross itself this is its ordinary area; for a pinched loop it is the sum of the lobes. Only
/// complete half-cycles count. Samples of x within 1e-4 of its peak from zero count as zero, so a window cut at the
/// drive's zero crossings (where interpolation and round-off leave a small x of either sign) keeps its first and last
/// half-cycles; that moves a crossing by less than one sample and changes an area by O(1e-4 × sample spacing).
/// </summary>
public static class Lissajous
{
    /// <summary>The area of the curve (x_i, y_i), samples in time order.</summary>
    public static LissajousArea Area(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count) throw new ArgumentException("x and y must have the same length");
        var halves = new List<double>();
        bool started = false;
        double sum = 0, px = 0, py = 0;
        double zero = 0;
        for (int i = 0; i < x.Count; i++) zero = Math.Max(zero, Math.Abs(x[i]));
        zero *= 1e-4;
        double X(int i) => Math.Abs(x[i]) <= zero ? 0 : x[i];
        for (int i = 1; i < x.Count; i++)
        {
            double xa = X(i - 1), xb = X(i), ya = y[i - 1], yb = y[i];
            bool crosses = (xa < 0 && xb >= 0) || (xa > 0 && xb <= 0) || (xa == 0 && i == 1);
            if (!crosses)
            {
                if (started) Add(xb, yb);
                continue;
            }
            // the crossing point on x = 0
            double f = xa == xb ? 0 : xa / (xa - xb);
            double yc = ya + f * (yb - ya);
            if (started)
            {
                Add(0, yc);
                halves.Add(Math.Abs(0.5 * sum));
            }
            started = true;
            sum = 0;
            px = 0;
            py = yc;
            if (xb != 0) Add(xb, yb);
        }
        double perPeriod = halves.Count >= 2 ? 2.0 * halves.Average() : double.NaN;
        return new LissajousArea(perPeriod, halves);

        void Add(double qx, double qy)
        {
            sum += px * qy - qx * py;
            px = qx;
            py = qy;
        }
    }
}
