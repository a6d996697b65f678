namespace CircuitSim.Output;

/// <summary>A rectangular grid of <paramref name="Nx"/> × <paramref name="Ny"/> cells of <paramref name="Dx"/> ×
/// <paramref name="Dy"/> (m); cell (ix, iy) is index ix + Nx·iy, with y pointing up.</summary>
public sealed record MapGrid(int Nx, int Ny, double Dx, double Dy)
{
    public int CellCount => Nx * Ny;
}

/// <summary>The edge of a map an <see cref="EdgeContact"/> sits on.</summary>
public enum EdgeSide
{
    Left,
    Bottom,
    Right,
    Top,
}

/// <summary>
/// An electrode drawn on the edge of a map: the side, the centre and width of the contact as fractions of that
/// side's length, and its voltage in V (NaN: not known; the label is then the number alone).
/// </summary>
public sealed record EdgeContact(EdgeSide Side, double Center, double Width, double Voltage = double.NaN);
