namespace CircuitSim.Core.Simulations;

/// <summary>
/// Contiguous per-time-point device states (charges, fluxes, their currents, junction voltages), as SPICE keeps them:
/// <see cref="State0"/> is the point being solved, <see cref="State1"/> the last accepted one, and so on back to the
/// integration order. Rotating swaps array references only, so it costs nothing per device.
/// </summary>
public sealed class StateVectors
{
    private double[][] _history = Array.Empty<double[]>();
    private int _count;

    /// <summary>Number of slots allocated by devices.</summary>
    public int Count => _count;

    /// <summary>State arrays by age (0 = present).</summary>
    public double[] State0 = Array.Empty<double>();
    public double[] State1 = Array.Empty<double>();
    public double[] State2 = Array.Empty<double>();

    public int Depth => _history.Length;

    /// <summary>Reserves <paramref name="count"/> consecutive slots; returns the first index.</summary>
    public int Allocate(int count)
    {
        if (_history.Length > 0) throw new InvalidOperationException("state slots must be allocated before the states are created");
        var first = _count;
        _count += count;
        return first;
    }

    /// <summary>Creates <paramref name="depth"/> arrays (max integration order + 2, as SPICE).</summary>
    public void Create(int depth)
    {
        _history = new double[depth][];
        for (var i = 0; i < depth; i++) _history[i] = new double[Math.Max(_count, 1)];
        Refresh();
    }

    public double[] this[int age] => _history[age];

    /// <summary>Ages every state by one point: the oldest array becomes the new State0.</summary>
    public void Rotate()
    {
        var oldest = _history[^1];
        for (var i = _history.Length - 1; i > 0; i--) _history[i] = _history[i - 1];
        _history[0] = oldest;
        Refresh();
    }

    /// <summary>Copies every slot of state <paramref name="fromAge"/> into state <paramref name="toAge"/>.</summary>
    public void Copy(int fromAge, int toAge) => Array.Copy(_history[fromAge], _history[toAge], _history[fromAge].Length);

    public void Clear()
    {
        foreach (var h in _history) Array.Clear(h);
    }

    private void Refresh()
    {
        State0 = _history[0];
        State1 = _history.Length > 1 ? _history[1] : _history[0];
        State2 = _history.Length > 2 ? _history[2] : State1;
    }
}
