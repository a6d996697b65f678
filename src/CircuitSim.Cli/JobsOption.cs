using System.CommandLine;
using System.Globalization;
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
        // parsed and checked in one place: a validator reading a value that failed to convert would throw
        option.CustomParser = r =>
        {
            if (r.Tokens.Count == 0) return OrderedParallel.DefaultDegree;
            var text = r.Tokens[0].Value;
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var jobs)) r.AddError($"--jobs needs a whole number, not '{text}'");
            else if (jobs < 1) r.AddError("--jobs must be at least 1");
            return jobs;
        };
        return option;
    }
}
