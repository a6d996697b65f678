using System.Reflection;
using ScottPlot;
using SkiaSharp;

namespace CircuitSim.Output;

/// <summary>
/// The charts' typeface: DejaVu Sans (regular and bold), shipped inside this assembly and registered with ScottPlot
/// before the first chart is built. Skia's default typeface is a serif where one is installed, and with no system
/// fonts at all text is silently not drawn; the embedded font makes every machine draw the same text.
/// </summary>
public static class ChartFonts
{
    /// <summary>The family name every chart uses.</summary>
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<EmbeddedFontResolver> Resolver = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Registers the embedded font with ScottPlot (once; later calls do nothing).</summary>
    public static void Ensure() => _ = Resolver.Value;

    /// <summary>The embedded regular or bold typeface.</summary>
    public static SKTypeface Typeface(bool bold) => bold ? Resolver.Value.Bold : Resolver.Value.Regular;

    private static EmbeddedFontResolver Register()
    {
        var resolver = new EmbeddedFontResolver(Load("DejaVuSans.ttf"), Load("DejaVuSans-Bold.ttf"));
        Fonts.FontResolvers.Insert(0, resolver);
        Fonts.Default = Family;
        Fonts.Sans = Family;
        return resolver;
    }

    private static SKTypeface Load(string file)
    {
        var name = "CircuitSim.Output.Charts." + file;
        using var stream = typeof(ChartFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the chart font {name} is missing from {typeof(ChartFonts).Assembly.GetName().Name}");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"the chart font {name} cannot be read");
    }

    /// <summary>Answers ScottPlot's font requests for <see cref="Family"/>; other names fall through to the next resolver.</summary>
    private sealed class EmbeddedFontResolver(SKTypeface regular, SKTypeface bold) : IFontResolver
    {
        public SKTypeface Regular { get; } = regular;
        public SKTypeface Bold { get; } = bold;

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            Matches(fontName) ? (weight >= FontWeight.SemiBold ? Bold : Regular) : null;

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            Matches(fontName) ? (bold ? Bold : Regular) : null;

        private static bool Matches(string name) => string.Equals(name, Family, StringComparison.OrdinalIgnoreCase);
    }
}
