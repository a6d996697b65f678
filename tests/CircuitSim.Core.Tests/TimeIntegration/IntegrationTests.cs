using CircuitSim.Core.Analyses;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;
using CircuitSim.Core.Tests.Support;
using CircuitSim.Devices.Passive;
using CircuitSim.Devices.Sources;
using Xunit.Abstractions;

namespace CircuitSim.Core.Tests.TimeIntegration;

/// <summary>Integration formulas, their order of accuracy, and the truncation-error step control.</summary>
public class IntegrationTests(ITestOutputHelper output)
{
    private static double[] Coefficients(IntegrationMethodKind method, int order, params double[] steps)
    {
        var deltaOld = new double[8];
        Array.Fill(deltaOld, steps[^1]);
        steps.CopyTo(deltaOld, 0);
        var ag = new double[8];
        IntegrationCoefficients.Compute(method, order, deltaOld, ag);
        return ag;
    }

    [Fact]
    public void Gear2CoefficientsForAConstant_StepAreThreeHalvesMinusTwoOneHalfOverH()
    {
        const double h = 1e-9;
        var ag = Coefficients(IntegrationMethodKind.Gear, 2, h, h, h);
        // Lagrange-basis derivatives: a few operations on O(1/h) numbers
        Assert.Equal(1.5 / h, ag[0], 1e-12 / h);
        Assert.Equal(-2 / h, ag[1], 1e-12 / h);
        Assert.Equal(0.5 / h, ag[2], 1e-12 / h);
        Assert.Equal(0, ag[3]);
    }

    [Fact]
    public void TrapezoidalCoefficients_FollowTheSpiceConvention()
    {
        const double h = 2e-9;
        var first = Coefficients(IntegrationMethodKind.Trapezoidal, 1, h);
        Assert.Equal((1 / h, -1 / h), (first[0], first[1]));   // backward Euler
        var second = Coefficients(IntegrationMethodKind.Trapezoidal, 2, h);
        Assert.Equal((2 / h, 1.0), (second[0], second[1]));    // i₁ = 2/h·(q₁ − q₀) − i₀
    }

    /// <summary>A BDF formula of order k is exact for polynomials of degree k, whatever the past steps.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Gear_formula_of_order_k_differentiates_degree_k_polynomials_exactly(int order)
    {
        var rng = new Random(order);
        var steps = Enumerable.Range(0, order).Select(_ => (0.5 + rng.NextDouble()) * 1e-3).ToArray();
        var ag = Coefficients(IntegrationMethodKind.Gear, order, steps);
        var coefficients = Enumerable.Range(0, order + 1).Select(_ => rng.NextDouble() - 0.5).ToArray();
        double Q(double t) => coefficients.Select((c, i) => c * Math.Pow(t, i)).Sum();
        double DQ(double t) => coefficients.Select((c, i) => i * c * Math.Pow(t, i - 1)).Skip(1).Sum();

        var tn = 0.7e-3;
        double estimate = 0, t = tn;
        for (var i = 0; i <= order; i++)
        {
            estimate += ag[i] * Q(t);
            if (i < order) t -= steps[i];
        }
        // exact up to round-off of sums of terms as large as Ag·Q ≈ (k/h)·1: relative 1e-9 of that scale
        Assert.Equal(DQ(tn), estimate, 1e-9 * order / steps.Min());
    }

    private static double RlcError(double step, IntegrationMethodKind method)
    {
        const double r = 10, l = 1e-6, cap = 1e-9;
        var alpha = r / (2 * l);
        var w0 = 1 / Math.Sqrt(l * cap);
        var wd = Math.Sqrt(w0 * w0 - alpha * alpha);
        var c = new Circuit(
            new VoltageSource("V1", "in", "0", 1.0),
            new Resistor("R1", "in", "a", r),
            new Inductor("L1", "a", "b", l),
            new Capacitor("C1", "b", "0", cap));
        var sim = new Transient(c, step, 1e-6, useInitialConditions: true, options: new SimulationOptions { Method = method });
        var trace = Run.Record(sim, "v(b)");
        return Run.MaxError(trace, 0, t => 1 - Math.Exp(-alpha * t) * (Math.Cos(wd * t) + alpha / wd * Math.Sin(wd * t)));
    }

    /// <summary>
    /// With the maximum step (not the truncation error) setting the step, halving it divides the global error of a
    /// second-order method by 4. Measured ratios lie within 10 % of 4; [3.2, 4.8] allows for the order-1 start.
    /// </summary>
    [Theory]
    [InlineData(IntegrationMethodKind.Trapezoidal)]
    [InlineData(IntegrationMethodKind.Gear)]
    public void SecondOrderMethods_ConvergeWithTheSquareOfTheStep(IntegrationMethodKind method)
    {
        var coarse = RlcError(2e-9, method);
        var fine = RlcError(1e-9, method);
        output.WriteLine($"{method}: error {coarse:E3} at 2 ns, {fine:E3} at 1 ns, ratio {coarse / fine:F2}");
        Assert.InRange(coarse / fine, 3.2, 4.8);
    }

    [Fact]
    public void Gear2_IsLessAccurateThanTrapezoidalAtTheSameStep()
    {
        // error constants 2/9 against 1/12
        Assert.True(RlcError(1e-9, IntegrationMethodKind.Gear) > 2 * RlcError(1e-9, IntegrationMethodKind.Trapezoidal));
    }

    /// <summary>Median accepted step of an RC driven by a sine over four periods (the maximum step is one period, so
    /// only the truncation error limits it).</summary>
    private double MedianStep(double frequency)
    {
        var period = 1 / frequency;
        var c = new Circuit(
            new VoltageSource("V1", "in", "0", new Sine(0, 1, frequency)),
            new Resistor("R1", "in", "out", 1e3),
            new Capacitor("C1", "out", "0", 1e-12));
        var times = Run.Record(new Transient(c, period, 4 * period, maxStep: period), "v(out)").Scale;
        var steps = times.Zip(times.Skip(1), (a, b) => b - a).Order().ToArray();
        var median = steps[steps.Length / 2];
        output.WriteLine($"{frequency:E1} Hz: {times.Length} points, median step {median:E3} s ({median / period:F4} period)");
        return median;
    }

    [Fact]
    public void TruncationErrorShrinksThe_StepForASharperWaveform()
    {
        var slow = MedianStep(10e6);
        var fast = MedianStep(100e6);
        // the curvature grows with the frequency: the steps must shrink at least in proportion to the period
        Assert.True(fast < slow / 5, $"median step {fast} s at 100 MHz against {slow} s at 10 MHz");
    }
}
