using CircuitSim.Core.Circuits;
using CircuitSim.Magnetics;
using CircuitSim.Magnetics.Film;

namespace CircuitSim.Spintronics.Film;

/// <summary>
/// Multi-terminal magnetic film (.model name FILM (...)), docs/physics.md §8. SI units throughout. The defaults are the card
/// of models/film_ptcofe_maze.lib (Pt/CoFe/MgO-like with the paper's a = 150 %, α = 0.3, 400 nm × 400 nm, 64×64 cells); see there
/// for the source of each value.
/// </summary>
public sealed class FilmModel : Model
{
    public FilmModel(string name) : base(name) { }

    // ---- geometry
    /// <summary>Film length along x, m.</summary>
    [Parameter("lx")] public double LengthX { get; set; } = 400e-9;
    /// <summary>Film width along y, m.</summary>
    [Parameter("ly")] public double LengthY { get; set; } = 400e-9;
    /// <summary>Film thickness, m (one cell through the thickness).</summary>
    [Parameter("t", "thickness")] public double Thickness { get; set; } = 1e-9;
    /// <summary>Cells along x.</summary>
    [Parameter("nx")] public int CellsX { get; set; } = 64;
    /// <summary>Cells along y.</summary>
    [Parameter("ny")] public int CellsY { get; set; } = 64;

    // ---- magnetism
    /// <summary>Saturation magnetization Ms, A/m.</summary>
    [Parameter("ms")] public double SaturationMagnetization { get; set; } = 6e5;
    /// <summary>Exchange stiffness A, J/m.</summary>
    [Parameter("aex")] public double ExchangeStiffness { get; set; } = 1e-11;
    /// <summary>Perpendicular anisotropy K_u, J/m³ (the local thin-film demag subtracts μ0Ms²/2 when demag is on).</summary>
    [Parameter("ku")] public double AnisotropyConstant { get; set; } = 3.262e5;
    /// <summary>Bulk DMI constant D, J/m².</summary>
    [Parameter("dmi", "d")] public double DmiConstant { get; set; } = 2e-3;
    /// <summary>Gilbert damping α.</summary>
    [Parameter("alpha")] public double Damping { get; set; } = 0.3;
    /// <summary>Current spin polarization P.</summary>
    [Parameter("pol", "p")] public double Polarization { get; set; } = 0.5;
    /// <summary>Non-adiabaticity ξ of the Zhang–Li torque (0: the paper's purely adiabatic eq. 3).</summary>
    [Parameter("xi")] public double NonAdiabaticity { get; set; }
    /// <summary>Local thin-film demagnetizing field −Ms m_z ẑ on or off.</summary>
    [Parameter("demag")] public bool ThinFilmDemag { get; set; } = true;
    /// <summary>Applied field components, A/m.</summary>
    [Parameter("hx")] public double FieldX { get; set; }
    [Parameter("hy")] public double FieldY { get; set; }
    [Parameter("hz")] public double FieldZ { get; set; }

    // ---- conduction
    /// <summary>Resistivity for current perpendicular to m (and for out-of-plane m), ρ⊥, Ω·m.</summary>
    [Parameter("rhoperp")] public double PerpendicularResistivity { get; set; } = 2e-7;
    /// <summary>AMR ratio a = 2(ρ∥ − ρ⊥)/(ρ∥ + ρ⊥) (1.5 = 150 %); ignored when rhopar is given.</summary>
    [Parameter("amr")] public double AmrRatio { get; set; } = 1.5;
    /// <summary>Resistivity for current parallel to m, ρ∥, Ω·m (overrides amr).</summary>
    [Parameter("rhopar")] public double? ParallelResistivity { get; set; }
    /// <summary>Electrode layout (see <see cref="FilmElectrodeLayout"/>); default: ends for 2 terminals, sides for 4.</summary>
    [Parameter("electrodes")] public string? Electrodes { get; set; }

    // ---- initial texture
    /// <summary>Relaxation time of the maze state from its random start, s.</summary>
    [Parameter("relax")] public double RelaxTime { get; set; } = 3e-9;
    /// <summary>Damping during that relaxation (over-damped for speed).</summary>
    [Parameter("relaxalpha")] public double RelaxDamping { get; set; } = 1.0;

    // ---- numerics
    /// <summary>Temperature of the thermal field, K (0: deterministic).</summary>
    [Parameter("temp")] public double Temperature { get; set; }
    /// <summary>Stochastic Heun sub-step at T &gt; 0, s.</summary>
    [Parameter("dtherm")] public double ThermalStep { get; set; } = 0.5e-12;
    /// <summary>Relative and absolute tolerance of the LLG integration.</summary>
    [Parameter("reltol")] public double RelativeTolerance { get; set; } = 1e-5;
    [Parameter("abstol")] public double AbsoluteTolerance { get; set; } = 1e-5;
    /// <summary>RMS texture change that triggers a new current solve.</summary>
    [Parameter("dmrefresh")] public double RefreshThreshold { get; set; } = 0.02;
    /// <summary>Interval of the texture-change checks, s.</summary>
    [Parameter("tcheck")] public double CheckInterval { get; set; } = 20e-12;
    /// <summary>Relative tolerance of the current-flow PCG.</summary>
    [Parameter("cgtol")] public double ConductionTolerance { get; set; } = 1e-7;
    /// <summary>Largest relative change of G (max |ΔG_ij| / max |G_ij|) per circuit step; larger changes shorten the step.</summary>
    [Parameter("dgmax")] public double MaxConductanceChange { get; set; } = 0.02;

    public Grid2D Grid()
    {
        if (CellsX < 1 || CellsY < 1) throw new ArgumentException($"film model {Name}: nx and ny must be at least 1.");
        if (!(LengthX > 0) || !(LengthY > 0) || !(Thickness > 0)) throw new ArgumentException($"film model {Name}: lx, ly and t must be positive (m).");
        return new Grid2D(CellsX, CellsY, LengthX / CellsX, LengthY / CellsY, Thickness);
    }

    public FilmMaterial Material() => new()
    {
        SaturationMagnetization = SaturationMagnetization,
        ExchangeStiffness = ExchangeStiffness,
        AnisotropyConstant = AnisotropyConstant,
        DmiConstant = DmiConstant,
        Damping = Damping,
        Polarization = Polarization,
        NonAdiabaticity = NonAdiabaticity,
        ThinFilmDemag = ThinFilmDemag,
        AppliedField = new Vec3(FieldX, FieldY, FieldZ),
    };

    public AmrConductivity Conductivity() => ParallelResistivity is { } par
        ? new AmrConductivity(PerpendicularResistivity, par)
        : AmrConductivity.FromAmrRatio(PerpendicularResistivity, AmrRatio);

    public FilmDynamicsOptions Options(double? temperature = null) => new()
    {
        RelativeTolerance = RelativeTolerance,
        AbsoluteTolerance = AbsoluteTolerance,
        RefreshThreshold = RefreshThreshold,
        CheckInterval = CheckInterval,
        ConductionTolerance = ConductionTolerance,
        Temperature = temperature ?? Temperature,
        ThermalStep = ThermalStep,
    };

    /// <summary>The electrode layout for <paramref name="terminals"/> terminals: <paramref name="instanceLayout"/>, else the card's, else the default.</summary>
    public IReadOnlyList<FilmElectrode> Layout(int terminals, string? instanceLayout = null)
    {
        string? spec = instanceLayout ?? Electrodes;
        var layout = spec is null ? FilmElectrodeLayout.Default(terminals) : FilmElectrodeLayout.Parse(spec);
        if (layout.Count != terminals)
            throw new ArgumentException($"film: the electrode layout '{spec ?? "default"}' has {layout.Count} electrodes but the device has {terminals} terminals.");
        return layout;
    }

    /// <summary>The film physics for a device with the given layout (one per device: it holds work arrays).</summary>
    public FilmDynamics CreateDynamics(IReadOnlyList<FilmElectrode> layout, double? temperature = null) =>
        new(Grid(), Material(), Conductivity(), layout, Options(temperature));
}
