namespace CircuitSim.Magnetics.Micromagnetics;

/// <summary>
/// Radix-2 complex FFT of a Px × Py array (both powers of two) stored row-major in separate real and imaginary
/// arrays, done as 1D transforms of rows (x) and of columns (y). The column transform runs its butterflies on whole
/// row segments, so it reads memory contiguously and can be split by column ranges among threads; either stage can
/// be restricted to a range of rows or columns, which is what lets a zero-padded convolution skip the rows that are
/// known to be zero. Forward uses e^(−2πi qk/N), inverse e^(+2πi qk/N), neither is normalized. Nothing allocates.
/// </summary>
public sealed class Fft2D
{
    private readonly int[] _reverseX, _reverseY;
    private readonly double[] _cosX, _sinX, _cosY, _sinY;

    public Fft2D(int px, int py)
    {
        if (!IsPowerOfTwo(px) || !IsPowerOfTwo(py)) throw new ArgumentOutOfRangeException(nameof(px), "FFT sizes must be powers of two.");
        Px = px;
        Py = py;
        (_reverseX, _cosX, _sinX) = Tables(px);
        (_reverseY, _cosY, _sinY) = Tables(py);
    }

    /// <summary>Length of a row (x).</summary>
    public int Px { get; }

    /// <summary>Number of rows (y).</summary>
    public int Py { get; }

    public static bool IsPowerOfTwo(int n) => n > 0 && (n & (n - 1)) == 0;

    /// <summary>The smallest power of two ≥ n (n ≥ 1).</summary>
    public static int PowerOfTwoAtLeast(int n)
    {
        int p = 1;
        while (p < n) p <<= 1;
        return p;
    }

    /// <summary>Bit-reversal permutation and the twiddles cos, sin(2πk/n) for k &lt; n/2.</summary>
    public static (int[] Reverse, double[] Cos, double[] Sin) Tables(int n)
    {
        var reverse = new int[n];
        int bits = 0;
        while ((1 << bits) < n) bits++;
        for (int i = 0; i < n; i++)
        {
            int r = 0;
            for (int b = 0; b < bits; b++) if ((i & (1 << b)) != 0) r |= 1 << (bits - 1 - b);
            reverse[i] = r;
        }
        var cos = new double[Math.Max(1, n / 2)];
        var sin = new double[Math.Max(1, n / 2)];
        for (int k = 0; k < n / 2; k++)
        {
            cos[k] = Math.Cos(2.0 * Math.PI * k / n);
            sin[k] = Math.Sin(2.0 * Math.PI * k / n);
        }
        return (reverse, cos, sin);
    }

    /// <summary>Transforms rows [rowStart, rowEnd) along x, in place.</summary>
    public void TransformRows(Span<double> re, Span<double> im, int rowStart, int rowEnd, bool inverse)
    {
        int px = Px;
        for (int r = rowStart; r < rowEnd; r++)
            Transform(re.Slice(r * px, px), im.Slice(r * px, px), _reverseX, _cosX, _sinX, inverse);
    }

    /// <summary>Transforms columns [columnStart, columnEnd) along y, in place.</summary>
    public void TransformColumns(Span<double> re, Span<double> im, int columnStart, int columnEnd, bool inverse)
    {
        int px = Px, py = Py;
        int[] rev = _reverseY;
        for (int i = 0; i < py; i++)
        {
            int j = rev[i];
            if (j <= i) continue;
            for (int c = columnStart; c < columnEnd; c++)
            {
                int a = i * px + c, b = j * px + c;
                (re[a], re[b]) = (re[b], re[a]);
                (im[a], im[b]) = (im[b], im[a]);
            }
        }
        double sign = inverse ? 1.0 : -1.0;
        for (int size = 2; size <= py; size <<= 1)
        {
            int half = size >> 1, stride = py / size;
            for (int start = 0; start < py; start += size)
            {
                for (int k = 0; k < half; k++)
                {
                    double wr = _cosY[k * stride], wi = sign * _sinY[k * stride];
                    int ra = (start + k) * px, rb = ra + half * px;
                    for (int c = columnStart; c < columnEnd; c++)
                    {
                        int a = ra + c, b = rb + c;
                        double tr = wr * re[b] - wi * im[b];
                        double ti = wr * im[b] + wi * re[b];
                        re[b] = re[a] - tr;
                        im[b] = im[a] - ti;
                        re[a] += tr;
                        im[a] += ti;
                    }
                }
            }
        }
    }

    /// <summary>Iterative in-place radix-2 FFT of one contiguous sequence.</summary>
    public static void Transform(Span<double> re, Span<double> im, ReadOnlySpan<int> reverse, ReadOnlySpan<double> cos, ReadOnlySpan<double> sin, bool inverse)
    {
        int n = re.Length;
        for (int i = 0; i < n; i++)
        {
            int j = reverse[i];
            if (j > i)
            {
                (re[i], re[j]) = (re[j], re[i]);
                (im[i], im[j]) = (im[j], im[i]);
            }
        }
        double sign = inverse ? 1.0 : -1.0;
        for (int size = 2; size <= n; size <<= 1)
        {
            int half = size >> 1, stride = n / size;
            for (int start = 0; start < n; start += size)
            {
                for (int k = 0; k < half; k++)
                {
                    double wr = cos[k * stride], wi = sign * sin[k * stride];
                    int a = start + k, b = a + half;
                    double tr = wr * re[b] - wi * im[b];
                    double ti = wr * im[b] + wi * re[b];
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }
}
