using System.Numerics;
using System.Runtime.CompilerServices;

namespace CircuitSim.Numerics;

/// <summary>
/// Numeric refactorization on a fixed pivot sequence and factor pattern: the left-looking column update of
/// <see cref="PivotingFactorization{T, TMagnitude}"/> replayed without any search, so it allocates nothing and costs only
/// the arithmetic. Each reused pivot must still pass the threshold test over its column; the first one that fails
/// ends the attempt, because values (e.g. of a transistor switching region) have moved too far from those the pivots were
/// chosen for.
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
        int[] aStart = factors.AStart, aRow = factors.ARow, aHandle = factors.AHandle;
        int[] lStart = factors.LStart, lIndex = factors.LIndex;
        int[] uStart = factors.UStart, uIndex = factors.UIndex;
        T[] lValue = factors.LValue, uValue = factors.UValue, inversePivots = factors.InversePivot;

        for (int k = 0; k < n; k++)
        {
            for (int p = aStart[k]; p < aStart[k + 1]; p++)
            {
                x[aRow[p]] = values[aHandle[p]];
            }

            for (int p = uStart[k]; p < uStart[k + 1]; p++)
            {
                int j = uIndex[p];
                T xj = x[j];
                x[j] = T.Zero;
                uValue[p] = xj;
                for (int q = lStart[j]; q < lStart[j + 1]; q++)
                {
                    x[lIndex[q]] -= lValue[q] * xj;
                }
            }

            T pivot = x[k];
            x[k] = T.Zero;
            T inversePivot = T.One / pivot;
            double largest = 0;
            for (int q = lStart[k]; q < lStart[k + 1]; q++)
            {
                int i = lIndex[q];
                T xi = x[i];
                x[i] = T.Zero;
                largest = Math.Max(largest, TMagnitude.Magnitude(xi));
                lValue[q] = xi * inversePivot; // harmless if the pivot is rejected below: the factors are discarded
            }

            double pivotMagnitude = TMagnitude.Magnitude(pivot);
            if (!threshold.Accepts(pivotMagnitude, Math.Max(largest, pivotMagnitude))) return k;
            inversePivots[k] = inversePivot;
        }

        return -1;
    }
}
