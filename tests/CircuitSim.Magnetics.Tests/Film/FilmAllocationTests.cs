using CircuitSim.Magnetics;
using CircuitSim.Magnetics.Film;
using CircuitSim.Testing;

namespace CircuitSim.Magnetics.Tests.Film;

/// <summary>The film's hot paths — the LLG right-hand side, the PCG iteration, a whole coupled advance — allocate nothing.</summary>
public class FilmAllocationTests
{
    private static readonly Grid2D Grid = new(16, 16, 6.25e-9, 6.25e-9, 1e-9);
    private static readonly double[] Drive = { 0.05, -0.05, 0.05, -0.05 };

    [Fact]
    public void RightHandSide_AllocatesNothing()
    {
        var current = new FilmCurrentDensity(Grid.CellCount, 4);
        current.Basis.Fill(1e10);
        var rhs = new FilmRightHandSide(Grid, new FilmMaterial(), current)
        {
            Thermal = new ThermalField(Grid.CellCount, 6e5, Grid.CellVolume, 300),
        };
        var m = FilmTextures.Random(Grid, 1);
        var d = new double[m.Length];
        var noise = new double[m.Length];
        current.SetLinearDrive(0, 1e-9, Drive, Drive);
        rhs.Derivative(0, m, d);
        Assert.Equal(0, SteadyStateAllocation.FewestBytes(() =>
        {
            for (int i = 0; i < 70; i++)
            {
                rhs.SetNoise(noise, 1e-13);
                rhs.Derivative(i * 1e-12, m, d);
            }
        }));
    }

    [Fact]
    public void ConductionSolve_AllocatesNothing()
    {
        var c = new FilmConduction(Grid, AmrConductivity.FromAmrRatio(2e-7, 1.5), FilmElectrodeLayout.Parse("sides"));
        var phi = c.NewPotentials();
        var g = new double[16];
        var m = FilmTextures.Random(Grid, 2);
        var other = FilmTextures.Random(Grid, 3);
        c.Assemble(m);
        c.Solve(phi);
        Assert.Equal(0, SteadyStateAllocation.FewestBytes(() =>
        {
            for (int i = 0; i < 4; i++)
            {
                c.Assemble(i % 2 == 0 ? other : m); // a changed texture: the PCG really iterates
                c.Solve(phi);
                c.ConductanceMatrix(phi, g);
            }
        }));
    }

    [Fact]
    public void CoupledAdvance_AllocatesNothing()
    {
        var dyn = new FilmDynamics(Grid, new FilmMaterial(), AmrConductivity.FromAmrRatio(2e-7, 1.5), FilmElectrodeLayout.Parse("sides"));
        var s = dyn.CreateState(FilmTextures.Random(Grid, 4));
        dyn.Advance(s, 0, 20e-12, Drive);
        long refreshes = dyn.Statistics.Refreshes;
        double t = 20e-12;
        Assert.Equal(0, SteadyStateAllocation.FewestBytes(() =>
        {
            dyn.Advance(s, t, t + 60e-12, Drive);
            t += 60e-12;
        }));
        Assert.True(dyn.Statistics.Refreshes > refreshes); // the current was re-solved along the way
    }
}
