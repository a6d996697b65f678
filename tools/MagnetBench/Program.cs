using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Grid2D = CircuitSim.Magnetics.Grid2D;
using InterleavedVectors = CircuitSim.Magnetics.InterleavedVectors;
using IOdeSystem = CircuitSim.Magnetics.IOdeSystem;
using DormandPrinceOptions = CircuitSim.Magnetics.DormandPrinceOptions;
using Vec3 = CircuitSim.Magnetics.Vec3;
using Xoshiro256StarStar = CircuitSim.Magnetics.Xoshiro256StarStar;
using CircuitSim.Magnetics.Micromagnetics;
using CircuitSim.Magnetics.Micromagnetics.Gpu;
using CircuitSim.Tools;

// circuitsim magnet bench: rhs | gpu | integrators | sp4   (docs/micromagnetics.md lists what each prints)
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var whatArgument = new Argument<string>("measurement")
{
    Description = "rhs (managed right-hand side), gpu (ILGPU against managed), integrators (RK4 against DP5(4)) or sp4 (standard problem 4).",
    DefaultValueFactory = _ => "rhs",
};
whatArgument.AcceptOnlyFromAmong("rhs", "gpu", "integrators", "sp4");
var repeatsArgument = new Argument<int>("repeats") { Description = "Timed batches per measurement (the median is shown).", DefaultValueFactory = _ => 5 }
    .AtLeast(1);
var root = new RootCommand("Speed and integrator measurements of the micromagnetic engine (run by hand; see docs/micromagnetics.md).")
{
    whatArgument, repeatsArgument,
};
root.SetAction(parse =>
{
    int repeats = parse.GetValue(repeatsArgument);
    switch (parse.GetValue(whatArgument))
    {
        case "rhs": Rhs(repeats); break;
        case "gpu": Gpu(repeats); break;
        case "integrators": Integrators(); break;
        case "sp4": Sp4(repeats); break;
    }
    return 0;
});
return ToolCommandLine.Run(root, args);

static MicromagneticSystem Film(int nx, int ny, int threads)
{
    var film = Magnet.Rectangle(new Grid2D(nx, ny, 3.90625e-9, 3.90625e-9, 3e-9), 8e5);
    var sys = new MicromagneticSystem(film, 0.02, StandardProblem4.Gamma0, threads);
    sys.Add(new ExchangeField(film, 1.3e-11));
    sys.Add(ZeemanField.FromTesla(film, StandardProblem4.Field1));
    sys.Demag = new DemagField(film);
    return sys;
}

static double[] State(Magnet magnet)
{
    var rng = new Xoshiro256StarStar(1);
    var m = new double[3 * magnet.CellCount];
    for (int i = 0; i < m.Length; i++) m[i] = rng.NextGaussian();
    InterleavedVectors.NormalizeAll(m);
    return m;
}

/// <summary>Median evaluations per second over <paramref name="repeats"/> timed batches of about 0.5 s each.</summary>
static double EvaluationsPerSecond(IOdeSystem sys, double[] m, int repeats)
{
    var d = new double[m.Length];
    for (int i = 0; i < 3; i++) sys.Derivative(0, m, d);
    var sw = Stopwatch.StartNew();
    int batch = 0;
    while (sw.Elapsed.TotalSeconds < 0.5) { sys.Derivative(0, m, d); batch++; }
    var rates = new List<double>();
    for (int r = 0; r < repeats; r++)
    {
        sw.Restart();
        for (int i = 0; i < batch; i++) sys.Derivative(0, m, d);
        rates.Add(batch / sw.Elapsed.TotalSeconds);
    }
    rates.Sort();
    return rates[rates.Count / 2];
}

static void Rhs(int repeats)
{
    Console.WriteLine($"managed right-hand side, median of {repeats} batches; {Environment.ProcessorCount} processors");
    Console.WriteLine("cells       threads  evaluations/s  cell-updates/s");
    foreach (var (nx, ny) in new[] { (128, 32), (256, 256) })
        foreach (int threads in new[] { 1, 2 })
        {
            using var sys = Film(nx, ny, threads);
            double rate = EvaluationsPerSecond(sys, State(sys.Magnet), repeats);
            Console.WriteLine($"{nx}x{ny,-8} {threads,7}  {rate,13:F1}  {rate * nx * ny,14:E3}");
        }
}

static void Gpu(int repeats)
{
    foreach (var (nx, ny) in new[] { (128, 32), (256, 256) })
    {
        using var sys = Film(nx, ny, 2);
        using var gpu = new GpuMicromagneticSystem(sys);
        var m = State(sys.Magnet);
        var a = new double[m.Length];
        var b = new double[m.Length];
        sys.Derivative(0, m, a);
        gpu.Derivative(0, m, b);
        double worst = 0, scale = 0;
        for (int i = 0; i < a.Length; i++) { worst = Math.Max(worst, Math.Abs(a[i] - b[i])); scale = Math.Max(scale, Math.Abs(a[i])); }
        double rate = EvaluationsPerSecond(gpu, m, repeats);
        Console.WriteLine($"{gpu.Device}: {nx}x{ny} {rate:F1} evaluations/s, {rate * nx * ny:E3} cell-updates/s; max |Δṁ|/max|ṁ| vs managed = {worst / scale:E2}");
    }
}

/// <summary>RK4 (fixed step) against Dormand–Prince 5(4) at α = 0.01 on SP4 (64 × 16): evaluations per ns and error at 1 ns.</summary>
static void Integrators()
{
    var film = StandardProblem4.Film(64, 16);
    using var sys = StandardProblem4.System(film, StandardProblem4.Field1, 2);
    var relax = new MicromagneticSimulation(sys, Textures.Uniform(film, Vec3.UnitX));
    StandardProblem4.RelaxSState(relax, new RelaxOptions { TorqueTolerance = 0.01 });
    sys.Alpha = 0.01;
    double[] start = relax.M;
    Vec3 Run(MicromagneticSimulation sim) { sim.Run(1e-9, 1e-9); return sim.AverageMagnetization(); }
    var reference = Run(new MicromagneticSimulation(sys, start) { Tolerances = new DormandPrinceOptions { RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-10 } });
    Console.WriteLine($"SP4 64x16, alpha = 0.01, 1 ns; reference (DP54 tol 1e-10) <m> = {reference}");
    Console.WriteLine("integrator        setting    evaluations  max |<m> - ref|   seconds");
    foreach (double tol in new[] { 1e-4, 1e-5, 1e-6, 1e-7, 1e-8 })
    {
        var sim = new MicromagneticSimulation(sys, start) { Tolerances = new DormandPrinceOptions { RelativeTolerance = tol, AbsoluteTolerance = tol } };
        var sw = Stopwatch.StartNew();
        var m = Run(sim);
        Console.WriteLine($"DP54 (+projection) tol {tol,7:E0}  {sim.Evaluations,11}  {Max(m - reference),15:E2}  {sw.Elapsed.TotalSeconds,8:F2}");
    }
    foreach (double step in new[] { 8e-12, 6e-12, 4e-12, 2e-12, 1e-12 })
    {
        var sim = new MicromagneticSimulation(sys, start) { Integrator = MicromagneticIntegrator.RungeKutta4, FixedStep = step };
        var sw = Stopwatch.StartNew();
        Vec3 m;
        try { m = Run(sim); }
        catch (InvalidOperationException) { Console.WriteLine($"RK4 step {step,12:E1}  unstable"); continue; }
        Console.WriteLine($"RK4 step {step,12:E1}  {sim.Evaluations,11}  {Max(m - reference),15:E2}  {sw.Elapsed.TotalSeconds,8:F2}");
    }
}

static double Max(Vec3 v) => Math.Max(Math.Abs(v.X), Math.Max(Math.Abs(v.Y), Math.Abs(v.Z)));

/// <summary>Wall seconds per simulated ns of SP4 field 1 at 128 × 32 (DP54, tol 1e-6, 10 ps samples), median of repeats.</summary>
static void Sp4(int repeats)
{
    var film = StandardProblem4.Film(128, 32);
    foreach (int threads in new[] { 1, 2 })
    {
        using var sys = StandardProblem4.System(film, StandardProblem4.Field1, threads);
        var sim0 = new MicromagneticSimulation(sys, Textures.Uniform(film, Vec3.UnitX));
        var sw = Stopwatch.StartNew();
        var r = StandardProblem4.RelaxSState(sim0, new RelaxOptions { TorqueTolerance = 1 });
        double relaxSeconds = sw.Elapsed.TotalSeconds;
        var times = new List<double>();
        long evaluations = 0;
        for (int i = 0; i < repeats; i++)
        {
            var sim = new MicromagneticSimulation(sys, sim0.M);
            sw.Restart();
            sim.Run(1e-9, 10e-12);
            times.Add(sw.Elapsed.TotalSeconds);
            evaluations = sim.Evaluations;
        }
        times.Sort();
        Console.WriteLine($"SP4 128x32, {threads} thread(s): relax {r.Evaluations} evaluations in {relaxSeconds:F2} s; 1 ns: {evaluations} evaluations, median {times[times.Count / 2]:F2} s per simulated ns");
    }
}
