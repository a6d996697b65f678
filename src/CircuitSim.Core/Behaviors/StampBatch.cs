using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CircuitSim.Core.Simulations;

namespace CircuitSim.Core.Behaviors;

/// <summary>
/// The last contributions of a batch of devices to the MNA system, stored structure-of-arrays: device k's matrix values
/// are <see cref="Matrix"/>[k·<see cref="MatrixStride"/> …] with their handles alongside, its right-hand-side values
/// <see cref="Rhs"/>[k·<see cref="RhsStride"/> …]. Devices evaluate into their slots; the evaluating thread then
/// gathers the entries that do not land in ground's row or column (a source or bulk at ground leaves most of a
/// MOSFET's there, and an absent series resistance all of its) into one dense array (<see cref="Gather"/>), and
/// <see cref="Apply(MnaSystem, ReadOnlySpan{bool}, int, int)"/> adds those in one pass, in device order (so the sums
/// are the same bit for bit as device by device). When another thread applies what a thread evaluated, only the dense
/// values cross between the cores, not the whole slots: a core that writes cache lines another core has read waits
/// for each of them to come back, which made a MOS1 evaluation on a second core twice as slow. A load on one thread
/// adds the same entries straight from the slots (<see cref="ApplySlots"/>). A device that bypasses
/// leaves its slot as it was: applying it again re-stamps its last evaluation (<see cref="Bypass"/>).
/// </summary>
public sealed class StampBatch
{
    private int[] _handles = Array.Empty<int>();
    private int[] _rows = Array.Empty<int>();
    // the entries that do not land in ground, made from the handles and rows by Prepare (or the first ApplySlots)
    // after setup: device k's are [start[k], start[k+1]), each a slot position and its target
    private int[] _matrixStart = { 0 }, _rhsStart = { 0 };
    private int[] _matrixPosition = Array.Empty<int>(), _matrixTarget = Array.Empty<int>();
    private int[] _rhsPosition = Array.Empty<int>(), _rhsTarget = Array.Empty<int>();
    // the live entries' values, gathered from the slots in the order of the arrays above
    private double[] _matrixLive = Array.Empty<double>(), _rhsLive = Array.Empty<double>();
    private bool _liveStale;
    // the largest matrix handle and right-hand-side row any slot adds to (checked against the system once per apply)
    private int _maxHandle, _maxRow;

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
        _liveStale = true;
        return Count++;
    }

    /// <summary>The live entries as arrays (once, at the first apply after setup).</summary>
    private void BuildLive()
    {
        (_matrixStart, _matrixPosition, _matrixTarget) = Live(_handles, MatrixStride);
        (_rhsStart, _rhsPosition, _rhsTarget) = Live(_rows, RhsStride);
        _maxHandle = _matrixTarget.Length == 0 ? 0 : _matrixTarget.Max();
        _maxRow = _rhsTarget.Length == 0 ? 0 : _rhsTarget.Max();
        _matrixLive = new double[_matrixTarget.Length];
        _rhsLive = new double[_rhsTarget.Length];
        _liveStale = false;
    }

    /// <summary>Each device's slot positions whose target (matrix handle or right-hand-side row) is not ground's
    /// (<see cref="MnaSystem.Trash"/> and row 0 are both 0).</summary>
    private (int[] Start, int[] Position, int[] Target) Live(int[] targets, int stride)
    {
        var start = new int[Count + 1];
        var live = 0;
        for (var j = 0; j < Count * stride; j++)
            if (targets[j] != 0) live++;
        var position = new int[live];
        var target = new int[live];
        var n = 0;
        for (var k = 0; k < Count; k++)
        {
            for (var j = k * stride; j < (k + 1) * stride; j++)
            {
                if (targets[j] == 0) continue;
                position[n] = j;
                target[n++] = targets[j];
            }
            start[k + 1] = n;
        }
        return (start, position, target);
    }

    private static T[] Grown<T>(T[] array, int length)
    {
        var grown = new T[length];
        array.CopyTo(grown, 0);
        return grown;
    }

    /// <summary>Makes the live entries' arrays (on one thread, after the last <see cref="Add"/> and before the first
    /// <see cref="Gather"/>).</summary>
    public void Prepare()
    {
        if (_liveStale) BuildLive();
    }

    /// <summary>On the thread that evaluated devices [<paramref name="start"/>, <paramref name="end"/>): copies the live
    /// entries of their slots (those <paramref name="stamped"/> marks, when given) into the dense arrays that
    /// <see cref="Apply(MnaSystem, ReadOnlySpan{bool}, int, int)"/> reads.</summary>
    public void Gather(ReadOnlySpan<bool> stamped, int start, int end)
    {
        // several threads gather at once: the arrays they copy into must exist before (made by one thread, Prepare)
        if (_liveStale) throw new InvalidOperationException("the batch's live entries are not prepared: call Prepare after its last Add");
        CheckRange(stamped, start, end);
        CopyLive(Matrix, _matrixStart, _matrixPosition, _matrixLive, stamped, start, end);
        CopyLive(Rhs, _rhsStart, _rhsPosition, _rhsLive, stamped, start, end);
    }

    /// <summary>Adds the gathered entries of every device to the system, or of those <paramref name="stamped"/> marks.</summary>
    public void Apply(MnaSystem mna, ReadOnlySpan<bool> stamped = default) => Apply(mna, stamped, 0, Count);

    /// <summary>Adds the gathered entries of devices [<paramref name="start"/>, <paramref name="end"/>) to the system
    /// (those <paramref name="stamped"/> marks, when given), in device order.</summary>
    public void Apply(MnaSystem mna, ReadOnlySpan<bool> stamped, int start, int end)
    {
        if (_liveStale) throw new InvalidOperationException("the batch's live entries are not prepared: call Prepare after its last Add");
        CheckRange(stamped, start, end);
        CheckSystem(mna);
        AddLive(mna.Values, _matrixStart, _matrixTarget, _matrixLive, stamped, start, end);
        AddLive(mna.Rhs, _rhsStart, _rhsTarget, _rhsLive, stamped, start, end);
    }

    /// <summary>Adds the live entries of devices [<paramref name="start"/>, <paramref name="end"/>) straight from their
    /// slots (those <paramref name="stamped"/> marks, when given), in device order, without a <see cref="Gather"/>: for a
    /// load on one thread, where the slots are in this core's cache anyway (the same sums as through the dense copy).</summary>
    public void ApplySlots(MnaSystem mna, ReadOnlySpan<bool> stamped, int start, int end)
    {
        if (_liveStale) BuildLive();
        CheckRange(stamped, start, end);
        CheckSystem(mna);
        AddSlots(mna.Values, Matrix, _matrixStart, _matrixPosition, _matrixTarget, stamped, start, end);
        AddSlots(mna.Rhs, Rhs, _rhsStart, _rhsPosition, _rhsTarget, stamped, start, end);
    }

    private static void AddSlots(double[] system, double[] slots, int[] starts, int[] positions, int[] targets, ReadOnlySpan<bool> stamped, int start, int end)
    {
        // every index below was checked once: at setup (positions and targets of the slots) or in ApplySlots
        ref var values = ref MemoryMarshal.GetArrayDataReference(system);
        ref var slot = ref MemoryMarshal.GetArrayDataReference(slots);
        ref var first = ref MemoryMarshal.GetArrayDataReference(starts);
        ref var position = ref MemoryMarshal.GetArrayDataReference(positions);
        ref var target = ref MemoryMarshal.GetArrayDataReference(targets);
        var all = stamped.IsEmpty;
        for (var k = start; k < end; k++)
        {
            if (!all && !stamped[k]) continue;
            for (int j = Unsafe.Add(ref first, k), last = Unsafe.Add(ref first, k + 1); j < last; j++)
                Unsafe.Add(ref values, Unsafe.Add(ref target, j)) += Unsafe.Add(ref slot, Unsafe.Add(ref position, j));
        }
    }

    private void CheckSystem(MnaSystem mna)
    {
        if (mna.Values.Length <= _maxHandle || mna.Rhs.Length <= _maxRow) throw new ArgumentException("the system is smaller than the batch's entries", nameof(mna));
    }

    private void CheckRange(ReadOnlySpan<bool> stamped, int start, int end)
    {
        if ((uint)start > (uint)end || end > Count) throw new ArgumentOutOfRangeException(nameof(end));
        if (!stamped.IsEmpty && stamped.Length < end) throw new ArgumentException("a flag per device is needed", nameof(stamped));
    }

    private static void CopyLive(double[] slots, int[] starts, int[] positions, double[] live, ReadOnlySpan<bool> stamped, int start, int end)
    {
        // every index below was checked once: at setup (positions of the slots) or in CheckRange
        ref var slot = ref MemoryMarshal.GetArrayDataReference(slots);
        ref var first = ref MemoryMarshal.GetArrayDataReference(starts);
        ref var position = ref MemoryMarshal.GetArrayDataReference(positions);
        ref var value = ref MemoryMarshal.GetArrayDataReference(live);
        var all = stamped.IsEmpty;
        for (var k = start; k < end; k++)
        {
            if (!all && !stamped[k]) continue;
            for (int j = Unsafe.Add(ref first, k), last = Unsafe.Add(ref first, k + 1); j < last; j++)
                Unsafe.Add(ref value, j) = Unsafe.Add(ref slot, Unsafe.Add(ref position, j));
        }
    }

    private static void AddLive(double[] system, int[] starts, int[] targets, double[] live, ReadOnlySpan<bool> stamped, int start, int end)
    {
        // every index below was checked once: at setup (targets of the slots) or in Apply
        ref var values = ref MemoryMarshal.GetArrayDataReference(system);
        ref var first = ref MemoryMarshal.GetArrayDataReference(starts);
        ref var target = ref MemoryMarshal.GetArrayDataReference(targets);
        ref var value = ref MemoryMarshal.GetArrayDataReference(live);
        var all = stamped.IsEmpty;
        for (var k = start; k < end; k++)
        {
            if (!all && !stamped[k]) continue;
            for (int j = Unsafe.Add(ref first, k), last = Unsafe.Add(ref first, k + 1); j < last; j++)
                Unsafe.Add(ref values, Unsafe.Add(ref target, j)) += Unsafe.Add(ref value, j);
        }
    }
}
