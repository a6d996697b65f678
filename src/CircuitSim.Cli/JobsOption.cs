using System.CommandLine;
using CircuitSim.Core.Parallel;

namespace CircuitSim.Cli;

/// <summary><c>-j N</c>: how many independent simulations run at once (default: one per core). Results and files are
/// the same bit for bit for every N.</summary>
internal static class JobsOption
{
    public static Option<int> Create(string what)
    {
        var option = new Option<int>("--jobs", "-j")
        {
            Description = $"Simulations to run at once ({what}); default: the number of cores. Outputs do not depend on it.",
            DefaultValueFactory = _ => OrderedParallel.DefaultDegree,
        };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1) r.AddError("--jobs must be at least 1");
        });
        return option;
    }
}
