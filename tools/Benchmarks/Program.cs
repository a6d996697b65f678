using CircuitSim.Tools;
using CircuitSim.Tools.Benchmarks;

// Benchmark harness of CircuitSim against ngspice 39, run by hand (never in CI; nothing here asserts on time):
//   dotnet run -c Release --project tools/Benchmarks -- [engine|cli|scaling|all|case…] [--reps N] [--ngspice-timeout S]
// Markdown tables go to stdout and to tools/Benchmarks/results/<suite>-<yyyyMMdd-HHmm>.md; progress goes to stderr.

return ToolCommandLine.Run(BenchOptions.Command(Run), args);

static int Run(BenchOptions options)
{
    var suites = new (string Name, string[] Cases)[]
    {
        ("engine", EngineSuite.CaseIds),
        ("cli", CliSuite.CaseIds),
        ("scaling", ScalingSuite.CaseIds),
        ("scaling-large", ScalingSuite.LargeCaseIds),
        ("whole", WholeSuite.CaseIds),
        ("split", SplitSuite.CaseIds),
        ("batch", BatchSuite.CaseIds),
    };
    if (options.List)
    {
        foreach (var (name, cases) in suites) Console.WriteLine($"{name}: {string.Join(" ", cases)}");
        return 0;
    }

    // targets → the cases of each suite, in the suites' order
    var selected = suites.ToDictionary(s => s.Name, _ => new List<string>());
    var targets = options.Targets.Count == 0 ? new List<string> { "engine" } : options.Targets;
    foreach (var t in targets)
    {
        var matched = false;
        foreach (var (name, cases) in suites)
        {
            if (t.Equals(name, StringComparison.OrdinalIgnoreCase) || (t.Equals("all", StringComparison.OrdinalIgnoreCase) && name is not ("scaling-large" or "whole")))
            {
                selected[name].AddRange(cases);
                matched = true;
            }
            else if (cases.FirstOrDefault(c => c.Equals(t, StringComparison.OrdinalIgnoreCase)) is { } c)
            {
                selected[name].Add(c);
                matched = true;
            }
        }
        if (!matched)
        {
            Console.Error.WriteLine($"unknown suite or case '{t}' (see --list)");
            return 2;
        }
    }

    Workspace ws;
    try
    {
        ws = Workspace.Create(options);
    }
    catch (InvalidOperationException e)
    {
        Console.Error.WriteLine(e.Message);
        return 2;
    }
    using (ws)
    {
        var ngspice = new Ngspice(options.Ngspice);
        var version = ngspice.Version();
        if (version.Contains("NOT FOUND", StringComparison.Ordinal))
        {
            Console.Error.WriteLine($"'{options.Ngspice}' does not run: install ngspice 39 or pass --ngspice PATH");
            return 2;
        }
        var machine = ws.MachineDescription(version);
        Measurement.Progress($"bench files: {ws.BenchDir}; work directory: {ws.WorkDir}");
        try
        {
            foreach (var (name, _) in suites)
            {
                var cases = selected[name].Distinct().ToList();
                if (cases.Count == 0) continue;
                // keep each suite's own case order
                cases = suites.First(s => s.Name == name).Cases.Where(cases.Contains).ToList();
                switch (name)
                {
                    case "engine": EngineSuite.Run(ws, ngspice, cases, machine); break;
                    case "cli": CliSuite.Run(ws, ngspice, cases, machine); break;
                    case "scaling" or "scaling-large": ScalingSuite.Run(ws, ngspice, cases, machine); break;
                    case "whole": WholeSuite.Run(ws, ngspice, cases, machine); break;
                    case "split": SplitSuite.Run(ws, cases, machine); break;
                    case "batch": BatchSuite.Run(ws, cases, machine); break;
                }
            }
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }
    return 0;
}
