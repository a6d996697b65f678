using System.Numerics;
using System.Runtime.InteropServices;

namespace CircuitSim.Core.Simulations;

/// <summary>
/// The modified-nodal-analysis system A·x = b. Devices take matrix handles once, at setup, and add into the flat
/// <see cref="Values"/> array by handle on every load: no look-ups on the hot path. Handle 0 is a trash slot that
/// swallows stamps into ground rows and columns, so stamping code never branches on ground. The real and the
/// complex (AC) systems share the pattern and the handles.
/// </summary>
public sealed class MnaSystem
{
    /// <summary>The handle that stamps into ground rows and columns land in.</summary>
    public const int Trash = 0;

    private readonly Dictionary<long, int> _handles = new(EntryKeyComparer.Instance);
    // the entries' rows and columns: lists while the pattern grows, arrays of exactly its length once frozen
    private List<int>? _rowList = new();
    private List<int>? _colList = new();
    private int[] _rows = Array.Empty<int>();
    private int[] _cols = Array.Empty<int>();
    private bool _frozen;

    /// <summary>Number of unknowns (ground excluded).</summary>
    public int Size { get; private set; }

    /// <summary>Number of structural entries (handles other than the trash).</summary>
    public int EntryCount => _frozen ? _rows.Length : _rowList!.Count;

    /// <summary>Matrix values by handle; slot 0 is the trash.</summary>
    public double[] Values = Array.Empty<double>();
    /// <summary>Right-hand side by unknown index; index 0 (ground) is trash.</summary>
    public double[] Rhs = Array.Empty<double>();
    public Complex[] ComplexValues = Array.Empty<Complex>();
    public Complex[] ComplexRhs = Array.Empty<Complex>();

    /// <summary>Row (0-based, ground removed) of handle k+1, for the LU.</summary>
    public ReadOnlySpan<int> RowIndices => _frozen ? _rows : CollectionsMarshal.AsSpan(_rowList);
    /// <summary>Column (0-based, ground removed) of handle k+1, for the LU.</summary>
    public ReadOnlySpan<int> ColumnIndices => _frozen ? _cols : CollectionsMarshal.AsSpan(_colList);

    public bool IsFrozen => _frozen;

    /// <summary>Sets the number of unknowns; allowed until <see cref="Freeze"/>.</summary>
    public void Resize(int size)
    {
        if (_frozen) throw new InvalidOperationException("the MNA system is frozen");
        Size = size;
    }

    /// <summary>The handle of entry (row, column); rows and columns are unknown indices, 0 = ground.</summary>
    public int GetHandle(int row, int column)
    {
        if (row == 0 || column == 0) return Trash;
        if (row < 0 || column < 0 || row > Size || column > Size)
            throw new ArgumentOutOfRangeException(nameof(row), $"entry ({row}, {column}) outside a system of {Size} unknowns");
        if (_frozen)
            return FrozenHandle(row - 1, column - 1) is var f and > 0 ? f : throw new InvalidOperationException("the sparsity pattern is fixed after setup");
        var key = ((long)row << 32) | (uint)column;
        if (_handles.TryGetValue(key, out var h)) return h;
        _rowList!.Add(row - 1);
        _colList!.Add(column - 1);
        h = _rowList.Count;
        _handles[key] = h;
        return h;
    }

    /// <summary>Fixes the pattern and allocates the value arrays.</summary>
    public void Freeze()
    {
        if (!_frozen)
        {
            _rows = _rowList!.ToArray();
            _cols = _colList!.ToArray();
            _rowList = _colList = null;
            _frozen = true;
        }
        Values = new double[_rows.Length + 1];
        Rhs = new double[Size + 1];
        _handles.Clear();
        _handles.TrimExcess();
    }

    // from Freeze on handles are only looked up, rarely (.nodeset, .ic): rows with sorted columns, made on the first
    // look-up, take a third of the dictionary's memory
    private int[]? _rowStart;
    private int[] _rowColumns = Array.Empty<int>();
    private int[] _rowHandles = Array.Empty<int>();

    private void IndexRows()
    {
        var rowStart = new int[Size + 1];
        foreach (var r in _rows) rowStart[r + 1]++;
        for (var r = 0; r < Size; r++) rowStart[r + 1] += rowStart[r];
        _rowColumns = new int[_rows.Length];
        _rowHandles = new int[_rows.Length];
        var fill = rowStart[..Size];
        for (var k = 0; k < _rows.Length; k++)
        {
            var at = fill[_rows[k]]++;
            _rowColumns[at] = _cols[k];
            _rowHandles[at] = k + 1;
        }
        for (var r = 0; r < Size; r++)
            Array.Sort(_rowColumns, _rowHandles, rowStart[r], rowStart[r + 1] - rowStart[r]);
        _rowStart = rowStart;
    }

    /// <summary>The handle of a structural entry (0-based row and column) after <see cref="Freeze"/>, or 0.</summary>
    private int FrozenHandle(int row, int column)
    {
        if (_rowStart is null) IndexRows();
        var start = _rowStart![row];
        var k = Array.BinarySearch(_rowColumns, start, _rowStart[row + 1] - start, column);
        return k >= 0 ? _rowHandles[k] : 0;
    }

    /// <summary>The values in LU handle order (trash excluded).</summary>
    public ReadOnlySpan<double> LuValues => Values.AsSpan(1);
    public ReadOnlySpan<Complex> LuComplexValues => ComplexValues.AsSpan(1);

    public void EnsureComplex()
    {
        if (ComplexValues.Length != Values.Length) ComplexValues = new Complex[Values.Length];
        if (ComplexRhs.Length != Rhs.Length) ComplexRhs = new Complex[Rhs.Length];
    }

    public void Clear()
    {
        Array.Clear(Values);
        Array.Clear(Rhs);
    }

    public void ClearComplex()
    {
        Array.Clear(ComplexValues);
        Array.Clear(ComplexRhs);
    }
}

/// <summary>
/// Hashes a packed (row, column) key. long's own hash is row ^ column, which sends every diagonal entry to 0 and
/// makes a large circuit's setup quadratic; a multiplicative mix spreads them.
/// </summary>
internal sealed class EntryKeyComparer : IEqualityComparer<long>
{
    public static readonly EntryKeyComparer Instance = new();

    public bool Equals(long x, long y) => x == y;

    public int GetHashCode(long key)
    {
        var h = (ulong)key * 0x9E3779B97F4A7C15UL;
        return (int)(h >> 32);
    }
}
