using CircuitSim.Magnetics;
using CircuitSim.Magnetics.Film;
using Xunit.Abstractions;

namespace CircuitSim.Magnetics.Tests.Film;

/// <summary>The fused film right-hand side against the library's separate terms, and the coupled texture–current stepping.</summary>
public class FilmDynamicsTests(ITestOutputHelper output)
{
    private static readonly FilmMaterial Material = new() { NonAdiabaticity = 0.2 };
    private static readonly AmrConductivity Amr = AmrConductivity.FromAmrRatio(2e-7, 1.5);

    [Fact]
    public void FusedRightHandSide_EqualsTheSumOfTheLibraryTerms()
    {
        var grid = new Grid2D(9, 7, 4e-9, 5e-9, 1e-9);
        var material = Material with { AppliedField = new Vec3(1e3, -2e3, 5e3) };
        var current = new FilmCurrentDensity(grid.CellCount, 3);
        var rng = new Xoshiro256StarStar(5);
        for (int i = 0; i < current.Basis.Length; i++) current.Basis[i] = 1e12 * (rng.NextDouble() - 0.5);
        double[] v = { 0.04, -0.03, 0.01 };
        current.SetVoltages(v);
        var rhs = new FilmRightHandSide(grid, material, current);
        var m = FilmTextures.Random(grid, 11);
        var j = new double[2 * grid.CellCount];
        current.Evaluate(0, j);

        var fused = new double[m.Length];
        var reference = new double[m.Length];
        rhs.Derivative(0, m, fused);
        rhs.ReferenceSystem(j).Derivative(0, m, reference);
        double scale = reference.Max(Math.Abs), worst = 0;
        for (int i = 0; i < m.Length; i++) worst = Math.Max(worst, Math.Abs(fused[i] - reference[i]));
        output.WriteLine($"max |ṁ_fused − ṁ_terms| = {worst:E2} 1/s of {scale:E3} 1/s");
        Assert.True(worst <= 1e-12 * scale); // same formulas, different summation order: round-off only
    }

    [Fact]
    public void ThinFilmDemagField_IsMinusTheEnergyGradient()
    {
        const double ms = 6e5, volume = 2e-26;
        var term = new ThinFilmDemagField(4, ms, volume);
        var m = Physics.RandomUnitVectors(4, 3);
        var h = new double[m.Length];
        term.AddField(0, m, h);
        for (int k = 0; k < m.Length; k++)
        {
            const double eps = 1e-6;
            double save = m[k];
            m[k] = save + eps; double ep = term.Energy(m);
            m[k] = save - eps; double em = term.Energy(m);
            m[k] = save;
            double expected = -(ep - em) / (2 * eps) / (PhysicalConstants.Mu0 * ms * volume);
            Assert.Equal(expected, h[k], 1e-6 * ms); // central difference of a quadratic: exact up to round-off
        }
        Assert.Equal(-ms * m[2], h[2], 1e-9);
    }

    [Fact]
    public void DrivenFilm_KeepsUnitMagnetizationTo1e9()
    {
        var grid = new Grid2D(16, 16, 6.25e-9, 6.25e-9, 1e-9);
        var dyn = new FilmDynamics(grid, Material, Amr, FilmElectrodeLayout.Parse("sides"));
        var s = dyn.CreateState(FilmTextures.Random(grid, 2));
        dyn.Advance(s, 0, 0.5e-9, new[] { 0.05, -0.05, 0.05, -0.05 });
        double deviation = InterleavedVectors.MaxNormDeviation(s.M);
        output.WriteLine($"max ||m| − 1| = {deviation:E2} after 0.5 ns");
        Assert.True(deviation <= 1e-9);
    }

    [Fact]
    public void SameSeedAndDrive_GiveTheSameTextureBitForBit_AlsoWithThermalNoise()
    {
        var grid = new Grid2D(12, 12, 6.25e-9, 6.25e-9, 1e-9);
        double[] Run(double temperature)
        {
            var dyn = new FilmDynamics(grid, Material, Amr, FilmElectrodeLayout.Parse("sides"), new FilmDynamicsOptions { Temperature = temperature });
            var s = dyn.CreateState(FilmTextures.Random(grid, 4), seed: 99);
            dyn.Advance(s, 0, 0.1e-9, new[] { 0.05, -0.05, 0.05, -0.05 });
            return s.M.Concat(s.Conductance).ToArray();
        }
        Assert.Equal(Run(0), Run(0));
        Assert.Equal(Run(300), Run(300));
        Assert.NotEqual(Run(0), Run(300));
    }

    [Fact]
    public void ConductanceAfterARun_ConvergesAsTheRefreshThresholdShrinks()
    {
        // The current density lags the texture by at most the refresh threshold (RMS |Δm|); halving it twice must change
        // G by much less than the training itself does.
        var grid = new Grid2D(16, 16, 6.25e-9, 6.25e-9, 1e-9);
        var start = FilmTextures.Random(grid, 6);
        double[] v = { 0.05, -0.05, 0.05, -0.05 };
        double[] Run(double threshold, out double[] initial)
        {
            var dyn = new FilmDynamics(grid, Material, Amr, FilmElectrodeLayout.Parse("sides"),
                new FilmDynamicsOptions { RefreshThreshold = threshold, CheckInterval = 2e-12 });
            var s = dyn.CreateState(start);
            dyn.Relax(s, 2e-9, 1.0);
            initial = (double[])s.Conductance.Clone();
            dyn.Advance(s, 0, 1e-9, v);
            return s.Conductance;
        }
        var coarse = Run(0.04, out var g0);
        var fine = Run(0.01, out _);
        var finest = Run(0.0025, out _);
        double change = 0, errCoarse = 0, errFine = 0;
        for (int i = 0; i < 16; i++)
        {
            change = Math.Max(change, Math.Abs(finest[i] - g0[i]));
            errCoarse = Math.Max(errCoarse, Math.Abs(coarse[i] - finest[i]));
            errFine = Math.Max(errFine, Math.Abs(fine[i] - finest[i]));
        }
        output.WriteLine($"training change max|ΔG| = {change:E3} S; threshold 0.04: {errCoarse:E3} S, 0.01: {errFine:E3} S (vs 0.0025)");
        Assert.True(errFine < 0.1 * change);
        Assert.True(errFine < errCoarse);
    }
}
