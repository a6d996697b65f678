using CircuitSim.Spintronics.Tests.Support;
using Xunit.Abstractions;

namespace CircuitSim.Spintronics.Tests.Mtj;

/// <summary>
/// Circuit–device coupling: inside a circuit step the layer sees its terminal voltage linear in time, and its
/// current follows G(m). Halving the largest circuit step must leave the switching time of a pulse-driven junction
/// (T = 0, AP → P, about 2·I_c0) within 1 % — the accuracy a designer reads switching times to.
/// </summary>
public class CouplingAccuracyTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> Drives => new()
    {
        // 60 µA ≈ 2·I_c0 from a current source: the voltage follows 1/G(m) while the layer switches
        { "current source", "I1 0 a PULSE(0 60u 0.2n 50p 50p 20n 40n)" },
        // 1.5 V through 5 kΩ: the current itself changes by a third as R(m) falls from R_AP to R_P
        { "voltage source and resistor", "V1 in 0 PULSE(0 1.5 0.2n 50p 50p 20n 40n)\nR1 in a 5k" },
    };

    private static double SwitchingTime(string drive, string maxStep)
    {
        var run = NetlistSimulation.Run($"""
            pulse switching
            {drive}
            YMTJ m1 a 0 card state=ap
            .model card MTJ (temp=0)
            .tran 10p 10n 0 {maxStep}
            .end
            """, "@m1[mz]");
        return Series.FirstCrossing(run.Scale, run["@m1[mz]"], 0) ?? throw new Xunit.Sdk.XunitException("no switching");
    }

    [Theory]
    [MemberData(nameof(Drives))]
    public void HalvingTheCircuit_StepChangesTheSwitchingTimeByLessThanOnePercent(string name, string drive)
    {
        var coarse = SwitchingTime(drive, "100p");
        var fine = SwitchingTime(drive, "50p");
        var change = Math.Abs(coarse - fine) / fine;
        output.WriteLine($"{name}: t_switch = {coarse * 1e9:F5} ns (TMAX 100 ps), {fine * 1e9:F5} ns (TMAX 50 ps), relative change {change:E2}");
        Assert.True(change < 0.01, $"{name}: {coarse:E5} s vs {fine:E5} s");
    }
}
