using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CircuitSim.Numerics;

/// <summary>
/// Numeric refactorization on a fixed pivot sequence and factor pattern: the left-looking column update of
/// <see cref="PivotingFactorization{T, TMagnitude}"/> replayed without any search, so it allocates nothing and costs only
/// the arithmetic. Each reused pivot must still pass the threshold test over its column; the first one that fails
/// ends the attempt, because values (e.g. of a transistor switching region) have moved too far from those the pivots were
/// chosen for. The nearly dense trailing steps of a meshed matrix, when the pattern has them, are gathered after the
/// updates from the sparse columns and eliminated as one dense block (<see cref="DenseTrailingBlock{T}"/>).
/// </summary>
/// <remarks>
/// Compiled fully optimized from the first call (AggressiveOptimization), because one call on a large matrix is a long
/// loop that tiered compilation would otherwise run as slower on-stack-replacement code.
/// </remarks>
internal static class Refactorization<T, TMagnitude>
    where T : struct, INumberBase<T>
    where TMagnitude : struct, IScalarMagnitude<T>
{
    /// <summary>Overwrites the numeric values of <paramref name="factors"/>.</summary>
    /// <param name="factors">Pattern and pivot sequence from the last full factorization; receives the new values.</param>
    /// <param name="values">The matrix values in handle order.</param>
    /// <param name="x">Dense accumulator of length n indexed by pivot step; all zero on entry and on return.</param>
    /// <param name="threshold">The test each reused pivot must pass.</param>
    /// <returns>-1 on success, otherwise the step whose pivot was rejected (the factors are then unusable).</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Run(LUFactors<T> factors, ReadOnlySpan<T> values, T[] x, PivotThreshold threshold)
    {
        int n = factors.Size;
        if (x.Length < n) throw new ArgumentException("the accumulator needs one entry per unknown", nameof(x));
        if (values.Length < factors.AHandle.Length) throw new ArgumentException("fewer values than the pattern has entries", nameof(values));
        // indexed through references without bounds checks (as TriangularSolve): every index below was written by the
        // full factorization of this pattern, whose sizes the two checks above tie to the arguments
        ref int aStart = ref MemoryMarshal.GetArrayDataReference(factors.AStart);
        ref int aRow = ref MemoryMarshal.GetArrayDataReference(factors.ARow);
        ref int aHandle = ref MemoryMarshal.GetArrayDataReference(factors.AHandle);
        ref int lStart = ref MemoryMarshal.GetArrayDataReference(factors.LStart);
        ref int lIndex = ref MemoryMarshal.GetArrayDataReference(factors.LIndex);
        ref int uStart = ref MemoryMarshal.GetArrayDataReference(factors.UStart);
        ref int uIndex = ref MemoryMarshal.GetArrayDataReference(factors.UIndex);
        ref T lValue = ref MemoryMarshal.GetArrayDataReference(factors.LValue);
        ref T uValue = ref MemoryMarshal.GetArrayDataReference(factors.UValue);
        ref T inversePivots = ref MemoryMarshal.GetArrayDataReference(factors.InversePivot);
        ref T xx = ref MemoryMarshal.GetArrayDataReference(x);
        ref T vv = ref MemoryMarshal.GetReference(values);
        var block = factors.TrailingBlock;
        int blockStart = block.Start;

        for (int k = 0; k < n; k++)
        {
            int aEnd = Unsafe.Add(ref aStart, k + 1);
            for (int p = Unsafe.Add(ref aStart, k); p < aEnd; p++)
            {
                Unsafe.Add(ref xx, Unsafe.Add(ref aRow, p)) = Unsafe.Add(ref vv, Unsafe.Add(ref aHandle, p));
            }

            int uEnd = Unsafe.Add(ref uStart, k + 1);
            for (int p = Unsafe.Add(ref uStart, k); p < uEnd; p++)
            {
                int j = Unsafe.Add(ref uIndex, p);
                if (j >= blockStart) continue; // an update among the block's columns: the block's own elimination does it
                ref T xjRef = ref Unsafe.Add(ref xx, j);
                T xj = xjRef;
                xjRef = T.Zero;
                Unsafe.Add(ref uValue, p) = xj;
                int lEnd = Unsafe.Add(ref lStart, j + 1);
                for (int q = Unsafe.Add(ref lStart, j); q < lEnd; q++)
                {
                    Unsafe.Add(ref xx, Unsafe.Add(ref lIndex, q)) -= Unsafe.Add(ref lValue, q) * xj;
                }
            }

            if (k >= blockStart)
            {
                // a column of the block, updated by every column before it: eliminated with the others below
                block.Gather(ref xx, k);
                continue;
            }

            ref T pivotRef = ref Unsafe.Add(ref xx, k);
            T pivot = pivotRef;
            pivotRef = T.Zero;
            T inversePivot = T.One / pivot;
            double largest = 0;
            int kEnd = Unsafe.Add(ref lStart, k + 1);
            for (int q = Unsafe.Add(ref lStart, k); q < kEnd; q++)
            {
                ref T xiRef = ref Unsafe.Add(ref xx, Unsafe.Add(ref lIndex, q));
                T xi = xiRef;
                xiRef = T.Zero;
                largest = Math.Max(largest, TMagnitude.Magnitude(xi));
                Unsafe.Add(ref lValue, q) = xi * inversePivot; // harmless if the pivot is rejected below: the factors are discarded
            }

            double pivotMagnitude = TMagnitude.Magnitude(pivot);
            if (!threshold.Accepts(pivotMagnitude, Math.Max(largest, pivotMagnitude))) return k;
            Unsafe.Add(ref inversePivots, k) = inversePivot;
        }

        if (block.Size > 0)
        {
            int rejected = block.Factor(factors.InversePivot, threshold);
            if (rejected >= 0) return rejected;
            block.Store(factors);
        }

        return -1;
    }
}
