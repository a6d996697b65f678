namespace CircuitSim.Magnetics;

/// <summary>
/// In-place iterative radix-2 complex FFT for one length N = 2^p, with the twiddle factors and bit-reversal table
/// computed once. Real and imaginary parts live in separate arrays. Forward: X_q = Σ_k x_k e^(−2πi qk/N);
/// inverse: the same with e^(+…) and a factor 1/N. No allocation per transform.
/// </summary>
public sealed class RadixTwoFft
{
    private readonly int _n;
    private readonly int[] _reverse;
    private readonly double[] _cos, _sin;

    public RadixTwoFft(int length)
    {
        if (!IsPowerOfTwo(length)) throw new ArgumentOutOfRangeException(nameof(length), "The length must be a power of two.");
        _n = length;
        _reverse = new int[length];
        int bits = 0;
        while ((1 << bits) < length) bits++;
        for (int i = 0; i < length; i++)
        {
            int r = 0;
            for (int b = 0; b < bits; b++) if ((i & (1 << b)) != 0) r |= 1 << (bits - 1 - b);
            _reverse[i] = r;
        }
        _cos = new double[Math.Max(1, length / 2)];
        _sin = new double[Math.Max(1, length / 2)];
        for (int k = 0; k < length / 2; k++)
        {
            _cos[k] = Math.Cos(2.0 * Math.PI * k / length);
            _sin[k] = Math.Sin(2.0 * Math.PI * k / length);
        }
    }

    public int Length => _n;

    public static bool IsPowerOfTwo(int n) => n > 0 && (n & (n - 1)) == 0;

    /// <summary>Transforms (re, im) in place; <paramref name="inverse"/> uses e^(+2πi qk/N) and divides by N.</summary>
    public void Transform(Span<double> re, Span<double> im, bool inverse)
    {
        int n = _n;
        for (int i = 0; i < n; i++)
        {
            int j = _reverse[i];
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
                    double wr = _cos[k * stride], wi = sign * _sin[k * stride];
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
        if (inverse)
        {
            double s = 1.0 / n;
            for (int i = 0; i < n; i++)
            {
                re[i] *= s;
                im[i] *= s;
            }
        }
    }
}
