using CircuitSim.Spintronics.Tests.Support;

namespace CircuitSim.Spintronics.Tests.DomainWall;

/// <summary>The stateful-device contract: a rejected trial leaves no trace in the wall's coordinates, thermal noise included.</summary>
public class RollbackTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(300)]
    public void Rejected_StepLeavesNoTrace(double temperature) => RollbackCheck.RejectedStepLeavesNoTrace($"""
        domain-wall junction at {temperature} K
        V1 a 0 0
        YDWMTJ m1 a 0 dw state=wall q0=400n seed=3
        .model dw DWMTJ (temp={temperature} nsites=0)
        .tran 1p 1n
        .end
        """, "q", "phi");
}
