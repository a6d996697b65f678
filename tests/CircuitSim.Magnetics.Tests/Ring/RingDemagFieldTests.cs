using CircuitSim.Magnetics;

namespace CircuitSim.Magnetics.Tests.Ring;

public class RingDemagFieldTests
{
    private const double Ms = 790e3;
    private static RingGeometry PaperRing(int n) => new(n, 55e-9, 10e-9, 10e-9);

    [Fact]
    public void PairTensor_IsTheSameSeenFromEitherCell()
    {
        // N_0k and N_k0 computed independently (the latter as N_0,N−k rotated by θ_k): energy consistency needs
        // N_ij = N_jiᵀ. The chord-frame construction gives it exactly up to round-off, which Newell's stencil amplifies
        // by its cancellation ((a/R)³ squared, ~1e6 here): ~1e-10 of an element, i.e. < 1e-12 absolute
        var ring = PaperRing(24);
        for (int k = 1; k < 24; k++)
        {
            var a = RingDemagField.GlobalTensor(ring, k);
            var b = RingDemagField.GlobalTensor(ring, 24 - k);
            // rotate b (target 0, source N−k) by θ_k: it becomes target k, source 0
            double c = Math.Cos(ring.Angle(k)), s = Math.Sin(ring.Angle(k));
            var rotated = b.FromFrame(new Vec3(c, s, 0), new Vec3(-s, c, 0), Vec3.UnitZ);
            Assert.Equal(a.Xx, rotated.Xx, 1e-12);
            Assert.Equal(a.Xy, rotated.Xy, 1e-12);
            Assert.Equal(a.Yy, rotated.Yy, 1e-12);
            Assert.Equal(a.Zz, rotated.Zz, 1e-12);
        }
    }

    [Fact]
    public void Field_IsMinusTheGradientOfTheEnergy()
    {
        // H_i = −(1/(μ0 Ms V)) ∂E/∂m_i; central differences of E with step 1e-6 are good to ~1e-9 relative
        var ring = PaperRing(16);
        var demag = new RingDemagField(ring, Ms);
        double[] m = Physics.RandomUnitVectors(16, 11);
        var h = new double[m.Length];
        demag.AddField(0, m, h);
        double scale = h.Max(Math.Abs);
        const double step = 1e-6;
        for (int i = 0; i < m.Length; i++)
        {
            double keep = m[i];
            m[i] = keep + step;
            double up = demag.Energy(m);
            m[i] = keep - step;
            double down = demag.Energy(m);
            m[i] = keep;
            double fromEnergy = -(up - down) / (2 * step) / (PhysicalConstants.Mu0 * Ms * ring.CellVolume);
            Assert.Equal(h[i], fromEnergy, 1e-6 * scale);
        }
    }

    [Fact]
    public void FftConvolution_AgreesWithTheDirectSum()
    {
        var ring = PaperRing(64);
        var fft = new RingDemagField(ring, Ms);
        var direct = new RingDemagField(ring, Ms, allowFft: false);
        Assert.True(fft.UsesFft);
        Assert.False(direct.UsesFft);
        double[] m = Physics.RandomUnitVectors(64, 5);
        double[] a = new double[m.Length], b = new double[m.Length];
        fft.AddField(0, m, a);
        direct.AddField(0, m, b);
        double scale = b.Max(Math.Abs);
        for (int i = 0; i < m.Length; i++) Assert.Equal(b[i], a[i], 1e-12 * scale); // FFT round-off ~ log N ulps
    }

    [Fact]
    public void VortexState_CarriesAlmostNoMagneticCharge()
    {
        // m = T closes the flux round the ring: what is left comes from the curvature of the w = 10 nm band
        // (|H|/Ms ≈ 1e-3), far below the 0.5 Ms of a texture that points across the band
        var ring = PaperRing(128);
        var demag = new RingDemagField(ring, Ms);
        var h = new double[3 * 128];
        demag.AddField(0, RingTextures.Vortex(ring), h);
        for (int k = 0; k < 128; k++) Assert.True(InterleavedVectors.Get(h, k).Norm < 2e-3 * Ms);
    }

    [Fact]
    public void RadialAndAxialTextures_FeelTheCrossSectionFactors()
    {
        // the local approximation uses N_R = N_z = 1/2 for the square 10 × 10 nm band; the full tensor sum on the
        // curved ring of radius 55 nm differs by the curvature, about 1 % (measured 0.506 and 0.502)
        var ring = PaperRing(128);
        var demag = new RingDemagField(ring, Ms);
        var radial = new double[3 * 128];
        for (int k = 0; k < 128; k++) InterleavedVectors.Set(radial, k, ring.Radial(k));
        var h = new double[3 * 128];
        demag.AddField(0, radial, h);
        Assert.Equal(0.5, -InterleavedVectors.Get(h, 0).Dot(ring.Radial(0)) / Ms, 0.02);
        Array.Clear(h);
        demag.AddField(0, RingTextures.Uniform(ring, Vec3.UnitZ), h);
        Assert.Equal(0.5, -h[2] / Ms, 0.02);
    }
}
