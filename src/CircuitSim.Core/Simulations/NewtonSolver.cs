using System.Diagnostics;
using System.Runtime.InteropServices;
using CircuitSim.Core.Behaviors;
using CircuitSim.Numerics;

namespace CircuitSim.Core.Simulations;

/// <summary>
/// Newton–Raphson on the MNA system with SPICE's iteration protocol (NIiter): devices load at the present iterate,
/// the LU refactors with the kept pivot order (a fresh pivot search on the first iteration of an operating point or
/// transient, or when a pivot fails), and convergence needs every unknown within RELTOL·max(|x|)+VNTOL (voltages) or
/// +ABSTOL (currents), no device limiting in the iteration, and the tests of devices that implement
/// <see cref="IConvergenceBehavior"/> (none of ngspice's devices count, see there) — never on the first iteration. The converged solution stays the iterate the devices were evaluated at, as SPICE reports it.
/// </summary>
public sealed class NewtonSolver
{
    private readonly SimulationState _state;
    private readonly MnaSystem _mna;
    private readonly UnknownTable _unknowns;
    private readonly ILoadBehavior[] _loaders;
    private readonly IConstantLoadBehavior[] _constantLoaders;
    // the constant devices' stamps, summed once (null when there are none); stale after ConstantsChanged
    private readonly double[]? _constantValues;
    private bool _constantsStale = true;
    // every load is linear in the iterate (ILinearLoadBehavior): a transient step's first solution is exact
    private readonly bool _linear;
    private readonly IConvergenceBehavior[] _convergers;
    private readonly SimulationStatistics _stats;
    private readonly SparseLU _lu;
    private readonly int[] _nodeDiagonals;
    // 1/RSHUNT, S: a resistor from every node to ground (0 without RSHUNT)
    private readonly double _shunt;
    private readonly bool[] _isVoltage;
    private double[] _next;
    // the values of the last successful factorization: an identical matrix (a linear circuit at a constant step)
    // is not factored again
    private double[] _factored = Array.Empty<double>();
    private bool _factorValid;
    private bool _repivotPending = true;
    private readonly List<ForcedNode> _nodesets = new();
    private readonly List<ForcedNode> _initialConditions = new();
    private readonly List<int> _lastNonConverged = new();

    /// <summary>A node held at a value during an operating point: the handles of its row's voltage entries, which are
    /// zeroed, and whether the row also has branch-current entries (then the node is held through 1e10 instead).</summary>
    private sealed record ForcedNode(int Index, double Value, int Diagonal, int[] VoltageEntries, bool HasCurrentEntries);

    public NewtonSolver(SimulationState state, MnaSystem mna, UnknownTable unknowns,
        ILoadBehavior[] loaders, IConvergenceBehavior[] convergers, SimulationStatistics stats)
        : this(state, mna, unknowns, loaders, Array.Empty<IConstantLoadBehavior>(), convergers, stats)
    {
    }

    public NewtonSolver(SimulationState state, MnaSystem mna, UnknownTable unknowns,
        ILoadBehavior[] loaders, IConstantLoadBehavior[] constantLoaders, IConvergenceBehavior[] convergers, SimulationStatistics stats)
    {
        _state = state;
        _mna = mna;
        _unknowns = unknowns;
        _loaders = loaders;
        _constantLoaders = constantLoaders;
        _linear = Array.TrueForAll(loaders, l => l is ILinearLoadBehavior) && convergers.Length == 0;
        _convergers = convergers;
        _stats = stats;
        var n = unknowns.Count;
        _isVoltage = new bool[n + 1];
        var diag = new List<int>();
        for (var i = 1; i <= n; i++)
        {
            _isVoltage[i] = unknowns[i].Kind == UnknownKind.Voltage;
            if (_isVoltage[i]) diag.Add(mna.GetHandle(i, i));
        }
        _nodeDiagonals = diag.ToArray();
        _shunt = state.Options.Rshunt is > 0 and var r ? 1 / r : 0;
        mna.Freeze();
        if (constantLoaders.Length > 0) _constantValues = new double[mna.Values.Length];
        _lu = new SparseLU(n, mna.RowIndices, mna.ColumnIndices,
            new SparseLUOptions { PivotRelTol = state.Options.PivRel, PivotAbsTol = state.Options.PivTol });
        state.Solution = new double[n + 1];
        _next = new double[n + 1];
    }

    /// <summary>The LU of the real system (after a successful iteration it holds the last factorization).</summary>
    public SparseLU Lu => _lu;

    /// <summary>Unknown indices that failed the convergence test on the last iteration of a failed <see cref="Iterate"/>.</summary>
    public IReadOnlyList<int> LastNonConverged => _lastNonConverged;

    /// <summary>Set when the last <see cref="Iterate"/> failed because the matrix was singular even after a fresh
    /// pivot search (the caller may still recover, e.g. by gmin stepping or a smaller time step).</summary>
    public SingularCircuitException? LastSingular { get; private set; }

    /// <summary>Holds nodes at values during DC solutions with init mode Junction/Fix (.nodeset).</summary>
    public void SetNodesets(IEnumerable<(int Index, double Value)> nodes) => Fill(_nodesets, nodes);

    /// <summary>Holds nodes at values during a transient's operating point without UIC (.ic).</summary>
    public void SetInitialConditions(IEnumerable<(int Index, double Value)> nodes) => Fill(_initialConditions, nodes);

    public bool HasNodesets => _nodesets.Count > 0;

    private void Fill(List<ForcedNode> target, IEnumerable<(int Index, double Value)> nodes)
    {
        target.Clear();
        var rows = _mna.RowIndices;
        var cols = _mna.ColumnIndices;
        foreach (var (index, value) in nodes)
        {
            var entries = new List<int>();
            var hasCurrent = false;
            for (var k = 0; k < rows.Length; k++)
            {
                if (rows[k] != index - 1) continue;
                if (_isVoltage[cols[k] + 1]) entries.Add(k + 1);
                else hasCurrent = true;
            }
            target.Add(new ForcedNode(index, value, _mna.GetHandle(index, index), entries.ToArray(), hasCurrent));
        }
    }

    /// <summary>The constant devices' stamps must be made again (their temperature or a swept value changed).</summary>
    public void ConstantsChanged() => _constantsStale = true;

    /// <summary>Starts the system from the constant devices' stamps (zeros without them) and loads every other device at
    /// the present iterate, then applies nodesets, held initial conditions and the diagonal gmin.</summary>
    public void Load()
    {
        var t0 = Stopwatch.GetTimestamp();
        if (_constantValues is { } constants)
        {
            if (_constantsStale)
            {
                Array.Clear(constants);
                foreach (var c in _constantLoaders) c.LoadConstant(constants);
                _constantsStale = false;
            }
            constants.CopyTo(_mna.Values, 0);
            Array.Clear(_mna.Rhs);
        }
        else _mna.Clear();
        foreach (var l in _loaders) l.Load();
        var s = _state;
        if (s.IsDc)
        {
            if (s.Init is InitMode.Junction or InitMode.Fix) Force(_nodesets, s.SourceFactor);
            if (s.IsTranOp && !s.UseInitialConditions) Force(_initialConditions, 1.0);
        }
        var shunt = s.DiagonalGmin + _shunt;
        if (shunt != 0)
        {
            var values = _mna.Values;
            foreach (var h in _nodeDiagonals) values[h] += shunt;
        }
        _stats.LoadTicks += Stopwatch.GetTimestamp() - t0;
    }

    private void Force(List<ForcedNode> nodes, double scale)
    {
        var values = _mna.Values;
        var rhs = _mna.Rhs;
        foreach (var f in nodes)
        {
            foreach (var h in f.VoltageEntries) values[h] = 0;
            if (f.HasCurrentEntries)
            {
                rhs[f.Index] = 1e10 * f.Value * scale;
                values[f.Diagonal] = 1e10;
            }
            else
            {
                rhs[f.Index] = f.Value * scale;
                values[f.Diagonal] = 1;
            }
        }
    }

    /// <summary>Adds the RSHUNT resistors to an AC matrix (ngspice puts them in every analysis).</summary>
    public void AddShunts(Span<System.Numerics.Complex> values)
    {
        if (_shunt == 0) return;
        foreach (var h in _nodeDiagonals) values[h] += _shunt;
    }

    /// <summary>Asks for a fresh pivot search on the next factorization.</summary>
    public void RequestRepivot()
    {
        _lu.RequestRepivot();
        _repivotPending = true;
    }

    /// <summary>The fewest iterations an attempt is given, whatever the caller asks for: ngspice's NIiter raises every
    /// limit below 100 to 100 ("some convergence issues that get resolved by increasing max iter"), so ITL4 = 10 and
    /// ITL2 = 50 act as 100 there, and a transient step is cut only after 100 failed iterations.</summary>
    public const int IterationFloor = 100;

    /// <summary>Runs Newton iterations until convergence or max(<paramref name="maxIterations"/>,
    /// <see cref="IterationFloor"/>); true when converged.</summary>
    /// <remarks>A matrix that stays singular after a fresh pivot search ends the attempt as not converged and is
    /// reported in <see cref="LastSingular"/>, as ngspice lets gmin stepping or a step cut deal with it.</remarks>
    public bool Iterate(int maxIterations)
    {
        maxIterations = Math.Max(maxIterations, IterationFloor);
        var s = _state;
        _lastNonConverged.Clear();
        LastSingular = null;
        if (s.IsTranOp && s.UseInitialConditions)
        {
            // UIC: no operating point, the devices just store their initial states
            s.Iteration = 1;
            Load();
            return true;
        }

        var iteration = 0;
        var ipass = false;
        var repivoted = false;
        while (true)
        {
            s.NonConvergenceCount = 0;
            s.Iteration = iteration + 1;
            Load();
            iteration++;
            _stats.NewtonIterations++;
            if (s.Init == InitMode.Junction || (s.Init == InitMode.Transient && iteration == 1)) RequestRepivot();
            // a linear circuit's first transient solution is exact: the load just made at it stored the devices' states
            // there, and solving the same system again would only confirm it to rounding (ngspice does that second
            // solve; the points differ from ours by rounding)
            // (only a finite one: a NaN or infinite solution, e.g. from a 1e308 source, must fail the step as before,
            // or the step is cut forever without a check of the cancellation)
            if (_linear && iteration == 2 && s.IsTransient && s.Init == InitMode.Float && AllFinite(s.Solution)) return true;

            switch (Factor(ref repivoted))
            {
                case FactorOutcome.Retry: continue; // a reused pivot failed: reload and factor with a fresh pivot search
                case FactorOutcome.Singular: return false;
            }
            Solve();

            if (iteration > maxIterations)
            {
                CollectNonConverged();
                return false;
            }

            var nonConverged = s.NonConvergenceCount != 0 || iteration == 1 || !IsConverged();

            switch (s.Init)
            {
                case InitMode.Float:
                    if (s.IsDc && HasNodesets)
                    {
                        if (ipass) nonConverged = true;
                        ipass = false;
                    }
                    if (!nonConverged) return true;
                    break;
                case InitMode.Junction:
                    s.Init = InitMode.Fix;
                    RequestRepivot();
                    break;
                case InitMode.Fix:
                    if (!nonConverged) s.Init = InitMode.Float;
                    ipass = true;
                    break;
                case InitMode.SmallSignal:
                case InitMode.Predict:
                    s.Init = InitMode.Float;
                    break;
                case InitMode.Transient:
                    if (iteration <= 1) RequestRepivot();
                    s.Init = InitMode.Float;
                    break;
            }

            (s.Solution, _next) = (_next, s.Solution);
        }
    }

    private enum FactorOutcome { Done, Retry, Singular }

    private FactorOutcome Factor(ref bool repivoted)
    {
        var t0 = Stopwatch.GetTimestamp();
        var values = _mna.LuValues;
        if (_factorValid && !_repivotPending &&
            MemoryMarshal.Cast<double, long>(values).SequenceEqual(MemoryMarshal.Cast<double, long>(_factored.AsSpan())))
        {
            _stats.FactorTicks += Stopwatch.GetTimestamp() - t0;
            return FactorOutcome.Done;
        }
        try
        {
            _factorValid = false;
            var before = _lu.Statistics.FullFactorizations;
            _lu.Factor(values);
            _stats.Factorizations++;
            if (_lu.Statistics.FullFactorizations != before) _stats.Repivots++;
            if (_factored.Length != values.Length) _factored = new double[values.Length];
            values.CopyTo(_factored);
            _factorValid = true;
            _repivotPending = false;
            return FactorOutcome.Done;
        }
        catch (SingularMatrixException e)
        {
            if (!repivoted && !e.Structural)
            {
                // SPICE: a refactorization that hits a bad pivot retries with a fresh pivot search
                repivoted = true;
                RequestRepivot();
                return FactorOutcome.Retry;
            }
            var what = _unknowns.Describe(e.Index + 1);
            RequestRepivot();
            LastSingular = new SingularCircuitException(
                $"singular matrix: no usable pivot for {what}" + (e.Structural
                    ? " (it is not connected to anything that determines it)"
                    : " (check for a floating node, a loop of voltage sources or inductors, or a current source in series with a capacitor;" +
                      " .options rshunt=1e12 puts a 1e12 Ohm resistor from every node to ground)"),
                _unknowns[e.Index + 1].Name, e);
            return FactorOutcome.Singular;
        }
        finally
        {
            _stats.FactorTicks += Stopwatch.GetTimestamp() - t0;
        }
    }

    private void Solve()
    {
        var t0 = Stopwatch.GetTimestamp();
        Array.Copy(_mna.Rhs, _next, _next.Length);
        _lu.Solve(_next.AsSpan(1));
        _next[0] = 0;
        _stats.Solves++;
        _stats.SolveTicks += Stopwatch.GetTimestamp() - t0;
    }

    /// <summary>SPICE's NIconvTest: every unknown within tolerance of its previous iterate, then the devices' tests.</summary>
    private bool IsConverged()
    {
        var o = _state.Options;
        var x = _next;
        var old = _state.Solution;
        for (var i = 1; i < x.Length; i++)
        {
            var nw = x[i];
            var od = old[i];
            var tol = o.RelTol * Math.Max(Math.Abs(od), Math.Abs(nw)) + (_isVoltage[i] ? o.VnTol : o.AbsTol);
            if (!(Math.Abs(nw - od) <= tol)) return false; // NaN fails too
        }
        _state.NewSolution = x;
        foreach (var c in _convergers)
            if (!c.IsConverged()) return false;
        return true;
    }

    private void CollectNonConverged()
    {
        var o = _state.Options;
        var x = _next;
        var old = _state.Solution;
        for (var i = 1; i < x.Length; i++)
        {
            var tol = o.RelTol * Math.Max(Math.Abs(old[i]), Math.Abs(x[i])) + (_isVoltage[i] ? o.VnTol : o.AbsTol);
            if (!(Math.Abs(x[i] - old[i]) <= tol)) _lastNonConverged.Add(i);
        }
    }

    /// <summary>Copies the present solution (for gmin/source stepping and DC sweeps to restart from).</summary>
    public void SaveSolution(double[] target) => Array.Copy(_state.Solution, target, target.Length);

    public void RestoreSolution(double[] source) => Array.Copy(source, _state.Solution, source.Length);

    private static bool AllFinite(double[] values)
    {
        foreach (var v in values)
            if (!double.IsFinite(v)) return false;
        return true;
    }
}
