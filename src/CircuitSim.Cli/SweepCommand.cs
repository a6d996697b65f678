using System.CommandLine;
using System.Globalization;
using CircuitSim.Netlist;
using CircuitSim.Netlist.Semantics;
using CircuitSim.Output;
using CircuitSim.Sweeps;
using CircuitSim.Sweeps.Clusters;
using Spectre.Console;

namespace CircuitSim.Cli;

/// <summary>
/// <c>circuitsim sweep</c>: Monte Carlo runs, <c>.step</c> values and <c>.temp</c> lists as a plan of independent
/// points, run on all local cores, as Slurm job arrays, or as slices for any other engine, and merged into one table
/// (docs/sweeps.md).
/// </summary>
public static class SweepCommand
{
    public static Command Create(IAnsiConsole stdout, IAnsiConsole stderr)
    {
        var netlist = new Argument<FileInfo?>("netlist") { Description = "The netlist (its .step, .temp and statistical functions make the points).", Arity = ArgumentArity.ZeroOrOne };
        var plan = new PlanOptions();
        var output = new Option<string>("--output", "-o") { Description = "The sweep directory (plan, point results, merged tables, charts).", DefaultValueFactory = _ => "sweep" };
        var jobs = JobsOption();
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only the summary, warnings and errors." };
        var command = new Command("sweep", "Run a sweep or Monte Carlo on all local cores (plan, run, merge); the subcommands split the steps and run them on clusters.")
        {
            netlist, output, jobs, quiet,
        };
        plan.AddTo(command);
        command.SetAction(p => Guard(stderr, () =>
        {
            if (p.GetValue(netlist) is not { } file)
            {
                stderr.MarkupLine("[red]circuitsim sweep needs a netlist[/] (or a subcommand: plan, run-points, merge, submit, status, resume, k8s-manifest)");
                return ExitCodes.BadInput;
            }
            var dir = new SweepDirectory(OutputFolder.Prepare(p.GetValue(output)!));
            if (MakePlan(file, dir, plan.Request(p), force: true, stdout, stderr, p.GetValue(quiet)) is not { } made) return ExitCodes.BadInput;
            using var interruption = Interruption.Listen(Console.Error, StoppingPoints);
            var all = made.Plan.Points.Select(x => x.Index).ToList();
            var abandoned = RunPoints(dir, made.Plan, made.Netlist, all, p.GetValue(jobs), "local", stdout, p.GetValue(quiet), interruption.Token);
            if (Cut(dir, all, abandoned, interruption)) return Interrupted(dir, made.Plan, all, abandoned, interruption, stdout, stderr, merge: true);
            var merged = Merge(dir, charts: true, stdout);
            return merged.Summary.Failed > 0 ? ExitCodes.SimulationFailed : ExitCodes.Success;
        }));
        command.Subcommands.Add(PlanCommand(stdout, stderr));
        command.Subcommands.Add(RunPointsCommand(stdout, stderr));
        command.Subcommands.Add(MergeCommand(stdout, stderr));
        command.Subcommands.Add(SubmitCommand(stdout, stderr));
        command.Subcommands.Add(StatusCommand(stdout, stderr));
        command.Subcommands.Add(ResumeCommand(stdout, stderr));
        command.Subcommands.Add(KubernetesCommand(stdout, stderr));
        return command;
    }

    // ---------- subcommands ----------

    private static Command PlanCommand(IAnsiConsole stdout, IAnsiConsole stderr)
    {
        var netlist = new Argument<FileInfo>("netlist") { Description = "The netlist." };
        var output = new Option<string>("--output", "-o") { Description = "The sweep directory to create.", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace a plan that already has results (they are deleted)." };
        var plan = new PlanOptions();
        var c = new Command("plan", "Write the plan (plan.json: every point's parameters, temperature, seed and run) without running it.") { netlist, output, force };
        plan.AddTo(c);
        c.SetAction(p => Guard(stderr, () =>
            MakePlan(p.GetValue(netlist)!, new SweepDirectory(OutputFolder.Prepare(p.GetValue(output)!)), plan.Request(p), p.GetValue(force), stdout, stderr, quiet: false) is null
                ? ExitCodes.BadInput : ExitCodes.Success));
        return c;
    }

    private static Command RunPointsCommand(IAnsiConsole stdout, IAnsiConsole stderr)
    {
        var dir = DirectoryArgument();
        var points = new Option<string?>("--points") { Description = "Which points: a list such as 0-9,12 (default: all)." };
        var shard = new Option<string?>("--shard") { Description = "Slice i of N of the points (e.g. 3/8; Kubernetes: $JOB_COMPLETION_INDEX/N)." };
        var force = new Option<bool>("--force") { Description = "Recompute points that already have a result." };
        var executor = new Option<string>("--executor") { Description = "Recorded with each result: where it ran.", DefaultValueFactory = _ => "local" };
        var jobs = JobsOption();
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress lines." };
        var c = new Command("run-points", "Run some points of a plan (what each Slurm array task or Kubernetes index calls); points with a result are skipped.")
        {
            dir, points, shard, force, executor, jobs, quiet,
        };
        c.SetAction(p => Guard(stderr, () =>
        {
            var d = new SweepDirectory(p.GetValue(dir)!);
            var plan = d.ReadPlan();
            if (p.GetValue(points) is { } list && p.GetValue(shard) is not null)
                throw new SweepException($"give --points {list} or --shard, not both");
            IReadOnlyList<int> chosen = p.GetValue(points) is { } text ? PointSelection.Parse(text, plan.Points.Count)
                : p.GetValue(shard) is { } s ? PointSelection.Shard(PointSelection.ParseShard(s).Index, PointSelection.ParseShard(s).Count, plan.Points.Count)
                : plan.Points.Select(x => x.Index).ToList();
            if (!p.GetValue(force))
            {
                var done = d.CompletedPoints();
                chosen = chosen.Where(i => !done.Contains(i)).ToList();
            }
            if (ReadNetlist(plan, stderr) is not { } netlist) return ExitCodes.BadInput;
            using var interruption = Interruption.Listen(Console.Error, StoppingPoints);
            var abandoned = RunPoints(d, plan, netlist, chosen, p.GetValue(jobs), p.GetValue(executor)!, stdout, p.GetValue(quiet), interruption.Token);
            if (Cut(d, chosen, abandoned, interruption)) return Interrupted(d, plan, chosen, abandoned, interruption, stdout, stderr, merge: false);
            // a failed point is a result (in its file and in the merge), not a failed task
            return ExitCodes.Success;
        }));
        return c;
    }

    private static Command MergeCommand(IAnsiConsole stdout, IAnsiConsole stderr)
    {
        var dir = DirectoryArgument();
        var noCharts = new Option<bool>("--no-charts") { Description = "Skip the charts." };
        var plotFormat = PlotFormatOption.Create();
        var c = new Command("merge", "Merge the point results into results.csv, timing.csv, results.parquet, summary.json/.md and charts (safe to repeat).") { dir, noCharts, plotFormat };
        c.SetAction(p => Guard(stderr, () =>
        {
            // a signal lets the merge (seconds) finish its files, then ends with its code
            using var interruption = Interruption.Listen(Console.Error, "finishing the merge");
            Merge(new SweepDirectory(p.GetValue(dir)!), !p.GetValue(noCharts), stdout, PlotFormats.Parse(p.GetValue(plotFormat)!));
            return interruption.Signal is null ? ExitCodes.Success : Interruption.ExitCode(interruption.Signal);
        }));
        return c;
    }

    private static Command SubmitCommand(IAnsiConsole stdout, IAnsiConsole stderr)
    {
        var target = new Argument<string>("target") { Description = "A sweep directory with a plan, or a netlist (then -o names the directory to plan into)." };
        var output = new Option<string?>("--output", "-o") { Description = "With a netlist: the sweep directory to plan into." };
        var slurm = new Option<bool>("--slurm") { Description = "Submit to Slurm (the only scheduler submitted to directly; see k8s-manifest and --shard for others).", Required = true };
        var slurmOptions = new SlurmCliOptions();
        var dryRun = new Option<bool>("--dry-run") { Description = "Write the job scripts under slurm/ without submitting them." };
        var plan = new PlanOptions();
        var c = new Command("submit", "Submit the points without a result as an sbatch --array job (K points per task) plus an afterok merge job.")
        {
            target, output, slurm, dryRun,
        };
        slurmOptions.AddTo(c);
        plan.AddTo(c);
        c.SetAction(p => Guard(stderr, () =>
        {
            var given = p.GetValue(target)!;
            SweepDirectory dir;
            if (File.Exists(given))
            {
                if (p.GetValue(output) is not { } o) throw new SweepException("submitting a netlist needs -o DIR for the sweep directory (on storage every node sees)");
                dir = new SweepDirectory(o);
                if (MakePlan(new FileInfo(given), dir, plan.Request(p), force: true, stdout, stderr, quiet: false) is null) return ExitCodes.BadInput;
            }
            else dir = new SweepDirectory(given);
            return Submit(dir, slurmOptions.Options(p, null), p.GetValue(dryRun), stdout);
        }));
        return c;
    }

    private static Command StatusCommand(IAnsiConsole stdout, IAnsiConsole stderr)
    {
        var dir = DirectoryArgument();
        var c = new Command("status", "How many points are done, failed and missing, and what Slurm still runs of this sweep.") { dir };
        c.SetAction(p => Guard(stderr, () =>
        {
            var d = new SweepDirectory(p.GetValue(dir)!);
            var plan = d.ReadPlan();
            var table = ResultTable.Merge(plan, d);
            int ok = table.Rows.Count(r => r.Status == PointStatus.Ok), failed = table.Rows.Count(r => r.Status == PointStatus.Failed);
            var missing = table.Rows.Where(r => r.Status == PointStatus.Missing).Select(r => r.Point.Index).ToList();
            stdout.WriteLine($"{plan.Points.Count} points: {ok} ok, {failed} failed, {missing.Count} without a result{(missing.Count > 0 ? " (" + Abbreviate(PointSelection.Format(missing)) + ")" : "")}");
            var submissions = d.ReadSubmissions();
            if (submissions.Count > 0)
            {
                foreach (var s in submissions)
                    stdout.WriteLine($"submission {s.Number}: array {s.ArrayJob} ({s.Tasks} tasks × ≤{s.PerTask} points, {s.Points} points), merge {s.MergeJob}");
                var live = SlurmQueue.Live(submissions, out var problem);
                if (problem is not null) stdout.WriteLine($"queue unknown: {problem}");
                else stdout.WriteLine(live.Count == 0 ? "nothing of this sweep is queued or running" : "queued or running:\n  " + string.Join("\n  ", live));
            }
            return ExitCodes.Success;
        }));
        return c;
    }

    private static Command ResumeCommand(IAnsiConsole stdout, IAnsiConsole stderr)
    {
        var dir = DirectoryArgument();
        var local = new Option<bool>("--local") { Description = "Run the missing points here instead of resubmitting them to Slurm." };
        var jobs = JobsOption();
        var slurmOptions = new SlurmCliOptions();
        var dryRun = new Option<bool>("--dry-run") { Description = "Write the job scripts without submitting them." };
        var c = new Command("resume", "Run or resubmit only the points without a result (after a killed task, a time limit, a node failure), then merge.")
        {
            dir, local, jobs, dryRun,
        };
        slurmOptions.AddTo(c);
        c.SetAction(p => Guard(stderr, () =>
        {
            var d = new SweepDirectory(p.GetValue(dir)!);
            var plan = d.ReadPlan();
            var missing = d.MissingPoints(plan);
            var submissions = d.ReadSubmissions();
            if (missing.Count == 0)
            {
                stdout.WriteLine("every point has a result; merging");
                Merge(d, charts: true, stdout);
                return ExitCodes.Success;
            }
            if (p.GetValue(local) || submissions.Count == 0)
            {
                if (ReadNetlist(plan, stderr) is not { } netlist) return ExitCodes.BadInput;
                using var interruption = Interruption.Listen(Console.Error, StoppingPoints);
                var abandoned = RunPoints(d, plan, netlist, missing, p.GetValue(jobs), "local", stdout, quiet: false, interruption.Token);
                if (Cut(d, missing, abandoned, interruption)) return Interrupted(d, plan, missing, abandoned, interruption, stdout, stderr, merge: true);
                Merge(d, charts: true, stdout);
                return ExitCodes.Success;
            }
            var live = SlurmQueue.Live(submissions, out _);
            if (live.Count > 0)
                throw new SweepException($"Slurm still runs part of this sweep ({string.Join("; ", live.Take(3))}{(live.Count > 3 ? "; …" : "")}): wait for it, or scancel it, before resuming");
            return Submit(d, slurmOptions.Options(p, submissions[^1]), p.GetValue(dryRun), stdout);
        }));
        return c;
    }

    private static Command KubernetesCommand(IAnsiConsole stdout, IAnsiConsole stderr)
    {
        var dir = DirectoryArgument();
        var image = new Option<string>("--image") { Description = "Container image with circuitsim on PATH.", Required = true };
        var shards = new Option<int>("--shards") { Description = "Completions of the Indexed Job: index i runs --shard i/N.", Required = true };
        var parallelism = new Option<int>("--parallelism") { Description = "Pods at once.", DefaultValueFactory = _ => 10 };
        var claim = new Option<string>("--claim") { Description = "PersistentVolumeClaim holding the sweep directory.", Required = true };
        var mount = new Option<string>("--mount") { Description = "Where the claim is mounted in the pods.", DefaultValueFactory = _ => "/data" };
        var inPod = new Option<string?>("--path-in-pod") { Description = "The sweep directory as the pods see it (default: MOUNT/NAME-OF-DIR)." };
        var name = new Option<string>("--name") { Description = "Job name.", DefaultValueFactory = _ => "circuitsim-sweep" };
        var cpu = new Option<string>("--cpu") { Description = "CPUs per pod (also -j of run-points).", DefaultValueFactory = _ => "1" };
        var memory = new Option<string>("--memory") { Description = "Memory per pod.", DefaultValueFactory = _ => "1Gi" };
        var output = new Option<string?>("--output", "-o") { Description = "The manifest to write (default: DIR/k8s-job.yaml)." };
        var c = new Command("k8s-manifest", "Write a Kubernetes Indexed Job that runs the plan in N shards (merge afterwards with sweep merge).")
        {
            dir, image, shards, parallelism, claim, mount, inPod, name, cpu, memory, output,
        };
        c.SetAction(p => Guard(stderr, () =>
        {
            var d = new SweepDirectory(p.GetValue(dir)!);
            d.ReadPlan();
            var mountPath = p.GetValue(mount)!;
            var yaml = IndexedJobManifest.Write(new KubernetesOptions
            {
                Image = p.GetValue(image)!, Shards = p.GetValue(shards), Parallelism = p.GetValue(parallelism), Claim = p.GetValue(claim)!,
                MountPath = mountPath, SweepPath = p.GetValue(inPod) ?? mountPath.TrimEnd('/') + "/" + Path.GetFileName(d.Path),
                Name = p.GetValue(name)!, Cpu = p.GetValue(cpu)!, Memory = p.GetValue(memory)!,
            });
            var path = Path.GetFullPath(p.GetValue(output) ?? Path.Combine(d.Path, "k8s-job.yaml"));
            Output.AtomicFile.WriteAllText(path, yaml);
            stdout.MarkupLine($"wrote [blue]{Markup.Escape(path)}[/]: kubectl apply -f it, wait for it (kubectl wait --for=condition=complete job/{Markup.Escape(p.GetValue(name)!)} --timeout=24h), then circuitsim sweep merge");
            return ExitCodes.Success;
        }));
        return c;
    }

    // ---------- steps ----------

    private const string StoppingPoints = "abandoning the points in flight, keeping the finished ones";

    private static (SweepPlan Plan, Netlist.Netlist Netlist)? MakePlan(FileInfo file, SweepDirectory dir, PlanRequest request, bool force,
        IAnsiConsole stdout, IAnsiConsole stderr, bool quiet)
    {
        if (!file.Exists)
        {
            stderr.MarkupLine($"[red]netlist not found: {Markup.Escape(file.FullName)}[/]");
            return null;
        }
        if (Read(file.FullName, stderr) is not { } netlist) return null;
        var plan = SweepPlanner.Plan(netlist, file.FullName, request);
        dir.WritePlan(plan, replace: force);
        if (!quiet) stdout.WriteLine($"planned {plan.Points.Count} point{(plan.Points.Count == 1 ? "" : "s")} in {dir.PlanPath}");
        return (plan, netlist);
    }

    private static Netlist.Netlist? ReadNetlist(SweepPlan plan, IAnsiConsole stderr)
    {
        if (!File.Exists(plan.Netlist)) throw new SweepException($"the plan's netlist {plan.Netlist} is gone (a sweep directory keeps its netlist's path; keep it where every node sees it)");
        if (SweepPlanner.Sha256Of(plan.Netlist) != plan.NetlistSha256)
            throw new SweepException($"{plan.Netlist} changed since the sweep was planned; plan again into a new directory (results of two netlists are never mixed)");
        return Read(plan.Netlist, stderr);
    }

    private static Netlist.Netlist? Read(string path, IAnsiConsole stderr)
    {
        try
        {
            return new NetlistReader(DeviceCatalog.Create()).ReadFile(path);
        }
        catch (NetlistException e)
        {
            foreach (var d in e.Diagnostics) stderr.MarkupLine($"[red]{Markup.Escape(d.Format())}[/]");
            stderr.MarkupLine($"[red]{e.Errors.Count()} error(s) in {Markup.Escape(Path.GetFileName(path))}; nothing was run.[/]");
            return null;
        }
    }

    /// <summary>Runs the points, storing each result as it ends. A signal (<paramref name="cancel"/>) stops the points in
    /// flight and starts no more; returns the points it stopped, which get no result (a resume runs them).</summary>
    private static IReadOnlyList<int> RunPoints(SweepDirectory dir, SweepPlan plan, Netlist.Netlist netlist, IReadOnlyList<int> indices, int jobs,
        string executor, IAnsiConsole stdout, bool quiet, CancellationToken cancel)
    {
        // device files (film save=, snapdir=) stay inside the sweep directory
        netlist.Options.DeviceFiles = new CircuitSim.Core.Files.DeviceFiles(dir.Path);
        var runner = new PointRunner(netlist, plan) { Executor = executor, Cancellation = cancel };
        var done = 0;
        var gate = new object();
        var abandoned = new List<int>();
        new LocalExecutor(jobs) { Cancellation = cancel }.Execute(indices.Select(i => plan.Points[i]).ToList(), runner.Run, result =>
        {
            if (result.Status == PointStatus.Interrupted)
            {
                lock (gate) abandoned.Add(result.Index);
                return;
            }
            dir.WriteResult(result);
            if (quiet) return;
            lock (gate)
            {
                done++;
                stdout.WriteLine($"[{done}/{indices.Count}] point {result.Index} {result.Status} ({result.WallSeconds.ToString("F2", CultureInfo.InvariantCulture)} s){(result.Status == PointStatus.Failed ? ": " + result.Error : "")}");
            }
        });
        abandoned.Sort();
        return abandoned;
    }

    /// <summary>Whether a signal left some of <paramref name="chosen"/> without a result (one that came after the last
    /// point ended changes nothing).</summary>
    private static bool Cut(SweepDirectory dir, IReadOnlyList<int> chosen, IReadOnlyList<int> abandoned, Interruption interruption)
    {
        if (interruption.Signal is null) return false;
        var done = dir.CompletedPoints();
        return abandoned.Count > 0 || chosen.Any(i => !done.Contains(i));
    }

    /// <summary>After a signal: merges the points that have a result (when the command merges), says which points were
    /// abandoned and how to finish, and returns 130 or 143.</summary>
    private static int Interrupted(SweepDirectory dir, SweepPlan plan, IReadOnlyList<int> chosen, IReadOnlyList<int> abandoned, Interruption interruption,
        IAnsiConsole stdout, IAnsiConsole stderr, bool merge)
    {
        var done = dir.CompletedPoints();
        var left = chosen.Where(i => !done.Contains(i)).ToList();
        if (merge) Merge(dir, charts: false, stdout);
        var inFlight = abandoned.Count == 0 ? "no point was in flight"
            : $"point{(abandoned.Count == 1 ? "" : "s")} {Abbreviate(PointSelection.Format(abandoned))} {(abandoned.Count == 1 ? "was" : "were")} in flight and {(abandoned.Count == 1 ? "is" : "are")} abandoned (no result written)";
        RunCommand.Line(stderr, Color.Yellow,
            $"interrupted after {chosen.Count - left.Count} of {chosen.Count} points; {inFlight}; {left.Count} without a result ({Abbreviate(PointSelection.Format(left))}): "
            + $"'circuitsim sweep resume {dir.Path} --local' runs them{(merge ? "; results.csv holds the points done" : "")}.");
        return Interruption.ExitCode(interruption.Signal);
    }

    private static SweepMerger.Outcome Merge(SweepDirectory dir, bool charts, IAnsiConsole stdout, PlotFormat plotFormat = PlotFormat.Png)
    {
        var merged = SweepMerger.Merge(dir, charts, plotFormat);
        var s = merged.Summary;
        stdout.WriteLine($"{s.Points} points: {s.Ok} ok, {s.Failed} failed, {s.Missing} without a result");
        foreach (var c in s.Columns.Where(c => c.Count > 0))
            stdout.WriteLine($"  {c.Name}: mean {G(c.Mean)}, σ {G(c.StandardDeviation)}, p5 {G(c.Quantiles["p5"])}, p50 {G(c.Quantiles["p50"])}, p95 {G(c.Quantiles["p95"])} (n = {c.Count})");
        if (s.Yield is { } y) stdout.WriteLine($"  yield {y.Passed}/{y.Counted} = {G(y.Yield)} (95 % interval {G(y.Lower95)}–{G(y.Upper95)})");
        foreach (var f in s.Failures.Take(10)) stdout.WriteLine($"  point {f.Point} failed: {f.Error}");
        if (s.Failures.Count > 10) stdout.WriteLine($"  … {s.Failures.Count - 10} more failed points in summary.md");
        stdout.MarkupLine($"wrote [blue]{Markup.Escape(Path.Combine(dir.Path, "results.csv"))}[/] and {merged.Files.Count - 1} more files in {Markup.Escape(dir.Path)}");
        return merged;
    }

    private static int Submit(SweepDirectory dir, SlurmOptions options, bool dryRun, IAnsiConsole stdout)
    {
        var record = new SlurmSubmitter(dir, options).Submit(dryRun);
        if (record is null)
        {
            stdout.WriteLine("every point has a result; nothing to submit (circuitsim sweep merge to merge again)");
            return ExitCodes.Success;
        }
        stdout.WriteLine(dryRun
            ? $"wrote {record.Script} ({record.Tasks} tasks × ≤{record.PerTask} points) and its merge script; not submitted"
            : $"submitted array {record.ArrayJob} ({record.Tasks} tasks × ≤{record.PerTask} points, {record.Points} points) and merge job {record.MergeJob}; follow with: circuitsim sweep status {dir.Path}");
        return ExitCodes.Success;
    }

    // ---------- options ----------

    private static Argument<string> DirectoryArgument() => new("directory") { Description = "The sweep directory (holds plan.json)." };

    private static Option<int> JobsOption() => new("--jobs", "-j") { Description = "Points run at once (default: the number of cores).", DefaultValueFactory = _ => Environment.ProcessorCount };

    /// <summary>The options that shape a plan, shared by sweep, plan and submit.</summary>
    private sealed class PlanOptions
    {
        private readonly Option<int?> _runs = new("--runs") { Description = "Monte Carlo runs 1…N (as .step param run 1 N 1)." };
        private readonly Option<ulong?> _seed = new("--seed") { Description = "Seed of agauss/gauss/aunif/unif/limit (default: .options seed=, else 1)." };
        private readonly Option<string[]> _vectors = new("--vector") { Description = "Keep this vector's value per point (op value, or the last point of a sweep); repeatable.", AllowMultipleArgumentsPerToken = false };
        private readonly Option<string[]> _limits = new("--limit") { Description = "Yield limit name=min:max on a .meas or vector (e.g. err=:0.05); repeatable." };

        public void AddTo(Command c)
        {
            c.Options.Add(_runs);
            c.Options.Add(_seed);
            c.Options.Add(_vectors);
            c.Options.Add(_limits);
        }

        public PlanRequest Request(ParseResult p) => new()
        {
            Runs = p.GetValue(_runs),
            Seed = p.GetValue(_seed),
            Vectors = p.GetValue(_vectors) ?? Array.Empty<string>(),
            Limits = (p.GetValue(_limits) ?? Array.Empty<string>()).Select(SweepPlanner.ParseLimit).ToList(),
        };
    }

    /// <summary>The sbatch settings of submit and resume (resume defaults to the last submission's).</summary>
    private sealed class SlurmCliOptions
    {
        private readonly Option<string?> _partition = new("--partition") { Description = "Slurm partition." };
        private readonly Option<string?> _time = new("--time") { Description = "Time limit per array task (e.g. 01:00:00)." };
        private readonly Option<int?> _perTask = new("--per-task") { Description = "Points per array task, K (default 10)." };
        private readonly Option<string?> _command = new("--command") { Description = "The circuitsim command the job scripts run (default: this executable)." };
        private readonly Option<string> _sbatch = new("--sbatch") { Description = "The sbatch program.", DefaultValueFactory = _ => "sbatch" };
        private readonly Option<string[]> _extra = new("--sbatch-option") { Description = "An extra #SBATCH line, e.g. --account=abc; repeatable." };
        private readonly Option<bool> _hold = new("--hold") { Description = "Submit the array held; it starts on scontrol release JOB." };

        public void AddTo(Command c)
        {
            c.Options.Add(_partition);
            c.Options.Add(_time);
            c.Options.Add(_perTask);
            c.Options.Add(_command);
            c.Options.Add(_sbatch);
            c.Options.Add(_extra);
            c.Options.Add(_hold);
        }

        public SlurmOptions Options(ParseResult p, SlurmSubmissionRecord? previous) => new()
        {
            Partition = p.GetValue(_partition) ?? previous?.Partition,
            Time = p.GetValue(_time) ?? previous?.Time,
            PerTask = p.GetValue(_perTask) ?? previous?.PerTask ?? 10,
            Command = p.GetValue(_command) ?? previous?.Command ?? ThisExecutable(),
            Sbatch = p.GetValue(_sbatch)!,
            Extra = p.GetValue(_extra) ?? Array.Empty<string>(),
            Hold = p.GetValue(_hold),
        };
    }

    /// <summary>The command that runs this circuitsim: the executable itself, or <c>dotnet circuitsim.dll</c>.</summary>
    private static string ThisExecutable()
    {
        var process = Environment.ProcessPath ?? "circuitsim";
        if (!Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase)) return SlurmSubmitter.Shell(process);
        return SlurmSubmitter.Shell(process) + " " + SlurmSubmitter.Shell(Path.Combine(AppContext.BaseDirectory, "circuitsim.dll"));
    }

    private static string G(double? v) => v is { } x ? x.ToString("G5", CultureInfo.InvariantCulture) : "–";

    private static string Abbreviate(string s) => s.Length <= 120 ? s : s[..117] + "…";

    /// <summary>Turns the sweep's own errors into a message and exit code 2 (no stack trace reaches a user).</summary>
    private static int Guard(IAnsiConsole stderr, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is SweepException or OutputFolderException or IOException or UnauthorizedAccessException)
        {
            RunCommand.Line(stderr, Color.Red, e.Message);
            return ExitCodes.BadInput;
        }
    }
}
