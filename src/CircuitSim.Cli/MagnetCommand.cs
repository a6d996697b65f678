using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CircuitSim.Magnetics;
using CircuitSim.Magnetics.Micromagnetics;
using CircuitSim.Micromagnetics.Problems;
using Spectre.Console;

namespace CircuitSim.Cli;

/// <summary>
/// <c>circuitsim magnet sp4|sp5|run</c>: the thin-film micromagnetic engine without a circuit — the μMAG standard
/// problems 4 and 5 with any field, current, ξ, cell size and end time, and general problems from a YAML file
/// (docs/micromagnetics.md). Writes ⟨m⟩(t) as CSV, texture images and OVF dumps; progress goes to stderr.
/// </summary>
public static class MagnetCommand
{
    public static Command Create(IAnsiConsole stdout, IAnsiConsole stderr)
    {
        var command = new Command("magnet", "Thin-film micromagnetics: the μMAG standard problems 4 and 5, and problems from a YAML file.");
        command.Subcommands.Add(Sp4(stdout, stderr));
        command.Subcommands.Add(Sp5(stdout, stderr));
        command.Subcommands.Add(RunFile(stdout, stderr));
        return command;
    }

    private static Option<string> Output(string fallback) => new("--output", "-o") { Description = "Directory for the table, images and OVF files.", DefaultValueFactory = _ => fallback };

    private static Option<int> Threads() => new("--threads") { Description = "Threads for the field evaluation (default: one per core, at most 8).", DefaultValueFactory = _ => 0 };

    private static Command Sp4(IAnsiConsole stdout, IAnsiConsole stderr)
    {
        var field = new Option<string>("--field") { Description = "Applied field μ0H as mx,my[,mz] in mT (default: field 1, -24.6,4.3,0).", DefaultValueFactory = _ => "-24.6,4.3,0" };
        var cell = new Option<string>("--cell") { Description = "Cell size (default 3.90625 nm: 128 × 32 cells); a bare number is in nm.", DefaultValueFactory = _ => "3.90625" };
        var end = new Option<string>("--end") { Description = "End time of the run; a bare number is in ns.", DefaultValueFactory = _ => "1" };
        var sample = new Option<string>("--sample") { Description = "Table interval; a bare number is in ps.", DefaultValueFactory = _ => "10" };
        var output = Output("sp4");
        var threads = Threads();
        var c = new Command("sp4", "μMAG standard problem 4: relax the S-state of a 500 × 125 × 3 nm permalloy film, then switch it with a field.") { field, cell, end, sample, output, threads };
        c.SetAction(p => Guard(stderr, () =>
        {
            Vec3 b = ParseField(p.GetValue(field)!);
            double dx = Quantity.Parse(p.GetValue(cell)!, "m", 1e-9, "--cell");
            double tEnd = Quantity.Parse(p.GetValue(end)!, "s", 1e-9, "--end");
            double dt = Quantity.Parse(p.GetValue(sample)!, "s", 1e-12, "--sample");
            Check(dx > 0 && dx <= 125e-9, "--cell must be between 0 and 125 nm");
            Check(tEnd > 0 && dt > 0, "--end and --sample must be positive");
            CheckSize(Math.Max(1, Math.Round(StandardProblem4.Length / dx)), Math.Max(1, Math.Round(StandardProblem4.Width / dx)), tEnd, dt, p.GetValue(threads));
            var problem = StandardProblemRuns.Sp4Problem(dx, b, tEnd, dt);
            string folder = OutputFolder.Prepare(p.GetValue(output)!);
            var g = problem.Grid;
            stdout.MarkupLine(Markup.Escape(Invariant($"SP4: {g.Nx} × {g.Ny} cells of {g.Dx * 1e9:0.###} × {g.Dy * 1e9:0.###} × {g.Thickness * 1e9:0.###} nm, μ0H = ({b.X * 1e3:0.###}, {b.Y * 1e3:0.###}, {b.Z * 1e3:0.###}) mT, until {tEnd * 1e9:0.###} ns")));
            using var interruption = Interruption.Listen(Console.Error, "stopping after the present step");
            var r = StandardProblemRuns.RunSp4(problem, folder, p.GetValue(threads), Progress(stderr, "sp4"), interruption.Token);
            if (r.Run.Interrupted) return Interrupted(stdout, stderr, r.Run, interruption);
            stdout.MarkupLine(Markup.Escape(Invariant($"relaxed S-state ⟨m⟩ = {Format(r.Relaxed)}")));
            if (r.Crossing is { } x)
            {
                stdout.MarkupLine(Markup.Escape(Invariant($"first zero crossing of ⟨mx⟩: t = {x.Time * 1e9:0.#####} ns, ⟨my⟩ = {x.M.Y:0.####}, ⟨mz⟩ = {x.M.Z:0.####}")));
                if (IsField1(b))
                    stdout.MarkupLine(Markup.Escape(Invariant($"  OOMMF (2.5 nm cells): t = 0.1385 ns, ⟨my⟩ = 0.732, ⟨mz⟩ = -0.132; difference {(x.Time - PublishedResults.Sp4CrossingTime) * 1e12:+0.00;-0.00} ps")));
            }
            else stdout.MarkupLine("⟨mx⟩ did not cross zero");
            stdout.MarkupLine(Markup.Escape(Invariant($"⟨m⟩({r.Run.Time * 1e9:0.###} ns) = {Format(r.Final)}")));
            if (IsField1(b) && Math.Abs(tEnd - 1e-9) < 1e-15)
                stdout.MarkupLine(Markup.Escape(Invariant($"  mumax3 (128 × 32): {Format(PublishedResults.Sp4AtOneNanosecond)}; largest difference {MaxDifference(r.Final, PublishedResults.Sp4AtOneNanosecond):0.#####}")));
            Footer(stdout, r.Run);
            return ExitCodes.Success;
        }));
        return c;
    }

    private static Command Sp5(IAnsiConsole stdout, IAnsiConsole stderr)
    {
        var xi = new Option<double>("--xi") { Description = "Non-adiabaticity ξ (default 0.05).", DefaultValueFactory = _ => 0.05 };
        var current = new Option<string>("--current") { Description = "Current density along x in A/m² (default 1e12).", DefaultValueFactory = _ => "1e12" };
        var cell = new Option<string>("--cell") { Description = "Cell size (default 3.125 nm: 32 × 32 cells); a bare number is in nm.", DefaultValueFactory = _ => "3.125" };
        var end = new Option<string>("--end") { Description = "End time of the run; a bare number is in ns.", DefaultValueFactory = _ => "1" };
        var sample = new Option<string>("--sample") { Description = "Table interval; a bare number is in ps.", DefaultValueFactory = _ => "10" };
        var output = Output("sp5");
        var threads = Threads();
        var c = new Command("sp5", "μMAG standard problem 5: a relaxed vortex in a 100 × 100 × 10 nm permalloy square driven by an in-plane current (Zhang–Li).") { xi, current, cell, end, sample, output, threads };
        c.SetAction(p => Guard(stderr, () =>
        {
            double j = Quantity.Parse(p.GetValue(current)!, "A/m2", 1, "--current");
            double dx = Quantity.Parse(p.GetValue(cell)!, "m", 1e-9, "--cell");
            double tEnd = Quantity.Parse(p.GetValue(end)!, "s", 1e-9, "--end");
            double dt = Quantity.Parse(p.GetValue(sample)!, "s", 1e-12, "--sample");
            double x = p.GetValue(xi);
            Check(dx > 0 && dx <= 50e-9, "--cell must be between 0 and 50 nm");
            Check(tEnd > 0 && dt > 0, "--end and --sample must be positive");
            Check(double.IsFinite(x) && double.IsFinite(j), "--xi and --current must be finite numbers");
            double side = Math.Max(2, Math.Round(StandardProblem5.Side / dx));
            CheckSize(side, side, tEnd, dt, p.GetValue(threads));
            int n = (int)side;
            var problem = StandardProblemRuns.Sp5Problem(n, x, j, tEnd, dt);
            string folder = OutputFolder.Prepare(p.GetValue(output)!);
            stdout.MarkupLine(Markup.Escape(Invariant($"SP5: {n} × {n} cells of {100.0 / n:0.###} nm, one 10 nm layer; J = {j:G4} A/m² along x, ξ = {x:G4}, until {tEnd * 1e9:0.###} ns")));
            using var interruption = Interruption.Listen(Console.Error, "stopping after the present step");
            var r = StandardProblemRuns.RunSp5(problem, folder, p.GetValue(threads), Progress(stderr, "sp5"), interruption.Token);
            if (r.Run.Interrupted) return Interrupted(stdout, stderr, r.Run, interruption);
            stdout.MarkupLine(Markup.Escape(Invariant($"relaxed vortex ⟨m⟩ = {Format(r.Relaxed)}, core at ({r.RelaxedCore.X * 1e9:0.##}, {r.RelaxedCore.Y * 1e9:0.##}) nm from the centre")));
            stdout.MarkupLine(Markup.Escape(Invariant($"⟨m⟩({r.Run.Time * 1e9:0.###} ns) = {Format(r.Final)}, core at ({r.FinalCore.X * 1e9:0.##}, {r.FinalCore.Y * 1e9:0.##}) nm")));
            if (Math.Abs(x - 0.05) < 1e-12 && Math.Abs(j - 1e12) < 1 && Math.Abs(tEnd - 1e-9) < 1e-15)
                stdout.MarkupLine(Markup.Escape(Invariant($"  mumax3 (32 × 32 × 4): {Format(PublishedResults.Sp5AtOneNanosecond)}; largest difference {MaxDifference(r.Final, PublishedResults.Sp5AtOneNanosecond):0.#####}")));
            Footer(stdout, r.Run);
            return ExitCodes.Success;
        }));
        return c;
    }

    private static Command RunFile(IAnsiConsole stdout, IAnsiConsole stderr)
    {
        var file = new Argument<FileInfo>("problem") { Description = "The problem file (YAML, see docs/micromagnetics.md)." };
        var output = Output("magnet");
        var threads = Threads();
        var c = new Command("run", "Run a thin-film problem file: geometry, material, fields, current, stages and outputs.") { file, output, threads };
        c.SetAction(p => Guard(stderr, () =>
        {
            var path = p.GetValue(file)!.FullName;
            var problem = ProblemReader.ReadFile(path);
            CheckThreads(p.GetValue(threads));
            var folder = OutputFolder.Prepare(p.GetValue(output)!);
            var g = problem.Grid;
            stdout.MarkupLine(Markup.Escape(Invariant($"{Path.GetFileName(path)}: {g.Nx} × {g.Ny} cells of {g.Dx * 1e9:0.###} × {g.Dy * 1e9:0.###} × {g.Thickness * 1e9:0.###} nm, {problem.Stages.Count} stage(s)")));
            using var interruption = Interruption.Listen(Console.Error, "stopping after the present step");
            var runner = new ProblemRunner(problem, folder)
            {
                Threads = p.GetValue(threads), Progress = Progress(stderr, Path.GetFileNameWithoutExtension(path)), Cancellation = interruption.Token,
            };
            var summary = runner.Run();
            if (summary.Interrupted) return Interrupted(stdout, stderr, summary, interruption);
            foreach (var r in summary.Relaxations)
                stdout.MarkupLine(Markup.Escape(Invariant($"relaxed: max |m × H| = {r.MaxTorque:G3} A/m after {r.Evaluations} field evaluations")));
            stdout.MarkupLine(Markup.Escape(Invariant($"⟨m⟩({summary.Time * 1e9:0.###} ns) = {Format(summary.FinalMagnetization)}")));
            Footer(stdout, summary);
            return ExitCodes.Success;
        }));
        return c;
    }

    /// <summary>Progress lines on stderr, at most one every two seconds (and the first at once).</summary>
    private static Action<ProgressInfo> Progress(IAnsiConsole stderr, string name)
    {
        var clock = Stopwatch.StartNew();
        double last = double.NegativeInfinity;
        return info =>
        {
            if (clock.Elapsed.TotalSeconds - last < 2) return;
            last = clock.Elapsed.TotalSeconds;
            string detail = info.Description == "relax"
                ? Invariant($"relaxing, max |m × H| = {info.MaxTorque:G3} A/m")
                : Invariant($"t = {info.Time * 1e9:0.000} ns, {info.Fraction * 100:0} % of the run");
            stderr.MarkupLine(Markup.Escape(Invariant($"{name}: stage {info.Stage}/{info.StageCount} {detail}, {info.Elapsed:0} s")));
        };
    }

    /// <summary>Most threads of <c>--threads</c>: more than any machine's cores, fewer than would exhaust memory with
    /// their stacks.</summary>
    private const int MaxThreads = 256;

    private static void CheckThreads(int threads) => Check(threads is >= 0 and <= MaxThreads, $"--threads must be between 0 (one per core) and {MaxThreads}, not {threads}");

    /// <summary>The size checks of sp4 and sp5, made before the film is built.</summary>
    private static void CheckSize(double nx, double ny, double end, double sample, int threads)
    {
        CheckThreads(threads);
        if (ProblemLimits.MeshRefusal(nx, ny) is { } mesh) throw new ProblemException($"--cell: {mesh}");
        if (ProblemLimits.SampleRefusal(end, sample) is { } rows) throw new ProblemException($"--end and --sample: {rows}");
    }

    /// <summary>A run stopped by SIGINT/SIGTERM: the table up to the last whole step and the final state are written;
    /// says where it stopped and exits 130 or 143.</summary>
    private static int Interrupted(IAnsiConsole stdout, IAnsiConsole stderr, RunSummary run, Interruption interruption)
    {
        Footer(stdout, run);
        RunCommand.Line(stderr, Color.Yellow, Invariant($"interrupted at t = {run.Time * 1e9:0.######} ns in {run.InterruptedIn}; the table and the files above hold the run up to there."));
        return Interruption.ExitCode(interruption.Signal);
    }

    private static void Footer(IAnsiConsole stdout, RunSummary run)
    {
        stdout.MarkupLine(Markup.Escape(Invariant($"{run.Evaluations} field evaluations in {run.WallSeconds:0.0} s")));
        foreach (var f in run.Files) stdout.MarkupLine($"wrote [blue]{Markup.Escape(f)}[/]");
    }

    private static Vec3 ParseField(string text)
    {
        var parts = text.Split(',');
        Check(parts.Length is 2 or 3, $"--field: expected mx,my or mx,my,mz in mT, got '{text}'");
        var v = parts.Select(s => Quantity.Parse(s, "T", 1e-3, "--field")).ToArray();
        return new Vec3(v[0], v[1], v.Length > 2 ? v[2] : 0);
    }

    private static bool IsField1(Vec3 b) => (b - new Vec3(-24.6e-3, 4.3e-3, 0)).Norm < 1e-9;

    private static double MaxDifference(Vec3 a, Vec3 b) => Math.Max(Math.Abs(a.X - b.X), Math.Max(Math.Abs(a.Y - b.Y), Math.Abs(a.Z - b.Z)));

    private static string Format(Vec3 v) => Invariant($"({v.X:0.0000}, {v.Y:0.0000}, {v.Z:0.0000})");

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static void Check(bool ok, string message)
    {
        if (!ok) throw new ProblemException(message);
    }

    /// <summary>Exit 2 for a bad problem, option or output directory (checked before computing), 1 for a run that
    /// failed or could not write its files while it ran.</summary>
    private static int Guard(IAnsiConsole stderr, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is ProblemException or OutputFolderException)
        {
            RunCommand.Line(stderr, Color.Red, e.Message);
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            RunCommand.Line(stderr, Color.Red, $"cannot write the output: {e.Message}; the files written before are kept");
            return ExitCodes.SimulationFailed;
        }
        catch (InvalidOperationException e)
        {
            RunCommand.Line(stderr, Color.Red, $"{e.Message} (the table written so far is kept)");
            return ExitCodes.SimulationFailed;
        }
    }
}
