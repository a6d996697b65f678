using CircuitSim.Core.Circuits;
using CircuitSim.Netlist.Semantics;

namespace CircuitSim.Netlist.Tests.Parsing;

/// <summary>Reads netlist text the way the parser tests need it: as "test.cir", in one call.</summary>
internal static class Read
{
    /// <summary>The file name every netlist read from text is given (it appears in diagnostics).</summary>
    public const string FileName = "test.cir";

    public static Netlist Text(string text, DeviceRegistry? registry = null) =>
        new NetlistReader(registry).ReadText(text, FileName);

    /// <summary>The component of a netlist's circuit with that name, as the type the test expects.</summary>
    public static T Component<T>(string text, string name) where T : Component =>
        Assert.IsType<T>(Text(text).Circuit[name]);

    /// <summary>The reader's rejection of the text (fails the test when the text reads).</summary>
    public static NetlistException Failure(string text, DeviceRegistry? registry = null) =>
        Assert.Throws<NetlistException>(() => Text(text, registry));

    /// <summary>The only error of the text.</summary>
    public static NetlistDiagnostic Error(string text, DeviceRegistry? registry = null) =>
        Assert.Single(Failure(text, registry).Errors);

    /// <summary>The diagnostic as shown to a user (message, location and caret line), with '\n' line ends.</summary>
    public static string Shown(this NetlistDiagnostic diagnostic) => diagnostic.Format().ReplaceLineEndings("\n");
}

/// <summary>A temporary folder for netlists that include other files; deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "circuitsim-parsing-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Writes a file (sub-folders are created) and returns its full path.</summary>
    public string Write(string relativePath, string text)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>Equality of numbers read from text, up to the last bits (10u is read as 10·1e-6, not as 1e-5).</summary>
internal static class Near
{
    private sealed class Relative : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => a == b || Math.Abs(a - b) <= 1e-12 * Math.Max(Math.Abs(a), Math.Abs(b));
        public int GetHashCode(double d) => 0;
    }

    public static void Equal(IEnumerable<double> expected, IEnumerable<double> actual) =>
        Assert.Equal(expected, actual, new Relative());

    public static void Equal(double expected, double actual) => Equal(new[] { expected }, new[] { actual });
}
