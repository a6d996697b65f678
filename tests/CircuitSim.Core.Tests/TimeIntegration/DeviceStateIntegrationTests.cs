using CircuitSim.Core.Simulations;

namespace CircuitSim.Core.Tests.TimeIntegration;

/// <summary>
/// A device that holds its states as spans integrates a charge with the same bits as through the state vectors, for
/// every method and order: the trapezoidal rule from the two spans, Gear from the whole history.
/// </summary>
public class DeviceStateIntegrationTests
{
    /// <summary>Device slots 5 … 9 of 16 states, four points of history with distinct charges and currents.</summary>
    private const int First = 5, Slots = 5, Charge = 2;

    private static SimulationState State(IntegrationMethodKind method, int order)
    {
        var s = new SimulationState(new SimulationOptions()) { Method = method, Order = order };
        s.States.Allocate(16);
        s.States.Create(4);
        for (var age = 0; age < 4; age++)
            for (var i = 0; i < 16; i++)
                s.States[age][i] = 1e-15 * (1 + i + 7 * age) * (age % 2 == 0 ? 1 : -0.7);
        var deltaOld = new[] { 1e-11, 1.3e-11, 0.9e-11, 1e-11, 1e-11, 1e-11, 1e-11, 1e-11 };
        deltaOld.CopyTo(s.DeltaOld, 0);
        IntegrationCoefficients.Compute(method, order, s.DeltaOld, s.Ag);
        return s;
    }

    [Theory]
    [InlineData(IntegrationMethodKind.Trapezoidal, 1)]
    [InlineData(IntegrationMethodKind.Trapezoidal, 2)]
    [InlineData(IntegrationMethodKind.Gear, 1)]
    [InlineData(IntegrationMethodKind.Gear, 2)]
    public void SpanIntegrate_GivesTheBitsOfIndexIntegrate(IntegrationMethodKind method, int order)
    {
        var byIndex = State(method, order);
        var bySpan = State(method, order);

        byIndex.Integrate(First + Charge, 3e-15, out var geqIndex, out var ceqIndex);
        var q0 = bySpan.States.State0.AsSpan(First, Slots);
        var q1 = bySpan.States.State1.AsSpan(First, Slots);
        bySpan.Integrate(q0, q1, First, Charge, 3e-15, out var geqSpan, out var ceqSpan);

        Assert.Equal(BitConverter.DoubleToInt64Bits(geqIndex), BitConverter.DoubleToInt64Bits(geqSpan));
        Assert.Equal(BitConverter.DoubleToInt64Bits(ceqIndex), BitConverter.DoubleToInt64Bits(ceqSpan));
        Assert.Equal(byIndex.States.State0, bySpan.States.State0);
        Assert.NotEqual(0, ceqSpan);
    }
}
