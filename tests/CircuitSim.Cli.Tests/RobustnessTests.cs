using CircuitSim.Cli.Tests.Support;

namespace CircuitSim.Cli.Tests;

/// <summary>
/// Issue 13: every way a run used to crash, lose its result or write where the user did not say, run through the CLI.
/// Each ends in a one-line message and a documented exit code: 2 for bad input or invocation (checked before anything
/// is simulated), 1 for a failure during the run, 3 for an internal error.
/// </summary>
public sealed class RobustnessTests : IDisposable
{
    private const string Rc = "rc\nV1 in 0 PULSE(0 1 0 1n 1n 1u 2u)\nR1 in out 1k\nC1 out 0 100p\n.tran 10n 3u\n.end\n";

    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    private int RunIn(string netlist, string output, bool deviceFilesAnywhere = false) =>
        RunCommand.Execute(new FileInfo(Path.Combine(_cli.Folder, netlist)), output, "both", plot: false, quiet: true, ascii: false,
            CliRun.Console(new StringWriter()), CliRun.Console(_cli.ErrorWriter), deviceFilesAnywhere: deviceFilesAnywhere);

    private static int Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;

    // ---- defect 3: unbounded reads ----

    [Theory]
    [InlineData("/dev/zero", "character device")]
    [InlineData("/dev/urandom", "character device")]
    [InlineData("/proc/self/status", "kernel pseudo-file")]
    public void NetlistThat_IsNotARegularFileIsRefusedWithExit2(string path, string kind)
    {
        var code = RunCommand.Execute(new FileInfo(path), _cli.OutputFolder, "both", false, true, false,
            CliRun.Console(new StringWriter()), CliRun.Console(_cli.ErrorWriter));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(kind, _cli.Stderr);
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/full")]
    [InlineData("/proc/self/mem")]
    public void IncludeOfADeviceOrKernelFile_IsAnErrorNotAnEndlessRead(string path)
    {
        _cli.Write("inc.cir", $"t\n.include {path}\nR1 a 0 1k\n.op\n.end\n");

        Assert.Equal(ExitCodes.BadInput, _cli.Run("inc.cir"));
        Assert.Contains("not a regular file", _cli.Stderr);
    }

    [Fact]
    public void IncludeOfEtcPasswd_QuotesAtMostOneOfItsLines()
    {
        _cli.Write("pw.cir", "t\n.include /etc/passwd\nR1 a 0 1k\n.op\n.end\n");

        Assert.Equal(ExitCodes.BadInput, _cli.Run("pw.cir"));
        var quoted = File.ReadAllLines("/etc/passwd").Where(l => l.Length > 0).Count(l => _cli.Stderr.Contains(l));
        Assert.InRange(quoted, 0, 1);
        Assert.Contains("more errors in this included file", _cli.Stderr);
    }

    // ---- defect 5: output errors, checked before simulating ----

    [Theory]
    [InlineData("")]
    [InlineData("/dev/null")]
    [InlineData("/proc/nope/out")]
    [InlineData("file")]
    public void UnusableOutputDirectory_IsRefusedBeforeSimulatingWithOneLine(string output)
    {
        _cli.Write("rc.cir", Rc);
        _cli.Write("file", "a file");
        if (output == "file") output = Path.Combine(_cli.Folder, "file");

        var code = RunIn("rc.cir", output);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal(1, Lines(_cli.Stderr));
        Assert.Contains("nothing was simulated", _cli.Stderr);
    }

    [Fact]
    public void Netlist_NameTooLongForItsOutputFilesIsRefusedBeforeSimulating()
    {
        var name = new string('n', 240) + ".cir";
        _cli.Write(name, Rc);

        Assert.Equal(ExitCodes.BadInput, RunIn(name, _cli.OutputFolder));
        Assert.Contains("too long", _cli.Stderr);
    }

    // ---- defect 7: device outputs stay inside the output directory ----

    private const string Film = """
        film
        .lib "models/film_ptcofe_maze.lib" coarse
        V1 a 0 DC 0.05
        YFILM f1 a 0 ptcofe32 state=up {0}
        .tran 0.1n 0.2n
        .end
        """;

    private void WriteFilm(string options)
    {
        var models = Path.Combine(_cli.Folder, "models");
        Directory.CreateDirectory(models);
        File.Copy(Path.Combine(RepositoryRoot(), "models", "film_ptcofe_maze.lib"), Path.Combine(models, "film_ptcofe_maze.lib"), overwrite: true);
        _cli.Write("film.cir", Film.Replace("{0}", options));
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CircuitSim.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("repository root");
    }

    [Fact]
    public void FilmSaveOutsideTheOutputDirectory_IsRefusedAndTheFileIsUntouched()
    {
        var victim = Path.Combine(_cli.Folder, "victim");
        Directory.CreateDirectory(victim);
        File.WriteAllText(Path.Combine(victim, "existing.txt"), "keep me");
        WriteFilm("save=../victim/existing.txt");

        Assert.Equal(ExitCodes.BadInput, RunIn("film.cir", _cli.OutputFolder));
        Assert.Contains("outside the output directory", _cli.Stderr);
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(victim, "existing.txt")));
    }

    [Fact]
    public void FilmSnapdirOutsideTheOutputDirectory_CreatesNoFolder()
    {
        WriteFilm("snapshots=\"0\" snapdir=../x");

        Assert.Equal(ExitCodes.BadInput, RunIn("film.cir", _cli.OutputFolder));
        Assert.False(Directory.Exists(Path.Combine(_cli.Folder, "x")));
    }

    [Fact]
    public void FilmSnapdirWithA300Character_NameIsRefusedBeforeSimulating()
    {
        WriteFilm($"snapshots=\"0\" snapdir={new string('s', 300)}");

        Assert.Equal(ExitCodes.BadInput, RunIn("film.cir", _cli.OutputFolder));
        Assert.Contains("longer than 250 bytes", _cli.Stderr);
    }

    [Fact]
    public void FilmSaveToAKernelPath_IsRefusedAndWithPermissionFailsTheRunWithExit1()
    {
        WriteFilm("save=/proc/nope/x");

        Assert.Equal(ExitCodes.BadInput, RunIn("film.cir", _cli.OutputFolder));
        Assert.Equal(ExitCodes.SimulationFailed, RunIn("film.cir", _cli.OutputFolder, deviceFilesAnywhere: true));
        Assert.Contains("cannot write the texture", _cli.Stderr);
    }

    [Fact]
    public void FilmSnapshotsAndSavedTexture_GoIntoTheOutputDirectoryByDefault()
    {
        WriteFilm("snapshots=\"0\" save=trained.texture");

        Assert.Equal(ExitCodes.Success, RunIn("film.cir", _cli.OutputFolder));
        Assert.True(File.Exists(Path.Combine(_cli.OutputFolder, "f1_t0.png")));
        Assert.True(File.Exists(Path.Combine(_cli.OutputFolder, "trained.texture")));
    }

    // ---- defect 8: runs that never end ----

    [Theory]
    [InlineData("1k")]
    [InlineData("-1e308")]
    public void FilmDrivenBeyondAnyMaterial_FailsAtOnceNamingDeviceTimeAndCurrentDensity(string volts)
    {
        WriteFilm("");
        _cli.Write("film.cir", File.ReadAllText(Path.Combine(_cli.Folder, "film.cir")).Replace("DC 0.05", "DC " + volts));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var code = RunIn("film.cir", _cli.OutputFolder);

        Assert.Equal(ExitCodes.SimulationFailed, code);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"{clock.Elapsed.TotalSeconds:F0} s");
        Assert.Contains("f1: film: the rms current density", _cli.Stderr);
        Assert.Contains("at t = 0 s", _cli.Stderr);
    }

    // ---- defect 9: exit codes and frictions ----

    [Theory]
    [InlineData("")]
    [InlineData("\r\r\r")]
    [InlineData("title only\n")]
    public void NetlistWithoutAnAnalysis_Exits2(string text)
    {
        _cli.Write("empty.cir", text);

        Assert.Equal(ExitCodes.BadInput, _cli.Run("empty.cir"));
        Assert.Contains("no analysis", _cli.Stderr);
    }

    /// <summary>Found by the fuzz campaign (seed 7, case 504): an analysis of a netlist without elements threw from the
    /// sparse matrix setup.</summary>
    [Fact]
    public void AnalysisOfANetlistWithoutElements_Exits2()
    {
        _cli.Write("bare.cir", "bare\n.tran 1n 1n\n.end\n");

        Assert.Equal(ExitCodes.BadInput, _cli.Run("bare.cir"));
        Assert.Contains("nothing to simulate", _cli.Stderr);
    }

    /// <summary>Found by the fuzz campaign (seed 13, case 4661): a span whose steps underflow to zero stepped by
    /// zero forever and did not stop on an interrupt.</summary>
    [Theory]
    [InlineData(".tran 5p 5e-324")]
    [InlineData(".tran 1e-320 1e-310")]
    public void TransientWhose_StepsUnderflowExits2AtOnce(string tran)
    {
        _cli.Write("tiny.cir", $"tiny\nV1 in 0 1\nR1 in out 1k\nC1 out 0 1p\n{tran}\n.end\n");

        Assert.Equal(ExitCodes.BadInput, _cli.Run("tiny.cir", quiet: true));
        Assert.Contains("too small to step with", _cli.Stderr);
    }

    [Fact]
    public void PwlWithANaNCornerTime_Exits2AtTheSourceLine()
    {
        // fuzz seed 21, case 1336: '510.2n' became {0/0}; the NaN passed the ordering check and the source's value
        // lookup indexed before the array (exit 3)
        _cli.Write("pwl.cir", "pwl\nV1 in 0 PWL(0 1.2 510n 1.2 {0/0} 0)\nR1 in 0 1k\n.tran 1n 2u\n.end\n");

        Assert.Equal(ExitCodes.BadInput, _cli.Run("pwl.cir", quiet: true));
        Assert.Contains("pwl.cir:2:", _cli.Stderr);
        Assert.Contains("PWL times must be finite", _cli.Stderr);
    }

    [Theory]
    [InlineData("C1 a 0 1e999")]
    [InlineData("C1 a 0 {1/0}")]
    [InlineData("R2 a b {0/0}")]
    public void InfiniteOrNaNElementValue_Exits2InsteadOfSteppingForever(string element)
    {
        // fuzz seed 25, case 133: a capacitance of 1e999 (infinite) made the transient loop, deaf to SIGTERM; run out
        // of process so that the old behaviour fails the test by its timeout instead of hanging the test host
        _cli.Write("inf.cir", $"inf\nV1 in 0 PULSE(0 1 0 1n 1n 1u 2u)\nR1 in a 1k\n{element}\nR3 a b 1k\nC2 b 0 1p\n.tran 10n 5u\n.end\n");

        var (code, _, stderr) = CliProcess.Run(_cli.Folder, null, 60, "run", "inf.cir", "-o", "out", "-q");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("inf.cir:4:", stderr);
        Assert.Contains("must be a finite number", stderr);
    }

    [Fact]
    public void InfiniteMeasurement_IsWrittenAsNullWithTheReasonInTheJson()
    {
        // fuzz seed 26, case 959: a .meas of 1e308 × 10 made the JSON writer throw (exit 3)
        _cli.Write("big.cir", "big\nV1 a 0 1\nR1 a 0 1k\n.tran 1n 10n\n.meas tran big param='1e308*10'\n.end\n");

        Assert.Equal(ExitCodes.Success, _cli.Run("big.cir", quiet: true));
        var json = File.ReadAllText(_cli.Output("big.meas.json"));
        Assert.Contains("\"value\": null", json);
        Assert.Contains("is not a finite number", json);
    }

    [Fact]
    public void LinearCircuitDrivenByMinus1e308_FailsItsStepInsteadOfSteppingForever()
    {
        // fuzz seed 26, cases 460, 523, 759: the linear-circuit shortcut took a non-finite first solution as converged,
        // and the step was cut forever without a check of SIGTERM; out of process, so the old behaviour is a timeout
        _cli.Write("huge.cir", "huge\nVIN in 0 PULSE(-1e308 1 200u 100n 100n 1 2)\nR1 in a 10\nL1 a cap 1u\nC1 cap 0 1n\n.tran 1n 10u\n.end\n");

        var (code, _, stderr) = CliProcess.Run(_cli.Folder, null, 60, "run", "huge.cir", "-o", "out", "-q");

        Assert.Equal(ExitCodes.SimulationFailed, code);
        Assert.Contains("time step too small", stderr);
    }

    [Fact]
    public void DevNullAsTheNetlist_Exits2()
    {
        var code = RunCommand.Execute(new FileInfo("/dev/null"), _cli.OutputFolder, "both", false, true, false,
            CliRun.Console(new StringWriter()), CliRun.Console(_cli.ErrorWriter));

        Assert.Equal(ExitCodes.BadInput, code);
    }

    [Fact]
    public void ErrorInA100000CharacterLine_QuotesOnlyTheTextAroundTheColumn()
    {
        _cli.Write("long.cir", "t\nR1 a 0 " + new string('1', 50_000) + "q " + new string('2', 50_000) + "\n.op\n.end\n");

        Assert.Equal(ExitCodes.BadInput, _cli.Run("long.cir"));
        // the file name, the message with the offending token cut to 60 characters, and 160 characters of the line
        Assert.All(_cli.Stderr.Split('\n'), l => Assert.True(l.Length < 300, $"a line of {l.Length} characters"));
    }

    [Fact]
    public void SecondNetlistOfTheSame_NameReplacesTheFirstRunsOutputsAsASet()
    {
        Directory.CreateDirectory(Path.Combine(_cli.Folder, "a"));
        Directory.CreateDirectory(Path.Combine(_cli.Folder, "b"));
        _cli.Write("a/x.cir", Rc);
        _cli.Write("b/x.cir", "dc\nV1 in 0 1\nR1 in 0 1k\n.dc v1 0 1 0.5\n.end\n");

        Assert.Equal(ExitCodes.Success, RunIn("a/x.cir", _cli.OutputFolder));
        Assert.True(File.Exists(_cli.Output("x.tran.csv")));
        Assert.Equal(ExitCodes.Success, RunIn("b/x.cir", _cli.OutputFolder));

        Assert.True(File.Exists(_cli.Output("x.dc.csv")));
        Assert.False(File.Exists(_cli.Output("x.tran.csv")));
    }

    [Fact]
    public void Second_RunOfTheSameNameIntoAFolderInUseIsRefused()
    {
        _cli.Write("x.cir", Rc);
        using var other = OutputFolder.Open(_cli.OutputFolder, "x"); // another run holding the folder's lock for x

        Assert.Equal(ExitCodes.BadInput, RunIn("x.cir", _cli.OutputFolder));
        Assert.Contains("another run is writing 'x' outputs", _cli.Stderr);
    }

    [Fact]
    public void InternalError_PrintsOneLinePointingToDebugAndExits3()
    {
        _cli.Write("rc.cir", Rc);
        var environment = new Dictionary<string, string> { ["CIRCUITSIM_INJECT_FAULT"] = "internal-error" };

        var (code, _, stderr) = CliProcess.Run(_cli.Folder, environment, 120, "run", "rc.cir", "-o", "out");

        Assert.Equal(ExitCodes.InternalError, code);
        Assert.Equal(1, Lines(stderr));
        Assert.Contains("--debug", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void Debug_ShowsTheStackTraceOfAnInternalError()
    {
        _cli.Write("rc.cir", Rc);
        var environment = new Dictionary<string, string> { ["CIRCUITSIM_INJECT_FAULT"] = "internal-error" };

        var (code, _, stderr) = CliProcess.Run(_cli.Folder, environment, 120, "run", "rc.cir", "-o", "out", "--debug");

        Assert.Equal(ExitCodes.InternalError, code);
        Assert.Contains("   at ", stderr);
    }
}
