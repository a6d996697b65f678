namespace CircuitSim.Cli.Tests;

/// <summary><c>-j N</c>: .step points run on several threads and the files are those of one thread, byte for byte.</summary>
public sealed class ParallelRunTests : IDisposable
{
    private const string SteppedRc = """
        stepped RC low-pass
        .param rval=1k
        V1 in 0 PULSE(0 1 0 1n 1n 1u 2u)
        R1 in out {rval}
        C1 out 0 1n
        .step param rval list 500 1k 2k 3k 5k 8k 13k
        .tran 10n 3u
        .meas tran vmax MAX v(out)
        .end
        """;

    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void StepPoints_OnFourThreads_WriteTheSameFilesAsOnOne()
    {
        _cli.Write("rc.cir", SteppedRc);
        var one = Path.Combine(_cli.Folder, "one");
        var four = Path.Combine(_cli.Folder, "four");

        Assert.Equal(0, _cli.Run("rc.cir", jobs: 1, outputFolder: one));
        Assert.Equal(0, _cli.Run("rc.cir", jobs: 4, outputFolder: four));

        var files = Directory.GetFiles(one).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(7, files.Count(f => f!.EndsWith(".csv", StringComparison.Ordinal))); // one CSV per .step point
        Assert.Equal(files, Directory.GetFiles(four).Select(Path.GetFileName).Order().ToList());
        foreach (var f in files)
        {
            var a = File.ReadAllBytes(Path.Combine(one, f!));
            var b = File.ReadAllBytes(Path.Combine(four, f!));
            if (f!.EndsWith(".raw", StringComparison.Ordinal)) (a, b) = (WithoutDates(a), WithoutDates(b));
            Assert.True(a.AsSpan().SequenceEqual(b), $"{f} differs between -j 1 and -j 4");
        }
    }

    /// <summary>The raw file's "Date:" header lines (the wall-clock time each plot began) blanked.</summary>
    private static byte[] WithoutDates(byte[] raw)
    {
        var text = System.Text.Encoding.Latin1.GetString(raw);
        var lines = text.Split('\n').Select(l => l.StartsWith("Date:", StringComparison.Ordinal) ? "Date:" : l);
        return System.Text.Encoding.Latin1.GetBytes(string.Join('\n', lines));
    }
}
