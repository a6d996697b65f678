using CircuitSim.Magnetics;
using CircuitSim.Magnetics.Film;
using Xunit.Abstractions;

namespace CircuitSim.Magnetics.Tests.Film;

/// <summary>
/// DMI textures of the film (docs/physics.md §8.1): with the local thin-film demag, domain walls cost σ = 4√(AK) − πD per area
/// (K = K_u − μ0Ms²/2), so above D_c = 4√(AK)/π walls proliferate into stripes/mazes whose period approaches the
/// helix period 4πA/D, and well below D_c a random start coarsens towards a uniform film.
/// </summary>
public class FilmTexturePhysicsTests(ITestOutputHelper output)
{
    private const double Cell = 6.25e-9; // m, the card's cell (≤ exchange length 6.65 nm)

    private static double[] Relaxed(Grid2D grid, FilmMaterial material, ulong seed, double time)
    {
        var rhs = new FilmRightHandSide(grid, material, new FilmCurrentDensity(grid.CellCount, 2)) { Alpha = 1.0 };
        var m = FilmTextures.Random(grid, seed);
        var dp = new DormandPrince54(rhs.Dimension, new DormandPrinceOptions { RelativeTolerance = 1e-5, AbsoluteTolerance = 1e-5 }, rhs);
        var state = new AdaptiveStepState();
        Assert.True(dp.Advance(rhs, 0, time, m, ref state).Succeeded);
        return m;
    }

    /// <summary>
    /// Equilibrium period of the 1D Bloch soliton lattice: with A θ'² − K sin²θ = C the optimum satisfies
    /// ∫₀^π √(C + K sin²θ) dθ = πD/(2√A), and λ = 2√A ∫₀^π dθ/√(C + K sin²θ). λ → 4πA/D as K → 0, ∞ at D_c.
    /// </summary>
    private static double SolitonLatticePeriod(FilmMaterial m)
    {
        double a = m.ExchangeStiffness, k = m.EffectiveAnisotropy, target = Math.PI * m.DmiConstant / (2 * Math.Sqrt(a));
        static double Integrate(Func<double, double> f)
        {
            const int n = 4000;
            double h = Math.PI / n, s = 0;
            for (int i = 0; i < n; i++) s += f((i + 0.5) * h);
            return s * h;
        }
        double lo = 0, hi = target * target;
        for (int it = 0; it < 200; it++)
        {
            double mid = 0.5 * (lo + hi);
            if (Integrate(t => Math.Sqrt(mid + k * Math.Sin(t) * Math.Sin(t))) < target) lo = mid; else hi = mid;
        }
        return 2 * Math.Sqrt(a) * Integrate(t => 1 / Math.Sqrt(lo + k * Math.Sin(t) * Math.Sin(t)));
    }

    [Fact]
    public void AboveCriticalDmi_ARandomStartRelaxesIntoAMazeWithTheStripePeriod()
    {
        var material = new FilmMaterial(); // the card: D/D_c = 1.57
        var grid = new Grid2D(40, 40, Cell, Cell, 1e-9);
        var m = Relaxed(grid, material, 21, 3e-9);
        double period = FilmTextures.StripePeriod(grid, m), expected = SolitonLatticePeriod(material);
        double mz = FilmTextures.Mean(m).Z;
        output.WriteLine($"D/D_c = {material.DmiConstant / material.CriticalDmi:F3}: maze period {period * 1e9:F1} nm, 1D lattice {expected * 1e9:F1} nm, 4πA/D = {material.HelixPeriod * 1e9:F1} nm, <m_z> = {mz:F3}");
        Assert.True(Math.Abs(mz) < 0.3);                  // up and down domains in comparable amounts
        // 20 %: a maze frozen in from a random start holds more wall (junctions, curvature, edge canting) than the
        // straight-stripe ground state; measured −9 % on this grid.
        Assert.Equal(1.0, period / expected, 0.2);
    }

    [Fact]
    public void WellAboveCriticalDmi_TheStripePeriodApproachesFourPiAOverD()
    {
        // K_eff = 2.5e4 J/m³ (K_u lowered), D = 2 mJ/m²: D/D_c = 3.1, where the 1D lattice period is within 1 % of 4πA/D.
        var material = new FilmMaterial { AnisotropyConstant = 2.5e4 + 0.5 * PhysicalConstants.Mu0 * 6e5 * 6e5 };
        var grid = new Grid2D(40, 40, Cell, Cell, 1e-9);
        var m = Relaxed(grid, material, 22, 3e-9);
        double period = FilmTextures.StripePeriod(grid, m);
        output.WriteLine($"D/D_c = {material.DmiConstant / material.CriticalDmi:F3}: period {period * 1e9:F1} nm, 4πA/D = {material.HelixPeriod * 1e9:F1} nm, 1D lattice {SolitonLatticePeriod(material) * 1e9:F1} nm");
        // 15 %: the frozen-in maze effect above (measured −13 % here; the 1D lattice itself is +0.3 %)
        Assert.Equal(1.0, period / material.HelixPeriod, 0.15);
    }

    [Fact]
    public void WellBelowCriticalDmi_ARandomStartCoarsensInsteadOfFormingAMaze()
    {
        var card = new FilmMaterial();
        var material = card with { DmiConstant = 0.5 * card.CriticalDmi };
        var grid = new Grid2D(40, 40, Cell, Cell, 1e-9);
        var m = Relaxed(grid, material, 21, 3e-9);
        var maze = Relaxed(grid, card, 21, 3e-9);
        double period = FilmTextures.StripePeriod(grid, m), mazePeriod = FilmTextures.StripePeriod(grid, maze);
        output.WriteLine($"D = 0.5 D_c: wall spacing {period * 1e9:F1} nm (<m_z> = {FilmTextures.Mean(m).Z:F3}); card maze {mazePeriod * 1e9:F1} nm");
        Assert.True(period > 3 * mazePeriod); // walls cost energy: most of them are gone after the same relaxation
    }

    [Fact]
    public void ZhangLiWall_InAFilmStrip_MovesAtXiOverAlphaTimesU_AlongTheElectronFlow()
    {
        // A strip one cell wide along x with a Bloch wall; D = 0.4 D_c holds the Bloch angle (Walker drive ≈ 500 m/s
        // here) while keeping the wall stable against stripe formation. Δ = 10 nm on 2 nm cells.
        const int n = 200;
        const double dx = 2e-9, xi = 0.15, uMagnitude = 50;
        var card = new FilmMaterial();
        var material = card with { DmiConstant = 0.4 * card.CriticalDmi, NonAdiabaticity = xi };
        var grid = new Grid2D(n, 1, dx, dx, 1e-9);
        var current = new FilmCurrentDensity(grid.CellCount, 2);
        double j = uMagnitude / Math.Abs(material.DriftVelocityPerCurrentDensity); // conventional current toward +x
        for (int c = 0; c < grid.CellCount; c++) current.BasisField(0)[2 * c] = j;
        current.SetVoltages(new[] { 1.0, 0.0 });
        var rhs = new FilmRightHandSide(grid, material, current);
        double u = material.DriftVelocityPerCurrentDensity * j;
        Assert.Equal(-uMagnitude, u, 1e-9); // u points along the electron flow, against j

        double delta = material.WallWidth;
        var m = new double[3 * n];
        for (int i = 0; i < n; i++)
        {
            double theta = 2 * Math.Atan(Math.Exp(((i + 0.5) * dx - 250e-9) / delta));
            InterleavedVectors.Set(m, i, new Vec3(0, -Math.Sin(theta), Math.Cos(theta))); // the chirality D > 0 favours
        }
        double Position() { double s = 0; for (int i = 0; i < n; i++) s += m[3 * i + 2]; return 0.5 * (n * dx + dx * s); }
        var dp = new DormandPrince54(rhs.Dimension, new DormandPrinceOptions(), rhs);
        var st = new AdaptiveStepState();
        Assert.True(dp.Advance(rhs, 0, 1e-9, m, ref st).Succeeded);
        double q1 = Position();
        Assert.True(dp.Advance(rhs, 1e-9, 2e-9, m, ref st).Succeeded);
        double v = (Position() - q1) / 1e-9, expected = xi / material.Damping * u;
        output.WriteLine($"film strip: v = {v:F3} m/s, (ξ/α)u = {expected:F3} m/s, relative error {v / expected - 1:E2}");
        // 1 %: the library's chain check at the same Δ/dx = 5 measures a −0.7 % discretization error
        Assert.Equal(1.0, v / expected, 0.01);
    }
}
