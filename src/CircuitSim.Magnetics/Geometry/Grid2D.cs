namespace CircuitSim.Magnetics;

/// <summary>
/// A rectangular film of nx × ny cells of size dx × dy × thickness with free edges (no periodic wrap).
/// Cell (ix, iy) has index ix + nx·iy; its centre is at ((ix + ½)dx, (iy + ½)dy).
/// </summary>
public sealed class Grid2D
{
    /// <param name="nx">Cells along x.</param>
    /// <param name="ny">Cells along y.</param>
    /// <param name="dx">Cell size along x in m.</param>
    /// <param name="dy">Cell size along y in m.</param>
    /// <param name="thickness">Film thickness in m (one cell through the thickness).</param>
    public Grid2D(int nx, int ny, double dx, double dy, double thickness)
    {
        if (nx < 1 || ny < 1) throw new ArgumentOutOfRangeException(nameof(nx), "A grid needs at least one cell each way.");
        if (!(dx > 0) || !(dy > 0) || !(thickness > 0)) throw new ArgumentOutOfRangeException(nameof(dx), "Cell sizes must be positive (m).");
        Nx = nx;
        Ny = ny;
        Dx = dx;
        Dy = dy;
        Thickness = thickness;
    }

    /// <summary>Cells along x.</summary>
    public int Nx { get; }

    /// <summary>Cells along y.</summary>
    public int Ny { get; }

    /// <summary>Cell size along x in m.</summary>
    public double Dx { get; }

    /// <summary>Cell size along y in m.</summary>
    public double Dy { get; }

    /// <summary>Film thickness in m.</summary>
    public double Thickness { get; }

    /// <summary>Number of cells nx·ny.</summary>
    public int CellCount => Nx * Ny;

    /// <summary>Cell volume dx·dy·thickness in m³.</summary>
    public double CellVolume => Dx * Dy * Thickness;

    /// <summary>Flat cell index ix + nx·iy (multiply by 3 for the offset into an interleaved field).</summary>
    public int Index(int ix, int iy) => ix + Nx * iy;

    /// <summary>Neighbour toward +x, or −1 at the free edge.</summary>
    public int PlusX(int ix, int iy) => ix + 1 < Nx ? Index(ix + 1, iy) : -1;

    /// <summary>Neighbour toward −x, or −1 at the free edge.</summary>
    public int MinusX(int ix, int iy) => ix > 0 ? Index(ix - 1, iy) : -1;

    /// <summary>Neighbour toward +y, or −1 at the free edge.</summary>
    public int PlusY(int ix, int iy) => iy + 1 < Ny ? Index(ix, iy + 1) : -1;

    /// <summary>Neighbour toward −y, or −1 at the free edge.</summary>
    public int MinusY(int ix, int iy) => iy > 0 ? Index(ix, iy - 1) : -1;
}
