using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace CircuitSim.Tools;

/// <summary>
/// How every program in tools/ runs its command line: a parse error (a missing value, a bad number, an unknown
/// option) prints the error and the usage to stderr and exits 2; otherwise the command's action runs. Numbers with
/// a lower bound are checked while they are parsed (a validator that reads a value that failed to convert throws).
/// </summary>
internal static class ToolCommandLine
{
    public const int BadInput = 2;

    public static int Run(RootCommand root, string[] args)
    {
        var result = root.Parse(args);
        if (result.Errors.Count == 0) return result.Invoke();
        foreach (var e in result.Errors) Console.Error.WriteLine(e.Message);
        Console.Error.WriteLine();
        root.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = Console.Error });
        return BadInput;
    }

    /// <summary>A whole number of at least <paramref name="minimum"/>.</summary>
    public static Option<int> AtLeast(this Option<int> option, int minimum)
    {
        option.CustomParser = r => Number(r, option.Name, minimum, () => option.DefaultValueFactory?.Invoke(r) ?? minimum);
        return option;
    }

    /// <summary>An optional whole number of at least <paramref name="minimum"/>.</summary>
    public static Option<int?> AtLeast(this Option<int?> option, int minimum)
    {
        option.CustomParser = r => r.Tokens.Count == 0 ? null : Number(r, option.Name, minimum, () => minimum);
        return option;
    }

    /// <summary>A whole-number argument of at least <paramref name="minimum"/>.</summary>
    public static Argument<int> AtLeast(this Argument<int> argument, int minimum)
    {
        argument.CustomParser = r => Number(r, argument.Name, minimum, () => argument.DefaultValueFactory?.Invoke(r) ?? minimum);
        return argument;
    }

    /// <summary>Whole-number arguments, each at least <paramref name="minimum"/>.</summary>
    public static Argument<int[]> EachAtLeast(this Argument<int[]> argument, int minimum)
    {
        argument.CustomParser = r =>
        {
            if (r.Tokens.Count == 0) return argument.DefaultValueFactory?.Invoke(r) ?? [];
            var values = new int[r.Tokens.Count];
            for (int i = 0; i < values.Length; i++)
            {
                if (!int.TryParse(r.Tokens[i].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out values[i]))
                    r.AddError($"{argument.Name} needs whole numbers, not '{r.Tokens[i].Value}'");
                else if (values[i] < minimum) r.AddError($"{argument.Name} must be at least {minimum}, not {values[i]}");
            }
            return values;
        };
        return argument;
    }

    /// <summary>A positive real number (invariant culture).</summary>
    public static Option<double> Positive(this Option<double> option)
    {
        option.CustomParser = r =>
        {
            if (r.Tokens.Count == 0) return option.DefaultValueFactory?.Invoke(r) ?? 1;
            var text = r.Tokens[0].Value;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0) return v;
            r.AddError($"{option.Name} needs a positive number, not '{text}'");
            return 1;
        };
        return option;
    }

    /// <summary>An optional number that <paramref name="parse"/> reads (e.g. with a SPICE suffix: 20n, 1.5meg).</summary>
    public static Option<double?> Number(this Option<double?> option, Func<string, double?> parse)
    {
        option.CustomParser = r =>
        {
            if (r.Tokens.Count == 0) return null;
            var text = r.Tokens[0].Value;
            if (parse(text) is { } value) return value;
            r.AddError($"{option.Name} needs a number, not '{text}'");
            return null;
        };
        return option;
    }

    private static int Number(ArgumentResult r, string name, int minimum, Func<int> absent)
    {
        if (r.Tokens.Count == 0) return absent();
        var text = r.Tokens[0].Value;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            r.AddError($"{name} needs a whole number, not '{text}'");
            return minimum;
        }
        if (value < minimum) r.AddError($"{name} must be at least {minimum}, not {value}");
        return value;
    }
}
