using System.Globalization;
using CircuitSim.Core.Expressions;
using CircuitSim.Magnetics;

namespace CircuitSim.Spintronics.DomainWall;

/// <summary>
/// A pinning site: the centre of a parabolic well, m, its depinning field H_c, A/m, and the factor by which it
/// scales the wall anisotropy field H_K while the wall sits in its well (edge defects change the local track width,
/// which sets the hybrid wall's Bloch–Néel anisotropy; 1 = unchanged).
/// </summary>
public readonly record struct PinningSite(double Position, double DepinningField, double AnisotropyFactor = 1);

/// <summary>
/// The pinning potential of docs/physics.md §5.3: wells of half-width x_c around sites q_i; inside the well of the nearest
/// site H_pin = H_c,i·(q − q_i)/x_c, outside every well 0. Each site may also scale the wall anisotropy H_K inside
/// its well. Sites come from an explicit list or from a seeded random draw (positions uniform on the track,
/// strengths H_c·(1 + spread·N(0,1)) and anisotropy factors 1 + spread_K·N(0,1), both clipped at 0.1).
/// </summary>
public sealed class PinningLandscape
{
    private readonly double[] _positions;
    private readonly double[] _fields;
    private readonly double[] _anisotropy;

    public PinningLandscape(IEnumerable<PinningSite> sites, double wellHalfWidth)
    {
        var sorted = sites.OrderBy(s => s.Position).ToArray();
        _positions = sorted.Select(s => s.Position).ToArray();
        _fields = sorted.Select(s => s.DepinningField).ToArray();
        _anisotropy = sorted.Select(s => s.AnisotropyFactor).ToArray();
        WellHalfWidth = wellHalfWidth;
    }

    /// <summary>Half-width x_c of every well, m.</summary>
    public double WellHalfWidth { get; }

    public IReadOnlyList<PinningSite> Sites => _positions.Select((p, i) => new PinningSite(p, _fields[i], _anisotropy[i])).ToList();

    public static PinningLandscape None(double wellHalfWidth) => new(Array.Empty<PinningSite>(), wellHalfWidth);

    /// <summary>A seeded random landscape of <paramref name="count"/> sites on [margin, length − margin].</summary>
    public static PinningLandscape Random(int count, double length, double meanField, double relativeSpread, double wellHalfWidth, ulong seed, double margin,
        double anisotropySpread = 0)
    {
        var rng = new Xoshiro256StarStar(seed);
        var sites = new PinningSite[count];
        for (var i = 0; i < count; i++)
        {
            var position = margin + (length - 2 * margin) * rng.NextDouble();
            var field = meanField * Math.Max(0.1, 1 + relativeSpread * rng.NextGaussian());
            var anisotropy = Math.Max(0.1, 1 + anisotropySpread * rng.NextGaussian());
            sites[i] = new PinningSite(position, field, anisotropy);
        }
        return new PinningLandscape(sites, wellHalfWidth);
    }

    /// <summary>Parses "pos:hc[:kfactor] …" (positions in m, fields in Oe, optional H_K factor; SPICE suffixes allowed,
    /// e.g. "100n:15 300n:20:1.5").</summary>
    public static PinningLandscape Parse(string text, double wellHalfWidth)
    {
        var sites = new List<PinningSite>();
        foreach (var item in text.Split(new[] { ' ', ',', ';' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = item.Split(':');
            var k = 1.0;
            if (parts.Length is < 2 or > 3 || !EngineeringNumber.TryParse(parts[0], out var q) || !EngineeringNumber.TryParse(parts[1], out var hcOe)
                || (parts.Length == 3 && !EngineeringNumber.TryParse(parts[2], out k)))
                throw new FormatException($"pinning site '{item}' is not position:field_in_Oe[:hk_factor] (e.g. 250n:15 or 250n:15:1.5)");
            sites.Add(new PinningSite(q, hcOe * PhysicalConstants.AmperePerMeterPerOersted, k));
        }
        return new PinningLandscape(sites, wellHalfWidth);
    }

    /// <summary>The restoring field at wall position <paramref name="q"/>, A/m.</summary>
    public double Field(double q)
    {
        var i = Nearest(q);
        if (i < 0) return 0;
        var d = q - _positions[i];
        return Math.Abs(d) < WellHalfWidth ? _fields[i] * d / WellHalfWidth : 0;
    }

    /// <summary>The factor on H_K at wall position <paramref name="q"/> (1 outside every well).</summary>
    public double AnisotropyFactor(double q)
    {
        var i = Nearest(q);
        return i >= 0 && Math.Abs(q - _positions[i]) < WellHalfWidth ? _anisotropy[i] : 1;
    }

    private int Nearest(double q)
    {
        if (_positions.Length == 0) return -1;
        var i = Array.BinarySearch(_positions, q);
        if (i >= 0) return i;
        i = ~i;
        if (i == _positions.Length || (i > 0 && q - _positions[i - 1] < _positions[i] - q)) i--;
        return i;
    }

    public override string ToString() => string.Join(" ", _positions.Select((p, i) =>
        $"{(p * 1e9).ToString("F1", CultureInfo.InvariantCulture)}n:{(_fields[i] / PhysicalConstants.AmperePerMeterPerOersted).ToString("F2", CultureInfo.InvariantCulture)}"));
}
