using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CircuitSim.Numerics;

/// <summary>
/// The last steps of a refactorization done as a dense LU. Fill makes the trailing steps of a circuit matrix nearly
/// dense: on a 16×16 memristor crossbar the last 58 of 832 steps are about 80 % full and carry most of the arithmetic.
/// Left-looking, each of their columns is a chain of dependent updates (x_j must be final before L(:, j)·x_j is
/// subtracted), so they run at the latency of a store, a load, a multiplication and a subtraction per update, whatever
/// the hardware's width. Right-looking over a dense block, each step's rank-one update is a set of independent vector
/// operations.
/// </summary>
/// <remarks>
/// <para>
/// Refactorization gathers each block column after the updates from the sparse columns before the block (the Schur
/// complement), then <see cref="Factor"/> eliminates the block in step order with the same pivots, each tested as the
/// sparse path tests it, and <see cref="Store"/> writes the values back into L and U for the solves. Structural zeros
/// subtract exactly 0. The updates of an entry come in increasing step order instead of the sparse path's topological
/// order, so the block's values can differ from a column-by-column refactorization in their last bits.
/// </para>
/// <para>Only real factors use it (a complex value is not a vector lane).</para>
/// </remarks>
internal sealed class DenseTrailingBlock<T>
    where T : struct, INumberBase<T>
{
    /// <summary>Sparse updates' worth of one dense multiply-subtract lane in the choice of <see cref="Start"/>: a
    /// sparse update is a latency-bound chain link of a few cycles; a 256-bit vector does four lanes in about one.</summary>
    internal const double LanesPerSparseUpdate = 8;

    /// <summary>The fixed cost of using a block in a refactorization, in sparse updates (its calls and loops' set-up):
    /// a block of a few steps does not pay, however dense.</summary>
    internal const double BlockOverhead = 64;

    /// <summary>The largest block (512 KB of doubles): beyond it the block leaves the second-level cache.</summary>
    internal const int MaxSize = 256;

    /// <summary>The first step in the block; the factors' size when there is none (and beyond any step before the
    /// first <see cref="Reset"/>).</summary>
    public int Start { get; private set; } = int.MaxValue;

    /// <summary>Steps in the block.</summary>
    public int Size { get; private set; }

    /// <summary>The block, column-major: entry (i, j) of the trailing matrix at [j·<see cref="Size"/> + i], i and j
    /// counted from <see cref="Start"/>.</summary>
    public T[] Values { get; private set; } = [];

    // how many columns' U reads each step, counted at each choice (kept: a full factorization allocates nothing once
    // its workspace exists)
    private int[] _uses = [];

    /// <summary>Chooses the block for the factors' pattern (after a full factorization).</summary>
    public void Reset(LUFactors<T> factors)
    {
        if (typeof(T) != typeof(double))
        {
            Resize(factors.Size, factors.Size);
            return;
        }
        if (_uses.Length < factors.Size) _uses = new int[factors.Size];
        Resize(factors.Size, ChooseStart(factors, _uses));
    }

    /// <summary>Sets the block to start at <paramref name="start"/> (n: no block).</summary>
    private void Resize(int n, int start)
    {
        Start = start;
        Size = n - start;
        if (Values.Length < Size * Size) Values = new T[Size * Size];
    }

    /// <summary>
    /// The start that saves most: the block replaces the sparse updates among its own columns (column j's |L(:, j)|
    /// entries once for every column whose U reads j) by about m³/3 dense lanes. n when nothing pays.
    /// </summary>
    internal static int ChooseStart(LUFactors<T> factors, int[] uses)
    {
        var n = factors.Size;
        Array.Clear(uses, 0, n);
        for (var p = 0; p < factors.UStart[n]; p++) uses[factors.UIndex[p]]++;
        var best = n;
        double sparse = 0, bestSaved = 0;
        for (var start = n - 1; start >= Math.Max(0, n - MaxSize); start--)
        {
            sparse += (double)uses[start] * (factors.LStart[start + 1] - factors.LStart[start]);
            double m = n - start;
            var saved = sparse - (m * m * m / 3 + m * m) / LanesPerSparseUpdate - BlockOverhead;
            if (saved > bestSaved)
            {
                bestSaved = saved;
                best = start;
            }
        }
        return best;
    }

    /// <summary>Moves rows [Start, n) of the accumulator into the block's column for step <paramref name="k"/> and
    /// clears them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Gather(ref T x, int k)
    {
        var rows = MemoryMarshal.CreateSpan(ref Unsafe.Add(ref x, Start), Size);
        rows.CopyTo(Values.AsSpan((k - Start) * Size, Size));
        rows.Clear();
    }

    /// <summary>Eliminates the gathered block in place: U above the diagonal, L (scaled) below it, the pivots'
    /// reciprocals into <paramref name="inversePivots"/>. Returns -1, or the first step whose pivot fails
    /// <paramref name="threshold"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Factor(T[] inversePivots, PivotThreshold threshold)
    {
        var m = Size;
        ref T a = ref MemoryMarshal.GetArrayDataReference(Values);
        for (var k = 0; k < m; k++)
        {
            ref T column = ref Unsafe.Add(ref a, k * m);
            var pivot = Unsafe.Add(ref column, k);
            var largest = 0.0;
            for (var i = k + 1; i < m; i++) largest = Math.Max(largest, Magnitude(Unsafe.Add(ref column, i)));
            var pivotMagnitude = Magnitude(pivot);
            if (!threshold.Accepts(pivotMagnitude, Math.Max(largest, pivotMagnitude))) return Start + k;
            var inversePivot = T.One / pivot;
            inversePivots[Start + k] = inversePivot;
            Scale(ref column, k + 1, m, inversePivot);
            for (var j = k + 1; j < m; j++)
            {
                ref T target = ref Unsafe.Add(ref a, j * m);
                var u = Unsafe.Add(ref target, k);
                if (u == T.Zero) continue; // a structural zero of U: the update would subtract 0
                Subtract(ref target, ref column, k + 1, m, u);
            }
        }
        return -1;
    }

    /// <summary>Writes the eliminated block into the factors' L and U values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Store(LUFactors<T> factors)
    {
        var start = Start;
        var m = Size;
        var values = Values;
        for (var k = start; k < factors.Size; k++)
        {
            var column = (k - start) * m - start;
            for (var p = factors.UStart[k]; p < factors.UStart[k + 1]; p++)
            {
                var j = factors.UIndex[p];
                if (j >= start) factors.UValue[p] = values[column + j];
            }
            for (var q = factors.LStart[k]; q < factors.LStart[k + 1]; q++)
                factors.LValue[q] = values[column + factors.LIndex[q]];
        }
    }

    private static double Magnitude(T value) => Math.Abs(double.CreateTruncating(value));

    /// <summary>column[from..m) ·= factor.</summary>
    private static void Scale(ref T column, int from, int m, T factor)
    {
        var i = from;
        if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
        {
            var f = Vector256.Create(factor);
            for (; i + Vector256<T>.Count <= m; i += Vector256<T>.Count)
                (Vector256.LoadUnsafe(ref Unsafe.Add(ref column, i)) * f).StoreUnsafe(ref Unsafe.Add(ref column, i));
        }
        for (; i < m; i++) Unsafe.Add(ref column, i) *= factor;
    }

    /// <summary>target[from..m) −= source[from..m)·u, in vectors where the hardware has them (no fused multiply-add:
    /// each product and difference rounds as the scalar update's does).</summary>
    private static void Subtract(ref T target, ref T source, int from, int m, T u)
    {
        var i = from;
        if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
        {
            var f = Vector256.Create(u);
            for (; i + Vector256<T>.Count <= m; i += Vector256<T>.Count)
            {
                ref var t = ref Unsafe.Add(ref target, i);
                (Vector256.LoadUnsafe(ref t) - Vector256.LoadUnsafe(ref Unsafe.Add(ref source, i)) * f).StoreUnsafe(ref t);
            }
        }
        for (; i < m; i++) Unsafe.Add(ref target, i) -= Unsafe.Add(ref source, i) * u;
    }
}
