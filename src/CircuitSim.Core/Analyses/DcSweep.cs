using CircuitSim.Core.Behaviors;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;

namespace CircuitSim.Core.Analyses;

/// <summary>
/// One sweep of a DC analysis: an independent source (its DC value), <c>temp</c>, or a device parameter written
/// <c>r1</c> (a resistor's resistance) or <c>r1[r]</c>.
/// </summary>
public sealed class SweepSpec
{
    public SweepSpec(string target, double start, double stop, double step)
    {
        if (step == 0) throw new ArgumentException("a sweep step cannot be 0", nameof(step));
        Target = target;
        var count = (int)Math.Floor((stop - start) / step * (1 + 1e-9) + 1e-9) + 1;
        if (count < 1) throw new ArgumentException($"sweep of {target} from {start} to {stop} with step {step} has no points");
        Values = Enumerable.Range(0, count).Select(i => start + i * step).ToArray();
    }

    public SweepSpec(string target, IReadOnlyList<double> values)
    {
        Target = target;
        Values = values.ToArray();
    }

    public string Target { get; }
    public IReadOnlyList<double> Values { get; }
}

/// <summary>
/// DC transfer curve (.dc), nested: the first sweep varies fastest; each point starts from the previous solution
/// (falling back to a full operating point when that fails), as ngspice does.
/// </summary>
public sealed class DcSweep : Simulation
{
    private readonly IReadOnlyList<SweepSpec> _sweeps;

    /// <param name="sweeps">Innermost first.</param>
    public DcSweep(Circuit circuit, IReadOnlyList<SweepSpec> sweeps, SimulationOptions? options = null) : base(circuit, options)
    {
        if (sweeps.Count == 0) throw new ArgumentException("a DC sweep needs at least one sweep", nameof(sweeps));
        _sweeps = sweeps;
    }

    public DcSweep(Circuit circuit, SweepSpec sweep, SimulationOptions? options = null) : this(circuit, new[] { sweep }, options) { }

    public override string PlotName => "DC transfer characteristic";
    public override string? ScaleName => _sweeps[0].Target.ToLowerInvariant();

    /// <summary>The present value of each sweep (innermost first).</summary>
    public double[] SweepValues { get; private set; } = Array.Empty<double>();

    protected override IEnumerable<ExportPoint> Execute()
    {
        var setters = _sweeps.Select(CreateSetter).ToArray();
        SweepValues = new double[_sweeps.Count];
        var indices = new int[_sweeps.Count];
        var first = true;
        var point = 0;
        try
        {
            while (true)
            {
                for (var k = 0; k < _sweeps.Count; k++)
                {
                    SweepValues[k] = _sweeps[k].Values[indices[k]];
                    setters[k](SweepValues[k]);
                }
                if (!Solve(first))
                    throw new ConvergenceException(
                        $"DC sweep: no convergence at {string.Join(", ", _sweeps.Select((s, k) => $"{s.Target} = {SweepValues[k]:G6}"))}",
                        null, null, Solver.LastNonConverged.Select(i => Unknowns[i].Name).ToList());
                first = false;
                yield return new ExportPoint(point++, SweepValues[0]);
                var level = 0;
                while (level < _sweeps.Count && ++indices[level] == _sweeps[level].Values.Count) indices[level++] = 0;
                if (level == _sweeps.Count) break;
            }
        }
        finally
        {
            foreach (var s in _sweeps) Restore(s);
        }
    }

    private bool Solve(bool first)
    {
        if (!first)
        {
            State.Mode = AnalysisMode.DcSweep;
            State.Init = InitMode.Float;
            if (Solver.Iterate(Options.Itl2)) return true;
        }
        return SolveOperatingPoint(AnalysisMode.DcSweep);
    }

    private Action<double> CreateSetter(SweepSpec spec)
    {
        var target = spec.Target;
        if (string.Equals(target, "temp", StringComparison.OrdinalIgnoreCase))
            return v => { State.Temperature = v + Constants.CelsiusToKelvin; UpdateTemperature(); };
        var name = target;
        var parameter = "";
        var open = target.IndexOf('[');
        if (open > 0 && target.EndsWith(']'))
        {
            name = target[..open];
            parameter = target[(open + 1)..^1];
        }
        var b = FindBehavior(name) ?? throw new CircuitException($".dc: no source or device named '{name}'");
        if (parameter.Length == 0 && b is ISweepableSource source) return v => source.SweepValue = v;
        if (b is IParameterSweepable p)
            return v =>
            {
                if (!p.TrySetSweptParameter(parameter, v))
                    throw new CircuitException($".dc: '{name}' has no sweepable parameter '{parameter}'");
            };
        throw new CircuitException($".dc: '{target}' cannot be swept (sweep an independent source, a resistor or temp)");
    }

    private void Restore(SweepSpec spec)
    {
        if (string.Equals(spec.Target, "temp", StringComparison.OrdinalIgnoreCase))
        {
            State.Temperature = Options.TemperatureKelvin;
            UpdateTemperature();
        }
        else if (FindBehavior(spec.Target) is ISweepableSource s) s.SweepValue = null;
    }
}
