using CircuitSim.Magnetics;

namespace CircuitSim.Spintronics.Common;

/// <summary>Unit helpers for model cards: fields may be given in A/m or, through parameters named *_oe, in Oe.</summary>
public static class Units
{
    /// <summary>1 Oe in A/m (1000/4π).</summary>
    public const double Oersted = PhysicalConstants.AmperePerMeterPerOersted;
}
