using CircuitSim.Core.Analyses;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;
using CircuitSim.Netlist.Control;

namespace CircuitSim.Netlist;

/// <summary>An analysis line of the netlist.</summary>
public abstract record AnalysisSpec(SourceLocation At)
{
    /// <summary>ngspice's plot name for the analysis.</summary>
    public abstract string Kind { get; }
}

public sealed record OpSpec(SourceLocation At) : AnalysisSpec(At)
{
    public override string Kind => "op";
}

/// <summary>.dc; <see cref="Sweeps"/> innermost first.</summary>
public sealed record DcSpec(SourceLocation At, IReadOnlyList<SweepSpec> Sweeps) : AnalysisSpec(At)
{
    public override string Kind => "dc";
}

public sealed record TranSpec(SourceLocation At, double Step, double Stop, double Start, double? MaxStep, bool UseInitialConditions) : AnalysisSpec(At)
{
    public override string Kind => "tran";
}

public sealed record AcSpec(SourceLocation At, AcSweepKind Sweep, int Points, double Start, double Stop) : AnalysisSpec(At)
{
    public override string Kind => "ac";
}

/// <summary>.tf outvar insrc: the small-signal DC transfer function from a source to an output (v(a), v(a,b) or
/// i(vsource)), with the input and output resistances at the operating point.</summary>
public sealed record TfSpec(SourceLocation At, string Output, string Input) : AnalysisSpec(At)
{
    public override string Kind => "tf";
}

/// <summary>A <c>.print [analysis] expr …</c> line: the expressions tabled on the terminal after each plot of that
/// analysis (all analyses when <see cref="Analysis"/> is null).</summary>
public sealed record PrintRequest(SourceLocation At, string? Analysis, IReadOnlyList<string> Expressions);

/// <summary>A <c>.four freq ov1 ov2 …</c> line: Fourier components of the outputs over the last period of each
/// transient.</summary>
public sealed record FourierRequest(SourceLocation At, double Fundamental, IReadOnlyList<string> Expressions);

/// <summary>.step param name … : the values a parameter (or temp) takes in successive runs.</summary>
public sealed record StepSpec(SourceLocation At, string Parameter, IReadOnlyList<double> Values);

/// <summary>A .meas line: its text after ".meas" with {expressions} already substituted, parsed.</summary>
public sealed record MeasureLine(SourceLocation At, string Analysis, string Name, string Text, Measurements.MeasureStatement Statement);

/// <summary>
/// A netlist read and checked: its title, circuit, analyses, options and output requests.
/// <see cref="Build(IReadOnlyDictionary{string, double})"/> makes a fresh circuit with parameters overridden (what .step
/// needs).
/// </summary>
public sealed class Netlist
{
    // null once the statements are released (ReleaseStatements)
    private Func<IReadOnlyDictionary<string, double>?, ulong, Circuit>? _build;

    internal Netlist(string title, string file, Circuit circuit, Func<IReadOnlyDictionary<string, double>?, ulong, Circuit> build)
    {
        Title = title;
        File = file;
        Circuit = circuit;
        _build = build;
    }

    public string Title { get; }
    public string File { get; }
    /// <summary>The circuit with the netlist's own parameter values.</summary>
    public Circuit Circuit { get; }
    public SimulationOptions Options { get; internal set; } = new();
    public List<AnalysisSpec> Analyses { get; } = new();
    public StepSpec? Step { get; internal set; }

    /// <summary>The seed of the statistical functions (<c>.options seed=N</c>; 1 when not given).</summary>
    public ulong Seed { get; internal set; }

    /// <summary>Every temperature of a <c>.temp</c> line (°C); <see cref="SimulationOptions.Temperature"/> is the first.</summary>
    public List<double> Temperatures { get; } = new();

    internal SourceLocation? TemperatureAt { get; set; }
    public Dictionary<string, double> InitialConditions { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, double> Nodesets { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Vectors named by .save/.print/.probe (empty: save everything, as ngspice).</summary>
    public List<string> Saves { get; } = new();

    /// <summary>True when a .save line says <c>all</c>: every default vector plus the ones named.</summary>
    public bool SaveAll { get; internal set; }
    public List<MeasureLine> Measures { get; } = new();
    /// <summary>Charts asked for by <c>.plot</c> lines, drawn when a run writes plots.</summary>
    public List<PlotRequest> Plots { get; } = new();
    /// <summary>Tables asked for by <c>.print</c> lines (they do not narrow what is saved).</summary>
    public List<PrintRequest> Prints { get; } = new();
    /// <summary><c>.four</c> lines.</summary>
    public List<FourierRequest> Fouriers { get; } = new();
    /// <summary>Harmonics of a Fourier analysis, the DC term included (<c>.options nfreqs</c>).</summary>
    public int FourierHarmonics { get; internal set; } = FourierAnalysis.DefaultHarmonics;
    /// <summary>Points of the last period a Fourier analysis resamples (<c>.options fourgridsize</c>).</summary>
    public int FourierGridSize { get; internal set; } = FourierAnalysis.DefaultGridSize;
    /// <summary>The statements of the <c>.control</c> blocks; null when there are none. With a script, a run executes
    /// it, and the analysis lines run only when it says <c>run</c>.</summary>
    public ControlScript? Control { get; internal set; }
    public List<NetlistDiagnostic> Warnings { get; } = new();

    /// <summary>The analyses re-read with some global parameters overridden (a .step value may set tstop); the
    /// netlist's own <see cref="Analyses"/> when none is given.</summary>
    /// <exception cref="NetlistException">The overridden values make an analysis line invalid.</exception>
    public IReadOnlyList<AnalysisSpec> AnalysesWith(IReadOnlyDictionary<string, double>? parameters) => AnalysesWith(parameters, Seed);

    /// <summary>The analyses re-read with some global parameters overridden and the statistical functions seeded
    /// with <paramref name="seed"/>.</summary>
    /// <exception cref="InvalidOperationException">The statements were released (<see cref="ReleaseStatements"/>) and the
    /// analyses must be read again.</exception>
    public IReadOnlyList<AnalysisSpec> AnalysesWith(IReadOnlyDictionary<string, double>? parameters, ulong seed)
    {
        if (parameters is null && seed == Seed) return Analyses;
        if (_build is null) throw Released();
        return AnalysesFor is null ? Analyses : AnalysesFor(parameters ?? new Dictionary<string, double>(), seed);
    }

    internal Func<IReadOnlyDictionary<string, double>, ulong, IReadOnlyList<AnalysisSpec>>? AnalysesFor { get; set; }

    /// <summary>The global parameters and functions (.param, .func): for .control commands read like dot lines and
    /// for .meas expressions evaluated after a run.</summary>
    internal Semantics.ParameterScope Scope { get; set; } = new((Semantics.ParameterScope?)null);

    /// <summary>
    /// The value of an expression in a .meas line (PARAM='…', a level or a FROM/TO given as an expression): its names are
    /// earlier measures' results, the run's .step value or global parameters, in that order; .func functions apply.
    /// </summary>
    /// <exception cref="InvalidOperationException">The expression does not parse or names something undefined.</exception>
    public double EvaluateMeasureExpression(string text, IReadOnlyDictionary<string, double> measures, IReadOnlyDictionary<string, double>? overrides = null)
    {
        var scope = new Semantics.ParameterScope(Scope);
        if (overrides is not null) foreach (var (name, value) in overrides) scope.Set(name, value);
        foreach (var (name, value) in measures) scope.Set(name, value);
        try
        {
            return scope.Evaluate(text, new SourceLocation(File, 0, 0, text));
        }
        catch (StatementException e)
        {
            throw new InvalidOperationException(e.Message, e);
        }
    }

    /// <summary>A fresh circuit with some global parameters overridden; a parameter named <c>run</c> is the Monte
    /// Carlo run whose random draws the statistical functions take.</summary>
    /// <exception cref="NetlistException">The overridden values make a statement invalid.</exception>
    /// <exception cref="ArgumentException"><c>run</c> is not a whole number ≥ 0.</exception>
    /// <exception cref="InvalidOperationException">The statements were released (<see cref="ReleaseStatements"/>).</exception>
    public Circuit Build(IReadOnlyDictionary<string, double>? parameters = null) => Build(parameters, Seed);

    /// <summary>A fresh circuit with some global parameters overridden and the statistical functions seeded with
    /// <paramref name="seed"/> (run index: the parameter <c>run</c>, 0 when absent).</summary>
    /// <exception cref="InvalidOperationException">The statements were released (<see cref="ReleaseStatements"/>).</exception>
    public Circuit Build(IReadOnlyDictionary<string, double>? parameters, ulong seed) => (_build ?? throw Released())(parameters, seed);

    /// <summary>
    /// Lets the statements the netlist keeps for building circuits again go: for a run of <see cref="Circuit"/> alone
    /// (no .step, no Monte Carlo runs, no .control script), where they are never read again. They are most of what a
    /// large netlist holds after reading (a line's text and statement, about 130 bytes a line: 27 MB on a 200 000-line
    /// netlist). Afterwards <see cref="Build(IReadOnlyDictionary{string, double}?, ulong)"/> and
    /// <see cref="AnalysesWith(IReadOnlyDictionary{string, double}?, ulong)"/> with other parameters or another seed throw.
    /// </summary>
    public void ReleaseStatements()
    {
        _build = null;
        AnalysesFor = null;
    }

    private static InvalidOperationException Released() =>
        new("the netlist's statements were released (ReleaseStatements): it cannot build another circuit");
}

/// <summary>A <c>.plot</c> line: vectors drawn together, against <see cref="X"/> when given (an X–Y chart) and
/// otherwise against the plot's scale; <see cref="Analysis"/> limits it to one analysis kind (null: every kind).</summary>
public sealed record PlotRequest(string? Analysis, IReadOnlyList<string> Y, string? X);
