namespace CircuitSim.Core.Simulations;

/// <summary>
/// The state every behavior reads while loading: the present Newton iterate, the analysis and init modes,
/// the time step and integration coefficients, and the shared device states. One instance per simulation;
/// fields (not properties) because devices read them on every load.
/// </summary>
public sealed class SimulationState
{
    public SimulationState(SimulationOptions options)
    {
        Options = options;
        Gmin = options.Gmin;
        Temperature = options.TemperatureKelvin;
        NominalTemperature = options.NominalTemperatureKelvin;
    }

    public SimulationOptions Options { get; }

    /// <summary>The iterate devices evaluate at (index 0 = ground = 0). Swapped by the solver, never reallocated
    /// during a run, but read it through this field rather than caching the array.</summary>
    public double[] Solution = Array.Empty<double>();

    /// <summary>The iterate just solved for, which device convergence tests compare their linearization against
    /// (valid only inside <see cref="Behaviors.IConvergenceBehavior.IsConverged"/>).</summary>
    public double[] NewSolution = Array.Empty<double>();

    public AnalysisMode Mode;
    public InitMode Init;

    /// <summary>The Newton iteration of the present solve, from 1 (set by the solver before each load).</summary>
    public int Iteration;

    /// <summary>Time of the point being solved, s.</summary>
    public double Time;
    /// <summary>Present time step, s.</summary>
    public double Delta;
    /// <summary>Past steps: [0] = present, [1] = the one before, ...</summary>
    public readonly double[] DeltaOld = new double[8];
    /// <summary>Integration order of the present step.</summary>
    public int Order = 1;
    public IntegrationMethodKind Method;
    /// <summary>Integration coefficients: dq/dt ≈ Σ Ag[i]·q(t_{n+1−i}) (see <see cref="IntegrationCoefficients"/>).</summary>
    public readonly double[] Ag = new double[8];

    /// <summary>Conductance devices put across junctions, S.</summary>
    public double Gmin;
    /// <summary>Conductance added to every node diagonal (gmin stepping), S.</summary>
    public double DiagonalGmin;
    /// <summary>Scale of every independent source (source stepping), 0..1.</summary>
    public double SourceFactor = 1;

    /// <summary>Devices increment this when they limit a junction voltage (the iteration is then not converged).</summary>
    public int NonConvergenceCount;

    /// <summary>Circuit and nominal temperature, K.</summary>
    public double Temperature;
    public double NominalTemperature;

    /// <summary>Angular frequency of the AC point being solved, rad/s.</summary>
    public double Omega;

    /// <summary>Transient print step and stop time, s (PULSE/EXP defaults depend on them).</summary>
    public double Step;
    public double FinalTime;

    public readonly StateVectors States = new();

    public bool IsTransient => (Mode & AnalysisMode.Transient) != 0;
    public bool IsTranOp => (Mode & AnalysisMode.TranOp) != 0;
    /// <summary>Any DC solution: operating point, transient operating point or sweep point (SPICE's MODEDC).</summary>
    public bool IsDc => (Mode & (AnalysisMode.DcOp | AnalysisMode.TranOp | AnalysisMode.DcSweep)) != 0;
    public bool UseInitialConditions => (Mode & AnalysisMode.Uic) != 0;

    /// <summary>
    /// Integrates the charge in state slot <paramref name="q"/> (its current goes in slot q+1) with the present
    /// method and order. Returns the companion conductance geq = Ag[0]·C and the history current
    /// ceq = i − Ag[0]·q, so the element stamps i ≈ geq·v + ceq.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void Integrate(int q, double capacitance, out double geq, out double ceq)
    {
        var s0 = States.State0;
        double current;
        if (Method == IntegrationMethodKind.Trapezoidal)
        {
            var s1 = States.State1;
            current = Order == 1
                ? Ag[0] * s0[q] + Ag[1] * s1[q]
                : -s1[q + 1] * Ag[1] + Ag[0] * (s0[q] - s1[q]);
        }
        else current = GearCurrent(q);
        s0[q + 1] = current;
        ceq = current - Ag[0] * s0[q];
        geq = Ag[0] * capacitance;
    }

    /// <summary><see cref="Integrate(int, double, out double, out double)"/> for a device that holds its states as spans
    /// (<paramref name="q0"/>, <paramref name="q1"/>: the present and last point's, from its first slot
    /// <paramref name="first"/>) and charge slot <paramref name="k"/> among them: the trapezoidal rule reads nothing
    /// else, with the same arithmetic (Gear reads the whole history through the state vectors).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void Integrate(Span<double> q0, ReadOnlySpan<double> q1, int first, int k, double capacitance, out double geq, out double ceq)
    {
        var ag = Ag;
        double current;
        if (Method == IntegrationMethodKind.Trapezoidal)
            current = Order == 1 ? ag[0] * q0[k] + ag[1] * q1[k] : -q1[k + 1] * ag[1] + ag[0] * (q0[k] - q1[k]);
        else current = GearCurrent(first + k);
        q0[k + 1] = current;
        ceq = current - ag[0] * q0[k];
        geq = ag[0] * capacitance;
    }

    private double GearCurrent(int q)
    {
        var current = Ag[0] * States.State0[q];
        for (var i = 1; i <= Order; i++) current += Ag[i] * States[i][q];
        return current;
    }

    /// <summary>
    /// The largest step the local truncation error of charge slot <paramref name="q"/> allows (SPICE's CKTterr):
    /// divided differences of the charge history estimate the next derivative; tolerance from RELTOL, ABSTOL,
    /// CHGTOL and TRTOL.
    /// </summary>
    public double TruncationStep(int q) => TruncationStep(new ReadOnlySpan<int>(in q));

    /// <summary>The smallest step any of the charge slots <paramref name="charges"/> allows (<see
    /// cref="TruncationStep(int)"/> for each): one pass with the step history and tolerances read once, for a batch
    /// of devices (a ladder's 10 000 capacitors, a model's MOSFETs), four charges at a time.</summary>
    public double TruncationStep(ReadOnlySpan<int> charges)
    {
        var st = States;
        var o = Options;
        var e = new TruncationError(st.State0, st.State1, st.State2, Order == 2 ? st[3] : st.State2, Order, DeltaOld[0],
            DeltaOld[1], DeltaOld[2], Delta, o.AbsTol, o.RelTol, o.ChgTol, o.TrTol, IntegrationCoefficients.ErrorConstant(Method, Order));
        if (Order > 2)
        {
            var smallest = double.PositiveInfinity;
            foreach (var q in charges) smallest = Math.Min(smallest, Math.Exp(Math.Log(e.Bound(q, DividedDifference(q))) / Order));
            return smallest;
        }
        // the square root is monotonic and correctly rounded: the root of the smallest is the smallest root
        var bound = e.SmallestBound(charges);
        return Order == 2 ? Math.Sqrt(bound) : bound;
    }

    /// <summary>The (order+1)-th divided difference of charge slot <paramref name="q"/> over the stored history.</summary>
    private double DividedDifference(int q)
    {
        Span<double> diff = stackalloc double[8];
        Span<double> deltmp = stackalloc double[8];
        for (var i = Order + 1; i >= 0; i--) diff[i] = States[i][q];
        for (var i = 0; i <= Order; i++) deltmp[i] = DeltaOld[i];
        var j = Order;
        while (true)
        {
            for (var i = 0; i <= j; i++) diff[i] = (diff[i] - diff[i + 1]) / deltmp[i];
            if (--j < 0) break;
            for (var i = 0; i <= j; i++) deltmp[i] = deltmp[i + 1] + DeltaOld[i];
        }
        return diff[0];
    }

    /// <summary>Linear extrapolation of state slot <paramref name="index"/> to the present time (SPICE's DEVpred).</summary>
    public double Predict(int index)
    {
        var xfact = Delta / DeltaOld[1];
        return (1 + xfact) * States.State1[index] - xfact * States.State2[index];
    }
}
