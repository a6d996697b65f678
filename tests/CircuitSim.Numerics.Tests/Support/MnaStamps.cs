using System.Numerics;

namespace CircuitSim.Numerics.Tests.Support;

/// <summary>Modified-nodal-analysis element stamps. Node -1 is ground, whose row and column are not part of the system.</summary>
public static class MnaStamps
{
    public const int Ground = -1;

    /// <summary>An admittance y between nodes a and b.</summary>
    public static void StampAdmittance<T>(this SparseSystem<T> system, int a, int b, T y)
        where T : struct, INumberBase<T>
    {
        if (a != Ground) system.Add(a, a, y);
        if (b != Ground) system.Add(b, b, y);
        if (a != Ground && b != Ground)
        {
            system.Add(a, b, -y);
            system.Add(b, a, -y);
        }
    }

    /// <summary>
    /// An ideal voltage source v(plus) − v(minus) = volts with its current as unknown <paramref name="branch"/>: row
    /// <paramref name="branch"/> holds the constraint, column <paramref name="branch"/> the ±1 current entries in the
    /// node rows, and the diagonal (branch, branch) is structurally zero.
    /// </summary>
    public static void StampVoltageSource<T>(this SparseSystem<T> system, int branch, int plus, int minus, T volts)
        where T : struct, INumberBase<T>
    {
        if (plus != Ground)
        {
            system.Add(plus, branch, T.One);
            system.Add(branch, plus, T.One);
        }

        if (minus != Ground)
        {
            system.Add(minus, branch, -T.One);
            system.Add(branch, minus, -T.One);
        }

        system.RightHandSide[branch] += volts;
    }

    /// <summary>A current source driving <paramref name="amps"/> from node <paramref name="from"/> through itself into node <paramref name="to"/>.</summary>
    public static void StampCurrentSource<T>(this SparseSystem<T> system, int from, int to, T amps)
        where T : struct, INumberBase<T>
    {
        if (from != Ground) system.RightHandSide[from] -= amps;
        if (to != Ground) system.RightHandSide[to] += amps;
    }

    /// <summary>A voltage-controlled current source gm·(v(cp) − v(cn)) flowing from node op to node on: unsymmetric values.</summary>
    public static void StampTransconductance<T>(this SparseSystem<T> system, int op, int on, int cp, int cn, T gm)
        where T : struct, INumberBase<T>
    {
        void Add(int row, int column, T value)
        {
            if (row != Ground && column != Ground) system.Add(row, column, value);
        }

        Add(op, cp, gm);
        Add(op, cn, -gm);
        Add(on, cp, -gm);
        Add(on, cn, gm);
    }
}
