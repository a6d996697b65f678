using System.Numerics;

namespace CircuitSim.Output;

/// <summary>
/// Base class of the streaming writers: checks the call order and the point width, and turns the
/// convenience overloads into the two point callbacks. Disposing a writer that has begun but not
/// completed completes it as partial (data so far kept); disposing one that never began does nothing.
/// </summary>
public abstract class WaveformWriter : IWaveformWriter
{
    private enum State { Idle, Writing, Completed, Aborted }

    private State _state;
    private Complex[] _complexScratch = [];
    private double[] _realScratch = [];

    /// <summary>Header of the current plot (null before <see cref="Begin"/>).</summary>
    protected WaveformHeader? Header { get; private set; }

    public int PointCount { get; private set; }

    public bool IsPartial { get; private set; }

    /// <summary>True between <see cref="Begin"/> and <see cref="Complete"/>/<see cref="Abort"/>.</summary>
    public bool IsWriting => _state == State.Writing;

    /// <summary>Whether a second <see cref="Begin"/> may start another plot in the same output.</summary>
    protected virtual bool SupportsMultiplePlots => false;

    public void Begin(WaveformHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        switch (_state)
        {
            case State.Completed:
            case State.Aborted:
                throw new InvalidOperationException("The writer is already completed or aborted.");
            case State.Writing:
                if (!SupportsMultiplePlots)
                    throw new InvalidOperationException($"{GetType().Name} holds a single plot; Begin was called twice.");
                OnEndPlot();
                break;
        }
        Header = header;
        PointCount = 0;
        if (_complexScratch.Length < header.VectorCount) _complexScratch = new Complex[header.VectorCount];
        if (_realScratch.Length < header.VectorCount) _realScratch = new double[header.VectorCount];
        _state = State.Writing;
        OnBegin(header);
    }

    public void WritePoint(ReadOnlySpan<double> values)
    {
        var h = RequireWriting(values.Length);
        if (h.IsComplex)
        {
            var buf = _complexScratch.AsSpan(0, values.Length);
            for (int i = 0; i < values.Length; i++) buf[i] = new Complex(values[i], 0);
            OnPoint(buf);
        }
        else
        {
            OnPoint(values);
        }
        PointCount++;
        OnPointWritten();
    }

    public void WritePoint(ReadOnlySpan<Complex> values)
    {
        var h = RequireWriting(values.Length);
        if (!h.IsComplex) throw new InvalidOperationException("Complex values written to a real plot.");
        OnPoint(values);
        PointCount++;
        OnPointWritten();
    }

    public void WritePoint(double scale, ReadOnlySpan<Complex> values)
    {
        var h = RequireWriting(values.Length + 1);
        if (!h.IsComplex) throw new InvalidOperationException("Complex values written to a real plot.");
        var buf = _complexScratch.AsSpan(0, values.Length + 1);
        buf[0] = new Complex(scale, 0);
        values.CopyTo(buf[1..]);
        OnPoint(buf);
        PointCount++;
        OnPointWritten();
    }

    public void Complete(bool partial = false)
    {
        if (_state == State.Completed) return;
        if (_state != State.Writing) throw new InvalidOperationException("Complete called before Begin (or after Abort).");
        IsPartial = partial;
        OnEndPlot();
        OnComplete(partial);
        _state = State.Completed;
    }

    public void Abort()
    {
        if (_state is State.Completed or State.Aborted) return;
        _state = State.Aborted;
        OnAbort();
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing) return;
        if (_state == State.Writing)
        {
            try { Complete(partial: true); }
            catch
            {
                Abort();
                throw;
            }
        }
        else if (_state == State.Idle)
        {
            _state = State.Aborted;
            OnAbort();
        }
    }

    /// <summary>Real scratch buffer of the current plot's width, for derived classes.</summary>
    protected Span<double> RealScratch => _realScratch.AsSpan(0, Header?.VectorCount ?? 0);

    protected abstract void OnBegin(WaveformHeader header);

    /// <summary>A real point of a real plot (exactly <c>Header.VectorCount</c> values).</summary>
    protected abstract void OnPoint(ReadOnlySpan<double> values);

    /// <summary>A point of a complex plot (exactly <c>Header.VectorCount</c> values).</summary>
    protected abstract void OnPoint(ReadOnlySpan<Complex> values);

    /// <summary>After each point (file writers flush from here now and then).</summary>
    protected virtual void OnPointWritten() { }

    /// <summary>The current plot has ended (before another <see cref="Begin"/> or <see cref="Complete"/>).</summary>
    protected virtual void OnEndPlot() { }

    protected abstract void OnComplete(bool partial);

    protected abstract void OnAbort();

    private WaveformHeader RequireWriting(int count)
    {
        if (_state != State.Writing || Header is null) throw new InvalidOperationException("WritePoint called outside Begin/Complete.");
        if (count != Header.VectorCount)
            throw new ArgumentException($"Point has {count} values, the plot has {Header.VectorCount} vectors.");
        return Header;
    }
}
