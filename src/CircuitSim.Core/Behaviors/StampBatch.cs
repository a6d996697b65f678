using CircuitSim.Core.Simulations;

namespace CircuitSim.Core.Behaviors;

/// <summary>
/// The last contributions of a batch of devices to the MNA system, stored structure-of-arrays: device k's matrix values
/// are <see cref="Matrix"/>[k·<see cref="MatrixStride"/> …] with their handles alongside, its right-hand-side values
/// <see cref="Rhs"/>[k·<see cref="RhsStride"/> …]. Devices evaluate into their slots; <see cref="Apply(MnaSystem, ReadOnlySpan{bool})"/> then adds
/// every slot in one pass over contiguous arrays, in device order (so the sums are the same bit for bit as device
/// by device). A device that bypasses leaves its slot as it was: applying it again re-stamps its last evaluation
/// (<see cref="Bypass"/>).
/// </summary>
public sealed class StampBatch
{
    private int[] _handles = Array.Empty<int>();
    private int[] _rows = Array.Empty<int>();

    /// <param name="matrixStride">Matrix entries per device.</param>
    /// <param name="rhsStride">Right-hand-side entries per device.</param>
    public StampBatch(int matrixStride, int rhsStride)
    {
        MatrixStride = matrixStride;
        RhsStride = rhsStride;
    }

    public int MatrixStride { get; }
    public int RhsStride { get; }

    /// <summary>Number of devices.</summary>
    public int Count { get; private set; }

    /// <summary>Matrix values, device after device (the array may be longer than the devices need).</summary>
    public double[] Matrix { get; private set; } = Array.Empty<double>();

    /// <summary>Right-hand-side values, device after device (the array may be longer than the devices need).</summary>
    public double[] Rhs { get; private set; } = Array.Empty<double>();

    /// <summary>Adds a device (setup only) with its matrix handles and right-hand-side rows (unknown indices, 0 =
    /// ground), in the order it writes its values; returns its slot.</summary>
    public int Add(int[] handles, int[] rows)
    {
        if (handles.Length != MatrixStride || rows.Length != RhsStride)
            throw new ArgumentException($"a device of this batch stamps {MatrixStride} matrix and {RhsStride} right-hand-side entries");
        if ((Count + 1) * MatrixStride > _handles.Length)
        {
            // capacity doubles, so adding n devices copies O(n) values
            var capacity = Math.Max(16, 2 * Count);
            _handles = Grown(_handles, capacity * MatrixStride);
            _rows = Grown(_rows, capacity * RhsStride);
            Matrix = Grown(Matrix, capacity * MatrixStride);
            Rhs = Grown(Rhs, capacity * RhsStride);
        }
        handles.CopyTo(_handles, Count * MatrixStride);
        rows.CopyTo(_rows, Count * RhsStride);
        return Count++;
    }

    private static T[] Grown<T>(T[] array, int length)
    {
        var grown = new T[length];
        array.CopyTo(grown, 0);
        return grown;
    }

    /// <summary>Adds the slots of every device to the system, or of those <paramref name="stamped"/> marks.</summary>
    public void Apply(MnaSystem mna, ReadOnlySpan<bool> stamped = default) => Apply(mna, stamped, 0, Count);

    /// <summary>Adds the slots of devices [<paramref name="start"/>, <paramref name="end"/>) to the system (those
    /// <paramref name="stamped"/> marks, when given), in device order.</summary>
    public void Apply(MnaSystem mna, ReadOnlySpan<bool> stamped, int start, int end)
    {
        var values = mna.Values;
        var rhs = mna.Rhs;
        var handles = _handles;
        var rows = _rows;
        var matrix = Matrix;
        var r = Rhs;
        var all = stamped.IsEmpty;
        for (var k = start; k < end; k++)
        {
            if (!all && !stamped[k]) continue;
            var m = k * MatrixStride;
            for (var j = m; j < m + MatrixStride; j++) values[handles[j]] += matrix[j];
            var b = k * RhsStride;
            for (var j = b; j < b + RhsStride; j++) rhs[rows[j]] += r[j];
        }
    }
}
