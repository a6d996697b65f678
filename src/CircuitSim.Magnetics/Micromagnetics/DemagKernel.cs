using System.Collections.Concurrent;

namespace CircuitSim.Magnetics.Micromagnetics;

/// <summary>
/// The magnetostatic interaction of the cells of one layer of an nx × ny grid of dx × dy × t prisms: N(o) for every
/// offset o = (ox dx, oy dy, 0) between a target and a source cell, the cell-averaged demagnetizing tensor of Newell,
/// Williams &amp; Dunlop (H_target = −Ms N m_source, dimensionless). In one layer only Nxx, Nyy, Nzz and Nxy are non-zero;
/// Nxx, Nyy, Nzz are even in ox and in oy, Nxy is odd in each.
/// <para>
/// Near offsets use Newell's closed forms (<see cref="NewellTensor"/>), whose second differences lose precision as
/// (R/s)⁶ with the distance R in units of the largest cell side s; beyond <see cref="NearFieldDistance"/> the same cell
/// average is taken by Gauss–Legendre quadrature of the point-dipole tensor (3 nodes per coordinate of each cell,
/// error ~ (s/R)⁶). docs/micromagnetics.md gives the measured agreement of the two at the switch.
/// </para>
/// <para>
/// The kernel also holds the spectra used by <see cref="DemagField"/>: the tensor placed on a Px × Py grid
/// (Px, Py the powers of two ≥ 2n − 1, which make the circular convolution linear), transformed once. Kernels are
/// cached per geometry (<see cref="For"/>), so relaxing and running, or many runs of one geometry, pay once.
/// </para>
/// </summary>
public sealed class DemagKernel
{
    /// <summary>Offset, in units of the largest cell side, up to which Newell's formulas are used.</summary>
    public const double NearFieldDistance = 10.0;

    private static readonly ConcurrentDictionary<(int, int, double, double, double), WeakReference<DemagKernel>> Cache = new();

    private readonly double[] _xx, _yy, _zz, _xy; // quadrant ox ∈ [0, nx), oy ∈ [0, ny)

    private DemagKernel(int nx, int ny, double dx, double dy, double thickness)
    {
        Nx = nx;
        Ny = ny;
        Dx = dx;
        Dy = dy;
        Thickness = thickness;
        int n = nx * ny;
        _xx = new double[n];
        _yy = new double[n];
        _zz = new double[n];
        _xy = new double[n];
        double s = Math.Max(dx, Math.Max(dy, thickness));
        Parallel.For(0, ny, oy =>
        {
            for (int ox = 0; ox < nx; ox++)
            {
                double x = ox * dx, y = oy * dy;
                double r = Math.Sqrt(x * x + y * y) / s;
                DemagTensor d = r <= NearFieldDistance
                    ? NewellTensor.Between(new Vec3(x, y, 0), dx, dy, thickness)
                    : CellAveragedDipole(x, y, dx, dy, thickness);
                int i = ox + nx * oy;
                _xx[i] = d.Xx;
                _yy[i] = d.Yy;
                _zz[i] = d.Zz;
                _xy[i] = ox == 0 || oy == 0 ? 0.0 : d.Xy; // exactly odd
            }
        });

        Px = nx == 1 ? 1 : Fft2D.PowerOfTwoAtLeast(2 * nx - 1);
        Py = ny == 1 ? 1 : Fft2D.PowerOfTwoAtLeast(2 * ny - 1);
        Fft = new Fft2D(Px, Py);
        BuildSpectra();
    }

    /// <summary>The kernel for this grid, from the cache when one was built for the same sizes.</summary>
    public static DemagKernel For(Grid2D grid)
    {
        var key = (grid.Nx, grid.Ny, grid.Dx, grid.Dy, grid.Thickness);
        if (Cache.TryGetValue(key, out var weak) && weak.TryGetTarget(out var cached)) return cached;
        var kernel = new DemagKernel(grid.Nx, grid.Ny, grid.Dx, grid.Dy, grid.Thickness);
        Cache[key] = new WeakReference<DemagKernel>(kernel);
        return kernel;
    }

    public int Nx { get; }
    public int Ny { get; }

    /// <summary>Cell sides in m.</summary>
    public double Dx { get; }
    public double Dy { get; }
    public double Thickness { get; }

    /// <summary>Padded FFT sizes.</summary>
    public int Px { get; }
    public int Py { get; }

    /// <summary>The FFT of the padded grid.</summary>
    public Fft2D Fft { get; }

    /// <summary>
    /// Spectra on the padded grid, scaled by −1/(Px·Py) so that an unnormalized inverse FFT of the products gives H/Ms
    /// directly: Sum = (N̂xx + N̂yy)/2, Difference = (N̂xx − N̂yy)/2, Cross = N̂xy, Zz = N̂zz. All are real because every
    /// component is even under o → −o.
    /// </summary>
    public double[] SumSpectrum { get; private set; } = Array.Empty<double>();
    public double[] DifferenceSpectrum { get; private set; } = Array.Empty<double>();
    public double[] CrossSpectrum { get; private set; } = Array.Empty<double>();
    public double[] ZzSpectrum { get; private set; } = Array.Empty<double>();

    /// <summary>The interaction tensor for offset (ox, oy) in cells, |ox| &lt; nx, |oy| &lt; ny (target − source).</summary>
    public DemagTensor Tensor(int ox, int oy)
    {
        int ax = Math.Abs(ox), ay = Math.Abs(oy);
        if (ax >= Nx || ay >= Ny) throw new ArgumentOutOfRangeException(nameof(ox), "Offset outside the grid.");
        int i = ax + Nx * ay;
        double sign = Math.Sign(ox) * Math.Sign(oy);
        return new DemagTensor(_xx[i], _yy[i], _zz[i], sign * _xy[i], 0, 0);
    }

    /// <summary>
    /// The cell-averaged tensor between two dx × dy × t prisms whose centres differ by (x, y, 0) (m), by 3-point
    /// Gauss–Legendre quadrature over both cells of the point-dipole tensor (1/(4π r³))(I − 3 r̂ r̂ᵀ)·V.
    /// </summary>
    public static DemagTensor CellAveragedDipole(double x, double y, double dx, double dy, double thickness)
    {
        Span<double> ux = stackalloc double[9], wx = stackalloc double[9];
        Span<double> uy = stackalloc double[9], wy = stackalloc double[9];
        Span<double> uz = stackalloc double[9], wz = stackalloc double[9];
        Differences(dx, ux, wx);
        Differences(dy, uy, wy);
        Differences(thickness, uz, wz);
        double xx = 0, yy = 0, zz = 0, xy = 0;
        for (int i = 0; i < 9; i++)
        {
            double rx = x + ux[i];
            for (int j = 0; j < 9; j++)
            {
                double ry = y + uy[j], wij = wx[i] * wy[j];
                for (int k = 0; k < 9; k++)
                {
                    double rz = uz[k];
                    double r2 = rx * rx + ry * ry + rz * rz;
                    double r = Math.Sqrt(r2);
                    double w = wij * wz[k] / (r2 * r);
                    double q = 3.0 / r2;
                    xx += w * (1 - q * rx * rx);
                    yy += w * (1 - q * ry * ry);
                    zz += w * (1 - q * rz * rz);
                    xy -= w * q * rx * ry;
                }
            }
        }
        double c = dx * dy * thickness / (4.0 * Math.PI);
        return new DemagTensor(c * xx, c * yy, c * zz, c * xy, 0, 0);
    }

    /// <summary>Target-minus-source positions along one side of length a, and weights, of two 3-point Gauss rules.</summary>
    private static void Differences(double a, Span<double> u, Span<double> w)
    {
        double g = Math.Sqrt(0.6) * 0.5 * a;
        ReadOnlySpan<double> node = [-g, 0.0, g];
        ReadOnlySpan<double> weight = [5.0 / 18, 8.0 / 18, 5.0 / 18];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
            {
                u[3 * i + j] = node[i] - node[j];
                w[3 * i + j] = weight[i] * weight[j];
            }
    }

    private void BuildSpectra()
    {
        int px = Px, py = Py, n = px * py;
        var re = new double[4][];
        var im = new double[4][];
        for (int c = 0; c < 4; c++)
        {
            re[c] = new double[n];
            im[c] = new double[n];
        }
        for (int oy = -(Ny - 1); oy < Ny; oy++)
            for (int ox = -(Nx - 1); ox < Nx; ox++)
            {
                DemagTensor d = Tensor(ox, oy);
                int i = (ox + px) % px + px * ((oy + py) % py);
                re[0][i] = d.Xx;
                re[1][i] = d.Yy;
                re[2][i] = d.Zz;
                re[3][i] = d.Xy;
            }
        for (int c = 0; c < 4; c++)
        {
            Fft.TransformRows(re[c], im[c], 0, py, inverse: false);
            Fft.TransformColumns(re[c], im[c], 0, px, inverse: false);
        }
        double scale = -1.0 / n;
        SumSpectrum = new double[n];
        DifferenceSpectrum = new double[n];
        CrossSpectrum = new double[n];
        ZzSpectrum = new double[n];
        for (int i = 0; i < n; i++)
        {
            SumSpectrum[i] = scale * 0.5 * (re[0][i] + re[1][i]);
            DifferenceSpectrum[i] = scale * 0.5 * (re[0][i] - re[1][i]);
            CrossSpectrum[i] = scale * re[3][i];
            ZzSpectrum[i] = scale * re[2][i];
        }
    }
}
