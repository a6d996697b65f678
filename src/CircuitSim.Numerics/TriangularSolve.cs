using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CircuitSim.Numerics;

/// <summary>Solves A·x = b with P·A·Q = L·U: permute b, forward-substitute with L, back-substitute with U, permute back.</summary>
/// <remarks>Compiled fully optimized from the first call, like <see cref="Refactorization{T, TMagnitude}"/>. The loops
/// index through references without bounds checks: every index was written by our own factorization of this size,
/// and on a ladder, whose columns hold one entry each, the checks cost as much as the arithmetic.</remarks>
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
        if (b.Length < n || y.Length < n) throw new ArgumentException("the right-hand side and the workspace need one entry per unknown");
        ref int rowAtStep = ref MemoryMarshal.GetArrayDataReference(factors.RowAtStep);
        ref int columnAtStep = ref MemoryMarshal.GetArrayDataReference(factors.ColumnAtStep);
        ref int lStart = ref MemoryMarshal.GetArrayDataReference(factors.LStart);
        ref int lIndex = ref MemoryMarshal.GetArrayDataReference(factors.LIndex);
        ref int uStart = ref MemoryMarshal.GetArrayDataReference(factors.UStart);
        ref int uIndex = ref MemoryMarshal.GetArrayDataReference(factors.UIndex);
        ref T lValue = ref MemoryMarshal.GetArrayDataReference(factors.LValue);
        ref T uValue = ref MemoryMarshal.GetArrayDataReference(factors.UValue);
        ref T inversePivots = ref MemoryMarshal.GetArrayDataReference(factors.InversePivot);
        ref T yy = ref MemoryMarshal.GetArrayDataReference(y);
        ref T bb = ref MemoryMarshal.GetReference(b);

        for (int k = 0; k < n; k++) Unsafe.Add(ref yy, k) = Unsafe.Add(ref bb, Unsafe.Add(ref rowAtStep, k));

        int start = lStart;
        for (int k = 0; k < n; k++)
        {
            T yk = Unsafe.Add(ref yy, k);
            int end = Unsafe.Add(ref lStart, k + 1);
            for (int p = start; p < end; p++)
                Unsafe.Add(ref yy, Unsafe.Add(ref lIndex, p)) -= Unsafe.Add(ref lValue, p) * yk;
            start = end;
        }

        int stop = Unsafe.Add(ref uStart, n);
        for (int k = n - 1; k >= 0; k--)
        {
            T yk = Unsafe.Add(ref yy, k) * Unsafe.Add(ref inversePivots, k);
            Unsafe.Add(ref bb, Unsafe.Add(ref columnAtStep, k)) = yk; // final: later steps of the backward pass only update rows above k
            int first = Unsafe.Add(ref uStart, k);
            for (int p = first; p < stop; p++)
                Unsafe.Add(ref yy, Unsafe.Add(ref uIndex, p)) -= Unsafe.Add(ref uValue, p) * yk;
            stop = first;
        }
    }
}
