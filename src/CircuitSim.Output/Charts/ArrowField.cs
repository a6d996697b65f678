using ScottPlot;
using SkiaSharp;

namespace CircuitSim.Output;

/// <summary>One arrow of an <see cref="ArrowField"/>: its centre and half-extent along x and y, in data units.</summary>
public readonly record struct FieldArrow(double X, double Y, double HalfDx, double HalfDy);

/// <summary>
/// Arrows centred on points (in-plane magnetization, current density), drawn as a shaft with a filled head whose
/// size follows the arrow's length. One plottable for the whole field, so a chart stays light to build and inspect.
/// </summary>
public sealed class ArrowField(IReadOnlyList<FieldArrow> arrows, Color color) : IPlottable
{
    public IReadOnlyList<FieldArrow> Arrows { get; } = arrows;
    public Color Color { get; } = color;

    /// <summary>Shaft width in pixels.</summary>
    public float LineWidth { get; set; } = 1.1f;

    public bool IsVisible { get; set; } = true;
    public IAxes Axes { get; set; } = new ScottPlot.Axes();
    public IEnumerable<LegendItem> LegendItems => [];

    public AxisLimits GetAxisLimits()
    {
        if (Arrows.Count == 0) return AxisLimits.NoLimits;
        double l = double.PositiveInfinity, r = double.NegativeInfinity, b = double.PositiveInfinity, t = double.NegativeInfinity;
        foreach (var a in Arrows)
        {
            l = Math.Min(l, a.X - Math.Abs(a.HalfDx));
            r = Math.Max(r, a.X + Math.Abs(a.HalfDx));
            b = Math.Min(b, a.Y - Math.Abs(a.HalfDy));
            t = Math.Max(t, a.Y + Math.Abs(a.HalfDy));
        }
        return new AxisLimits(l, r, b, t);
    }

    public void Render(RenderPack rp)
    {
        using var paint = new SKPaint { Color = Color.ToSKColor(), IsAntialias = true, StrokeWidth = LineWidth, StrokeCap = SKStrokeCap.Round };
        using var path = new SKPath();
        foreach (var a in Arrows)
        {
            var tail = Axes.GetPixel(new Coordinates(a.X - a.HalfDx, a.Y - a.HalfDy));
            var tip = Axes.GetPixel(new Coordinates(a.X + a.HalfDx, a.Y + a.HalfDy));
            float dx = tip.X - tail.X, dy = tip.Y - tail.Y, length = MathF.Sqrt(dx * dx + dy * dy);
            if (length < 0.5f) continue;
            paint.Style = SKPaintStyle.Stroke;
            rp.Canvas.DrawLine(tail.X, tail.Y, tip.X, tip.Y, paint);
            float ux = dx / length, uy = dy / length, head = Math.Max(2.5f, 0.35f * length), half = 0.45f * head;
            path.Reset();
            path.MoveTo(tip.X, tip.Y);
            path.LineTo(tip.X - ux * head - uy * half, tip.Y - uy * head + ux * half);
            path.LineTo(tip.X - ux * head + uy * half, tip.Y - uy * head - ux * half);
            path.Close();
            paint.Style = SKPaintStyle.Fill;
            rp.Canvas.DrawPath(path, paint);
        }
    }
}
