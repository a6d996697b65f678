using CircuitSim.Core.Circuits;

namespace CircuitSim.Devices.Semiconductors;

/// <summary>SPICE3 junction diode model (.model name D (...)), ngspice's names and defaults.</summary>
public sealed class DiodeModel : Model
{
    public DiodeModel(string name) : base(name) { }

    /// <summary>Saturation current, A.</summary>
    [Parameter("is", "js")] public double SaturationCurrent { get; set; } = 1e-14;
    /// <summary>Emission coefficient.</summary>
    [Parameter("n")] public double EmissionCoefficient { get; set; } = 1;
    /// <summary>Series resistance, Ω.</summary>
    [Parameter("rs")] public double SeriesResistance { get; set; }
    /// <summary>Zero-bias junction capacitance, F.</summary>
    [Parameter("cjo", "cj0", "cj")] public double JunctionCapacitance { get; set; }
    /// <summary>Junction potential, V.</summary>
    [Parameter("vj", "pb")] public double JunctionPotential { get; set; } = 1;
    /// <summary>Grading coefficient.</summary>
    [Parameter("m", "mj")] public double GradingCoefficient { get; set; } = 0.5;
    /// <summary>Transit time, s.</summary>
    [Parameter("tt")] public double TransitTime { get; set; }
    /// <summary>Forward-bias depletion-capacitance coefficient.</summary>
    [Parameter("fc")] public double DepletionCapCoefficient { get; set; } = 0.5;
    /// <summary>Reverse breakdown voltage, V (positive).</summary>
    [Parameter("bv")] public double? BreakdownVoltage { get; set; }
    /// <summary>Current at the breakdown voltage, A.</summary>
    [Parameter("ibv")] public double BreakdownCurrent { get; set; } = 1e-3;
    /// <summary>Breakdown emission coefficient (default N).</summary>
    [Parameter("nbv")] public double? BreakdownEmissionCoefficient { get; set; }
    /// <summary>Activation energy, eV.</summary>
    [Parameter("eg")] public double ActivationEnergy { get; set; } = 1.11;
    /// <summary>Saturation-current temperature exponent.</summary>
    [Parameter("xti")] public double SaturationCurrentExponent { get; set; } = 3;
    /// <summary>Parameter measurement temperature, °C.</summary>
    [Parameter("tnom", "tref")] public double? NominalTemperature { get; set; }
    [Parameter("kf")] public double FlickerCoefficient { get; set; }
    [Parameter("af")] public double FlickerExponent { get; set; } = 1;
}
