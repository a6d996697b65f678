using System.Numerics;
using CircuitSim.Core.Behaviors;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;

namespace CircuitSim.Devices.Passive;

/// <summary>Linear inductor L: inductance, H; IC = initial current, A (with UIC). Its current is an unknown (i(L1)).</summary>
public sealed class Inductor : Component
{
    public Inductor(string name, string a, string b, double inductance) : base(name, a, b) => Inductance = inductance;

    /// <summary>Inductance, H.</summary>
    [Parameter("l", "inductance", Description = "inductance, H")]
    public double Inductance { get; set; }

    /// <summary>Initial current for a UIC transient, A (flowing from the first node through the inductor).</summary>
    [Parameter("ic")]
    public double? InitialCondition { get; set; }

    [Parameter("m")]
    public double Multiplier { get; set; } = 1;

    public override IEnumerable<(int, int)> InductivePaths => new[] { (0, 1) };

    public override Behavior CreateBehavior(BindingContext context) => new InductorBehavior(this, context);
}

/// <summary>
/// Flux φ = L·i + Σ M·i_other (couplings registered by <see cref="MutualInductance"/>) integrated by the engine; the
/// branch row reads v(a) − v(b) − Ag0·L·i − Σ Ag0·M·i_other = history term. A short at DC.
/// </summary>
internal sealed class InductorBehavior : Behavior, ILinearLoadBehavior, IFrequencyBehavior, ITruncateBehavior, IBranchBehavior, IProbeSource
{
    private readonly SimulationState _s;
    private readonly MnaSystem _mna;
    private readonly int _a, _b;
    private readonly double _initial;
    private readonly List<Coupling> _couplings = new();
    private Coupling[] _coupled = Array.Empty<Coupling>();
    private int _flux, _self;
    private BranchStamp _stamp;

    private sealed class Coupling
    {
        public required InductorBehavior Other;
        public required double Mutual;
        public int Handle;
    }

    public InductorBehavior(Inductor l, BindingContext context) : base(l.Name)
    {
        _s = context.State;
        _mna = context.Mna;
        _a = context.Node(l.Nodes[0]);
        _b = context.Node(l.Nodes[1]);
        Inductance = l.Inductance / l.Multiplier;
        _initial = l.InitialCondition ?? 0;
        Branch = context.CreateBranch(l.Name);
    }

    /// <summary>Inductance, H.</summary>
    public double Inductance { get; }

    public int Branch { get; }

    /// <summary>Adds a mutual inductance M to another inductor (called by K elements at setup).</summary>
    internal void Couple(InductorBehavior other, double mutual) => _couplings.Add(new Coupling { Other = other, Mutual = mutual });

    public override void Setup(BindingContext context)
    {
        _flux = context.AllocateStates(2);
        _stamp = new BranchStamp(_mna, _a, _b, Branch);
        _self = _mna.GetHandle(Branch, Branch);
    }

    /// <summary>Takes the coupling handles once every K element has registered (K behaviors set up after inductors).</summary>
    internal void FinishCouplings()
    {
        foreach (var c in _couplings) c.Handle = _mna.GetHandle(Branch, c.Other.Branch);
        _coupled = _couplings.ToArray();
    }

    public void Load()
    {
        var s = _s;
        var s0 = s.States.State0;
        var x = s.Solution;
        if (!s.IsDc && s.Init != InitMode.Predict)
        {
            var flux = s.UseInitialConditions && s.Init == InitMode.Transient ? Inductance * _initial : Inductance * x[Branch];
            foreach (var c in _coupled)
                flux += c.Mutual * (s.UseInitialConditions && s.Init == InitMode.Transient ? c.Other._initial : x[c.Other.Branch]);
            s0[_flux] = flux;
        }
        var values = _mna.Values;
        _stamp.Add(values);
        if (s.IsDc) return; // a short: v(a) − v(b) = 0
        if (s.Init == InitMode.Predict) s0[_flux] = s.States.State1[_flux];
        else if (s.Init == InitMode.Transient) s.States.State1[_flux] = s0[_flux];
        s.Integrate(_flux, Inductance, out var req, out var veq);
        if (s.Init == InitMode.Transient) s.States.State1[_flux + 1] = s0[_flux + 1];
        values[_self] -= req;
        foreach (var c in _coupled) values[c.Handle] -= c.Mutual * s.Ag[0];
        _mna.Rhs[Branch] += veq;
    }

    public void LoadAc()
    {
        var values = _mna.ComplexValues;
        _stamp.Add(values);
        values[_self] -= new Complex(0, _s.Omega * Inductance);
        foreach (var c in _coupled) values[c.Handle] -= new Complex(0, _s.Omega * c.Mutual);
    }

    public double Truncate() => _s.TruncationStep(_flux);

    public IEnumerable<string> ProbeNames => new[] { "i", "flux", "l" };

    public Func<double>? GetProbe(string quantity) => quantity.ToLowerInvariant() switch
    {
        "i" => () => _s.Solution[Branch],
        "flux" => () => _s.States.State0[_flux],
        "l" => () => Inductance,
        _ => null,
    };
}

/// <summary>Mutual inductance K: couples two inductors with M = k·√(L1·L2); the first node of each inductor is its dot.</summary>
public sealed class MutualInductance : Component
{
    public MutualInductance(string name, string inductor1, string inductor2, double coupling) : base(name)
    {
        Inductor1 = inductor1;
        Inductor2 = inductor2;
        Coupling = coupling;
    }

    public string Inductor1 { get; }
    public string Inductor2 { get; }

    /// <summary>Coupling coefficient k, |k| ≤ 1.</summary>
    [Parameter("k")]
    public double Coupling { get; set; }

    public override IEnumerable<string> References => new[] { Inductor1, Inductor2 };

    public override Behavior CreateBehavior(BindingContext context) => new Binding(this);

    private sealed class Binding : Behavior
    {
        private readonly MutualInductance _k;
        public Binding(MutualInductance k) : base(k.Name) => _k = k;

        public override void Setup(BindingContext context)
        {
            if (Math.Abs(_k.Coupling) > 1)
                throw new CircuitException($"{_k.Name}: coupling coefficient {_k.Coupling} is outside [-1, 1]", _k.Name);
            var l1 = context.GetBehavior<InductorBehavior>(_k.Inductor1, _k.Name);
            var l2 = context.GetBehavior<InductorBehavior>(_k.Inductor2, _k.Name);
            var m = _k.Coupling * Math.Sqrt(l1.Inductance * l2.Inductance);
            l1.Couple(l2, m);
            l2.Couple(l1, m);
            l1.FinishCouplings();
            l2.FinishCouplings();
        }
    }
}
