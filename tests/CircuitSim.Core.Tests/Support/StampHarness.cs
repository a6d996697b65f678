using System.Text;
using CircuitSim.Core.Analyses;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;

namespace CircuitSim.Core.Tests.Support;

/// <summary>
/// Loads a tiny circuit at a chosen point x0 without solving it, and compares the MNA matrix the devices stamp with
/// the finite-difference Jacobian of the residual F(x) = A(x)·x − b(x). For a Newton linearization, F is the vector
/// of device currents leaving each node (and the branch equations), so ∂F/∂x at x0 must equal A(x0).
/// </summary>
internal sealed class StampHarness
{
    /// <summary>
    /// Relative tolerance of the comparison, against the largest entry of the row. With the central-difference step
    /// h = 1e-7·max(1, |x|) the truncation error is h²·F‴/6 ≈ 1e-14·F‴ (≈ 1e-11 of the row for exponentials with
    /// vt ≈ 26 mV) and the round-off is ε·|F|/h ≈ 1e-9 of the row: 1e-6 leaves a thousand-fold margin on both while
    /// any wrong or missing stamp term (at least 1e-6 of its row by construction of the test points) shows.
    /// </summary>
    public const double RelativeTolerance = 1e-6;

    private StampHarness(Simulation sim) => Sim = sim;

    public Simulation Sim { get; }
    public SimulationState State => Sim.State;
    public int Size => Sim.Unknowns.Count;

    private static SimulationOptions Options(SimulationOptions? options)
    {
        var o = options?.Clone() ?? new SimulationOptions();
        o.TopologyChecks = false; // the circuits are single elements with floating terminals on purpose
        return o;
    }

    /// <summary>A DC harness (the point of a .op): charges are not loaded.</summary>
    public static StampHarness Dc(Circuit circuit, SimulationOptions? options = null)
    {
        var sim = new OperatingPoint(circuit, Options(options));
        sim.Setup();
        var h = new StampHarness(sim);
        h.State.Mode = AnalysisMode.DcOp;
        h.State.Init = InitMode.Float;
        return h;
    }

    /// <summary>
    /// A transient harness at time <paramref name="time"/> with constant past steps <paramref name="step"/>: the charge
    /// history is the one of the point <paramref name="previous"/> (loaded as the transient's operating point and copied
    /// into every past state), then the mode is switched to a transient time point with the given method and order.
    /// </summary>
    public static StampHarness Transient(Circuit circuit, IReadOnlyDictionary<string, double> previous, double time, double step,
        IntegrationMethodKind method = IntegrationMethodKind.Trapezoidal, int order = 2, SimulationOptions? options = null)
    {
        var o = Options(options);
        o.Method = method;
        o.MaxOrder = Math.Max(order, 2);
        var sim = new Transient(circuit, step, 1000 * step, options: o);
        sim.Setup();
        var h = new StampHarness(sim);
        var s = h.State;
        s.Mode = AnalysisMode.TranOp;
        s.Init = InitMode.Float;
        h.Settle(h.Vector(previous));
        for (var age = 1; age < s.States.Depth; age++) s.States.Copy(0, age);

        s.Mode = AnalysisMode.Transient;
        s.Init = InitMode.Float;
        s.Method = method;
        s.Order = order;
        s.Time = time;
        s.Delta = step;
        s.Step = step;
        s.FinalTime = 1000 * step;
        for (var i = 0; i < s.DeltaOld.Length; i++) s.DeltaOld[i] = step;
        IntegrationCoefficients.Compute(method, order, s.DeltaOld, s.Ag);
        return h;
    }

    /// <summary>The solution vector (index 0 = ground) with the named unknowns set and every other one 0.</summary>
    public double[] Vector(IReadOnlyDictionary<string, double> values)
    {
        var x = new double[Size + 1];
        foreach (var (name, v) in values)
        {
            Assert.True(Sim.Unknowns.TryGetIndex(name, out var i), $"no unknown '{name}'");
            x[i] = v;
        }
        return x;
    }

    /// <summary>Loads every device at <paramref name="x"/>.</summary>
    public void Load(double[] x)
    {
        Array.Copy(x, State.Solution, x.Length);
        State.Solution[0] = 0;
        Sim.Solver.Load();
    }

    /// <summary>
    /// Loads at <paramref name="x"/> until two loads stamp bit-identical systems, so every device's stored junction
    /// voltages equal x and no limiting acts (limiting only moves a voltage that differs from the stored one).
    /// </summary>
    public void Settle(double[] x)
    {
        Load(x);
        for (var k = 0; k < 50; k++)
        {
            var values = (double[])Sim.Mna.Values.Clone();
            var rhs = (double[])Sim.Mna.Rhs.Clone();
            Load(x);
            if (values.AsSpan().SequenceEqual(Sim.Mna.Values) && rhs.AsSpan().SequenceEqual(Sim.Mna.Rhs)) return;
        }
        Assert.Fail("the devices did not settle at the test point (limiting keeps moving the evaluation point)");
    }

    /// <summary>The stamped matrix as a dense array, indices 1..n.</summary>
    public double[,] Matrix()
    {
        var n = Size;
        var a = new double[n + 1, n + 1];
        var rows = Sim.Mna.RowIndices;
        var cols = Sim.Mna.ColumnIndices;
        for (var k = 0; k < rows.Length; k++) a[rows[k] + 1, cols[k] + 1] += Sim.Mna.Values[k + 1];
        return a;
    }

    /// <summary>F(x) = A(x)·x − b(x), indices 1..n.</summary>
    public double[] Residual(double[] x)
    {
        Load(x);
        var a = Matrix();
        var n = Size;
        var f = new double[n + 1];
        for (var i = 1; i <= n; i++)
        {
            var sum = -Sim.Mna.Rhs[i];
            for (var j = 1; j <= n; j++) sum += a[i, j] * x[j];
            f[i] = sum;
        }
        return f;
    }

    /// <summary>Central differences of <see cref="Residual"/> at <paramref name="x0"/>, step 1e-7·max(1, |x_j|).</summary>
    public double[,] FiniteDifferenceJacobian(double[] x0)
    {
        var n = Size;
        var j = new double[n + 1, n + 1];
        for (var c = 1; c <= n; c++)
        {
            var h = 1e-7 * Math.Max(1, Math.Abs(x0[c]));
            var xp = (double[])x0.Clone();
            var xm = (double[])x0.Clone();
            xp[c] += h;
            xm[c] -= h;
            var fp = Residual(xp);
            var fm = Residual(xm);
            for (var r = 1; r <= n; r++) j[r, c] = (fp[r] - fm[r]) / (xp[c] - xm[c]);
        }
        return j;
    }

    /// <summary>Settles at the point, reads A(x0), and checks it against the finite-difference Jacobian.</summary>
    public double[,] AssertStampIsJacobian(IReadOnlyDictionary<string, double> point)
    {
        var x0 = Vector(point);
        Settle(x0);
        var a = Matrix();
        var fd = FiniteDifferenceJacobian(x0);
        var n = Size;
        var report = new StringBuilder();
        for (var r = 1; r <= n; r++)
        {
            double scale = 0;
            for (var c = 1; c <= n; c++) scale = Math.Max(scale, Math.Max(Math.Abs(a[r, c]), Math.Abs(fd[r, c])));
            var tol = RelativeTolerance * scale;
            for (var c = 1; c <= n; c++)
                if (!(Math.Abs(a[r, c] - fd[r, c]) <= tol))
                    report.AppendLine($"  row {Sim.Unknowns[r].Name}, column {Sim.Unknowns[c].Name}: stamped {a[r, c]:R}, finite difference {fd[r, c]:R}");
        }
        Assert.True(report.Length == 0, "stamp differs from the Jacobian of the residual:\n" + report);
        return a;
    }

    /// <summary>The stamped entry (row, column) by unknown name (after <see cref="AssertStampIsJacobian"/>).</summary>
    public int Index(string unknown)
    {
        Assert.True(Sim.Unknowns.TryGetIndex(unknown, out var i), $"no unknown '{unknown}'");
        return i;
    }
}
