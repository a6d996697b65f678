using System.Numerics;

namespace CircuitSim.Output;

/// <summary>
/// Streaming sink for simulation results: <see cref="Begin"/> once per plot, one
/// <c>WritePoint</c> per accepted point (values in the header's vector order, scale first),
/// then <see cref="Complete"/>. Writers allocate nothing per point.
/// </summary>
public interface IWaveformWriter : IDisposable
{
    /// <summary>Starts a plot. Writers that hold several plots (raw files, recorders) accept a new
    /// <see cref="Begin"/> after the points of the previous plot; the others throw.</summary>
    void Begin(WaveformHeader header);

    /// <summary>Writes one point of real values (in a complex plot the imaginary parts are 0).</summary>
    void WritePoint(ReadOnlySpan<double> values);

    /// <summary>Writes one point of complex values; only allowed in a complex plot.</summary>
    void WritePoint(ReadOnlySpan<Complex> values);

    /// <summary>Writes one point of a complex plot whose scale (frequency) is real: <paramref name="scale"/>
    /// followed by the <paramref name="values"/> of the other vectors.</summary>
    void WritePoint(double scale, ReadOnlySpan<Complex> values);

    /// <summary>Points written to the current plot so far.</summary>
    int PointCount { get; }

    /// <summary>
    /// Finishes the output (file writers patch the point count and rename the temporary file to
    /// the final name). <paramref name="partial"/> = true marks a run that failed part-way: the
    /// points written so far are kept and the file still gets its final name.
    /// </summary>
    void Complete(bool partial = false);

    /// <summary>True after <c>Complete(partial: true)</c> (or a dispose without completion).</summary>
    bool IsPartial { get; }

    /// <summary>Discards the output: the temporary file is deleted and no final file is created.</summary>
    void Abort();
}
