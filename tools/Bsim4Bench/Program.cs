using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CircuitSim.Devices.Semiconductors.Bsim4;
using CircuitSim.Netlist;
using CircuitSim.Netlist.Running;
using CircuitSim.Netlist.Semantics;
using CircuitSim.Tools;

// bsim4-bench NETLIST [runs]
// Runs the netlist's transient several times in one process and reports, per run, the time spent loading devices
// divided by (Newton iterations × BSIM4 devices): the time per BSIM4 device load (evaluation and stamp), when the
// BSIM4 devices dominate the load, as in the inverter-chain benchmark. The first run includes JIT compilation; the
// median of the later runs is the figure to quote.
var netlistArgument = new Argument<FileInfo>("NETLIST") { Description = "A netlist with a .tran analysis and BSIM4 devices." };
var runsArgument = new Argument<int>("runs")
{
    Description = "Runs in this process (the first includes JIT compilation; default 5).",
    Arity = ArgumentArity.ZeroOrOne,
    DefaultValueFactory = _ => 5,
}.AtLeast(2);
var root = new RootCommand("Time per BSIM4 device load (run by hand).") { netlistArgument, runsArgument };
root.SetAction(parse => Bench(parse.GetValue(netlistArgument)!, parse.GetValue(runsArgument)));
return ToolCommandLine.Run(root, args);

static int Bench(FileInfo file, int runs)
{
    if (!file.Exists)
    {
        Console.Error.WriteLine($"netlist not found: {file.FullName}");
        return ToolCommandLine.BadInput;
    }
    var netlist = new NetlistReader().ReadFile(file.FullName);
    var analysis = netlist.Analyses.OfType<TranSpec>().First();
    var devices = netlist.Circuit.Components.Count(c => c is Bsim4Mosfet);
    var perLoad = new List<double>();
    var perCpu = new List<double>();
    for (var r = 0; r < runs; r++)
    {
        var sim = new NetlistRunner(netlist).CreateSimulation(netlist.Circuit, analysis);
        var cpu0 = Process.GetCurrentProcess().UserProcessorTime;
        var clock = Stopwatch.StartNew();
        foreach (var _ in sim.Run()) { }
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().UserProcessorTime - cpu0).TotalSeconds;
        var st = sim.Statistics;
        var load = st.LoadTicks / (double)Stopwatch.Frequency;
        var ns = load / (st.NewtonIterations * (double)devices) * 1e9;
        var cpuNs = cpuSeconds / (st.NewtonIterations * (double)devices) * 1e9;
        if (r > 0)
        {
            perLoad.Add(ns);
            perCpu.Add(cpuNs);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"run {r}: {seconds:F3} s, {st.NewtonIterations} iterations × {devices} BSIM4 devices, load {load:F3} s = {ns:F0} ns per device load; user CPU {cpuSeconds:F3} s = {cpuNs:F0} ns per device-iteration"));
    }
    perLoad.Sort();
    if (perLoad.Count > 0)
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median over runs 1..{runs - 1}: {perLoad[perLoad.Count / 2]:F0} ns per BSIM4 device load (min {perLoad[0]:F0} ns); " +
            $"user CPU {Sorted(perCpu)[perCpu.Count / 2]:F0} ns per device-iteration (min {Sorted(perCpu)[0]:F0} ns)"));
    return 0;

    static List<double> Sorted(List<double> values)
    {
        var copy = new List<double>(values);
        copy.Sort();
        return copy;
    }
}
