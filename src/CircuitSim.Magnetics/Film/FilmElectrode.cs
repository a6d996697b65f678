using System.Globalization;

namespace CircuitSim.Magnetics.Film;

/// <summary>The edge of a rectangular film an electrode sits on.</summary>
public enum FilmSide
{
    /// <summary>x = 0.</summary>
    Left,
    /// <summary>y = 0.</summary>
    Bottom,
    /// <summary>x = Lx.</summary>
    Right,
    /// <summary>y = Ly.</summary>
    Top,
}

/// <summary>
/// An electrode on the edge of a film: the side, the centre of its contact along that side and its width, both as
/// fractions of the side's length (dimensionless, so a card keeps its layout when the film is resized). The potential
/// is fixed on the contact (Dirichlet); the rest of the edge carries no current.
/// </summary>
public sealed record FilmElectrode(FilmSide Side, double Center, double Width)
{
    /// <summary>Length of the contact's side in m.</summary>
    public double SideLength(double lx, double ly) => Side is FilmSide.Left or FilmSide.Right ? ly : lx;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Side.ToString().ToLowerInvariant()}:{Center:G6}:{Width:G6}");
}

/// <summary>
/// Reads electrode layouts. A layout is a list of electrodes separated by spaces, commas or '/', each
/// <c>side[:center[:width]]</c> with side one of left, bottom, right, top (or x0, y0, x1, y1), center and width
/// fractions of that side (defaults 0.5 and 1, the whole side). Presets: <c>ends</c> (left and right, whole sides:
/// a two-terminal strip) and <c>sides[:width]</c> (one electrode centred on each side, in the cyclic order left,
/// bottom, right, top, default width 0.25: the paper's four-node Hopfield layout).
/// </summary>
public static class FilmElectrodeLayout
{
    /// <summary>Parses <paramref name="spec"/> (see the class summary).</summary>
    /// <exception cref="ArgumentException">An unknown side, a number that does not parse, or a contact off its side.</exception>
    public static IReadOnlyList<FilmElectrode> Parse(string spec)
    {
        if (string.IsNullOrWhiteSpace(spec)) throw new ArgumentException("film: empty electrode layout; expected e.g. 'sides', 'ends' or 'left:0.5:0.25 right:0.5:0.25'.");
        var list = new List<FilmElectrode>();
        foreach (var item in spec.Split(new[] { ' ', '\t', ',', '/' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = item.Split(':');
            var head = parts[0].ToLowerInvariant();
            if (head == "ends")
            {
                if (parts.Length > 1) throw new ArgumentException($"film: electrode preset 'ends' takes no arguments, got '{item}'.");
                list.Add(new FilmElectrode(FilmSide.Left, 0.5, 1));
                list.Add(new FilmElectrode(FilmSide.Right, 0.5, 1));
                continue;
            }
            if (head == "sides")
            {
                if (parts.Length > 2) throw new ArgumentException($"film: electrode preset 'sides' takes at most a width, got '{item}'.");
                double w = parts.Length > 1 ? Fraction(parts[1], item, "width") : 0.25;
                foreach (var side in new[] { FilmSide.Left, FilmSide.Bottom, FilmSide.Right, FilmSide.Top })
                    list.Add(Checked(new FilmElectrode(side, 0.5, w), item));
                continue;
            }
            if (parts.Length > 3) throw new ArgumentException($"film: electrode '{item}' has too many fields; expected side[:center[:width]].");
            var sideOf = ParseSide(head, item);
            double center = parts.Length > 1 ? Fraction(parts[1], item, "centre") : 0.5;
            double width = parts.Length > 2 ? Fraction(parts[2], item, "width") : 1.0;
            list.Add(Checked(new FilmElectrode(sideOf, center, width), item));
        }
        return list;
    }

    /// <summary>The default layout for K terminals: <c>ends</c> for 2, <c>sides</c> for 4; otherwise the card must say.</summary>
    public static IReadOnlyList<FilmElectrode> Default(int terminals) => terminals switch
    {
        2 => Parse("ends"),
        4 => Parse("sides"),
        _ => throw new ArgumentException($"film: no default electrode layout for {terminals} terminals; give electrodes=… (e.g. 'left:0.25:0.2 left:0.75:0.2 right').")
    };

    private static FilmSide ParseSide(string s, string item) => s switch
    {
        "left" or "x0" or "west" => FilmSide.Left,
        "right" or "x1" or "east" => FilmSide.Right,
        "bottom" or "y0" or "south" => FilmSide.Bottom,
        "top" or "y1" or "north" => FilmSide.Top,
        _ => throw new ArgumentException($"film: unknown side '{s}' in electrode '{item}'; expected left, bottom, right or top."),
    };

    private static double Fraction(string text, string item, string what)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            throw new ArgumentException($"film: the {what} '{text}' of electrode '{item}' is not a number (a fraction of the side, 0–1).");
        return v;
    }

    private static FilmElectrode Checked(FilmElectrode e, string item)
    {
        const double slack = 1e-9;
        if (!(e.Width > 0)) throw new ArgumentException($"film: electrode '{item}' has a width of {e.Width}; it must be positive (a fraction of the side).");
        if (e.Center - e.Width / 2 < -slack || e.Center + e.Width / 2 > 1 + slack)
            throw new ArgumentException($"film: electrode '{item}' reaches off the film: centre {e.Center} ± {e.Width / 2} must stay within the side (0–1).");
        return e;
    }
}
