namespace CircuitSim.Output;

/// <summary>Plot (analysis) names exactly as ngspice writes them in the <c>Plotname:</c> field.</summary>
public static class PlotNames
{
    public const string Transient = "Transient Analysis";
    public const string DcTransfer = "DC transfer characteristic";
    public const string Ac = "AC Analysis";
    public const string OperatingPoint = "Operating Point";
}
