namespace CircuitSim.Core.Simulations;

/// <summary>
/// Physical constants with the values ngspice 39 compiles its device models with (CODATA 2014 k and q, as its
/// const.h; its front end prints the same digits for <c>boltz</c> and <c>echarge</c>), so junction and temperature
/// results match it digit for digit. Measured, not assumed: a diode at RELTOL = 1e-9 gives ngspice's 0.6294407107718 V
/// with these and 0.6294240906 V with the 1973 values SPICE3 used (tests/references/ngspice-digits).
/// </summary>
public static class Constants
{
    /// <summary>Elementary charge, C (CODATA 2014).</summary>
    public const double Charge = 1.6021766208e-19;
    /// <summary>Boltzmann constant, J/K (CODATA 2014).</summary>
    public const double Boltzmann = 1.38064852e-23;
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
