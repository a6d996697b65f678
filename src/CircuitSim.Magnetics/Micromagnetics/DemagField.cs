namespace CircuitSim.Magnetics.Micromagnetics;

/// <summary>
/// Magnetostatic (demagnetizing) field of the whole magnet, H_i = −Σ_j N(r_i − r_j) Ms_j m_j (A/m) with the cell-averaged
/// tensors of a <see cref="DemagKernel"/>, evaluated as a zero-padded convolution by FFT in O(N log N).
/// <para>
/// M = Ms m is transformed as two complex arrays, A = Mx + i My and B = Mz. Because Mx and My are real, their spectra are
/// (Â(q) ± conj Â(−q))/2 (over i for My), so the in-plane product folds into
/// Ĥx + i Ĥy = S(q) Â(q) + (D(q) + i X(q)) conj Â(−q) with S = (N̂xx + N̂yy)/2, D = (N̂xx − N̂yy)/2, X = N̂xy, and Ĥz = N̂zz B̂;
/// the inverse transform of the first gives Hx + i Hy at once. Rows beyond the magnet's ny are known to be zero, so the
/// x transforms skip them going forward and are not needed coming back. Rows and columns are shared among the
/// <see cref="BandWorkers"/> threads; every element is computed by the same operations whatever the split.
/// </para>
/// </summary>
public sealed class DemagField : FieldTerm
{
    private readonly DemagKernel _kernel;
    private readonly double[] _aRe, _aIm, _bRe, _bIm;
    private readonly LoadJob _load;
    private readonly ColumnJob _columns;
    private readonly UnloadJob _unload;
    private BandWorkers? _workers;

    public DemagField(Magnet magnet) : base(magnet)
    {
        _kernel = DemagKernel.For(magnet.Grid);
        int n = _kernel.Px * _kernel.Py;
        _aRe = new double[n];
        _aIm = new double[n];
        _bRe = new double[n];
        _bIm = new double[n];
        _load = new LoadJob(this);
        _columns = new ColumnJob(this);
        _unload = new UnloadJob(this);
    }

    public DemagKernel Kernel => _kernel;

    public override string Name => "demag";

    /// <summary>Threads to share the transforms with (null: the caller's thread only).</summary>
    public BandWorkers? Workers
    {
        get => _workers;
        set => _workers = value;
    }

    /// <summary>
    /// Overwrites <paramref name="h"/> with the demagnetizing field (A/m) of the whole magnet.
    /// </summary>
    public void ComputeField(ReadOnlySpan<double> m, Span<double> h)
    {
        if (h.Length != 3 * Magnet.CellCount) throw new ArgumentException("h needs three components per cell.", nameof(h));
        Transform(m);
        unsafe
        {
            fixed (double* ph = h)
            {
                _unload.H = ph;
                Run(_unload, Magnet.Ny);
                _unload.H = null;
            }
        }
    }

    /// <summary>
    /// The first half of an evaluation: M = Ms m into the padded arrays, forward transforms, spectral products and
    /// inverse column transforms. The field is then read out row by row with <see cref="WriteRows"/>, which the LLG does
    /// inside its own row bands (one hand-off to the threads fewer).
    /// </summary>
    public void Transform(ReadOnlySpan<double> m)
    {
        if (m.Length != 3 * Magnet.CellCount) throw new ArgumentException("m needs three components per cell.", nameof(m));
        unsafe
        {
            fixed (double* pm = m)
            {
                _load.M = pm;
                Run(_load, _kernel.Py);
                _load.M = null;
            }
        }
        Run(_columns, _kernel.Px / 2 + 1);
    }

    /// <summary>Overwrites h (A/m) in rows [rowStart, rowEnd) with the field of the last <see cref="Transform"/>.</summary>
    public void WriteRows(Span<double> h, int rowStart, int rowEnd)
    {
        unsafe
        {
            fixed (double* ph = h)
                UnloadJob.Write(this, ph, rowStart, rowEnd);
        }
    }

    /// <summary>
    /// Adds the field for rows [rowStart, rowEnd) by computing the whole field into a scratch array first. Correct but
    /// wasteful when called band by band; the LLG calls <see cref="ComputeField"/> once instead.
    /// </summary>
    public override void AddField(double t, ReadOnlySpan<double> m, Span<double> h, int rowStart, int rowEnd)
    {
        var scratch = _scratch ??= new double[3 * Magnet.CellCount];
        ComputeField(m, scratch);
        int s = 3 * Magnet.Nx;
        for (int k = rowStart * s; k < rowEnd * s; k++) h[k] += scratch[k];
    }

    private double[]? _scratch;

    private void Run(IBandJob job, int count)
    {
        if (_workers is null) job.Execute(0, count);
        else _workers.Run(job, count);
    }

    private sealed unsafe class LoadJob(DemagField owner) : IBandJob
    {
        public double* M;

        public void Execute(int start, int end)
        {
            DemagKernel k = owner._kernel;
            Magnet magnet = owner.Magnet;
            int px = k.Px, nx = magnet.Nx, ny = magnet.Ny;
            ReadOnlySpan<double> ms = magnet.SaturationMagnetization;
            double[] ar = owner._aRe, ai = owner._aIm, br = owner._bRe, bi = owner._bIm;
            for (int r = start; r < end; r++)
            {
                int row = r * px;
                Array.Clear(ar, row, px);
                Array.Clear(ai, row, px);
                Array.Clear(br, row, px);
                Array.Clear(bi, row, px);
                if (r >= ny) continue;
                for (int ix = 0; ix < nx; ix++)
                {
                    int c = ix + nx * r;
                    double s = ms[c];
                    if (s <= 0) continue;
                    double* mc = M + 3 * c;
                    ar[row + ix] = s * mc[0];
                    ai[row + ix] = s * mc[1];
                    br[row + ix] = s * mc[2];
                }
                k.Fft.TransformRows(ar, ai, r, r + 1, inverse: false);
                k.Fft.TransformRows(br, bi, r, r + 1, inverse: false);
            }
        }
    }

    /// <summary>
    /// Columns in pairs (q, −q): pair band [p0, p1) owns columns [p0, p1) and their mirrors, so the forward column
    /// transforms, the products (which couple q with −q) and the inverse column transforms need no hand-off between
    /// them.
    /// </summary>
    private sealed class ColumnJob(DemagField owner) : IBandJob
    {
        public void Execute(int start, int end)
        {
            DemagKernel k = owner._kernel;
            int px = k.Px;
            Fft2D fft = k.Fft;
            int mirrorStart = Math.Max(px - end + 1, end), mirrorEnd = Math.Min(px, px - Math.Max(start, 1) + 1);
            double[] ar = owner._aRe, ai = owner._aIm, br = owner._bRe, bi = owner._bIm;
            fft.TransformColumns(ar, ai, start, end, inverse: false);
            fft.TransformColumns(br, bi, start, end, inverse: false);
            if (mirrorEnd > mirrorStart)
            {
                fft.TransformColumns(ar, ai, mirrorStart, mirrorEnd, inverse: false);
                fft.TransformColumns(br, bi, mirrorStart, mirrorEnd, inverse: false);
            }
            Multiply(k, ar, ai, br, bi, start, end);
            fft.TransformColumns(ar, ai, start, end, inverse: true);
            fft.TransformColumns(br, bi, start, end, inverse: true);
            if (mirrorEnd > mirrorStart)
            {
                fft.TransformColumns(ar, ai, mirrorStart, mirrorEnd, inverse: true);
                fft.TransformColumns(br, bi, mirrorStart, mirrorEnd, inverse: true);
            }
        }

        /// <summary>Spectral products for columns qx in [start, end) and their mirrors, each (q, −q) pair once.</summary>
        private static void Multiply(DemagKernel k, double[] ar, double[] ai, double[] br, double[] bi, int start, int end)
        {
            int px = k.Px, py = k.Py;
            double[] sum = k.SumSpectrum, dif = k.DifferenceSpectrum, cross = k.CrossSpectrum, zz = k.ZzSpectrum;
            for (int qx = start; qx < end; qx++)
            {
                int mx = (px - qx) % px;
                for (int qy = 0; qy < py; qy++)
                {
                    int my = (py - qy) % py;
                    if (mx == qx && my < qy) continue;   // a self-mirrored column: each pair once
                    int p = qx + px * qy, m = mx + px * my;
                    double zr = ar[p], zi = ai[p], wr = ar[m], wi = ai[m];
                    double s = sum[p], d = dif[p], x = cross[p];
                    // W(q) = S Z(q) + (D + iX) conj Z(−q);  W(−q) = S Z(−q) + (D + iX) conj Z(q)
                    ar[p] = s * zr + d * wr + x * wi;
                    ai[p] = s * zi - d * wi + x * wr;
                    br[p] *= zz[p];
                    bi[p] *= zz[p];
                    if (m == p) continue;
                    ar[m] = s * wr + d * zr + x * zi;
                    ai[m] = s * wi - d * zi + x * zr;
                    br[m] *= zz[m];
                    bi[m] *= zz[m];
                }
            }
        }
    }

    private sealed unsafe class UnloadJob(DemagField owner) : IBandJob
    {
        public double* H;

        public void Execute(int start, int end) => Write(owner, H, start, end);

        /// <summary>Inverse row transforms of rows [start, end) and the field of their cells into h.</summary>
        public static void Write(DemagField owner, double* h, int start, int end)
        {
            DemagKernel k = owner._kernel;
            Magnet magnet = owner.Magnet;
            int px = k.Px, nx = magnet.Nx;
            ReadOnlySpan<double> ms = magnet.SaturationMagnetization;
            double[] ar = owner._aRe, ai = owner._aIm, br = owner._bRe, bi = owner._bIm;
            for (int r = start; r < end; r++)
            {
                k.Fft.TransformRows(ar, ai, r, r + 1, inverse: true);
                k.Fft.TransformRows(br, bi, r, r + 1, inverse: true);
                int row = r * px;
                for (int ix = 0; ix < nx; ix++)
                {
                    int c = ix + nx * r;
                    double* hc = h + 3 * c;
                    if (ms[c] <= 0)
                    {
                        hc[0] = hc[1] = hc[2] = 0;
                        continue;
                    }
                    hc[0] = ar[row + ix];
                    hc[1] = ai[row + ix];
                    hc[2] = br[row + ix];
                }
            }
        }
    }
}
