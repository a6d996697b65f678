namespace CircuitSim.Magnetics.Film;

/// <summary>
/// A symmetric nine-point operator on the (nx+1)×(ny+1) corner nodes of a <see cref="Grid2D"/>: the conductance
/// matrix of the film's bilinear finite-element discretization, assembled cell by cell. Each cell adds the 4×4
/// conductance matrix of a bilinear potential over a rectangle with a constant conductivity tensor (exact energy
/// ∫ ∇φ·Σ∇φ dV); every row sums to zero, so the matrix is the conductance matrix of a resistor network between the
/// nodes and Kirchhoff's current law holds at every node: the discretization is conservative.
/// <para>
/// Storage is padded with a ring of ghost nodes whose couplings are zero, so <see cref="Multiply"/> needs no edge
/// tests: node (i, j) sits at <see cref="Node"/> = (i + 1) + W (j + 1), W = nx + 3. Per node are kept the diagonal and
/// the couplings to the east (+x), north (+y), north-east and north-west neighbours; the others are their mirror images.
/// </para>
/// </summary>
public sealed class NodeStencil
{
    private readonly double[] _diag, _east, _north, _northEast, _northWest;

    public NodeStencil(int cellsX, int cellsY)
    {
        if (cellsX < 1 || cellsY < 1) throw new ArgumentOutOfRangeException(nameof(cellsX));
        CellsX = cellsX;
        CellsY = cellsY;
        Width = cellsX + 3;
        Length = Width * (cellsY + 3);
        _diag = new double[Length];
        _east = new double[Length];
        _north = new double[Length];
        _northEast = new double[Length];
        _northWest = new double[Length];
    }

    public int CellsX { get; }

    public int CellsY { get; }

    /// <summary>Padded row length W = nx + 3.</summary>
    public int Width { get; }

    /// <summary>Length of a padded node vector.</summary>
    public int Length { get; }

    /// <summary>Padded index of node (i, j), 0 ≤ i ≤ nx, 0 ≤ j ≤ ny; the node sits at (i dx, j dy).</summary>
    public int Node(int i, int j) => i + 1 + Width * (j + 1);

    /// <summary>Diagonal entries (S), padded; zero on ghost nodes.</summary>
    public ReadOnlySpan<double> Diagonal => _diag;

    public void Clear()
    {
        Array.Clear(_diag);
        Array.Clear(_east);
        Array.Clear(_north);
        Array.Clear(_northEast);
        Array.Clear(_northWest);
    }

    /// <summary>
    /// Adds the conductance matrix (S) of cell (cx, cy), size dx × dy × t (m), with conductivity tensor
    /// (σxx, σxy, σyy) in S/m. For bilinear shape functions with corner signs (ξ, η) = (±1, ±1):
    /// K_ab = t [σxx (dy/dx) ξaξb (3 + ηaηb)/12 + σyy (dx/dy) ηaηb (3 + ξaξb)/12 + σxy (ξaηb + ηaξb)/4].
    /// </summary>
    public void AddCell(int cx, int cy, double dx, double dy, double thickness, double sxx, double sxy, double syy)
    {
        double ax = thickness * sxx * dy / dx / 12.0;   // multiplies ξaξb(3 + ηaηb)
        double ay = thickness * syy * dx / dy / 12.0;   // multiplies ηaηb(3 + ξaξb)
        double axy = thickness * sxy / 4.0;             // multiplies ξaηb + ηaξb
        // corners 00, 10, 01, 11 have ξ = −, +, −, + and η = −, −, +, +
        double same = 4 * ax + 4 * ay;          // a = b; the cross term adds 2ξaηa·axy (+ at 00 and 11, − at 10 and 01)
        double alongX = -4 * ax + 2 * ay;       // (00,10), (01,11): cross term 0
        double alongY = 2 * ax - 4 * ay;        // (00,01), (10,11): cross term 0
        double across = -2 * ax - 2 * ay;       // (00,11): cross −2axy; (10,01): cross +2axy
        int n00 = Node(cx, cy), n10 = n00 + 1, n01 = n00 + Width, n11 = n01 + 1;
        _diag[n00] += same + 2 * axy;
        _diag[n11] += same + 2 * axy;
        _diag[n10] += same - 2 * axy;
        _diag[n01] += same - 2 * axy;
        _east[n00] += alongX;
        _east[n01] += alongX;
        _north[n00] += alongY;
        _north[n10] += alongY;
        _northEast[n00] += across - 2 * axy;
        _northWest[n10] += across + 2 * axy;
    }

    /// <summary>
    /// The coupling (S) between the node at padded index <paramref name="p"/> and its neighbour at offset
    /// (<paramref name="ox"/>, <paramref name="oy"/>), each −1, 0 or 1; (0, 0) is the diagonal.
    /// </summary>
    public double Coupling(int p, int ox, int oy)
    {
        int w = Width;
        return (ox, oy) switch
        {
            (0, 0) => _diag[p],
            (1, 0) => _east[p],
            (-1, 0) => _east[p - 1],
            (0, 1) => _north[p],
            (0, -1) => _north[p - w],
            (1, 1) => _northEast[p],
            (-1, -1) => _northEast[p - w - 1],
            (-1, 1) => _northWest[p],
            (1, -1) => _northWest[p - w + 1],
            _ => throw new ArgumentOutOfRangeException(nameof(ox), "Offsets are −1, 0 or 1."),
        };
    }

    /// <summary>
    /// Adds <paramref name="value"/> (S) to the coupling of node <paramref name="p"/> with its neighbour at offset
    /// (ox, oy) when that offset is one the node stores (diagonal, east, north, north-east, north-west); returns false
    /// for the mirrored offsets, which belong to the neighbour (so summing over all ordered pairs adds each once).
    /// </summary>
    public bool AddStoredCoupling(int p, int ox, int oy, double value)
    {
        switch (ox, oy)
        {
            case (0, 0): _diag[p] += value; return true;
            case (1, 0): _east[p] += value; return true;
            case (0, 1): _north[p] += value; return true;
            case (1, 1): _northEast[p] += value; return true;
            case (-1, 1): _northWest[p] += value; return true;
            default: return false;
        }
    }

    /// <summary>
    /// One Gauss–Seidel sweep on A x = b over the nodes where <paramref name="free"/> ≠ 0 (x is 0 and stays 0 elsewhere),
    /// forward (natural order) or backward. A forward sweep followed by a backward one is a symmetric smoother.
    /// </summary>
    public void GaussSeidel(Span<double> x, ReadOnlySpan<double> b, ReadOnlySpan<double> free, bool forward)
    {
        int w = Width;
        int first = w + 1, last = w * (CellsY + 2) - 2;
        ReadOnlySpan<double> d = _diag, e = _east, n = _north, ne = _northEast, nw = _northWest;
        int start = forward ? first : last, stop = forward ? last + 1 : first - 1, step = forward ? 1 : -1;
        for (int p = start; p != stop; p += step)
        {
            if (free[p] == 0) continue;
            double off = e[p] * x[p + 1] + e[p - 1] * x[p - 1]
                         + n[p] * x[p + w] + n[p - w] * x[p - w]
                         + ne[p] * x[p + w + 1] + ne[p - w - 1] * x[p - w - 1]
                         + nw[p] * x[p + w - 1] + nw[p - w + 1] * x[p - w + 1];
            x[p] = (b[p] - off) / d[p];
        }
    }

    /// <summary>y = A x over padded vectors (ghost entries of y come out 0). Allocates nothing.</summary>
    public void Multiply(ReadOnlySpan<double> x, Span<double> y)
    {
        int w = Width;
        int first = w + 1, last = w * (CellsY + 2) - 2;
        ReadOnlySpan<double> d = _diag, e = _east, n = _north, ne = _northEast, nw = _northWest;
        for (int p = first; p <= last; p++)
        {
            y[p] = d[p] * x[p]
                   + e[p] * x[p + 1] + e[p - 1] * x[p - 1]
                   + n[p] * x[p + w] + n[p - w] * x[p - w]
                   + ne[p] * x[p + w + 1] + ne[p - w - 1] * x[p - w - 1]
                   + nw[p] * x[p + w - 1] + nw[p - w + 1] * x[p - w + 1];
        }
    }
}
