using CircuitSim.Core.Behaviors;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;
using CircuitSim.Magnetics;
using CircuitSim.Spintronics.Common;

namespace CircuitSim.Spintronics.DomainWall;

/// <summary>Initial configuration of a domain-wall MTJ.</summary>
public enum DomainWallState
{
    /// <summary>Uniform parallel (q = L).</summary>
    P,
    /// <summary>Uniform antiparallel (q = 0).</summary>
    AP,
    /// <summary>A wall at <c>q0</c>.</summary>
    Wall,
}

/// <summary>
/// Domain-wall MTJ memristor YDWMTJ (free, reference, model): one wall at q in a track of length L (P region [0, q]),
/// G = (q/L)·G_P + (1 − q/L)·G_AP(V). A positive current (into n+, the free-layer side: electrons from the reference
/// layer) pushes the wall towards P. Nucleation rule: in a uniform state a wall appears x_nuc from the track end
/// at the end of the first circuit step that starts with |J| above j_nuc in the sign that leaves that state
/// (positive J leaves AP, negative leaves P); a wall that reaches an end annihilates into the uniform state.
/// </summary>
public sealed class DomainWallMtj : Component
{
    public DomainWallMtj(string name, string free, string reference, string model) : base(name, free, reference) => ModelName = model;

    public string ModelName { get; }

    [Parameter("state", "init")] public DomainWallState InitialState { get; set; } = DomainWallState.AP;
    /// <summary>Initial wall position when state = wall, m.</summary>
    [Parameter("q0")] public double? InitialPosition { get; set; }
    /// <summary>Seed of the thermal noise.</summary>
    [Parameter("seed")] public double Seed { get; set; } = 1;
    /// <summary>Seed of the random pinning landscape (overrides the model's: device-to-device variability).</summary>
    [Parameter("pinseed")] public double? PinningSeed { get; set; }
    [Parameter("temp")] public double? Temperature { get; set; }

    public override IEnumerable<(int, int)> DcPaths => new[] { (0, 1) };

    public override Behavior CreateBehavior(BindingContext context)
    {
        var model = context.GetModel<DomainWallMtjModel>(ModelName, Name);
        PinningLandscape landscape;
        try
        {
            landscape = model.Landscape(PinningSeed);
        }
        catch (FormatException e)
        {
            throw new CircuitException($"{Name}: {e.Message}", Name);
        }
        return new DomainWallMtjBehavior(this, model, landscape, context.Nodes(this));
    }
}

internal sealed class DomainWallDeviceState : IDeviceState<DomainWallDeviceState>
{
    /// <summary>(q/Δ, φ).</summary>
    public readonly double[] Y = new double[2];
    public bool HasWall;
    /// <summary>Uniform state when there is no wall: true = P.</summary>
    public bool UniformParallel;
    public AdaptiveStepState Adaptive;
    public StochasticHeunState Heun;

    public void CopyFrom(DomainWallDeviceState other)
    {
        Y[0] = other.Y[0];
        Y[1] = other.Y[1];
        HasWall = other.HasWall;
        UniformParallel = other.UniformParallel;
        Adaptive = other.Adaptive;
        Heun = other.Heun;
    }
}

internal sealed class DomainWallMtjBehavior : StatefulDeviceBehavior<DomainWallDeviceState>
{
    private readonly DomainWallMtjModel _m;
    private readonly TunnelMagnetoresistance _tmr;
    private readonly CollectiveCoordinates _wall;
    private readonly DormandPrince54 _deterministic;
    private readonly StochasticHeun? _stochastic;
    private readonly double _hstPerCurrent;
    private double _t0, _v0, _slope;

    public DomainWallMtjBehavior(DomainWallMtj device, DomainWallMtjModel model, PinningLandscape landscape, int[] nodes)
        : base(device.Name, nodes, new DomainWallDeviceState(), new DomainWallDeviceState())
    {
        _m = model;
        Landscape = landscape;
        _tmr = new TunnelMagnetoresistance(1 / model.ParallelResistance, model.Tmr0, model.HalfBias);
        _hstPerCurrent = SpinTransfer.SlonczewskiField(1 / model.Area, model.Efficiency, model.SaturationMagnetization, model.FreeLayerThickness);
        var temperature = device.Temperature ?? model.Temperature;
        _wall = new CollectiveCoordinates(model.Damping, model.WallWidth, model.WallAnisotropyField, model.SaturationMagnetization)
        {
            AppliedField = model.AppliedField,
            FieldLikeRatio = model.FieldLikeRatio,
            SlonczewskiTorque = model.SlonczewskiOn != 0,
            Pinning = landscape,
            Temperature = temperature,
            WallVolume = model.WallVolume,
            SpinTorqueField = SpinTorqueFieldAt,
        };
        _deterministic = new DormandPrince54(2, new DormandPrinceOptions { RelativeTolerance = model.RelativeTolerance, AbsoluteTolerance = model.RelativeTolerance });
        if (temperature > 0) _stochastic = new StochasticHeun(2, 2, model.ThermalStep);

        var s = Committed;
        s.Heun = new StochasticHeunState((ulong)device.Seed);
        switch (device.InitialState)
        {
            case DomainWallState.P:
                s.UniformParallel = true;
                break;
            case DomainWallState.AP:
                s.UniformParallel = false;
                break;
            default:
                var q0 = device.InitialPosition ?? model.Length / 2;
                if (!(q0 > 0 && q0 < model.Length))
                    throw new CircuitException($"{device.Name}: q0 = {q0:G4} m is not inside the track (0, {model.Length:G4})", device.Name);
                s.HasWall = true;
                s.Y[0] = q0 / model.WallWidth;
                break;
        }
    }

    public PinningLandscape Landscape { get; }

    /// <summary>Fraction of the track that is parallel.</summary>
    private double ParallelFraction(DomainWallDeviceState s) =>
        s.HasWall ? Math.Clamp(s.Y[0] * _m.WallWidth / _m.Length, 0, 1) : s.UniformParallel ? 1 : 0;

    private double Voltage(double t) => _v0 + _slope * (t - _t0);

    /// <summary>H_ST at time t for a wall at q: from the junction current I(q, V)/(W·L), or from the local current
    /// density at the wall V·(g_P + g_AP)/2 (jmode=local), which does not depend on q.</summary>
    private double SpinTorqueFieldAt(double t, double q)
    {
        var v = Voltage(t);
        var f = _m.CurrentDensityMode == WallCurrentDensity.Local ? 0.5 : Math.Clamp(q / _m.Length, 0, 1);
        var (current, _, _) = _tmr.Evaluate(f, v);
        return _hstPerCurrent * current;
    }

    protected override void Advance(DomainWallDeviceState state, double t0, double t1, ReadOnlySpan<double> v0, ReadOnlySpan<double> v1)
    {
        _t0 = t0;
        _v0 = v0[0] - v0[1];
        _slope = t1 > t0 ? (v1[0] - v1[1] - _v0) / (t1 - t0) : 0;
        if (!state.HasWall)
        {
            // nucleation is decided on the current at the start of the step (the committed voltage): a decision
            // taken on the Newton iterate would flip between iterations, since a wall changes the voltage it sees
            var f = state.UniformParallel ? 1.0 : 0.0;
            var j = _tmr.Evaluate(f, _v0).Current / _m.Area;
            if (state.UniformParallel && j < -_m.NucleationCurrentDensity)
                Nucleate(state, _m.Length - _m.NucleationDistance);
            else if (!state.UniformParallel && j > _m.NucleationCurrentDensity)
                Nucleate(state, _m.NucleationDistance);
            return;
        }
        var r = _stochastic is null
            ? _deterministic.Advance(_wall, t0, t1, state.Y, ref state.Adaptive)
            : _stochastic.Advance(_wall, t0, t1, state.Y, ref state.Heun);
        if (r.Status != IntegrationStatus.Completed)
            throw new SimulationException($"{Name}: the domain-wall dynamics failed at t = {r.TimeReached:G6} s ({r.Status})");
        var q = state.Y[0] * _m.WallWidth;
        if (q <= 0 || q >= _m.Length)
        {
            state.HasWall = false;
            state.UniformParallel = q >= _m.Length;
        }
    }

    private void Nucleate(DomainWallDeviceState state, double q)
    {
        state.HasWall = true;
        state.Y[0] = q / _m.WallWidth;
        state.Y[1] = 0;
        state.Adaptive = default;
    }

    protected override void Evaluate(DomainWallDeviceState state, ReadOnlySpan<double> v, Span<double> currents, Span<double> jacobian)
    {
        var (i, _, gd) = _tmr.Evaluate(ParallelFraction(state), v[0] - v[1]);
        StampTwoTerminal(currents, jacobian, i, gd);
    }

    protected override double ProposeStepAfter(DomainWallDeviceState committed, DomainWallDeviceState trial, double step)
    {
        // nucleation and annihilation are jumps no step size resolves: only wall motion limits the step
        if (!committed.HasWall || !trial.HasWall) return double.PositiveInfinity;
        return StepForChange(step, Math.Abs(ParallelFraction(trial) - ParallelFraction(committed)) * _m.Length, _m.MaxDisplacement);
    }

    public override IEnumerable<string> ProbeNames => new[] { "q", "phi", "x", "r", "g", "i", "j", "hst", "wall" };

    public override Func<double>? GetProbe(string quantity) => quantity.ToLowerInvariant() switch
    {
        "q" => () => ParallelFraction(Present) * _m.Length,
        "phi" => () => Present.Y[1],
        "x" => () => ParallelFraction(Present),
        "g" => () => _tmr.Evaluate(ParallelFraction(Present), Bias).Conductance,
        "r" => () => 1 / _tmr.Evaluate(ParallelFraction(Present), Bias).Conductance,
        "i" => () => _tmr.Evaluate(ParallelFraction(Present), Bias).Current,
        "j" => () => _tmr.Evaluate(ParallelFraction(Present), Bias).Current / _m.Area,
        "hst" => () => _hstPerCurrent * _tmr.Evaluate(ParallelFraction(Present), Bias).Current,
        "wall" => () => Present.HasWall ? 1 : 0,
        _ => null,
    };

    private double Bias => TerminalVoltage(0) - TerminalVoltage(1);
}
