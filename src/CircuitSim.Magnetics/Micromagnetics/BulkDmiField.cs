namespace CircuitSim.Magnetics.Micromagnetics;

/// <summary>
/// Bulk (Bloch-type) DMI, energy density D m·(∇ × m) (D in J/m²), field H = −(2D/(μ0 Ms)) ∇ × m (A/m); as links,
/// a_x̂ = −x̂, a_ŷ = −ŷ (see <see cref="DmiField"/>). A Bloch spiral m = (0, sin kx, cos kx) has energy density
/// D sin(k dx)/dx → D k.
/// </summary>
public sealed class BulkDmiField : DmiField
{
    /// <param name="magnet">Geometry and Ms.</param>
    /// <param name="dmiConstant">D in J/m².</param>
    public BulkDmiField(Magnet magnet, double dmiConstant) : base(magnet, dmiConstant, -Vec3.UnitX, -Vec3.UnitY)
    {
    }

    public override string Name => "bulk DMI";
}
