using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CircuitSim.Core.Behaviors;
using CircuitSim.Core.Simulations;

namespace CircuitSim.Devices.Passive;

/// <summary>
/// Every linear capacitor of a circuit, loaded and truncated together: one loop over structure-of-arrays nodes,
/// charge slots and matrix handles, with the analysis mode and integration coefficients read once per load instead of
/// once per capacitor, and one call to <see cref="SimulationState.TruncationStep(ReadOnlySpan{int})"/> for the
/// local truncation error of all their charges. Each capacitor does what <see cref="Capacitor"/> describes, in the
/// order the capacitors were added; the batch loads where the first of them would have.
/// </summary>
internal sealed class CapacitorBatch : Behavior, ILinearLoadBehavior, ITruncateBehavior
{
    private readonly SimulationState _s;
    private readonly MnaSystem _mna;
    private int _count;
    // sized once for every capacitor of the circuit: grown arrays would leave their old copies on the large-object
    // heap of a 100 000-capacitor ladder until a full collection (peak memory)
    private readonly int[] _nodes;           // a, b per capacitor
    private readonly int[] _handles;         // aa, ab, ba, bb per capacitor
    private readonly int[] _charges;         // the charge's state slot (its current is the next slot)
    private readonly double[] _capacitance;
    private readonly double[] _initial;
    // the largest node, charge slot and handle added: the trapezoidal load checks them once against the arrays
    private int _maxNode, _maxCharge, _maxHandle;

    /// <param name="capacity">How many capacitors the circuit has.</param>
    public CapacitorBatch(BindingContext context, int capacity) : base("capacitors")
    {
        _s = context.State;
        _mna = context.Mna;
        _nodes = new int[2 * capacity];
        _handles = new int[4 * capacity];
        _charges = new int[capacity];
        _capacitance = new double[capacity];
        _initial = new double[capacity];
    }

    /// <summary>Adds a capacitor (setup only); returns its slot.</summary>
    /// <param name="capacitance">F.</param>
    /// <param name="initial">Voltage a UIC transient or a junction initialisation starts from, V.</param>
    public int Add(int a, int b, int charge, double capacitance, double initial, ConductanceStamp stamp)
    {
        if (_count == _charges.Length) throw new InvalidOperationException("more capacitors than the batch was made for");
        var k = _count++;
        _nodes[2 * k] = a;
        _nodes[2 * k + 1] = b;
        stamp.CopyHandlesTo(_handles.AsSpan(4 * k, 4));
        _charges[k] = charge;
        _capacitance[k] = capacitance;
        _initial[k] = initial;
        _maxNode = Math.Max(_maxNode, Math.Max(a, b));
        _maxCharge = Math.Max(_maxCharge, charge);
        foreach (var h in _handles.AsSpan(4 * k, 4)) _maxHandle = Math.Max(_maxHandle, h);
        return k;
    }

    /// <summary>Adds capacitor <paramref name="slot"/>'s admittance <paramref name="y"/> to an AC matrix.</summary>
    public void LoadAc(int slot, System.Numerics.Complex[] values, System.Numerics.Complex y)
    {
        var h = 4 * slot;
        values[_handles[h]] += y;
        values[_handles[h + 1]] -= y;
        values[_handles[h + 2]] -= y;
        values[_handles[h + 3]] += y;
    }

    /// <summary>The initial voltage of capacitor <paramref name="slot"/>, V.</summary>
    public void SetInitial(int slot, double volts) => _initial[slot] = volts;

    public void Load()
    {
        var s = _s;
        if (!(s.IsTransient || s.IsTranOp)) return; // open at DC
        var useIc = (s.IsDc && s.Init == InitMode.Junction) || (s.UseInitialConditions && s.Init == InitMode.Transient);
        var x = s.Solution;
        var s0 = s.States.State0;
        var n = _count;
        var nodes = _nodes;
        var charges = _charges;
        var capacitance = _capacitance;
        var initial = _initial;
        if (!s.IsTransient)
        {
            for (var k = 0; k < n; k++)
                s0[charges[k]] = capacitance[k] * (useIc ? initial[k] : x[nodes[2 * k]] - x[nodes[2 * k + 1]]);
            return;
        }
        var s1 = s.States.State1;
        var predict = s.Init == InitMode.Predict;
        var first = s.Init == InitMode.Transient;
        var values = _mna.Values;
        var rhs = _mna.Rhs;
        if (s.Method == IntegrationMethodKind.Trapezoidal && !first && !useIc &&
            _maxNode < Math.Min(x.Length, rhs.Length) && _maxCharge + 1 < Math.Min(s0.Length, s1.Length) && _maxHandle < values.Length)
        {
            if (s.Order == 1) LoadTrapezoidal<FirstOrder>(x, s0, s1, values, rhs, s.Ag[0], s.Ag[1], predict);
            else LoadTrapezoidal<SecondOrder>(x, s0, s1, values, rhs, s.Ag[0], s.Ag[1], predict);
            return;
        }
        var handles = _handles;
        for (var k = 0; k < n; k++)
        {
            var q = charges[k];
            var c = capacitance[k];
            int a = nodes[2 * k], b = nodes[2 * k + 1];
            if (predict) s0[q] = s1[q];
            else
            {
                s0[q] = c * (useIc ? initial[k] : x[a] - x[b]);
                if (first) s1[q] = s0[q];
            }
            s.Integrate(q, c, out var geq, out var ceq);
            if (first) s1[q + 1] = s0[q + 1];
            var h = 4 * k;
            values[handles[h]] += geq;
            values[handles[h + 1]] -= geq;
            values[handles[h + 2]] -= geq;
            values[handles[h + 3]] += geq;
            rhs[a] -= ceq;
            rhs[b] += ceq;
        }
    }

    public double Truncate() => _s.TruncationStep(_charges.AsSpan(0, _count));

    /// <summary>
    /// A trapezoidal step's load after the first point (every load of a transient but a handful): the arithmetic of
    /// <see cref="SimulationState.Integrate(int, double, out double, out double)"/> in the same order, with the order's
    /// branch taken once and the indices checked once against the arrays (by the caller, against the largest ones
    /// added) instead of at every access. The charge is the one at the iterate, or the last point's when
    /// <paramref name="predict"/> (a step's first iteration, as the loop below it did).
    /// </summary>
    private void LoadTrapezoidal<TOrder>(double[] x, double[] s0, double[] s1, double[] values, double[] rhs, double ag0, double ag1, bool predict)
        where TOrder : struct, ITrapezoidalCurrent
    {
        ref var v = ref MemoryMarshal.GetArrayDataReference(x);
        ref var q0 = ref MemoryMarshal.GetArrayDataReference(s0);
        ref var q1 = ref MemoryMarshal.GetArrayDataReference(s1);
        ref var matrix = ref MemoryMarshal.GetArrayDataReference(values);
        ref var right = ref MemoryMarshal.GetArrayDataReference(rhs);
        ref var nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        ref var handles = ref MemoryMarshal.GetArrayDataReference(_handles);
        ref var charges = ref MemoryMarshal.GetArrayDataReference(_charges);
        ref var capacitance = ref MemoryMarshal.GetArrayDataReference(_capacitance);
        for (var k = 0; k < _count; k++)
        {
            var q = Unsafe.Add(ref charges, k);
            var c = Unsafe.Add(ref capacitance, k);
            int a = Unsafe.Add(ref nodes, 2 * k), b = Unsafe.Add(ref nodes, 2 * k + 1);
            var charge = predict ? Unsafe.Add(ref q1, q) : c * (Unsafe.Add(ref v, a) - Unsafe.Add(ref v, b));
            Unsafe.Add(ref q0, q) = charge;
            var current = TOrder.Current(ag0, ag1, charge, Unsafe.Add(ref q1, q), Unsafe.Add(ref q1, q + 1));
            Unsafe.Add(ref q0, q + 1) = current;
            var ceq = current - ag0 * charge;
            var geq = ag0 * c;
            // nothing goes to ground's row and column (the matrix's trash slot and the right-hand side's row 0): every
            // capacitor of a ladder to ground added three times to the one trash slot and once to row 0, a chain of
            // dependent read-modify-writes through memory that set the loop's pace. Each of the other entries gets one
            // addition per capacitor, as before, in the same capacitor order.
            var h = 4 * k;
            if (b == 0)
            {
                Unsafe.Add(ref matrix, Unsafe.Add(ref handles, h)) += geq;
                Unsafe.Add(ref right, a) -= ceq;
            }
            else if (a == 0)
            {
                Unsafe.Add(ref matrix, Unsafe.Add(ref handles, h + 3)) += geq;
                Unsafe.Add(ref right, b) += ceq;
            }
            else
            {
                Unsafe.Add(ref matrix, Unsafe.Add(ref handles, h)) += geq;
                Unsafe.Add(ref matrix, Unsafe.Add(ref handles, h + 1)) -= geq;
                Unsafe.Add(ref matrix, Unsafe.Add(ref handles, h + 2)) -= geq;
                Unsafe.Add(ref matrix, Unsafe.Add(ref handles, h + 3)) += geq;
                Unsafe.Add(ref right, a) -= ceq;
                Unsafe.Add(ref right, b) += ceq;
            }
        }
    }

    /// <summary>The trapezoidal rule's capacitor current from the present charge and the last point's charge and
    /// current (SPICE's NIintegrate), for one order.</summary>
    private interface ITrapezoidalCurrent
    {
        static abstract double Current(double ag0, double ag1, double charge, double lastCharge, double lastCurrent);
    }

    private struct FirstOrder : ITrapezoidalCurrent
    {
        public static double Current(double ag0, double ag1, double charge, double lastCharge, double lastCurrent) => ag0 * charge + ag1 * lastCharge;
    }

    private struct SecondOrder : ITrapezoidalCurrent
    {
        public static double Current(double ag0, double ag1, double charge, double lastCharge, double lastCurrent) =>
            -lastCurrent * ag1 + ag0 * (charge - lastCharge);
    }
}
