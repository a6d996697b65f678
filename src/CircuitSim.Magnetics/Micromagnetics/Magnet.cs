namespace CircuitSim.Magnetics.Micromagnetics;

/// <summary>
/// The geometry of a thin-film magnet: an nx × ny × 1 grid of cells dx × dy × thickness (a <see cref="Grid2D"/>) and the
/// saturation magnetization Ms of every cell (A/m). A cell with Ms = 0 is outside the magnet: its m stays 0, it has no
/// field, and the terms treat its faces as free surfaces (see docs/micromagnetics.md). Cell (ix, iy) has index
/// ix + nx·iy and centre ((ix + ½)dx, (iy + ½)dy).
/// </summary>
public sealed class Magnet
{
    private readonly double[] _ms;

    /// <param name="grid">Cell grid.</param>
    /// <param name="saturationMagnetization">Ms per cell in A/m (copied); 0 marks a cell outside the magnet.</param>
    public Magnet(Grid2D grid, ReadOnlySpan<double> saturationMagnetization)
    {
        if (saturationMagnetization.Length != grid.CellCount)
            throw new ArgumentException($"Need one Ms per cell ({grid.CellCount}), got {saturationMagnetization.Length}.", nameof(saturationMagnetization));
        foreach (double ms in saturationMagnetization)
            if (!(ms >= 0) || double.IsInfinity(ms)) throw new ArgumentOutOfRangeException(nameof(saturationMagnetization), "Ms must be finite and ≥ 0 (A/m).");
        Grid = grid;
        _ms = saturationMagnetization.ToArray();
        int count = 0;
        foreach (double ms in _ms) if (ms > 0) count++;
        if (count == 0) throw new ArgumentException("The magnet has no cell with Ms > 0.", nameof(saturationMagnetization));
        MagneticCellCount = count;
    }

    public Grid2D Grid { get; }

    public int Nx => Grid.Nx;

    public int Ny => Grid.Ny;

    public int CellCount => Grid.CellCount;

    /// <summary>Number of cells inside the magnet (Ms &gt; 0).</summary>
    public int MagneticCellCount { get; }

    /// <summary>Ms per cell in A/m (0 outside the magnet).</summary>
    public ReadOnlySpan<double> SaturationMagnetization => _ms;

    /// <summary>Ms of one cell in A/m.</summary>
    public double Ms(int cell) => _ms[cell];

    /// <summary>True when the cell is part of the magnet.</summary>
    public bool Contains(int cell) => _ms[cell] > 0;

    /// <summary>True when (ix, iy) is on the grid and inside the magnet.</summary>
    public bool Contains(int ix, int iy) => ix >= 0 && iy >= 0 && ix < Nx && iy < Ny && _ms[ix + Nx * iy] > 0;

    /// <summary>Centre of cell (ix, iy) in m, with the grid's corner at the origin.</summary>
    public (double X, double Y) Centre(int ix, int iy) => ((ix + 0.5) * Grid.Dx, (iy + 0.5) * Grid.Dy);

    /// <summary>A rectangle filling the whole grid with one Ms (A/m).</summary>
    public static Magnet Rectangle(Grid2D grid, double ms)
    {
        var values = new double[grid.CellCount];
        Array.Fill(values, ms);
        return new Magnet(grid, values);
    }

    /// <summary>A disk inscribed in the grid (diameter = the smaller side): cells whose centre lies inside.</summary>
    public static Magnet Disk(Grid2D grid, double ms) => Annulus(grid, ms, 0.0);

    /// <summary>
    /// A ring centred on the grid, outer diameter = the smaller side of the grid, inner radius
    /// <paramref name="innerRadius"/> (m): cells whose centre lies at r with innerRadius ≤ r ≤ outer radius.
    /// </summary>
    public static Magnet Annulus(Grid2D grid, double ms, double innerRadius)
    {
        double outer = 0.5 * Math.Min(grid.Nx * grid.Dx, grid.Ny * grid.Dy);
        return Annulus(grid, ms, innerRadius, outer);
    }

    /// <summary>A ring centred on the grid with the given inner and outer radii (m).</summary>
    public static Magnet Annulus(Grid2D grid, double ms, double innerRadius, double outerRadius)
    {
        if (!(outerRadius > innerRadius) || innerRadius < 0) throw new ArgumentOutOfRangeException(nameof(outerRadius), "Need 0 ≤ inner radius < outer radius (m).");
        double cx = 0.5 * grid.Nx * grid.Dx, cy = 0.5 * grid.Ny * grid.Dy;
        var values = new double[grid.CellCount];
        for (int iy = 0; iy < grid.Ny; iy++)
            for (int ix = 0; ix < grid.Nx; ix++)
            {
                double x = (ix + 0.5) * grid.Dx - cx, y = (iy + 0.5) * grid.Dy - cy;
                double r = Math.Sqrt(x * x + y * y);
                if (r >= innerRadius && r <= outerRadius) values[grid.Index(ix, iy)] = ms;
            }
        return new Magnet(grid, values);
    }

    /// <summary>A magnet from a mask (true = inside), one Ms for every cell inside.</summary>
    public static Magnet FromMask(Grid2D grid, ReadOnlySpan<bool> inside, double ms)
    {
        if (inside.Length != grid.CellCount) throw new ArgumentException($"Need one mask entry per cell ({grid.CellCount}).", nameof(inside));
        var values = new double[grid.CellCount];
        for (int i = 0; i < values.Length; i++) values[i] = inside[i] ? ms : 0.0;
        return new Magnet(grid, values);
    }
}
