using System.Numerics;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;
using CircuitSim.Numerics;

namespace CircuitSim.Core.Analyses;

/// <summary>Frequency grid of an AC analysis, as ngspice spaces it.</summary>
public enum AcSweepKind { Linear, Decade, Octave }

/// <summary>
/// Small-signal AC analysis (.ac lin|dec|oct n fstart fstop): the operating point, one load that stores the
/// small-signal parameters, then at each frequency the complex system G + jωC driven by the sources' AC values.
/// Devices with internal state linearize to their present conductance.
/// </summary>
public sealed class Ac : Simulation
{
    public Ac(Circuit circuit, AcSweepKind kind, int points, double start, double stop, SimulationOptions? options = null)
        : base(circuit, options)
    {
        if (points < 1) throw new ArgumentException("an AC sweep needs at least one point", nameof(points));
        if (!(start > 0) && kind != AcSweepKind.Linear) throw new ArgumentException("a logarithmic AC sweep must start above 0 Hz", nameof(start));
        if (stop < start) throw new ArgumentException("fstop must not be below fstart", nameof(stop));
        Frequencies = Grid(kind, points, start, stop);
    }

    public IReadOnlyList<double> Frequencies { get; }

    public override string PlotName => "AC Analysis";
    public override string? ScaleName => "frequency";

    public static double[] Grid(AcSweepKind kind, int points, double start, double stop)
    {
        switch (kind)
        {
            case AcSweepKind.Linear:
                if (points == 1) return new[] { start };
                return Enumerable.Range(0, points).Select(i => start + (stop - start) * i / (points - 1)).ToArray();
            default:
                var ratio = kind == AcSweepKind.Decade ? 10.0 : 2.0;
                var per = Math.Log(ratio) / points;
                var count = (int)Math.Floor(Math.Log(stop / start) / per + 1e-9) + 1;
                return Enumerable.Range(0, count).Select(i => start * Math.Exp(i * per)).ToArray();
        }
    }

    protected override IEnumerable<ExportPoint> Execute()
    {
        if (!SolveOperatingPoint(AnalysisMode.DcOp)) throw OperatingPointFailure("operating point of the AC analysis");
        State.Mode = AnalysisMode.DcOp;
        State.Init = InitMode.SmallSignal;
        Solver.Load();
        State.Mode = AnalysisMode.Ac;
        State.Init = InitMode.Float;

        Mna.EnsureComplex();
        var lu = new ComplexSparseLU(Unknowns.Count, Mna.RowIndices, Mna.ColumnIndices,
            new SparseLUOptions { PivotRelTol = Options.PivRel, PivotAbsTol = Options.PivTol });
        var x = new Complex[Unknowns.Count + 1];
        AcSolution = x;
        for (var k = 0; k < Frequencies.Count; k++)
        {
            State.Omega = 2 * Math.PI * Frequencies[k];
            Mna.ClearComplex();
            foreach (var f in FrequencyBehaviors) f.LoadAc();
            Solver.AddShunts(Mna.ComplexValues);
            try
            {
                lu.Factor(Mna.LuComplexValues);
            }
            catch (SingularMatrixException e)
            {
                throw new SingularCircuitException(
                    $"AC analysis at {Frequencies[k]:G6} Hz: singular matrix at {Unknowns.Describe(e.Index + 1)}",
                    Unknowns[e.Index + 1].Name, e);
            }
            Array.Copy(Mna.ComplexRhs, x, x.Length);
            lu.Solve(x.AsSpan(1));
            x[0] = 0;
            yield return new ExportPoint(k, Frequencies[k]);
        }
    }
}
