using CircuitSim.Magnetics;
using CircuitSim.Testing;

namespace CircuitSim.Magnetics.Tests.Ring;

/// <summary>The ring's right-hand side and read-outs run on every sub-step and Newton iteration: no allocation.</summary>
public class RingAllocationTests
{
    [Theory]
    [InlineData(RingMagnetostatics.Local, 64)]
    [InlineData(RingMagnetostatics.Full, 64)]  // FFT path
    [InlineData(RingMagnetostatics.Full, 48)]  // direct sum
    public void RightHandSideAndRates_AllocateNothing(RingMagnetostatics demag, int cells)
    {
        var ring = new RingGeometry(cells, 55e-9, 10e-9, 10e-9);
        var drive = new SinusoidalCurrentDrive(1e11, 1e9);
        var dyn = new RingDynamics(ring, RingMaterial.Permalloy, demag, temperature: 300) { Drive = drive };
        var m = RingTextures.DomainWalls(ring, 2, 7e-9);
        var d = new double[m.Length];
        var noise = new double[dyn.NoiseDimension];
        var tracker = new RingWallTracker(ring);
        var walls = new RingWall[4];
        dyn.Derivative(0, m, d);
        dyn.RateCoefficients(0, m);
        tracker.Update(m);

        Assert.Equal(0, SteadyStateAllocation.FewestBytes(() =>
        {
            for (int i = 0; i < 70; i++)
            {
                dyn.SetNoise(noise, 1e-13);
                dyn.Derivative(i * 1e-12, m, d);
                dyn.RateCoefficients(i * 1e-12, m);
                RingTextureAnalysis.Winding(ring, m);
                RingTextureAnalysis.FindWalls(ring, m, walls);
                RingTextureAnalysis.WallPairDistance(ring, m);
                tracker.Update(m);
                dyn.Amr.Resistance(m);
            }
        }));
    }
}
