using System.Text;

namespace CircuitSim.Tools.Fuzz;

/// <summary>When the out-of-process runner interrupts a case, and with what.</summary>
public enum SignalPlan { None, Interrupt, Terminate }

/// <summary>Which command a case runs: <c>run</c> on a netlist, <c>sweep run-points</c> then <c>merge</c> on a
/// sweep directory, or <c>magnet run</c> on a problem file.</summary>
public enum FuzzCommand { Run, SweepRunPoints, MagnetRun }

/// <summary>
/// One generated input: the files of a small workspace (the netlist under <c>netlists/</c>, the model libraries under
/// <c>models/</c>, so that the examples' <c>../models/…</c> paths resolve), the netlist path and output directory given
/// to <c>circuitsim run</c> (either may be a trick such as <c>/dev/zero</c> or an empty name), and the mutations that
/// made it. Fully determined by the campaign seed and the case number.
/// </summary>
public sealed class FuzzCase
{
    public FuzzCase(int id, Seed seed)
    {
        Id = id;
        Seed = seed;
    }

    public int Id { get; }
    public Seed Seed { get; }

    /// <summary>Workspace-relative path → content.</summary>
    public Dictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>Workspace-relative netlist path, or an absolute device path (<c>/dev/zero</c>).</summary>
    public string NetlistPath { get; set; } = "";

    /// <summary>The -o argument: workspace-relative, absolute, or a trick (an empty name).</summary>
    public string OutputArgument { get; set; } = "out";

    public FuzzCommand Command { get; set; }

    public bool Plot { get; set; }
    public bool Ascii { get; set; }
    public string Format { get; set; } = "both";

    /// <summary>Out of process only: a signal sent while the run is going.</summary>
    public SignalPlan Signal { get; set; }

    /// <summary>Milliseconds after the start when <see cref="Signal"/> is sent.</summary>
    public int SignalAfterMs { get; set; }

    public List<string> Mutations { get; } = new();

    public string Describe() => $"case {Id} from {Seed.Name}: {(Mutations.Count == 0 ? "unmutated" : string.Join("; ", Mutations))}";

    /// <summary>Writes the workspace under <paramref name="directory"/> (and the victim folder a path trick must not reach).</summary>
    public void WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var (relative, bytes) in Files)
        {
            var path = Path.Combine(directory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, WithWorkspace(bytes, directory));
        }
        Directory.CreateDirectory(Path.Combine(directory, "victim"));
        File.WriteAllText(Path.Combine(directory, "victim", "existing.txt"), VictimText);
    }

    /// <summary>Stands for the workspace's absolute path in a file's content (a sweep plan names its netlist by it).</summary>
    public const string WorkspaceToken = "@WORKSPACE@";

    private static byte[] WithWorkspace(byte[] bytes, string directory)
    {
        var token = Encoding.ASCII.GetBytes(WorkspaceToken);
        if (bytes.AsSpan().IndexOf(token) < 0) return bytes;
        return Utf8(Encoding.UTF8.GetString(bytes).Replace(WorkspaceToken, Path.GetFullPath(directory), StringComparison.Ordinal));
    }

    /// <summary>The content of victim/existing.txt, which no run may change.</summary>
    public const string VictimText = "a file outside the output directory\n";

    /// <summary>The netlist path to pass, resolved against the workspace.</summary>
    public string ResolveNetlist(string workspace) => Path.IsPathRooted(NetlistPath) ? NetlistPath : Path.Combine(workspace, NetlistPath);

    /// <summary>The -o value to pass, resolved against the workspace (an empty or blank trick stays as it is).</summary>
    public string ResolveOutput(string workspace) =>
        string.IsNullOrWhiteSpace(OutputArgument) || Path.IsPathRooted(OutputArgument) ? OutputArgument : Path.Combine(workspace, OutputArgument);

    /// <summary>The command's arguments (after the program), each invocation of the case in order (a sweep case runs
    /// its points, then merges them).</summary>
    public IReadOnlyList<string[]> Invocations(string workspace) => Command switch
    {
        FuzzCommand.SweepRunPoints => new[]
        {
            new[] { "sweep", "run-points", ResolveNetlist(workspace), "-j", "1", "-q" },
            new[] { "sweep", "merge", ResolveNetlist(workspace) },
        },
        FuzzCommand.MagnetRun => new[] { new[] { "magnet", "run", ResolveNetlist(workspace), "-o", ResolveOutput(workspace), "--threads", "1" } },
        _ => new[]
        {
            new[] { "run", ResolveNetlist(workspace), "-o", ResolveOutput(workspace), "--format", Format, "-q" }
                .Concat(Plot ? new[] { "--plot" } : Array.Empty<string>()).Concat(Ascii ? new[] { "--ascii" } : Array.Empty<string>()).ToArray(),
        },
    };

    /// <summary>A shell line that reproduces the run from inside the workspace.</summary>
    public string CommandLine() =>
        string.Join(" && ", Invocations(".").Select(a => "circuitsim " + string.Join(' ', a.Select(x => $"'{x}'")))) +
        (Signal == SignalPlan.None ? "" : $"   # then {(Signal == SignalPlan.Interrupt ? "SIGINT" : "SIGTERM")} after {SignalAfterMs} ms");

    internal static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);
}
