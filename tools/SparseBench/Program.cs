using System.CommandLine;
using System.Diagnostics;
using System.Numerics;
using CircuitSim.Numerics;
using CircuitSim.Numerics.Tests.Support;
using CircuitSim.Tools;

// Sparse LU benchmark, run by hand: dotnet run -c Release --project tools/SparseBench [N ...]
// Crossbar sizes run in ascending order, so the process peak working set reported after each size is that size's peak.
var sizesArgument = new Argument<int[]>("N")
{
    Description = "Crossbar sizes (N x N), default 32 64 128 256.",
    Arity = ArgumentArity.ZeroOrMore,
    DefaultValueFactory = _ => [32, 64, 128, 256],
}.EachAtLeast(2);
var root = new RootCommand("Sparse LU benchmark on circuit matrices (run by hand).") { sizesArgument };
root.SetAction(parse =>
{
    int[] sizes = parse.GetValue(sizesArgument)!;
    if (sizes.Length == 0) sizes = [32, 64, 128, 256];
    Array.Sort(sizes);

    Console.WriteLine($"{RuntimeInformationLine()}");
    Console.WriteLine();
    Console.WriteLine("Crossbar double mesh (2N^2 nodes + 2N voltage-source branches); times in ms.");
    Console.WriteLine("Ordering and factor: best first Factor of three fresh solvers (the later ones run on warmed-up JIT code);");
    Console.WriteLine("refactor and solve: best of repeated calls.");
    Console.WriteLine($"{"N",5} {"unknowns",9} {"nnz(A)",9} {"ordering",9} {"factor",9} {"refactor",9} {"solve",8} {"nnz(L+U)",10} {"solver alloc",13} {"peak WS",9} {"backward err",13}");
    foreach (int n in sizes) CrossbarRow(n);

    Console.WriteLine();
    var realLadder = Ladder(1.0);
    var realSolver = new SparseLU(realLadder.Size, realLadder.Rows, realLadder.Columns);
    LadderRow("RC ladder, 1000 unknowns, real", realLadder, realSolver.Factor, realSolver.Solve);
    var complexLadder = Ladder(new Complex(1, 0.1));
    var complexSolver = new ComplexSparseLU(complexLadder.Size, complexLadder.Rows, complexLadder.Columns);
    LadderRow("RC ladder, 1000 unknowns, complex", complexLadder, complexSolver.Factor, complexSolver.Solve);
    return 0;
});
return ToolCommandLine.Run(root, args);

static void CrossbarRow(int n)
{
    var system = CrossbarCircuit.Build(n);
    int[] rows = system.Rows, columns = system.Columns;
    double[] values = system.Values;

    SparseLU lu = null!;
    double ordering = double.MaxValue, factor = double.MaxValue;
    long solverAllocated = 0;
    double peak = 0;
    for (int run = 0; run < 3; run++)
    {
        lu = null!;
        GC.Collect();
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        lu = new SparseLU(system.Size, rows, columns);
        lu.Factor(values);
        solverAllocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        ordering = Math.Min(ordering, lu.Statistics.OrderingTime.TotalMilliseconds);
        factor = Math.Min(factor, lu.Statistics.FactorTime.TotalMilliseconds);
        if (run == 0) peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0); // sizes ascend, so this is n's peak
    }

    int repetitions = n <= 64 ? 20 : 3;
    double refactor = BestOf(repetitions, () => lu.Factor(values));
    double[] x = new double[system.Size];
    double solve = BestOf(repetitions, () =>
    {
        system.RightHandSide.CopyTo(x, 0);
        lu.Solve(x);
    });

    Console.WriteLine(
        $"{n,5} {system.Size,9} {system.EntryCount,9} {ordering,9:f1} {factor,9:f1} {refactor,9:f2} {solve,8:f3} " +
        $"{lu.Statistics.FactorNonZeros,10} {solverAllocated / (1024.0 * 1024.0),10:f1} MB {peak,6:f0} MB {system.BackwardError(x),13:e1}");
}

static SparseSystem<T> Ladder<T>(T scale)
    where T : struct, INumberBase<T>
{
    // A chain of 999 nodes with leakage to ground, driven by a voltage source: nearly tridiagonal.
    const int nodes = 999;
    var system = new SparseSystem<T>(nodes + 1);
    for (int i = 0; i + 1 < nodes; i++) system.StampAdmittance(i, i + 1, T.CreateTruncating(1e-3) * scale);
    for (int i = 0; i < nodes; i++) system.StampAdmittance(i, MnaStamps.Ground, T.CreateTruncating(1e-6) * scale);
    system.StampVoltageSource(nodes, 0, MnaStamps.Ground, T.One);
    return system;
}

static void LadderRow<T>(string name, SparseSystem<T> system, FactorCall<T> factor, SolveCall<T> solve)
    where T : struct, INumberBase<T>
{
    T[] values = system.Values, x = new T[system.Size];
    factor(values);
    const int calls = 2000;
    double refactor = BestOf(10, () =>
    {
        for (int i = 0; i < calls; i++) factor(values);
    }) * 1000 / calls;
    double solveTime = BestOf(10, () =>
    {
        for (int i = 0; i < calls; i++)
        {
            system.RightHandSide.CopyTo(x, 0);
            solve(x);
        }
    }) * 1000 / calls;
    Console.WriteLine($"{name}: refactor {refactor:f1} us, solve {solveTime:f1} us, backward error {system.BackwardError(x):e1}");
}

static double BestOf(int repetitions, Action action)
{
    double best = double.MaxValue;
    for (int r = 0; r < repetitions; r++)
    {
        long start = Stopwatch.GetTimestamp();
        action();
        best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    return best;
}

static string RuntimeInformationLine() =>
    $".NET {Environment.Version}, {Environment.ProcessorCount} logical CPUs, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}";

internal delegate void FactorCall<T>(ReadOnlySpan<T> values);

internal delegate void SolveCall<T>(Span<T> rightHandSide);
