using CircuitSim.Core.Behaviors;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;
using CircuitSim.Numerics;

namespace CircuitSim.Core.Analyses;

/// <summary>
/// Small-signal DC transfer function (.tf outvar insrc), as ngspice computes it: at the operating point the
/// linearized circuit is solved once with a unit excitation of the input source (1 V in a voltage source's branch,
/// 1 A through a current source from n+ to n-), which gives the transfer function and the input resistance, and
/// once with a unit current into the output (for v(a,b): into b out of a, read as v(b) − v(a); for i(vx): 1 V in
/// vx, read as 1/i), which gives the output resistance. One export point with three vectors, named as ngspice names
/// them: <c>transfer_function</c>, <c>{insrc}#input_impedance</c> and <c>output_impedance_at_{outvar}</c> (or
/// <c>{vx}#output_impedance</c> for a current output).
/// </summary>
public sealed class TransferFunction : Simulation
{
    private readonly string _output;
    private readonly string _input;
    private readonly double[] _results = new double[3];

    /// <param name="output"><c>v(node)</c>, <c>v(node,node)</c> or <c>i(vsource)</c>.</param>
    /// <param name="input">The independent source (V or I) the input is applied at.</param>
    public TransferFunction(Circuit circuit, string output, string input, SimulationOptions? options = null) : base(circuit, options)
    {
        _output = output.Trim().ToLowerInvariant();
        _input = input.Trim().ToLowerInvariant();
        if (!(_output.StartsWith("v(") || _output.StartsWith("i(")) || !_output.EndsWith(')'))
            throw new ArgumentException($"the output must be v(node), v(node,node) or i(source), got '{output}'", nameof(output));
    }

    public override string PlotName => "Transfer Function";
    public override string? ScaleName => null;

    private bool CurrentOutput => _output.StartsWith("i(");
    private string OutputSource => _output[2..^1].Trim();

    /// <summary>The transfer function, the input resistance and the output resistance (after the run).</summary>
    public double Gain => _results[0];
    public double InputResistance => _results[1];
    public double OutputResistance => _results[2];

    public override IReadOnlyList<string> DefaultProbeNames() =>
    [
        "transfer_function",
        $"{_input}#input_impedance",
        CurrentOutput ? $"{OutputSource}#output_impedance" : $"output_impedance_at_{_output}",
    ];

    protected override Probe? CreateAnalysisProbe(string name)
    {
        var names = DefaultProbeNames();
        for (var k = 0; k < names.Count; k++)
            if (string.Equals(name, names[k], StringComparison.OrdinalIgnoreCase))
            {
                var index = k;
                return new ValueProbe(names[k], () => _results[index]);
            }
        return null;
    }

    private sealed class ValueProbe(string name, Func<double> read) : Probe(name)
    {
        public override double Value => read();
    }

    protected override IEnumerable<ExportPoint> Execute()
    {
        if (!SolveOperatingPoint(AnalysisMode.DcOp)) throw OperatingPointFailure("operating point of the transfer function");
        var input = FindBehavior(_input) as ISweepableSource
            ?? throw new CircuitException($".tf: '{_input}' is not an independent source (V or I) of the circuit");
        var inputBranch = (input as IBranchBehavior)?.Branch ?? 0;
        var (inputPlus, inputMinus) = inputBranch == 0 ? Terminals(_input) : (0, 0);
        int outputPlus = 0, outputMinus = 0, outputBranch = 0;
        if (CurrentOutput)
            outputBranch = (FindBehavior(OutputSource) as IBranchBehavior)?.Branch
                ?? throw new CircuitException($".tf: {_output} needs a voltage source (or another element with a branch current) named '{OutputSource}'");
        else
        {
            var nodes = _output[2..^1].Split(',', StringSplitOptions.TrimEntries);
            outputPlus = NodeIndex(nodes[0], _output);
            outputMinus = nodes.Length > 1 ? NodeIndex(nodes[1], _output) : 0;
        }

        // the linearized circuit at the operating point
        State.Mode = AnalysisMode.DcOp;
        State.Init = InitMode.Float;
        Solver.Load();
        var n = Unknowns.Count;
        var lu = new SparseLU(n, Mna.RowIndices, Mna.ColumnIndices, new SparseLUOptions { PivotRelTol = Options.PivRel, PivotAbsTol = Options.PivTol });
        try
        {
            lu.Factor(Mna.LuValues);
        }
        catch (SingularMatrixException e)
        {
            throw new SingularCircuitException($"transfer function: singular matrix at {Unknowns.Describe(e.Index + 1)}", Unknowns[e.Index + 1].Name, e);
        }
        var x = new double[n + 1];

        // unit input
        if (inputBranch != 0) x[inputBranch] = 1;
        else
        {
            x[inputPlus] -= 1;
            x[inputMinus] += 1;
        }
        Solve(lu, x);
        _results[0] = CurrentOutput ? x[outputBranch] : x[outputPlus] - x[outputMinus];
        if (inputBranch != 0) _results[1] = Math.Abs(x[inputBranch]) < 1e-20 ? 1e20 : -1 / x[inputBranch];
        else _results[1] = x[inputMinus] - x[inputPlus];

        // unit output excitation (the input source is zero in the linearized circuit)
        if (CurrentOutput && string.Equals(OutputSource, _input, StringComparison.OrdinalIgnoreCase)) _results[2] = _results[1];
        else
        {
            Array.Clear(x);
            if (CurrentOutput) x[outputBranch] = 1;
            else
            {
                x[outputPlus] -= 1;
                x[outputMinus] += 1;
            }
            Solve(lu, x);
            _results[2] = CurrentOutput ? 1 / Math.Max(1e-20, x[outputBranch]) : x[outputMinus] - x[outputPlus];
        }
        yield return new ExportPoint(0, 0);
    }

    private static void Solve(SparseLU lu, double[] x)
    {
        lu.Solve(x.AsSpan(1));
        x[0] = 0;
    }

    /// <summary>The unknowns of a two-terminal element's nodes.</summary>
    private (int Plus, int Minus) Terminals(string element)
    {
        if (!Circuit.TryGetComponent(element, out var c) || c.Nodes.Count < 2)
            throw new CircuitException($".tf: no two-terminal source named '{element}'");
        return (NodeIndex(c.Nodes[0], element), NodeIndex(c.Nodes[1], element));
    }
}
