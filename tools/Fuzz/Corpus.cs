namespace CircuitSim.Tools.Fuzz;

/// <summary>A netlist the campaign mutates, with the files it needs beside it.</summary>
public sealed record Seed(string Name, string Path, string Group)
{
    /// <summary>Libraries the seed reads from models/ (file names), found in its .lib/.include lines.</summary>
    public IReadOnlyList<string> Libraries { get; init; } = Array.Empty<string>();

    public override string ToString() => Name;
}

/// <summary>
/// The seeds: the ngspice reference netlists and benchmarks (<c>tests/references</c>), the examples (<c>netlists/</c>)
/// and, through the examples that read them, the model libraries (<c>models/</c>).
/// </summary>
public sealed class Corpus
{
    private Corpus(string root, List<Seed> seeds, List<string> libraries, List<string> companions)
    {
        Root = root;
        Seeds = seeds;
        Libraries = libraries;
        Companions = companions;
    }

    /// <summary>The repository root.</summary>
    public string Root { get; }

    public IReadOnlyList<Seed> Seeds { get; }

    /// <summary>Full paths of models/*.lib.</summary>
    public IReadOnlyList<string> Libraries { get; }

    /// <summary>Data files next to the examples (e.g. a weights CSV) copied into every case.</summary>
    public IReadOnlyList<string> Companions { get; }

    /// <summary>Loads the corpus under <paramref name="root"/> (default: the repository containing this program).</summary>
    public static Corpus Load(string? root = null)
    {
        root ??= FindRoot(AppContext.BaseDirectory) ?? FindRoot(Directory.GetCurrentDirectory())
            ?? throw new DirectoryNotFoundException("cannot find the repository root (CircuitSim.sln); pass --root");
        var seeds = new List<Seed>();
        var libraries = Directory.GetFiles(System.IO.Path.Combine(root, "models"), "*.lib").OrderBy(f => f, StringComparer.Ordinal).ToList();
        void Add(string dir, string group)
        {
            if (!Directory.Exists(dir)) return;
            foreach (var f in Directory.GetFiles(dir, "*.cir").OrderBy(f => f, StringComparer.Ordinal))
            {
                var text = File.ReadAllText(f);
                var libs = libraries.Select(System.IO.Path.GetFileName).OfType<string>().Where(l => text.Contains(l, StringComparison.Ordinal)).ToList();
                seeds.Add(new Seed(group + "/" + System.IO.Path.GetFileNameWithoutExtension(f), f, group) { Libraries = libs });
            }
        }
        Add(System.IO.Path.Combine(root, "tests", "references", "ngspice"), "ngspice");
        Add(System.IO.Path.Combine(root, "tests", "references", "bench"), "bench");
        Add(System.IO.Path.Combine(root, "netlists"), "netlists");
        var companions = Directory.GetFiles(System.IO.Path.Combine(root, "netlists")).Where(f => !f.EndsWith(".cir", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal).ToList();
        return new Corpus(root, seeds, libraries, companions);
    }

    private static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "CircuitSim.sln"))) return dir.FullName;
        return null;
    }
}
