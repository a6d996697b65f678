using CircuitSim.Magnetics;

namespace CircuitSim.Magnetics.Tests.Ring;

public class NewellTensorTests
{
    [Fact]
    public void Cube_HasOneThirdOnEachAxis()
    {
        var n = NewellTensor.Self(3e-9, 3e-9, 3e-9);
        // symmetry fixes 1/3 exactly; the stencil sums leave round-off only
        Assert.Equal(1.0 / 3, n.Xx, 1e-13);
        Assert.Equal(1.0 / 3, n.Yy, 1e-13);
        Assert.Equal(1.0 / 3, n.Zz, 1e-13);
        Assert.Equal(0, n.Xy, 1e-13);
    }

    [Theory]
    [InlineData(10, 10, 1)]
    [InlineData(2.7, 10, 10)]
    [InlineData(1, 3, 7)]
    public void SelfFactors_SumToOne(double a, double b, double c)
    {
        var n = NewellTensor.Self(a * 1e-9, b * 1e-9, c * 1e-9);
        Assert.Equal(1.0, n.Trace, 1e-12); // exact identity, round-off only
    }

    [Fact]
    public void ThinSquarePlate_HasTheKnownOutOfPlaneFactor()
    {
        // 10 × 10 × 1 square prism: N_z = 0.80508 (Aharoni's closed form for rectangular prisms)
        var n = NewellTensor.Self(10, 10, 1);
        Assert.Equal(0.80508, n.Zz, 1e-5);
        Assert.Equal(n.Xx, n.Yy, 1e-14);
    }

    [Fact]
    public void UniformStraightSegment_ReproducesThePrismFactors()
    {
        // 16 ring-sized cells (2.7 × 10 × 10 nm) in a row, uniformly magnetized: the mean field over the cells is
        // that of the whole 43.2 × 10 × 10 nm prism; Newell's tensors are exact cell averages, so only round-off remains
        const int cells = 16;
        double dx = 2.7e-9, w = 10e-9, t = 10e-9;
        DemagTensor sum = default;
        for (int i = 0; i < cells; i++)
            for (int j = 0; j < cells; j++)
                sum += NewellTensor.Between(new Vec3((i - j) * dx, 0, 0), dx, w, t);
        sum = (1.0 / cells) * sum;
        var whole = NewellTensor.Self(cells * dx, w, t);
        Assert.Equal(whole.Xx, sum.Xx, 1e-10);
        Assert.Equal(whole.Yy, sum.Yy, 1e-10);
        Assert.Equal(whole.Zz, sum.Zz, 1e-10);
        Assert.Equal(0, sum.Xy, 1e-10);
    }

    [Fact]
    public void Block_OfCellsOffsetInTwoDirections_ReproducesThePrismFactors()
    {
        // a 3 × 2 block exercises the off-diagonal stencils: their sum over the block must cancel
        double dx = 2e-9, dy = 5e-9, dz = 4e-9;
        DemagTensor sum = default;
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                for (int a = 0; a < 2; a++)
                    for (int b = 0; b < 2; b++)
                        sum += NewellTensor.Between(new Vec3((i - j) * dx, (a - b) * dy, 0), dx, dy, dz);
        sum = (1.0 / 6) * sum;
        var whole = NewellTensor.Self(3 * dx, 2 * dy, dz);
        Assert.Equal(whole.Xx, sum.Xx, 1e-10);
        Assert.Equal(whole.Yy, sum.Yy, 1e-10);
        Assert.Equal(whole.Zz, sum.Zz, 1e-10);
        Assert.Equal(0, sum.Xy, 1e-10);
    }

    [Fact]
    public void InteractionTensor_IsEvenInTheOffset()
    {
        var d = new Vec3(7e-9, -3e-9, 2e-9);
        var a = NewellTensor.Between(d, 2.7e-9, 10e-9, 10e-9);
        var b = NewellTensor.Between(-d, 2.7e-9, 10e-9, 10e-9);
        Assert.Equal(a.Xy, b.Xy, 1e-15);
        Assert.Equal(a.Xz, b.Xz, 1e-15);
        Assert.Equal(a.Yz, b.Yz, 1e-15);
        Assert.Equal(a.Xx, b.Xx, 1e-15);
    }

    [Fact]
    public void FarApart_ApproachesThePointDipole()
    {
        // at 25 cell sizes the quadrupole correction is of order (a/R)² ≈ 2e-3 of the dipole term
        var d = new Vec3(20, 12, 8);
        var newell = NewellTensor.Between(d, 1, 1, 1);
        var dipole = NewellTensor.Dipole(d.X, d.Y, d.Z, 1);
        double scale = Math.Abs(dipole.Xx) + Math.Abs(dipole.Xy);
        Assert.Equal(dipole.Xx, newell.Xx, 2e-3 * scale);
        Assert.Equal(dipole.Xy, newell.Xy, 2e-3 * scale);
        Assert.Equal(dipole.Yz, newell.Yz, 2e-3 * scale);
        Assert.Equal(0, newell.Trace, 1e-6 * scale); // Laplace: traceless away from the source
    }

    [Fact]
    public void SwitchToTheDipoleFormula_IsContinuous()
    {
        // just inside the far-field distance the stencil and the dipole formula must agree, or the field would jump
        // there; for a cube the first correction to the dipole is O((a/R)⁴) ≈ 4e-7, the stencil's round-off about as big
        double r = 0.999 * NewellTensor.FarFieldDistance;
        var d = new Vec3(0.8 * r, 0.6 * r, 0);
        var stencil = NewellTensor.Between(d, 1, 1, 1);
        var dipole = NewellTensor.Dipole(d.X, d.Y, d.Z, 1);
        Assert.Equal(dipole.Xx, stencil.Xx, 1e-5 * Math.Abs(dipole.Xx));
        Assert.Equal(dipole.Xy, stencil.Xy, 1e-5 * Math.Abs(dipole.Xy));
    }
}
