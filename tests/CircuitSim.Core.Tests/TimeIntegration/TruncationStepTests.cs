using CircuitSim.Core.Simulations;

namespace CircuitSim.Core.Tests.TimeIntegration;

/// <summary>The truncation step of many charges at once (a device batch's, four at a time) is the smallest of the
/// charges' own steps, bit for bit.</summary>
public class TruncationStepTests
{
    private const int Charges = 37;

    /// <summary>A state with random charge histories (charge in even slots, its current in the next) and uneven steps.</summary>
    private static SimulationState State(int order, IntegrationMethodKind method, int seed)
    {
        var s = new SimulationState(new SimulationOptions());
        s.States.Allocate(2 * Charges);
        s.States.Create(4);
        var random = new Random(seed);
        for (var age = 0; age < 4; age++)
            for (var i = 0; i < 2 * Charges; i++)
                s.States[age][i] = (random.NextDouble() - 0.5) * Math.Pow(10, -18 + 6 * random.NextDouble());
        s.Order = order;
        s.Method = method;
        s.Delta = 1.3e-12;
        s.DeltaOld[0] = 1.3e-12;
        s.DeltaOld[1] = 0.7e-12;
        s.DeltaOld[2] = 2.1e-12;
        return s;
    }

    private static int[] Slots() => Enumerable.Range(0, Charges).Select(k => 2 * k).ToArray();

    private static double SmallestOneByOne(SimulationState s) => Slots().Select(s.TruncationStep).Aggregate(double.PositiveInfinity, Math.Min);

    [Theory]
    [InlineData(1, IntegrationMethodKind.Trapezoidal)]
    [InlineData(2, IntegrationMethodKind.Trapezoidal)]
    [InlineData(1, IntegrationMethodKind.Gear)]
    [InlineData(2, IntegrationMethodKind.Gear)]
    public void TruncationStep_OfManyCharges_IsTheSmallestOfTheirOwnStepsBitForBit(int order, IntegrationMethodKind method)
    {
        for (var seed = 0; seed < 50; seed++)
        {
            var s = State(order, method, seed);
            var together = s.TruncationStep(Slots());

            Assert.True(double.IsFinite(together) && together > 0, $"a step was found ({together})");
            Assert.Equal(BitConverter.DoubleToInt64Bits(SmallestOneByOne(s)), BitConverter.DoubleToInt64Bits(together));
        }
    }

    [Fact]
    public void TruncationStep_OfManyCharges_IsNaNWhenOneChargeDiverged()
    {
        var s = State(2, IntegrationMethodKind.Trapezoidal, 1);
        s.States.State0[2 * 9 + 1] = double.NaN; // the current of the tenth charge

        Assert.True(double.IsNaN(SmallestOneByOne(s)));
        Assert.True(double.IsNaN(s.TruncationStep(Slots())));
    }
}
