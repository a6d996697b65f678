namespace CircuitSim.Magnetics;

/// <summary>
/// Full (non-local) magnetostatics of a <see cref="RingGeometry"/>: every cell is a Δs × w × t prism on the ring and
/// H_i = −Ms Σ_j N_ij m_j (A/m), energy E = ½ μ0 Ms² V Σ_ij m_i·N_ij m_j (J).
/// <para>
/// N_ij comes from Newell's prism tensor (<see cref="NewellTensor"/>) evaluated in the chord frame of the pair (the
/// frame of the mid angle (θ_i + θ_j)/2, in which the centres differ only along the chord) and rotated into place.
/// Both prisms are taken aligned with the chord, i.e. each is turned by half the angle between them; for neighbours
/// that is π/N, and far apart the tensor is dipolar and hardly depends on the cells' orientation. This choice makes
/// N_ij = N_jiᵀ exactly, so the field is the gradient of the energy. The self term is the prism's own tensor.
/// </para>
/// <para>
/// The ring is invariant under rotation by 2π/N, so in the cells' local frames (T, R, z) the tensor depends only on
/// k = j − i: N kernels of 3×3 are precomputed once per geometry and the field is a circular convolution, evaluated
/// by FFT when N is a power of two (O(N log N)) and directly otherwise (O(N²)); no allocation either way.
/// </para>
/// </summary>
public sealed class RingDemagField : IFieldTerm
{
    private readonly RingGeometry _ring;
    private readonly double _ms;
    private readonly double[] _kernel;     // 9 per k, row-major, local (T, R, z) components
    private readonly double[] _local;      // m in local frames, two periods back to back (no index wrap)
    private readonly double[] _hLocal;

    /// <param name="ring">Ring geometry.</param>
    /// <param name="saturationMagnetization">Ms in A/m.</param>
    /// <param name="allowFft">Use the FFT when N is a power of two (false: always the direct sum).</param>
    public RingDemagField(RingGeometry ring, double saturationMagnetization, bool allowFft = true)
    {
        _ring = ring;
        _ms = saturationMagnetization;
        int n = ring.CellCount;
        _kernel = new double[9 * n];
        _local = new double[6 * n];
        _hLocal = new double[3 * n];
        // K_{N−k} = K_kᵀ holds by symmetry; set it exactly so the field is the energy's gradient to round-off
        for (int k = 0; k <= n / 2; k++)
        {
            double[] kk = LocalTensor(ring, k);
            SetKernel(k, kk);
            if (k == 0 || 2 * k == n) continue;
            var transposed = new double[9];
            for (int a = 0; a < 3; a++)
                for (int b = 0; b < 3; b++)
                    transposed[3 * a + b] = kk[3 * b + a];
            SetKernel(n - k, transposed);
        }
        if (allowFft && RadixTwoFft.IsPowerOfTwo(n))
        {
            _fft = new RadixTwoFft(n);
            _spectrumRe = new double[9 * n];
            _spectrumIm = new double[9 * n];
            for (int q = 0; q < n; q++)
                for (int k = 0; k < n; k++)
                {
                    // K̂(−q) = Σ_k K_k e^{+2πi qk/N}: the convolution H_i = Σ_k K_k m_{i+k} is a correlation
                    double phase = 2.0 * Math.PI * ((long)q * k % n) / n;
                    double c = Math.Cos(phase), sn = Math.Sin(phase);
                    for (int e = 0; e < 9; e++)
                    {
                        _spectrumRe[9 * q + e] += _kernel[9 * k + e] * c;
                        _spectrumIm[9 * q + e] += _kernel[9 * k + e] * sn;
                    }
                }
            _re1 = new double[n]; _im1 = new double[n]; _re2 = new double[n]; _im2 = new double[n];
        }
    }

    private readonly RadixTwoFft? _fft;
    private readonly double[]? _spectrumRe, _spectrumIm;
    private readonly double[]? _re1, _im1, _re2, _im2;

    /// <summary>True when the convolution runs through FFTs (N a power of two), else directly.</summary>
    public bool UsesFft => _fft is not null;

    public RingGeometry Ring => _ring;

    /// <summary>
    /// The tensor from source cell k to target cell 0 in their local frames: entry (a, b) couples component a of the
    /// target's frame to component b of the source's frame, a, b ∈ (T, R, z). Dimensionless.
    /// </summary>
    public double Kernel(int k, int a, int b) => _kernel[9 * k + 3 * a + b];

    /// <summary>The global (Cartesian) interaction tensor between target cell 0 and source cell k (k = 0: self).</summary>
    public static DemagTensor GlobalTensor(RingGeometry ring, int k)
    {
        double ds = ring.CellLength, w = ring.Width, t = ring.Thickness;
        if (k % ring.CellCount == 0)
            return NewellTensor.Self(ds, w, t).FromFrame(ring.Tangent(0), ring.Radial(0), Vec3.UnitZ);
        double half = 0.5 * ring.Angle(k);
        Vec3 chord = new(-Math.Sin(half), Math.Cos(half), 0);   // T at the mid angle
        Vec3 radial = new(Math.Cos(half), Math.Sin(half), 0);   // R at the mid angle
        double length = 2.0 * ring.Radius * Math.Sin(half);     // |x_k − x_0|
        return NewellTensor.Between(new Vec3(length, 0, 0), ds, w, t).FromFrame(chord, radial, Vec3.UnitZ);
    }

    private static double[] LocalTensor(RingGeometry ring, int k)
    {
        DemagTensor g = GlobalTensor(ring, k);
        Vec3[] target = { ring.Tangent(0), ring.Radial(0), Vec3.UnitZ };
        Vec3[] source = { ring.Tangent(k), ring.Radial(k), Vec3.UnitZ };
        var result = new double[9];
        for (int a = 0; a < 3; a++)
            for (int b = 0; b < 3; b++)
                result[3 * a + b] = target[a].Dot(g.Apply(source[b]));
        return result;
    }

    private void SetKernel(int k, double[] values) => Array.Copy(values, 0, _kernel, 9 * k, 9);

    public void AddField(double t, ReadOnlySpan<double> m, Span<double> h)
    {
        Convolve(m);
        ReadOnlySpan<double> e1 = _ring.Frames.E1, e2 = _ring.Frames.E2;
        int n3 = 3 * _ring.CellCount;
        for (int k = 0; k < n3; k += 3)
        {
            double ht = _hLocal[k], hr = _hLocal[k + 1];
            h[k] += ht * e1[k] + hr * e2[k];
            h[k + 1] += ht * e1[k + 1] + hr * e2[k + 1];
            h[k + 2] += _hLocal[k + 2];
        }
    }

    public double Energy(ReadOnlySpan<double> m)
    {
        Convolve(m);
        double s = 0;
        int n3 = 3 * _ring.CellCount;
        for (int k = 0; k < n3; k++) s += _local[k] * _hLocal[k];
        return -0.5 * PhysicalConstants.Mu0 * _ms * _ring.CellVolume * s;
    }

    /// <summary>Fills _local with m in the cells' frames and _hLocal with the field (A/m) in the same frames.</summary>
    private void Convolve(ReadOnlySpan<double> m)
    {
        ReadOnlySpan<double> e1 = _ring.Frames.E1, e2 = _ring.Frames.E2;
        int n = _ring.CellCount, n3 = 3 * n;
        double[] loc = _local;
        for (int k = 0; k < n3; k += 3)
        {
            double mt = m[k] * e1[k] + m[k + 1] * e1[k + 1];
            double mr = m[k] * e2[k] + m[k + 1] * e2[k + 1];
            loc[k] = mt; loc[k + 1] = mr; loc[k + 2] = m[k + 2];
            loc[n3 + k] = mt; loc[n3 + k + 1] = mr; loc[n3 + k + 2] = m[k + 2];
        }
        if (_fft is not null)
        {
            ConvolveSpectral();
            return;
        }
        double[] ker = _kernel;
        double c = -_ms;
        for (int i = 0; i < n; i++)
        {
            double ht = 0, hr = 0, hz = 0;
            int j = 3 * i;
            for (int k = 0, q = 0; k < n; k++, q += 9, j += 3)
            {
                double a = loc[j], b = loc[j + 1], z = loc[j + 2];
                ht += ker[q] * a + ker[q + 1] * b + ker[q + 2] * z;
                hr += ker[q + 3] * a + ker[q + 4] * b + ker[q + 5] * z;
                hz += ker[q + 6] * a + ker[q + 7] * b + ker[q + 8] * z;
            }
            _hLocal[3 * i] = c * ht;
            _hLocal[3 * i + 1] = c * hr;
            _hLocal[3 * i + 2] = c * hz;
        }
    }

    /// <summary>H = −Ms K ⋆ m by FFT: (m_T + i m_R) and m_z forward, 3×3 products per frequency, (H_T + i H_R) and H_z back.</summary>
    private void ConvolveSpectral()
    {
        int n = _ring.CellCount;
        double[] loc = _local, re1 = _re1!, im1 = _im1!, re2 = _re2!, im2 = _im2!;
        for (int i = 0; i < n; i++)
        {
            re1[i] = loc[3 * i];
            im1[i] = loc[3 * i + 1];
            re2[i] = loc[3 * i + 2];
            im2[i] = 0;
        }
        _fft!.Transform(re1, im1, inverse: false);
        _fft.Transform(re2, im2, inverse: false);
        double[] sr = _spectrumRe!, si = _spectrumIm!;
        // results overwrite re1/im1 (T + iR) and re2/im2 (z) per q; Z1(N−q) is needed too, so do q and N−q together
        for (int q = 0; q <= n / 2; q++)
        {
            int p = (n - q) % n;
            // unpack the spectra of the real sequences m_T, m_R from Z = M_T + i M_R
            double zr = re1[q], zi = im1[q], wr = re1[p], wi = im1[p];
            double tqr = 0.5 * (zr + wr), tqi = 0.5 * (zi - wi);   // M_T(q)
            double rqr = 0.5 * (zi + wi), rqi = -0.5 * (zr - wr);  // M_R(q)
            double tpr = tqr, tpi = -tqi;                           // M_T(N−q) = conj M_T(q)
            double rpr = rqr, rpi = -rqi;
            double zqr = re2[q], zqi = im2[q], zpr = re2[p], zpi = im2[p];
            Product(sr, si, q, tqr, tqi, rqr, rqi, zqr, zqi, out var htr, out var hti, out var hrr, out var hri, out var hzr, out var hzi);
            Product(sr, si, p, tpr, tpi, rpr, rpi, zpr, zpi, out var htr2, out var hti2, out var hrr2, out var hri2, out var hzr2, out var hzi2);
            // pack H_T + i H_R
            re1[q] = htr - hri; im1[q] = hti + hrr;
            re2[q] = hzr; im2[q] = hzi;
            if (p != q)
            {
                re1[p] = htr2 - hri2; im1[p] = hti2 + hrr2;
                re2[p] = hzr2; im2[p] = hzi2;
            }
        }
        _fft.Transform(re1, im1, inverse: true);
        _fft.Transform(re2, im2, inverse: true);
        double c = -_ms;
        for (int i = 0; i < n; i++)
        {
            _hLocal[3 * i] = c * re1[i];
            _hLocal[3 * i + 1] = c * im1[i];
            _hLocal[3 * i + 2] = c * re2[i];
        }
    }

    private static void Product(double[] sr, double[] si, int q, double tr, double ti, double rr, double ri, double zr, double zi,
        out double htr, out double hti, out double hrr, out double hri, out double hzr, out double hzi)
    {
        int o = 9 * q;
        htr = sr[o] * tr - si[o] * ti + sr[o + 1] * rr - si[o + 1] * ri + sr[o + 2] * zr - si[o + 2] * zi;
        hti = sr[o] * ti + si[o] * tr + sr[o + 1] * ri + si[o + 1] * rr + sr[o + 2] * zi + si[o + 2] * zr;
        hrr = sr[o + 3] * tr - si[o + 3] * ti + sr[o + 4] * rr - si[o + 4] * ri + sr[o + 5] * zr - si[o + 5] * zi;
        hri = sr[o + 3] * ti + si[o + 3] * tr + sr[o + 4] * ri + si[o + 4] * rr + sr[o + 5] * zi + si[o + 5] * zr;
        hzr = sr[o + 6] * tr - si[o + 6] * ti + sr[o + 7] * rr - si[o + 7] * ri + sr[o + 8] * zr - si[o + 8] * zi;
        hzi = sr[o + 6] * ti + si[o + 6] * tr + sr[o + 7] * ri + si[o + 7] * rr + sr[o + 8] * zi + si[o + 8] * zr;
    }
}
