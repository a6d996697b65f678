using CircuitSim.Magnetics;

namespace CircuitSim.Magnetics.Tests.Ring;

/// <summary>Initial textures and their read-outs: winding number, walls, relaxation.</summary>
public class RingTextureTests
{
    private static readonly RingMaterial Py = RingMaterial.Permalloy;
    private static RingGeometry Ring(int n) => new(n, 55e-9, 10e-9, 10e-9);

    [Fact]
    public void WindingNumbers_OfTheNamedStates()
    {
        var ring = Ring(64);
        Assert.Equal(1, RingTextureAnalysis.Winding(ring, RingTextures.Vortex(ring)), 1e-12);
        Assert.Equal(1, RingTextureAnalysis.Winding(ring, RingTextures.Vortex(ring, -1)), 1e-12);
        Assert.Equal(0, RingTextureAnalysis.Winding(ring, RingTextures.Uniform(ring, Vec3.UnitX)), 1e-12);
        Assert.Equal(3, RingTextureAnalysis.Winding(ring, RingTextures.Superflow(ring, 3)), 1e-12);
        Assert.Equal(0, RingTextureAnalysis.Winding(ring, RingTextures.DomainWalls(ring, 2, 7e-9)), 1e-12);
        Assert.Equal(-1, RingTextureAnalysis.Winding(ring, RingTextures.DomainWalls(ring, 4, 7e-9)), 1e-12);
        Assert.Equal(3, RingTextureAnalysis.Winding(ring, RingTextures.DomainWalls(ring, 4, 7e-9, chirality: -1)), 1e-12);
        Assert.Equal(1, RingTextureAnalysis.Winding(ring, RingTextures.DomainWalls(ring, 2, 7e-9, homochiral: false)), 1e-12);
    }

    [Fact]
    public void Walls_AreFoundWhereTheyWerePut()
    {
        // walls at θ = 2πj/n, located by linear interpolation of m·T between cells: better than a tenth of a cell
        var ring = Ring(128);
        Span<RingWall> walls = stackalloc RingWall[8];
        int count = RingTextureAnalysis.FindWalls(ring, RingTextures.DomainWalls(ring, 4, 7e-9), walls);
        Assert.Equal(4, count);
        double cell = 2 * Math.PI / 128;
        for (int j = 0; j < 4; j++)
        {
            double expected = 2 * Math.PI * j / 4;
            double d = Math.Abs(RingTextures.Mod2Pi(walls[j].Angle - expected + Math.PI) - Math.PI);
            Assert.True(d < 0.1 * cell, $"wall {j} at {walls[j].Angle} rad, expected {expected}");
        }
        Assert.True(walls[0].Falling != walls[1].Falling); // head-to-head and tail-to-tail alternate
        Assert.Equal(Math.PI * 55e-9, RingTextureAnalysis.WallPairDistance(ring, RingTextures.DomainWalls(ring, 2, 7e-9)), 1e-3 * 55e-9);
    }

    [Fact]
    public void WallTracker_FollowsAWallRoundTheRing()
    {
        // shift a 2DW texture one cell at a time for more than a full turn: the tracked angle grows steadily by
        // 2π/N per shift, with no jump when a wall passes θ = 0
        var ring = Ring(32);
        var base0 = RingTextures.DomainWalls(ring, 2, 7e-9);
        var tracker = new RingWallTracker(ring);
        var m = new double[base0.Length];
        double first = double.NaN, previous = double.NaN;
        for (int shift = 0; shift <= 40; shift++)
        {
            // cell k takes the local components of cell k − shift: a rotation of the texture by shift cells
            for (int k = 0; k < 32; k++)
            {
                int from = ((k - shift) % 32 + 32) % 32;
                var v = InterleavedVectors.Get(base0, from);
                double t = v.Dot(ring.Tangent(from)), r = v.Dot(ring.Radial(from));
                InterleavedVectors.Set(m, k, t * ring.Tangent(k) + r * ring.Radial(k) + new Vec3(0, 0, v.Z));
            }
            tracker.Update(m);
            Assert.Equal(2, tracker.Count);
            if (shift == 0) first = tracker.Angle(0);
            else Assert.Equal(2 * Math.PI / 32, tracker.Angle(0) - previous, 1e-9);
            previous = tracker.Angle(0);
        }
        Assert.Equal(first + 40 * 2 * Math.PI / 32, previous, 1e-9);
    }

    [Fact]
    public void ProfileSamples_AreResampledInTheLocalFrame()
    {
        // a profile given at 4 angles in local components: the vortex (1, 0, 0) everywhere stays the vortex on 64 cells
        var ring = Ring(64);
        var angles = new[] { 0.0, Math.PI / 2, Math.PI, 3 * Math.PI / 2 };
        var local = Enumerable.Repeat(new Vec3(1, 0, 0), 4).ToArray();
        var m = RingTextures.FromLocalSamples(ring, angles, local);
        for (int k = 0; k < 64; k++) Assert.Equal(1, InterleavedVectors.Get(m, k).Dot(ring.Tangent(k)), 1e-14);
    }

    private static readonly DormandPrinceOptions Options = new() { RelativeTolerance = 1e-7, AbsoluteTolerance = 1e-10 };

    [Fact]
    public void TwoWallState_KeepsItsWinding_ThroughRelaxation()
    {
        // homochiral walls cannot unwind without a phase slip (neighbouring cells turning by π): the onion stays at
        // winding 0 with its two walls through a shortened protocol (α = 1, 0.1, 0.01)
        var ring = Ring(64);
        var dyn = new RingDynamics(ring, Py, RingMagnetostatics.Local);
        var m = RingTextures.DomainWalls(ring, 2, 7e-9);
        RingRelaxation.Run(dyn, m, new[] { new RelaxationPhase(1, 2e-9), new RelaxationPhase(0.1, 1e-9), new RelaxationPhase(0.01, 1e-9) }, Options);
        Assert.Equal(0, RingTextureAnalysis.Winding(ring, m), 1e-9);
        Assert.Equal(2, RingTextureAnalysis.FindWalls(ring, m, Span<RingWall>.Empty));
    }

    [Fact]
    public void HeterochiralPair_IsNotProtected()
    {
        // a heterochiral pair has the vortex's winding 1, so nothing topological holds it. In the 1D model the wall
        // whose rotation sense the ring's curvature disfavours turns its core through z and the pair becomes the
        // onion (winding 0) within a few ns at α = 1; the two walls survive — they do not unwind into the vortex
        var ring = Ring(64);
        var dyn = new RingDynamics(ring, Py, RingMagnetostatics.Local);
        var m = RingTextures.DomainWalls(ring, 2, 7e-9, homochiral: false);
        Assert.Equal(1, RingTextureAnalysis.Winding(ring, m), 1e-9);
        RingRelaxation.Run(dyn, m, new[] { new RelaxationPhase(1, 10e-9) }, Options);
        Assert.Equal(0, RingTextureAnalysis.Winding(ring, m), 1e-6);
    }

    [Fact]
    public void Relaxation_RestoresTheDriveAndDamping()
    {
        var ring = Ring(16);
        var drive = new SinusoidalCurrentDrive(1e11, 1e9);
        var dyn = new RingDynamics(ring, Py, RingMagnetostatics.Local) { Drive = drive, CurrentDensity = 5 };
        var m = RingTextures.Vortex(ring);
        RingRelaxation.Run(dyn, m, new[] { new RelaxationPhase(1, 1e-11) }, Options);
        Assert.Same(drive, dyn.Drive);
        Assert.Equal(5, dyn.CurrentDensity);
        Assert.Equal(Py.Damping, dyn.Alpha);
    }
}
