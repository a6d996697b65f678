namespace CircuitSim.Core.Behaviors;

/// <summary>
/// Sorted future times the transient must land on exactly (SPICE's CKTbreaks). The first entry is the next
/// breakpoint; the final time is always present.
/// </summary>
public sealed class BreakpointTable
{
    private readonly List<double> _times = new();

    /// <summary>Two breakpoints closer than this are merged, s.</summary>
    public double MinimumSeparation { get; set; }

    public int Count => _times.Count;
    public double this[int i] => _times[i];
    public double Next => _times.Count > 0 ? _times[0] : double.PositiveInfinity;
    public double AfterNext => _times.Count > 1 ? _times[1] : double.PositiveInfinity;

    public void Clear() => _times.Clear();

    /// <summary>Inserts a breakpoint unless one lies within <see cref="MinimumSeparation"/> of it.</summary>
    public void Add(double time)
    {
        var i = _times.BinarySearch(time);
        if (i >= 0) return;
        i = ~i;
        if (i > 0 && time - _times[i - 1] < MinimumSeparation) return;
        if (i < _times.Count && _times[i] - time < MinimumSeparation)
        {
            // keep the earlier of two nearly coincident breakpoints
            _times[i] = Math.Min(_times[i], time);
            return;
        }
        _times.Insert(i, time);
    }

    /// <summary>Drops the first breakpoint.</summary>
    public void RemoveFirst()
    {
        if (_times.Count > 0) _times.RemoveAt(0);
    }
}
