using CircuitSim.Core.Behaviors;
using CircuitSim.Core.Simulations;
using CircuitSim.Magnetics;

namespace CircuitSim.Spintronics.Amm;

internal sealed class AmmDeviceState : IDeviceState<AmmDeviceState>
{
    public AmmDeviceState(int cells) => M = new double[3 * cells];

    /// <summary>Interleaved m of every cell.</summary>
    public readonly double[] M;
    public AdaptiveStepState Adaptive;
    public StochasticHeunState Heun;

    public void CopyFrom(AmmDeviceState other)
    {
        Array.Copy(other.M, M, M.Length);
        Adaptive = other.Adaptive;
        Heun = other.Heun;
    }
}

/// <summary>
/// The ring's own current as a drive: the terminal voltage moves linearly across the circuit step and
/// j(t) = v(t)/(R(m(t))·w·t), so the current the torque sees is the one the element conducts.
/// </summary>
internal sealed class TerminalCurrentDrive : IRingCurrentDrive
{
    private readonly double _area;
    private double _t0, _v0, _slope;

    public TerminalCurrentDrive(double crossSection) => _area = crossSection;

    public void Set(double t0, double t1, double v0, double v1)
    {
        _t0 = t0;
        _v0 = v0;
        _slope = t1 > t0 ? (v1 - v0) / (t1 - t0) : 0;
    }

    public double CurrentDensity(double t, double resistance) => (_v0 + _slope * (t - _t0)) / (resistance * _area);
}

/// <summary>
/// YAMM on the stateful-device contract. Each circuit step advances the committed texture with the terminal voltage
/// linear across the step (Dormand–Prince 5(4) at T = 0, stochastic Heun with a fixed sub-step at T &gt; 0, seeded)
/// and stamps I = V/R(m), ∂I/∂V = 1/R. A step over which ⟨(m·T)²⟩ changes by more than <c>dtmax</c> is rejected.
/// </summary>
internal sealed class AmmRingBehavior : StatefulDeviceBehavior<AmmDeviceState>
{
    private const int TrackedWalls = 8;

    private readonly AmmModel _model;
    private readonly RingGeometry _ring;
    private readonly RingDynamics _dynamics;
    private readonly TerminalCurrentDrive _drive;
    private readonly DormandPrince54 _deterministic;
    private readonly StochasticHeun? _stochastic;
    private readonly RingWallTracker _walls;
    private readonly double[] _split0, _split1;
    private long _version;
    private ProbeValues _probe;

    public AmmRingBehavior(string name, int[] nodes, AmmModel model, AmmSetup setup)
        : base(name, nodes, new AmmDeviceState(setup.Ring.CellCount), new AmmDeviceState(setup.Ring.CellCount))
    {
        _model = model;
        _ring = setup.Ring;
        _dynamics = setup.Dynamics;
        Preparation = setup;
        _drive = new TerminalCurrentDrive(_ring.CrossSection);
        _dynamics.Drive = _drive;
        _dynamics.Alpha = model.Damping;
        _deterministic = new DormandPrince54(_dynamics.Dimension, AmmRing.Tolerances(model), _dynamics);
        if (_dynamics.NoiseDimension > 0)
            _stochastic = new StochasticHeun(_dynamics.Dimension, _dynamics.NoiseDimension, ThermalStep(model, _ring), _dynamics);
        Array.Copy(setup.Texture, Committed.M, Committed.M.Length);
        Committed.Heun = new StochasticHeunState(setup.Seed);
        _walls = new RingWallTracker(_ring, TrackedWalls);
        _walls.Update(Committed.M);
        _split0 = new double[_dynamics.Dimension];
        _split1 = new double[_dynamics.Dimension];
        _probe.Version = -1;
    }

    /// <summary>Stops a long integration (a run being interrupted) with <see cref="OperationCanceledException"/>.</summary>
    public CancellationToken Cancellation
    {
        init
        {
            _deterministic.Cancellation = value;
            if (_stochastic is not null) _stochastic.Cancellation = value;
        }
    }

    /// <summary>How the ring was prepared (relaxation time, cache hit).</summary>
    internal AmmSetup Preparation { get; }

    /// <summary>The model's sub-step, or 0.2/ω_max with ω_max the top of the exchange + shape spectrum (rad/s).</summary>
    private static double ThermalStep(AmmModel m, RingGeometry ring)
    {
        if (m.ThermalStep > 0) return m.ThermalStep;
        double exchange = 8 * m.ExchangeStiffness / (PhysicalConstants.Mu0 * m.SaturationMagnetization * ring.CellLength * ring.CellLength);
        return 0.2 / (PhysicalConstants.Gamma0 * (exchange + m.SaturationMagnetization));
    }

    protected override void Advance(AmmDeviceState state, double t0, double t1, ReadOnlySpan<double> v0, ReadOnlySpan<double> v1)
    {
        _drive.Set(t0, t1, v0[0] - v0[1], v1[0] - v1[1]);
        var r = _stochastic is null
            ? _deterministic.Advance(_dynamics, t0, t1, state.M, ref state.Adaptive)
            : _stochastic.Advance(_dynamics, t0, t1, state.M, ref state.Heun);
        _version++;
        if (r.Status != IntegrationStatus.Completed)
            throw new SimulationException($"{Name}: the ring's magnetization dynamics failed at t = {r.TimeReached:G6} s ({r.Status})");
    }

    protected override void Evaluate(AmmDeviceState state, ReadOnlySpan<double> v, Span<double> currents, Span<double> jacobian)
    {
        double g = 1.0 / _dynamics.Amr.Resistance(state.M);
        StampTwoTerminal(currents, jacobian, g * (v[0] - v[1]), g);
    }

    protected override double ProposeMaxStep(AmmDeviceState committed) => _model.MaxStep > 0 ? _model.MaxStep : double.PositiveInfinity;

    protected override double ProposeStepAfter(AmmDeviceState committed, AmmDeviceState trial, double step)
    {
        double change = Math.Abs(_dynamics.Amr.MeanTangentialSquare(trial.M) - _dynamics.Amr.MeanTangentialSquare(committed.M));
        return _model.MaxTextureChange > 0 ? StepForChange(step, change, _model.MaxTextureChange) : double.PositiveInfinity;
    }

    protected override void OnCommitted(double time, bool isTransient)
    {
        if (!isTransient) return; // the committed texture stands at an operating point
        _walls.Update(Committed.M);
        _version++;
    }

    public override IEnumerable<string> ProbeNames => new[]
    {
        "r", "g", "i", "v", "j", "rho", "tm2", "drdt", "drhodt", "beta", "eta", "mt", "mr", "mz", "mx", "my", "winding",
        "nwalls", "wall1", "wall2", "wall3", "wall4", "dwdist", "ron", "roff",
    };

    public override Func<double>? GetProbe(string quantity)
    {
        var q = quantity.ToLowerInvariant();
        if (q.StartsWith("wall", StringComparison.Ordinal) && int.TryParse(q[4..], out var index) && index >= 1 && index <= TrackedWalls)
            return () => Present == Committed ? _walls.Angle(index - 1) : double.NaN;
        return q switch
        {
            "r" => () => Values().Resistance,
            "g" => () => 1 / Values().Resistance,
            "i" => () => Bias / Values().Resistance,
            "v" => () => Bias,
            "j" => () => Values().CurrentDensity,
            "rho" => () => Values().Resistivity,
            "tm2" => () => Values().TangentialSquare,
            "drhodt" => () => Values().ResistivityRate,
            "drdt" => () => Values().ResistivityRate * _dynamics.Amr.Shape,
            "beta" => () => Values().Beta,
            "eta" => () => Values().Eta,
            "mt" => () => Values().Mean.T,
            "mr" => () => Values().Mean.R,
            "mz" => () => Values().Mean.Z,
            "mx" => () => InterleavedVectors.Average(Present.M).X,
            "my" => () => InterleavedVectors.Average(Present.M).Y,
            "winding" => () => RingTextureAnalysis.Winding(_ring, Present.M),
            "nwalls" => () => RingTextureAnalysis.FindWalls(_ring, Present.M, Span<RingWall>.Empty),
            "dwdist" => () => RingTextureAnalysis.WallPairDistance(_ring, Present.M),
            "ron" => () => _dynamics.Amr.OnResistance,
            "roff" => () => _dynamics.Amr.OffResistance,
            _ => null,
        };
    }

    private double Bias => TerminalVoltage(0) - TerminalVoltage(1);

    private struct ProbeValues
    {
        public long Version;
        public AmmDeviceState? State;
        public double Bias;
        public double Resistance, Resistivity, TangentialSquare, CurrentDensity, Beta, Eta, ResistivityRate;
        public (double T, double R, double Z) Mean;
    }

    /// <summary>Every derived quantity of the present texture and bias, computed once per point.</summary>
    private ref ProbeValues Values()
    {
        var state = Present;
        double bias = Bias;
        if (_probe.Version == _version && ReferenceEquals(_probe.State, state) && _probe.Bias.Equals(bias)) return ref _probe;
        var m = state.M;
        var amr = _dynamics.Amr;
        _probe.Version = _version;
        _probe.State = state;
        _probe.Bias = bias;
        _probe.TangentialSquare = amr.MeanTangentialSquare(m);
        _probe.Resistivity = amr.EffectiveResistivity(m);
        _probe.Resistance = amr.Resistance(m);
        _probe.CurrentDensity = bias / (_probe.Resistance * _ring.CrossSection);
        _dynamics.Split(0, m, _split0, _split1);
        _probe.Beta = amr.ResistivityRate(m, _split1);
        _probe.Eta = -amr.ResistivityRate(m, _split0);
        _probe.ResistivityRate = _probe.Beta * _probe.CurrentDensity - _probe.Eta;
        _probe.Mean = RingTextureAnalysis.LocalMean(_ring, m);
        return ref _probe;
    }
}
