using ScottPlot;

namespace CircuitSim.Output;

/// <summary>m_z and similar signed quantities: blue (position 0, i.e. −1) – white (0.5) – red (1, i.e. +1).</summary>
public sealed class DivergingColormap : IColormap
{
    public string Name => "blue-white-red";

    public Color GetColor(double position)
    {
        double v = Math.Clamp(2 * (double.IsFinite(position) ? position : 0.5) - 1, -1, 1);
        (double r, double g, double b) = v >= 0 ? (1.0, 1 - 0.85 * v, 1 - 0.85 * v) : (1 + 0.85 * v, 1 + 0.6 * v, 1.0);
        return Rgb(r * 0.95 + 0.05 * (v >= 0 ? 0.7 : 0.2), g, b);
    }

    internal static Color Rgb(double r, double g, double b) =>
        new((byte)Math.Round(255 * Math.Clamp(r, 0, 1)), (byte)Math.Round(255 * Math.Clamp(g, 0, 1)), (byte)Math.Round(255 * Math.Clamp(b, 0, 1)));
}

/// <summary>Magnitudes (e.g. log₁₀|j| over three decades): dark grey (0) to orange-yellow (1).</summary>
public sealed class SequentialColormap : IColormap
{
    public string Name => "grey-orange";

    public Color GetColor(double position)
    {
        double t = Math.Clamp(double.IsFinite(position) ? position : 0, 0, 1);
        return DivergingColormap.Rgb(0.12 + 0.88 * t, 0.12 + 0.7 * t * t, 0.16 + 0.1 * t);
    }
}
