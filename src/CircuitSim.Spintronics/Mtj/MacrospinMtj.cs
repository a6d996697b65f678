using CircuitSim.Core.Behaviors;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;
using CircuitSim.Magnetics;
using CircuitSim.Spintronics.Common;

namespace CircuitSim.Spintronics.Mtj;

/// <summary>Initial magnetic configuration of an MTJ.</summary>
public enum MtjState { P, AP }

/// <summary>
/// Macrospin perpendicular STT-MTJ YMTJ (free, reference, model). Terminal order: n+ is the free-layer side, n− the
/// reference layer; a positive device current (into n+) means electrons flow from the reference into the free layer,
/// which drives m towards p (docs/physics.md §2.4): P favoured. G = G_P(1 + m·p)/2 + G_AP(V)(1 − m·p)/2.
/// </summary>
public sealed class MacrospinMtj : Component
{
    public MacrospinMtj(string name, string free, string reference, string model) : base(name, free, reference) => ModelName = model;

    public string ModelName { get; }

    /// <summary>Initial state, P or AP.</summary>
    [Parameter("state", "init")] public MtjState InitialState { get; set; } = MtjState.P;
    /// <summary>Initial tilt from the easy axis, degrees (default: the 300 K thermal r.m.s. angle 1/√(2Δ)).</summary>
    [Parameter("theta0")] public double? InitialTiltDegrees { get; set; }
    /// <summary>Seed of the thermal field.</summary>
    [Parameter("seed")] public double Seed { get; set; } = 1;
    /// <summary>Temperature, K (overrides the model's).</summary>
    [Parameter("temp")] public double? Temperature { get; set; }

    public override IEnumerable<(int, int)> DcPaths => new[] { (0, 1) };

    public override Behavior CreateBehavior(BindingContext context)
    {
        var model = context.GetModel<MtjModel>(ModelName, Name);
        return new MacrospinMtjBehavior(this, model, context.Nodes(this));
    }

    /// <summary>Δ = μ0·Ms·H_k,eff·V / (2·kB·T), the thermal stability factor at <paramref name="temperature"/>.</summary>
    public static double ThermalStability(MtjModel m, double temperature) =>
        PhysicalConstants.Mu0 * m.SaturationMagnetization * m.AnisotropyField * m.Volume / (2 * PhysicalConstants.Boltzmann * temperature);

    /// <summary>I_c0 = 2e·α·μ0·Ms·V·H_k,eff / (ħ·η): the zero-temperature critical current for constant η, A.</summary>
    public static double CriticalCurrent(MtjModel m) =>
        2 * PhysicalConstants.ElementaryCharge * m.Damping * PhysicalConstants.Mu0 * m.SaturationMagnetization * m.Volume * m.AnisotropyField
        / (PhysicalConstants.ReducedPlanck * m.Efficiency);
}

internal sealed class MtjDeviceState : IDeviceState<MtjDeviceState>
{
    public readonly double[] M = new double[3];
    public AdaptiveStepState Adaptive;
    public StochasticHeunState Heun;

    public void CopyFrom(MtjDeviceState other)
    {
        Array.Copy(other.M, M, 3);
        Adaptive = other.Adaptive;
        Heun = other.Heun;
    }
}

/// <summary>
/// The free layer's LLG (anisotropy, Zeeman, Slonczewski and field-like torques, Brown thermal field), driven by the
/// junction's own current: at every evaluation the current density is G(m, v(t))·v(t)/area with v linear across the
/// circuit step. T = 0 uses Dormand–Prince 5(4); T &gt; 0 the stochastic Heun scheme with a fixed sub-step.
/// </summary>
internal sealed class MacrospinMtjBehavior : StatefulDeviceBehavior<MtjDeviceState>
{
    private readonly MtjModel _m;
    private readonly TunnelMagnetoresistance _tmr;
    private readonly double _p;
    private readonly double _temperature;
    private readonly DrivenFreeLayer _layer;
    private readonly DormandPrince54 _deterministic;
    private readonly StochasticHeun? _stochastic;

    public MacrospinMtjBehavior(MacrospinMtj device, MtjModel model, int[] nodes)
        : base(device.Name, nodes, new MtjDeviceState(), new MtjDeviceState())
    {
        _m = model;
        _p = Math.Sign(model.ReferenceDirection) is 0 ? 1 : Math.Sign(model.ReferenceDirection);
        _tmr = new TunnelMagnetoresistance(model.ParallelConductance, model.Tmr0, model.HalfBias);
        _temperature = device.Temperature ?? model.Temperature;
        _layer = new DrivenFreeLayer(model, _tmr, _p, _temperature);
        _deterministic = new DormandPrince54(3, new DormandPrinceOptions { RelativeTolerance = model.RelativeTolerance, AbsoluteTolerance = model.RelativeTolerance * 1e-2 }, _layer.Llg);
        if (_temperature > 0) _stochastic = new StochasticHeun(3, 3, model.ThermalStep, _layer.Llg);

        var tilt = device.InitialTiltDegrees.HasValue
            ? device.InitialTiltDegrees.Value * Math.PI / 180
            : 1 / Math.Sqrt(2 * MacrospinMtj.ThermalStability(model, 300));
        var axis = device.InitialState == MtjState.P ? _p : -_p;
        var m = Committed.M;
        m[0] = Math.Sin(tilt);
        m[1] = 0;
        m[2] = axis * Math.Cos(tilt);
        Committed.Heun = new StochasticHeunState((ulong)device.Seed);
    }

    private double ParallelFraction(ReadOnlySpan<double> m) => 0.5 * (1 + _p * m[2]);

    protected override void Advance(MtjDeviceState state, double t0, double t1, ReadOnlySpan<double> v0, ReadOnlySpan<double> v1)
    {
        _layer.Drive(t0, t1, v0[0] - v0[1], v1[0] - v1[1]);
        var r = _stochastic is null
            ? _deterministic.Advance(_layer, t0, t1, state.M, ref state.Adaptive)
            : _stochastic.Advance(_layer, t0, t1, state.M, ref state.Heun);
        if (r.Status != IntegrationStatus.Completed)
            throw new SimulationException($"{Name}: the free-layer dynamics failed at t = {r.TimeReached:G6} s ({r.Status})");
    }

    protected override void Evaluate(MtjDeviceState state, ReadOnlySpan<double> v, Span<double> currents, Span<double> jacobian)
    {
        var (i, _, gd) = _tmr.Evaluate(ParallelFraction(state.M), v[0] - v[1]);
        StampTwoTerminal(currents, jacobian, i, gd);
    }

    protected override double ProposeStepAfter(MtjDeviceState committed, MtjDeviceState trial, double step)
    {
        return StepForChange(step, Math.Abs(trial.M[2] - committed.M[2]), _m.MaxStateChange);
    }

    public override IEnumerable<string> ProbeNames => new[] { "mx", "my", "mz", "r", "g", "i", "tmr", "hst", "theta" };

    public override Func<double>? GetProbe(string quantity) => quantity.ToLowerInvariant() switch
    {
        "mx" => () => Present.M[0],
        "my" => () => Present.M[1],
        "mz" => () => Present.M[2],
        "g" => () => _tmr.Evaluate(ParallelFraction(Present.M), Bias).Conductance,
        "r" => () => 1 / _tmr.Evaluate(ParallelFraction(Present.M), Bias).Conductance,
        "i" => () => _tmr.Evaluate(ParallelFraction(Present.M), Bias).Current,
        "tmr" => () => _tmr.Tmr(Bias),
        "hst" => () => _layer.SpinTorqueField(_tmr.Evaluate(ParallelFraction(Present.M), Bias).Current),
        "theta" => () => Math.Acos(Math.Clamp(_p * Present.M[2], -1, 1)) * 180 / Math.PI,
        _ => null,
    };

    private double Bias => TerminalVoltage(0) - TerminalVoltage(1);
}

/// <summary>The free layer as a (stochastic) ODE system whose spin current comes from the junction conductance.</summary>
internal sealed class DrivenFreeLayer : IStochasticOdeSystem
{
    private readonly MtjModel _m;
    private readonly TunnelMagnetoresistance _tmr;
    private readonly double _p;
    private readonly SpinTransferDrive _drive;
    private double _t0, _v0, _slope;

    public DrivenFreeLayer(MtjModel m, TunnelMagnetoresistance tmr, double p, double temperature)
    {
        _m = m;
        _tmr = tmr;
        _p = p;
        var volume = m.Volume;
        Llg = new LlgSystem(1, m.Damping);
        Llg.Add(new UniaxialAnisotropyField(1, m.SaturationMagnetization, volume, new Vec3(0, 0, 1), m.AnisotropyField));
        if (m.FieldX != 0 || m.FieldY != 0 || m.FieldZ != 0)
            Llg.Add(new ZeemanField(1, m.SaturationMagnetization, volume, new Vec3(m.FieldX, m.FieldY, m.FieldZ)));
        _drive = new SpinTransferDrive(new Vec3(0, 0, p), m.Efficiency, m.SaturationMagnetization, m.FreeLayerThickness);
        Llg.Add(new SlonczewskiTorque(_drive, 1));
        if (m.FieldLikeRatio != 0) Llg.Add(new FieldLikeTorqueField(_drive, m.FieldLikeRatio, 1, volume));
        if (temperature > 0) Llg.Thermal = new ThermalField(1, m.SaturationMagnetization, volume, temperature);
    }

    public LlgSystem Llg { get; }
    public int Dimension => 3;
    public int NoiseDimension => Llg.NoiseDimension;

    public void Drive(double t0, double t1, double v0, double v1)
    {
        _t0 = t0;
        _v0 = v0;
        _slope = t1 > t0 ? (v1 - v0) / (t1 - t0) : 0;
    }

    public void SetNoise(ReadOnlySpan<double> standardNormals, double dt) => Llg.SetNoise(standardNormals, dt);

    public void Derivative(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        var v = _v0 + _slope * (t - _t0);
        var cos = _p * y[2];
        var (current, _, _) = _tmr.Evaluate(0.5 * (1 + cos), v);
        _drive.CurrentDensity = current / _m.JunctionArea;
        _drive.Efficiency = _m.EfficiencyMode == SpinTorqueEfficiency.Constant
            ? _m.Efficiency
            : _m.Polarization / (2 * (1 + _m.Polarization * _m.Polarization * cos));
        Llg.Derivative(t, y, dydt);
    }

    /// <summary>H_ST for a device current, A/m.</summary>
    public double SpinTorqueField(double current) =>
        SpinTransfer.SlonczewskiField(current / _m.JunctionArea, _m.Efficiency, _m.SaturationMagnetization, _m.FreeLayerThickness);
}
