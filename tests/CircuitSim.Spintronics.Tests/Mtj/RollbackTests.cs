using CircuitSim.Spintronics.Tests.Support;

namespace CircuitSim.Spintronics.Tests.Mtj;

/// <summary>The stateful-device contract: a rejected trial leaves no trace in the macrospin (see <see cref="RollbackCheck"/>).</summary>
public class RollbackTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(300)]
    public void Rejected_StepLeavesNoTrace(double temperature) => RollbackCheck.RejectedStepLeavesNoTrace($"""
        macrospin at {temperature} K
        V1 a 0 0
        YMTJ m1 a 0 card state=ap seed=3
        .model card MTJ (temp={temperature})
        .tran 1p 1n
        .end
        """, "mx", "my", "mz");
}
