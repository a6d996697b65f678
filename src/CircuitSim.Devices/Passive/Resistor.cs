using CircuitSim.Core.Behaviors;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;

namespace CircuitSim.Devices.Passive;

/// <summary>Linear resistor R: resistance, Ω, with optional linear/quadratic temperature coefficients.</summary>
public sealed class Resistor : Component
{
    public Resistor(string name, string a, string b, double resistance) : base(name, a, b) => Resistance = resistance;

    /// <summary>Resistance at TNOM, Ω.</summary>
    [Parameter("r", "resistance", Description = "resistance, Ω")]
    public double Resistance { get; set; }

    /// <summary>First-order temperature coefficient, 1/K.</summary>
    [Parameter("tc1", "tc")]
    public double Tc1 { get; set; }

    /// <summary>Second-order temperature coefficient, 1/K².</summary>
    [Parameter("tc2")]
    public double Tc2 { get; set; }

    /// <summary>Parallel multiplier.</summary>
    [Parameter("m")]
    public double Multiplier { get; set; } = 1;

    /// <summary>Instance temperature, °C (default: the circuit's).</summary>
    [Parameter("temp")]
    public double? Temperature { get; set; }

    public override IEnumerable<(int, int)> DcPaths => new[] { (0, 1) };

    public override Behavior CreateBehavior(BindingContext context) => new ResistorBehavior(this, context);

    private sealed class ResistorBehavior : Behavior, IConstantLoadBehavior, IFrequencyBehavior, ITemperatureBehavior, IProbeSource, IParameterSweepable
    {
        private readonly Resistor _r;
        private readonly SimulationState _state;
        private readonly MnaSystem _mna;
        private readonly int _a, _b;
        private ConductanceStamp _stamp;
        private double _nominal;
        private double _conductance;

        public ResistorBehavior(Resistor r, BindingContext context) : base(r.Name)
        {
            _r = r;
            _state = context.State;
            _mna = context.Mna;
            _a = context.Node(r.Nodes[0]);
            _b = context.Node(r.Nodes[1]);
            _nominal = r.Resistance;
            if (_nominal == 0) throw new CircuitException($"{r.Name}: resistance cannot be 0 (use a 0 V source for a short)", r.Name);
        }

        public override void Setup(BindingContext context) => _stamp = new ConductanceStamp(_mna, _a, _b);

        public void UpdateTemperature()
        {
            var t = _r.Temperature.HasValue ? _r.Temperature.Value + Constants.CelsiusToKelvin : _state.Temperature;
            var dt = t - _state.NominalTemperature;
            var factor = 1 + _r.Tc1 * dt + _r.Tc2 * dt * dt;
            _conductance = _r.Multiplier / (_nominal * factor);
        }

        public void LoadConstant(double[] values) => _stamp.Add(values, _conductance);

        public void LoadAc() => _stamp.Add(_mna.ComplexValues, _conductance);

        private double Voltage => _state.Solution[_a] - _state.Solution[_b];

        public IEnumerable<string> ProbeNames => new[] { "i", "p", "r", "g" };

        public Func<double>? GetProbe(string quantity) => quantity.ToLowerInvariant() switch
        {
            "i" => () => Voltage * _conductance,
            "p" => () => Voltage * Voltage * _conductance,
            "r" or "resistance" => () => 1 / _conductance,
            "g" => () => _conductance,
            _ => null,
        };

        public bool TrySetSweptParameter(string parameter, double value)
        {
            if (parameter is not ("" or "r" or "resistance")) return false;
            _nominal = value;
            UpdateTemperature();
            return true;
        }
    }
}
