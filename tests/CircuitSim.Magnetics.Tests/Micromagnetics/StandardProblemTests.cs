namespace CircuitSim.Magnetics.Micromagnetics.Tests;

/// <summary>
/// The μMAG standard problems at CI meshes. docs/micromagnetics.md has the reference-mesh runs and the convergence in
/// cell size and tolerance these tolerances rest on.
/// </summary>
public class StandardProblemTests
{
    private static (MicromagneticSimulation Sim, MicromagneticSystem Sys) Sp4(int nx, int ny)
    {
        var film = StandardProblem4.Film(nx, ny);
        var sys = StandardProblem4.System(film, StandardProblem4.Field1, threads: 1);
        var sim = new MicromagneticSimulation(sys, Textures.Uniform(film, Vec3.UnitX));
        var relax = StandardProblem4.RelaxSState(sim, new RelaxOptions { TorqueTolerance = 1 });
        Assert.True(relax.Converged);
        return (sim, sys);
    }

    [Fact]
    public void StandardProblem4_SStateMatchesMumax3sRelaxedState()
    {
        // mumax3 (128 × 32) relaxes to ⟨m⟩ = (0.96696, 0.12528, 0); at 64 × 16 cells we measure (0.96805, 0.12318):
        // the S-state's end domains are 2e-3 mesh-sensitive at 7.8 nm cells (128 × 32 gives 0.96696, 0.12529)
        var (sim, sys) = Sp4(64, 16);
        using var _ = sys;
        Vec3 m = sim.AverageMagnetization();
        Assert.Equal(0.96696, m.X, 0.003);
        Assert.Equal(0.12528, m.Y, 0.003);
        Assert.Equal(0.0, m.Z, 1e-9);
    }

    [Fact]
    public void StandardProblem4_Field1_FirstCrossingIsWithinTwoPicosecondsOfOommf()
    {
        // OOMMF (2.5 nm): ⟨mx⟩ = 0 at 0.1385 ns with ⟨my⟩ = 0.732, ⟨mz⟩ = −0.132. Measured here at 64 × 16 cells:
        // 0.13914 ns, 0.7349, −0.1323 (128 × 32: 0.13861 ns, 0.7328, −0.1324), so 2 ps and 0.005 hold with margin
        // for the coarse mesh while a sign or γ error (≥ 10 ps) cannot pass.
        var (sim, sys) = Sp4(64, 16);
        using var _ = sys;
        double[] previous = (double[])sim.M.Clone();
        double previousTime = 0;
        (double Time, Vec3 M)? crossing = null;
        sim.Run(0.2e-9, 10e-12, (t, m) =>
        {
            if (crossing is null && t > 0 && MicromagneticSimulation.Average(sim.Magnet, previous).X > 0 && MicromagneticSimulation.Average(sim.Magnet, m).X <= 0)
                crossing = StandardProblem4.FirstCrossing(sim, previous, previousTime, t, 0.1e-12);
            m.CopyTo(previous, 0);
            previousTime = t;
        });
        Assert.NotNull(crossing);
        Assert.Equal(0.1385e-9, crossing.Value.Time, 2e-12);
        Assert.Equal(0.732, crossing.Value.M.Y, 0.005);
        Assert.Equal(-0.132, crossing.Value.M.Z, 0.005);
    }

    [Fact]
    public void StandardProblem4_Field1_MeanMagnetizationAtOneNanosecondFollowsMumax3()
    {
        // mumax3 (128 × 32): (−0.9845, 0.1268, 0.0432). ⟨my⟩(1 ns) is the mesh-sensitive component: 0.1367 at
        // 64 × 16, 0.1310 at 128 × 32 (tolerance-converged to 1e-6), so the coarse CI mesh sits 0.0099 above mumax3;
        // 0.012 is that discretization error plus margin, and mx, mz (within 2e-3 at either mesh) are held to 3e-3.
        var (sim, sys) = Sp4(64, 16);
        using var _ = sys;
        sim.Run(1e-9, 0.1e-9);
        Vec3 m = sim.AverageMagnetization();
        Assert.Equal(-0.9845, m.X, 0.003);
        Assert.Equal(0.1268, m.Y, 0.012);
        Assert.Equal(0.0432, m.Z, 0.003);
    }

    [Fact]
    public void StandardProblem5_MeanMagnetizationAtOneNanosecondFollowsMumax3()
    {
        // mumax3 on 32 × 32 × 4 cells: (−0.2346, −0.0945, 0.0229). Our single 10 nm layer on 32 × 32 cells gives
        // (−0.2294, −0.0941, 0.0231): the vortex core is uniform through the thickness here while mumax3's four layers let
        // it twist, which slows the gyration slightly (docs/micromagnetics.md); 0.01 bounds that model difference.
        var film = StandardProblem5.Film(32);
        using var sys = StandardProblem5.System(film, threads: 1);
        var sim = new MicromagneticSimulation(sys, Textures.Uniform(film, Vec3.UnitX));
        Assert.True(StandardProblem5.RelaxVortex(sim, new RelaxOptions { TorqueTolerance = 1 }).Converged);
        var core = VortexCore.Locate(film, sim.M);
        Assert.Equal(1, core.Polarity);
        Assert.True(Math.Abs(core.X) < 0.5e-9 && Math.Abs(core.Y) < 0.5e-9, "the relaxed core sits at the centre");
        sim.Run(1e-9, 0.1e-9);
        Vec3 m = sim.AverageMagnetization();
        Assert.Equal(-0.2346, m.X, 0.01);
        Assert.Equal(-0.0945, m.Y, 0.01);
        Assert.Equal(0.0229, m.Z, 0.002);
    }
}
