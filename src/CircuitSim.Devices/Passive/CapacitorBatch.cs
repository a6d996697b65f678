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
}
