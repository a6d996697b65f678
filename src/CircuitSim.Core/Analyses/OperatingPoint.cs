using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;

namespace CircuitSim.Core.Analyses;

/// <summary>DC operating point (.op): capacitors open, inductors shorted, one export point.</summary>
public sealed class OperatingPoint : Simulation
{
    public OperatingPoint(Circuit circuit, SimulationOptions? options = null) : base(circuit, options) { }

    public override string PlotName => "Operating Point";
    public override string? ScaleName => null;

    protected override IEnumerable<ExportPoint> Execute()
    {
        if (!SolveOperatingPoint(AnalysisMode.DcOp)) throw OperatingPointFailure("operating point");
        yield return new ExportPoint(0, 0);
    }
}
