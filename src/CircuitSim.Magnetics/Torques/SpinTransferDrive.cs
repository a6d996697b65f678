namespace CircuitSim.Magnetics;

/// <summary>
/// The current through a magnetic tunnel junction as seen by the free layer: fixed-layer direction p, efficiency η,
/// free-layer Ms and thickness, and the present current density J. Shared by <see cref="SlonczewskiTorque"/> and
/// <see cref="FieldLikeTorqueField"/> so a device sets J once per call and both torques follow.
/// </summary>
public sealed class SpinTransferDrive
{
    private Vec3 _polarizer;

    /// <param name="polarizer">Fixed-layer magnetization direction p (normalized here).</param>
    /// <param name="efficiency">Spin-polarization efficiency η (dimensionless).</param>
    /// <param name="saturationMagnetization">Free-layer Ms in A/m.</param>
    /// <param name="freeLayerThickness">Free-layer thickness t_F in m.</param>
    public SpinTransferDrive(Vec3 polarizer, double efficiency, double saturationMagnetization, double freeLayerThickness)
    {
        Polarizer = polarizer;
        Efficiency = efficiency;
        SaturationMagnetization = saturationMagnetization;
        FreeLayerThickness = freeLayerThickness;
    }

    /// <summary>Unit fixed-layer direction p.</summary>
    public Vec3 Polarizer
    {
        get => _polarizer;
        set => _polarizer = value.Normalized();
    }

    /// <summary>η, dimensionless.</summary>
    public double Efficiency { get; set; }

    /// <summary>Free-layer Ms in A/m.</summary>
    public double SaturationMagnetization { get; set; }

    /// <summary>Free-layer thickness t_F in m.</summary>
    public double FreeLayerThickness { get; set; }

    /// <summary>Current density J through the junction in A/m²; positive drives m toward p.</summary>
    public double CurrentDensity { get; set; }

    /// <summary>H_ST = ħ η J / (2 e μ0 Ms t_F) in A/m for the present current density.</summary>
    public double SpinTorqueField => SpinTransfer.SlonczewskiField(CurrentDensity, Efficiency, SaturationMagnetization, FreeLayerThickness);

    /// <summary>Current density (A/m²) at which H_ST equals <paramref name="spinTorqueField"/> (A/m).</summary>
    public double CurrentDensityFor(double spinTorqueField)
        => spinTorqueField / SpinTransfer.SlonczewskiField(1.0, Efficiency, SaturationMagnetization, FreeLayerThickness);
}
