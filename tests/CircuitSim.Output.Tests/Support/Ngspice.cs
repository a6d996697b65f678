using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CircuitSim.Output.Tests.Support;

/// <summary>Runs the ngspice binary (when it is on PATH) for cross-checks.</summary>
public static class Ngspice
{
    public const string SkipReason = "ngspice not found on PATH: ngspice cross-check skipped";

    private static readonly Lazy<string?> ExecutablePath = new(Find);

    public static bool Available => ExecutablePath.Value is not null;

    private static string? Find()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in new[] { "ngspice", "ngspice.exe" })
            {
                var f = System.IO.Path.Combine(dir, name);
                if (File.Exists(f)) return f;
            }
        }
        return null;
    }

    /// <summary>Runs <c>ngspice -b</c> on a deck and returns stdout + stderr.</summary>
    public static string RunDeck(string deckPath, IDictionary<string, string>? env = null, string? workingDir = null) =>
        Run(new[] { "-b", deckPath }, workingDir ?? System.IO.Path.GetDirectoryName(deckPath)!, env);

    /// <summary>Runs a deck with only a .control block (the given commands).</summary>
    public static string RunControl(string dir, params string[] commands)
    {
        var deck = System.IO.Path.Combine(dir, "control-" + Guid.NewGuid().ToString("N")[..6] + ".cir");
        File.WriteAllText(deck, "* control script\n.control\n" + string.Join("\n", commands) + "\n.endc\n.end\n");
        return RunDeck(deck);
    }

    /// <summary>Runs a netlist with <c>-r raw</c> (binary, or ascii via SPICE_ASCIIRAWFILE=1).</summary>
    public static string RunWithRaw(string netlistPath, string rawPath, bool ascii) =>
        Run(new[] { "-b", "-r", rawPath, netlistPath }, System.IO.Path.GetDirectoryName(netlistPath)!,
            ascii ? new Dictionary<string, string> { ["SPICE_ASCIIRAWFILE"] = "1" } : null);

    /// <summary>Runs ngspice with <paramref name="arguments"/> and returns stdout + stderr; at most 120 s.</summary>
    private static string Run(IEnumerable<string> arguments, string workingDir, IDictionary<string, string>? env)
    {
        var psi = new ProcessStartInfo(ExecutablePath.Value ?? throw new InvalidOperationException(SkipReason))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDir,
        };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        if (env is not null) foreach (var kv in env) psi.Environment[kv.Key] = kv.Value;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("ngspice did not finish within 120 s.");
        }
        return stdout.Result + "\n" + stderr.Result;
    }

    /// <summary>Parses <c>name = value</c> (real) from ngspice's <c>print</c> output.</summary>
    public static double PrintedReal(string output, string expression)
    {
        var m = Regex.Match(output, "^" + Regex.Escape(expression) + @"\s*=\s*(\S+)\s*$", RegexOptions.Multiline);
        Assert.True(m.Success, $"ngspice did not print '{expression}'. Output:\n{output}");
        return double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>Parses <c>name = re,im</c> from ngspice's <c>print</c> output.</summary>
    public static System.Numerics.Complex PrintedComplex(string output, string expression)
    {
        var m = Regex.Match(output, "^" + Regex.Escape(expression) + @"\s*=\s*(\S+?),\s*(\S+)\s*$", RegexOptions.Multiline);
        Assert.True(m.Success, $"ngspice did not print complex '{expression}'. Output:\n{output}");
        return new System.Numerics.Complex(double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
                                           double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
    }
}

/// <summary>A fact that is skipped (with a visible reason) when ngspice is not on PATH.</summary>
public sealed class NgspiceFactAttribute : FactAttribute
{
    public NgspiceFactAttribute()
    {
        if (!Ngspice.Available) Skip = Ngspice.SkipReason;
    }
}
