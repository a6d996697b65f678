using CircuitSim.Magnetics;

namespace CircuitSim.Magnetics.Tests;

public class LlgSystemTests
{
    [Fact]
    public void ExplicitForm_SolvesTheGilbertEquation()
    {
        const double alpha = 0.3;
        double[] m = Physics.RandomUnitVectors(5, 21);
        double[] raw = Physics.RandomUnitVectors(5, 22);
        double[] f = new double[15];
        for (int i = 0; i < 5; i++) // F ⊥ m, in 1/s
        {
            Vec3 mi = InterleavedVectors.Get(m, i);
            InterleavedVectors.Set(f, i, 1e10 * mi.Cross(InterleavedVectors.Get(raw, i)));
        }
        double[] mdot = new double[15];
        LlgSystem.ExplicitForm(m, f, alpha, mdot);
        for (int i = 0; i < 5; i++)
        {
            Vec3 md = InterleavedVectors.Get(mdot, i);
            Vec3 residual = md - (InterleavedVectors.Get(f, i) + alpha * InterleavedVectors.Get(m, i).Cross(md));
            Assert.True(residual.Norm <= 1e-14 * 1e10); // ṁ = F + α m × ṁ to round-off
        }
    }

    [Fact]
    public void ExplicitForm_InPlaceAndPerCellAlpha_GiveTheSameResult()
    {
        double[] m = Physics.RandomUnitVectors(4, 1);
        double[] f = Physics.RandomUnitVectors(4, 2);
        double[] expected = new double[12];
        LlgSystem.ExplicitForm(m, f, 0.2, expected);
        double[] inPlace = (double[])f.Clone();
        LlgSystem.ExplicitForm(m, inPlace, new[] { 0.2, 0.2, 0.2, 0.2 }, inPlace);
        Assert.Equal(expected, inPlace);
    }

    /// <summary>
    /// What the AMM ring device needs: ṁ = T(F0) + j T(F1), with F0 the Gilbert form at j = 0, F1 the Zhang–Li term at
    /// 1 A/m² and T the explicit transform — equal to the full derivative at current j.
    /// </summary>
    [Fact]
    public void SplitF0PlusJF1_ReproducesTheDerivativeAtCurrentJ()
    {
        const int n = 24;
        const double ms = 790e3, j = 1e11, alpha = 0.01;
        var ring = Chain1D.Ring(n, 55e-9, 10e-9, 10e-9);
        var zl = new ChainZhangLiTorque(ring, 0.56, 0.1, ms, divideByOnePlusXiSquared: true);
        var sys = new LlgSystem(n, alpha)
            .Add(new ChainExchangeField(ring, 10e-12, ms))
            .Add(new LocalShapeAnisotropyField(LocalFrames.Ring(n), 0, 0.5, 0.5, ms, ring.CellVolume))
            .Add(new ZeemanField(n, ms, ring.CellVolume, new Vec3(1e3, 0, 0)))
            .Add(zl);
        double[] m = Physics.RandomUnitVectors(n, 9);

        double[] f0 = new double[3 * n], f1 = new double[3 * n], full = new double[3 * n];
        zl.CurrentDensity = 0;
        sys.GilbertTorque(0, m, f0);
        zl.CurrentDensity = 1;
        zl.AddTorque(0, m, f1);
        LlgSystem.ExplicitForm(m, f0, alpha, f0);
        LlgSystem.ExplicitForm(m, f1, alpha, f1);
        zl.CurrentDensity = j;
        sys.Derivative(0, m, full);

        double scale = 0;
        foreach (double x in full) scale = Math.Max(scale, Math.Abs(x));
        for (int k = 0; k < full.Length; k++)
            Assert.True(Math.Abs(f0[k] + j * f1[k] - full[k]) <= 1e-12 * scale); // linear in j up to round-off
    }
}
