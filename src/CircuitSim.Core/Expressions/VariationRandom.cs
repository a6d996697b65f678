using System.Text;

namespace CircuitSim.Core.Expressions;

/// <summary>
/// Counter-based random numbers for Monte Carlo parameters: the k-th draw at a site is a pure function of
/// (seed, run, site, k), with no generator state carried from one draw to the next. So a run gives the same numbers
/// on one core or many, in one process or a thousand, and whatever order the netlist's values are evaluated in.
/// The site is a name such as <c>x1.r3:r</c> (instance path and parameter) hashed with 64-bit FNV-1a; the four
/// inputs are folded through SplitMix64's finalizer (a bijective 64-bit mixer), one application per input.
/// </summary>
public static class VariationRandom
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    /// <summary>The stable 64-bit hash of a site name (case-insensitive; not <c>string.GetHashCode</c>, which
    /// changes from process to process).</summary>
    public static ulong SiteHash(string site)
    {
        var h = 0xCBF29CE484222325UL;
        foreach (var b in Encoding.UTF8.GetBytes(site.ToLowerInvariant()))
        {
            h ^= b;
            h *= 0x100000001B3UL;
        }
        return Mix(h);
    }

    /// <summary>64 random bits: word <paramref name="word"/> of draw <paramref name="draw"/> at the site.</summary>
    public static ulong Bits(ulong seed, long run, ulong site, int draw, int word)
    {
        var x = Mix(seed + Golden);
        x = Mix(x ^ ((ulong)run + Golden));
        x = Mix(x ^ site);
        x = Mix(x ^ (((ulong)(uint)draw << 8 | (uint)word) + Golden));
        return x;
    }

    /// <summary>Uniform on (0, 1]: 53 random bits, never 0 (so a logarithm of it is finite).</summary>
    public static double Uniform(ulong seed, long run, ulong site, int draw, int word = 0) =>
        ((Bits(seed, run, site, draw, word) >> 11) + 1) * (1.0 / (1UL << 53));

    /// <summary>Uniform on (−1, 1].</summary>
    public static double SymmetricUniform(ulong seed, long run, ulong site, int draw) =>
        2 * Uniform(seed, run, site, draw) - 1;

    /// <summary>Standard normal by Box–Muller from two uniforms of the same draw.</summary>
    public static double Gaussian(ulong seed, long run, ulong site, int draw)
    {
        var u1 = Uniform(seed, run, site, draw, 0);
        var u2 = Uniform(seed, run, site, draw, 1);
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>SplitMix64's finalizer.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
