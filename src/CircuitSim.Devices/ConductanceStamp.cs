using CircuitSim.Core.Simulations;

namespace CircuitSim.Devices;

/// <summary>The four matrix handles of a conductance between nodes a and b, stamped +g on the diagonal and −g off it.</summary>
public readonly struct ConductanceStamp
{
    private readonly int _aa, _ab, _ba, _bb;

    public ConductanceStamp(MnaSystem mna, int a, int b)
    {
        _aa = mna.GetHandle(a, a);
        _ab = mna.GetHandle(a, b);
        _ba = mna.GetHandle(b, a);
        _bb = mna.GetHandle(b, b);
    }

    /// <summary>Writes the handles aa, ab, ba, bb (for a batch that stamps many conductances in one loop).</summary>
    public void CopyHandlesTo(Span<int> handles)
    {
        handles[0] = _aa;
        handles[1] = _ab;
        handles[2] = _ba;
        handles[3] = _bb;
    }

    public void Add(double[] values, double g)
    {
        values[_aa] += g;
        values[_ab] -= g;
        values[_ba] -= g;
        values[_bb] += g;
    }

    public void Add(System.Numerics.Complex[] values, System.Numerics.Complex y)
    {
        values[_aa] += y;
        values[_ab] -= y;
        values[_ba] -= y;
        values[_bb] += y;
    }
}

/// <summary>The four handles that tie a branch current to its two nodes (±1 in the KCL rows and in the branch row).</summary>
public readonly struct BranchStamp
{
    private readonly int _posBr, _negBr, _brPos, _brNeg;

    public BranchStamp(MnaSystem mna, int pos, int neg, int branch)
    {
        _posBr = mna.GetHandle(pos, branch);
        _negBr = mna.GetHandle(neg, branch);
        _brPos = mna.GetHandle(branch, pos);
        _brNeg = mna.GetHandle(branch, neg);
    }

    public void Add(double[] values)
    {
        values[_posBr] += 1;
        values[_negBr] -= 1;
        values[_brPos] += 1;
        values[_brNeg] -= 1;
    }

    public void Add(System.Numerics.Complex[] values)
    {
        values[_posBr] += 1;
        values[_negBr] -= 1;
        values[_brPos] += 1;
        values[_brNeg] -= 1;
    }
}
