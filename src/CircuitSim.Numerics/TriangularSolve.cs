using System.Numerics;
using System.Runtime.CompilerServices;

namespace CircuitSim.Numerics;

/// <summary>Solves A·x = b with P·A·Q = L·U: permute b, forward-substitute with L, back-substitute with U, permute back.</summary>
/// <remarks>Compiled fully optimized from the first call, like <see cref="Refactorization{T, TMagnitude}"/>.</remarks>
internal static class TriangularSolve<T>
    where T : struct, INumberBase<T>
{
    /// <param name="factors">A complete factorization.</param>
    /// <param name="b">Right-hand side on entry, solution on return.</param>
    /// <param name="y">Workspace of length n; its contents on entry are irrelevant.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(LUFactors<T> factors, Span<T> b, T[] y)
    {
        int n = factors.Size;
        int[] rowAtStep = factors.RowAtStep, columnAtStep = factors.ColumnAtStep;
        int[] lStart = factors.LStart, lIndex = factors.LIndex;
        int[] uStart = factors.UStart, uIndex = factors.UIndex;
        T[] lValue = factors.LValue, uValue = factors.UValue, inversePivots = factors.InversePivot;

        for (int k = 0; k < n; k++) y[k] = b[rowAtStep[k]];

        for (int k = 0; k < n; k++)
        {
            T yk = y[k];
            for (int p = lStart[k]; p < lStart[k + 1]; p++)
            {
                y[lIndex[p]] -= lValue[p] * yk;
            }
        }

        for (int k = n - 1; k >= 0; k--)
        {
            T yk = y[k] * inversePivots[k];
            b[columnAtStep[k]] = yk; // final: later steps of the backward pass only update rows above k
            for (int p = uStart[k]; p < uStart[k + 1]; p++)
            {
                y[uIndex[p]] -= uValue[p] * yk;
            }
        }
    }
}
