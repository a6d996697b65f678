using CircuitSim.Magnetics;

namespace CircuitSim.Magnetics.Tests;

public class StochasticHeunTests
{
    [Theory]
    [InlineData(1e-10, 3e-12, 34)]
    [InlineData(1e-10, 1e-12, 100)] // an exact multiple does not gain a sliver sub-step
    public void SubSteps_AreEqualAndEndExactlyOnT1(double span, double maxSub, int expected)
    {
        var heun = new StochasticHeun(2, 0, maxSub);
        var state = new StochasticHeunState(1);
        double[] y = { 1, 0 };
        var r = heun.Advance(new HarmonicOscillator(1e9), 2e-10, 2e-10 + span, y, ref state);
        Assert.Equal(expected, r.AcceptedSteps);
        Assert.Equal(2e-10 + span, r.TimeReached);
    }

    [Fact]
    public void WithoutNoise_ConvergesAtSecondOrder()
    {
        double Error(double dt)
        {
            var heun = new StochasticHeun(2, 0, dt);
            var state = new StochasticHeunState(1);
            double[] y = { 1, 0 };
            heun.Advance(new HarmonicOscillator(1), 0, 1, y, ref state);
            return Math.Abs(y[0] - Math.Cos(1));
        }
        double ratio = Error(1e-2) / Error(5e-3);
        Assert.InRange(ratio, 3.8, 4.2); // 2nd order: halving dt quarters the error (±5 % for higher-order terms)
    }
}
