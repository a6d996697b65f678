using System.CommandLine;
using CircuitSim.Output;

namespace CircuitSim.Cli;

/// <summary><c>--plot-format png|svg|both</c>, on every command that writes charts.</summary>
internal static class PlotFormatOption
{
    public static Option<string> Create() => Create("Chart files to write: png, svg or both.");

    public static Option<string> Create(string description)
    {
        var option = new Option<string>("--plot-format") { Description = description, DefaultValueFactory = _ => "png" };
        option.AcceptOnlyFromAmong(PlotFormats.Names.ToArray());
        return option;
    }
}
