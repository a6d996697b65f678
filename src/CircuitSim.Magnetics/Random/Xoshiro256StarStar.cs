namespace CircuitSim.Magnetics;

/// <summary>
/// xoshiro256** (Blackman &amp; Vigna 2018), seeded through <see cref="SplitMix64"/>. Everything it returns is built
/// from integer arithmetic and IEEE-754 basic operations (+ − × ÷ √), so a seed gives the same numbers on every
/// platform and .NET version — unlike System.Random, whose algorithm is not specified, or anything that calls the
/// platform's libm.
/// <para>
/// A mutable value type: copy it to save its state, assign the copy back to restore. Keep it in a non-readonly
/// field or pass it by <c>ref</c>, or the copy, not the original, advances.
/// </para>
/// </summary>
public struct Xoshiro256StarStar
{
    private ulong _s0, _s1, _s2, _s3;
    private double _spare;
    private bool _hasSpare;

    /// <summary>Seeds the four state words with consecutive SplitMix64 outputs of <paramref name="seed"/>.</summary>
    public Xoshiro256StarStar(ulong seed)
    {
        var sm = new SplitMix64(seed);
        _s0 = sm.Next();
        _s1 = sm.Next();
        _s2 = sm.Next();
        _s3 = sm.Next();
        _spare = 0;
        _hasSpare = false;
    }

    /// <summary>Starts from an explicit state (not all zero), e.g. to check published reference outputs.</summary>
    public static Xoshiro256StarStar FromState(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        if ((s0 | s1 | s2 | s3) == 0) throw new ArgumentException("The xoshiro state must not be all zero.");
        var r = default(Xoshiro256StarStar);
        r._s0 = s0;
        r._s1 = s1;
        r._s2 = s2;
        r._s3 = s3;
        return r;
    }

    /// <summary>Next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform double in [0, 1) on the 2⁻⁵³ grid (the top 53 bits of the next output).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / 9007199254740992.0);

    /// <summary>
    /// Standard normal deviate by Marsaglia's polar method: draw (u, v) uniform in the square (−1, 1)², reject unless
    /// 0 &lt; s = u² + v² &lt; 1, then u·√(−2 ln s / s) and v·√(−2 ln s / s) are two independent N(0, 1) deviates;
    /// the second is kept for the next call. ln is <see cref="DeterministicMath.Log"/>, not Math.Log, so the bits do
    /// not depend on the platform.
    /// </summary>
    public double NextGaussian()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }
        double u, v, s;
        do
        {
            u = 2.0 * NextDouble() - 1.0;
            v = 2.0 * NextDouble() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        double f = Math.Sqrt(-2.0 * DeterministicMath.Log(s) / s);
        _spare = v * f;
        _hasSpare = true;
        return u * f;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
