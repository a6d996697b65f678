using System.Numerics;
using CircuitSim.Core.Simulations;

namespace CircuitSim.Netlist.Running;

/// <summary>What one plot (one analysis of one .step run) holds: its vectors, in output order, scale first.</summary>
public sealed record PlotInfo(
    string Title,
    string PlotName,
    AnalysisSpec Analysis,
    string? ScaleName,
    IReadOnlyList<string> VectorNames,
    IReadOnlyList<ProbeKind> VectorKinds,
    bool IsComplex,
    string? StepLabel);

/// <summary>Receives the points of each plot while the analyses run (a file writer, a recorder, a progress bar).</summary>
public interface IRunObserver
{
    void BeginPlot(PlotInfo plot);

    /// <summary>A real point: the scale (absent for an operating point) followed by the vectors.</summary>
    void Point(ReadOnlySpan<double> values);

    /// <summary>A complex (AC) point: the frequency and the vector phasors.</summary>
    void Point(double scale, ReadOnlySpan<Complex> values);

    /// <summary>The plot is complete, or ended by <paramref name="failure"/> (the points so far are valid).</summary>
    void EndPlot(Exception? failure);
}

/// <summary>Keeps every point of every plot in memory (tests, .meas, small runs).</summary>
public sealed class PlotRecorder : IRunObserver
{
    public sealed class RecordedPlot
    {
        internal RecordedPlot(PlotInfo info) => Info = info;

        public PlotInfo Info { get; }
        public List<double[]> RealRows { get; } = new();
        public List<(double Scale, Complex[] Values)> ComplexRows { get; } = new();
        public Exception? Failure { get; internal set; }
        public int Count => Info.IsComplex ? ComplexRows.Count : RealRows.Count;

        /// <summary>The scale column (time, swept value, frequency), empty for an operating point.</summary>
        public double[] Scale => Info.ScaleName is null ? Array.Empty<double>()
            : Info.IsComplex ? ComplexRows.Select(r => r.Scale).ToArray() : RealRows.Select(r => r[0]).ToArray();

        /// <summary>A real vector by name (for AC: the magnitude).</summary>
        public double[] this[string name]
        {
            get
            {
                var index = IndexOf(name);
                if (Info.IsComplex) return ComplexRows.Select(r => r.Values[index].Magnitude).ToArray();
                var offset = Info.ScaleName is null ? 0 : 1;
                return RealRows.Select(r => r[index + offset]).ToArray();
            }
        }

        public Complex[] ComplexVector(string name)
        {
            var index = IndexOf(name);
            return ComplexRows.Select(r => r.Values[index]).ToArray();
        }

        public bool Has(string name) => Info.VectorNames.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));

        private int IndexOf(string name)
        {
            for (var i = 0; i < Info.VectorNames.Count; i++)
                if (string.Equals(Info.VectorNames[i], name, StringComparison.OrdinalIgnoreCase)) return i;
            throw new KeyNotFoundException($"no vector '{name}' in the {Info.PlotName} plot (it has: {string.Join(", ", Info.VectorNames.Take(12))}{(Info.VectorNames.Count > 12 ? ", …" : "")})");
        }
    }

    public List<RecordedPlot> Plots { get; } = new();
    private RecordedPlot? _current;

    public void BeginPlot(PlotInfo plot)
    {
        _current = new RecordedPlot(plot);
        Plots.Add(_current);
    }

    public void Point(ReadOnlySpan<double> values) => _current!.RealRows.Add(values.ToArray());

    public void Point(double scale, ReadOnlySpan<Complex> values) => _current!.ComplexRows.Add((scale, values.ToArray()));

    public void EndPlot(Exception? failure) => _current!.Failure = failure;
}
