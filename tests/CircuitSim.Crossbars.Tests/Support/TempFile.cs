namespace CircuitSim.Crossbars.Tests.Support;

/// <summary>A file with the given text in a fresh temporary folder, removed on dispose.</summary>
internal sealed class TempFile : IDisposable
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "circuitsim-crossbar-" + Guid.NewGuid().ToString("N"));

    public TempFile(string text, string name = "matrix.csv")
    {
        Directory.CreateDirectory(_folder);
        Path = System.IO.Path.Combine(_folder, name);
        File.WriteAllText(Path, text);
    }

    public string Path { get; }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}
