namespace CircuitSim.Core.Simulations;

/// <summary>Physical constants with ngspice's values, so temperature-dependent models match it digit for digit.</summary>
public static class Constants
{
    /// <summary>Elementary charge, C.</summary>
    public const double Charge = 1.6021918e-19;
    /// <summary>Boltzmann constant, J/K.</summary>
    public const double Boltzmann = 1.3806226e-23;
    /// <summary>k/q, V/K.</summary>
    public const double KOverQ = Boltzmann / Charge;
    /// <summary>0 °C in kelvin.</summary>
    public const double CelsiusToKelvin = 273.15;
    /// <summary>Reference temperature of the silicon models, K (27 °C).</summary>
    public const double ReferenceTemperature = 300.15;
    /// <summary>Permittivity of SiO2, F/m (3.9 ε0, as SPICE3).</summary>
    public const double EpsilonOxide = 3.9 * 8.854214871e-12;
    /// <summary>Permittivity of silicon, F/m (11.7 ε0).</summary>
    public const double EpsilonSilicon = 11.7 * 8.854214871e-12;
    public const double Sqrt2 = 1.4142135623730951;
    /// <summary>Largest exponent argument before device equations linearize (SPICE's MAX_EXP_ARG).</summary>
    public const double MaxExpArg = 709.0;
}
