namespace CircuitSim.Core.Behaviors;

/// <summary>
/// Sorted future times the transient must land on exactly (SPICE's CKTbreaks). The first entry is the next
/// breakpoint; the final time is always present.
/// </summary>
public sealed class BreakpointTable
{
    private readonly List<double> _times = new();
    private int _head; // entries before it are consumed; dropped from the list in bulk

    /// <summary>Two breakpoints closer than this are merged, s.</summary>
    public double MinimumSeparation { get; set; }

    public int Count => _times.Count - _head;
    public double this[int i] => _times[_head + i];
    public double Next => Count > 0 ? _times[_head] : double.PositiveInfinity;
    public double AfterNext => Count > 1 ? _times[_head + 1] : double.PositiveInfinity;

    /// <summary>
    /// The end of the window the sources are being asked to fill. A source that adds only part of it (a fast periodic
    /// waveform adds a bounded number of periods per request) lowers it with <see cref="CoveredOnlyUntil"/>, and the
    /// transient asks again from there.
    /// </summary>
    public double Horizon { get; set; } = double.PositiveInfinity;

    /// <summary>Says that the corners added so far are complete only up to <paramref name="time"/>.</summary>
    public void CoveredOnlyUntil(double time)
    {
        if (time < Horizon) Horizon = time;
    }

    public void Clear()
    {
        _times.Clear();
        _head = 0;
    }

    /// <summary>Inserts a breakpoint unless one lies within <see cref="MinimumSeparation"/> of it.</summary>
    public void Add(double time)
    {
        if (_times.Count == _times.Capacity && _head > 0) Compact(); // reuse the consumed room before growing
        var i = _times.BinarySearch(_head, Count, time, null);
        if (i >= 0) return;
        i = ~i;
        if (i > _head && time - _times[i - 1] < MinimumSeparation) return;
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
        if (Count == 0) return;
        _head++;
        if (_head >= 1024 && _head * 2 >= _times.Count) Compact();
    }

    private void Compact()
    {
        _times.RemoveRange(0, _head);
        _head = 0;
    }
}
