namespace CircuitSim.Magnetics.Micromagnetics;

/// <summary>
/// Interfacial (Néel-type) DMI of a film on a heavy-metal layer (MuMax3's Dind convention), energy density
/// D [m_z ∇·m − (m·∇) m_z] (D in J/m²), field H = (2D/(μ0 Ms)) (∂m_z/∂x, ∂m_z/∂y, −∂m_x/∂x − ∂m_y/∂y) (A/m); as
/// links, a_ê = ẑ × ê: a_x̂ = ŷ, a_ŷ = −x̂ (see <see cref="DmiField"/>). A Néel spiral m = (sin kx, 0, cos kx) has
/// energy density D sin(k dx)/dx → D k, so D &gt; 0 favours k &lt; 0.
/// </summary>
public sealed class InterfacialDmiField : DmiField
{
    /// <param name="magnet">Geometry and Ms.</param>
    /// <param name="dmiConstant">D in J/m².</param>
    public InterfacialDmiField(Magnet magnet, double dmiConstant) : base(magnet, dmiConstant, Vec3.UnitY, -Vec3.UnitX)
    {
    }

    public override string Name => "interfacial DMI";
}
