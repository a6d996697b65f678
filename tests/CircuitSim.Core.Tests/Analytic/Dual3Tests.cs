using CircuitSim.Devices.Semiconductors.Bsim4;

namespace CircuitSim.Core.Tests.Analytic;

/// <summary>
/// BSIM4's forward-mode derivatives: the value lane of every operation is the plain double expression bit for bit,
/// and the derivative lanes are the chain rule's. The derivatives are compared with the analytic ones within 4e-16
/// relative (two roundings of a product or quotient, each within half an ulp, 1.1e-16).
/// </summary>
public class Dual3Tests
{
    private const double Tolerance = 4e-16;

    /// <summary>x with derivatives (1, 2, −3): a voltage-dependent quantity whose three slopes differ.</summary>
    private static Dual3 Quantity(double x) => new(x, 1, 2, -3);

    private static void AssertDerivatives(Dual3 y, double slope)
    {
        Assert.Equal(1 * slope, y.G, Math.Abs(slope) * Tolerance);
        Assert.Equal(2 * slope, y.D, Math.Abs(2 * slope) * Tolerance);
        Assert.Equal(-3 * slope, y.B, Math.Abs(3 * slope) * Tolerance);
    }

    [Theory]
    [InlineData(0.37)]
    [InlineData(-2.5)]
    [InlineData(1e-9)]
    public void ConstantOverQuantity_HasTheQuotientsValueAndSlope(double x)
    {
        var y = 1.7 / Quantity(x);

        Assert.Equal(1.7 / x, y.V);
        AssertDerivatives(y, -1.7 / (x * x));
    }

    [Theory]
    [InlineData(0.37)]
    [InlineData(4.0)]
    [InlineData(1e-12)]
    public void Sqrt_HasTheRootsValueAndSlope(double x)
    {
        var y = Dual3.Sqrt(Quantity(x));

        Assert.Equal(Math.Sqrt(x), y.V);
        AssertDerivatives(y, 0.5 / Math.Sqrt(x));
    }

    [Theory]
    [InlineData(0.37, 0.7)]
    [InlineData(2.0, -1.5)]
    public void Pow_HasBsim4sValueAndSlope(double x, double p)
    {
        var y = Dual3.Pow(Quantity(x), p);

        Assert.Equal(Math.Exp(p * Math.Log(x)), y.V);
        AssertDerivatives(y, p * Math.Pow(x, p - 1));
    }
}
