using CircuitSim.Devices.Sources;

namespace CircuitSim.Netlist.Tests.Parsing;

/// <summary>Independent V and I sources: DC, AC and the time functions, with and without parentheses and commas.</summary>
public class SourceTests
{
    private static VoltageSource V(string line) => Read.Component<VoltageSource>("t\n" + line, "V1");

    private static T Wave<T>(string line) where T : Waveform => Assert.IsType<T>(V(line).Waveform);

    [Fact]
    public void PlainValue_IsTheDcValue()
    {
        var v = V("V1 a 0 3.3");

        Assert.Equal(new[] { "a", "0" }, v.Nodes);
        Assert.Equal(3.3, v.DcValue);
        Assert.Null(v.Waveform);
    }

    [Fact]
    public void DcKeyword_GivesTheDcValue()
    {
        Assert.Equal(-0.5, V("V1 a 0 DC -0.5").DcValue);
    }

    [Fact]
    public void SourceWithoutAValue_Is0Volts()
    {
        Assert.Equal(0, V("V1 a 0").DcValue);
    }

    [Fact]
    public void AcKeyword_GivesMagnitudeAndPhase()
    {
        var v = V("V1 a 0 dc 1 ac 2 45");

        Assert.Equal((1.0, 2.0, 45.0), (v.DcValue!.Value, v.AcMagnitude, v.AcPhase));
    }

    [Fact]
    public void Ac_KeywordAloneMeansMagnitude1Phase0()
    {
        var v = V("V1 a 0 ac");

        Assert.Equal((1.0, 0.0), (v.AcMagnitude, v.AcPhase));
    }

    [Fact]
    public void AcBeforeDc_IsReadAsWell()
    {
        var v = V("V1 a 0 ac 0.5 dc 2");

        Assert.Equal((2.0, 0.5), (v.DcValue!.Value, v.AcMagnitude));
    }

    [Fact]
    public void ILine_IsACurrentSourceWithTheSameForms()
    {
        var i = Read.Component<CurrentSource>("""
            t
            I1 0 l DC 0.5m AC 1
            """, "I1");

        Assert.Equal(new[] { "0", "l" }, i.Nodes);
        Assert.Equal((0.5e-3, 1.0), (i.DcValue!.Value, i.AcMagnitude));
    }

    [Theory]
    [InlineData("V1 in 0 PULSE(0 1 2n 3n 4n 5n 6n 7)")]
    [InlineData("V1 in 0 pulse 0 1 2n 3n 4n 5n 6n 7")]
    [InlineData("V1 in 0 PULSE(0, 1, 2n, 3n, 4n, 5n, 6n, 7)")]
    [InlineData("V1 in 0 PULSE (0,1,2n,3n,4n,5n,6n,7)")]
    public void Pulse_ReadsAllEightValuesInEverySpelling(string line)
    {
        var p = Wave<Pulse>(line);

        Near.Equal(new[] { 0, 1, 2e-9, 3e-9, 4e-9, 5e-9, 6e-9 }, new[] { p.V1, p.V2, p.Delay, p.Rise, p.Fall, p.Width, p.Period });
        Assert.Equal(7, p.Count);
    }

    [Fact]
    public void PulseValuesLeftOut_Are0()
    {
        var p = Wave<Pulse>("V1 in 0 PULSE(-1 2)");

        Assert.Equal((-1.0, 2.0, 0.0, 0.0), (p.V1, p.V2, p.Delay, p.Period));
    }

    [Theory]
    [InlineData("V1 n2 0 SIN(0.5 1.5 25k 20u 5k 30)")]
    [InlineData("V1 n2 0 sin 0.5 1.5 25k 20u 5k 30")]
    [InlineData("V1 n2 0 sin(0.5, 1.5, 25k, 20u, 5k, 30)")]
    public void Sin_ReadsOffsetAmplitudeFrequencyDelayDampingPhase(string line)
    {
        var s = Wave<Sine>(line);

        Near.Equal(new[] { 0.5, 1.5, 25e3, 20e-6, 5e3, 30 }, new[] { s.Offset, s.Amplitude, s.Frequency, s.Delay, s.Damping, s.PhaseDegrees });
    }

    [Theory]
    [InlineData("V1 n3 0 EXP(0 2 10u 15u 60u 20u)")]
    [InlineData("V1 n3 0 exp 0 2 10u 15u 60u 20u")]
    [InlineData("V1 n3 0 exp(0,2,10u,15u,60u,20u)")]
    public void Exp_ReadsBothLevelsAndBothDelayTauPairs(string line)
    {
        var e = Wave<Exponential>(line);

        Near.Equal(new[] { 0, 2, 10e-6, 15e-6, 60e-6, 20e-6 }, new[] { e.V1, e.V2, e.RiseDelay, e.RiseTau, e.FallDelay, e.FallTau });
    }

    [Theory]
    [InlineData("V1 n4 0 PWL(0 0 10u 1 25u -0.5)")]
    [InlineData("V1 n4 0 pwl 0 0 10u 1 25u -0.5")]
    [InlineData("V1 n4 0 PWL(0, 0, 10u, 1, 25u, -0.5)")]
    public void Pwl_ReadsTimeValuePairs(string line)
    {
        var p = Wave<PiecewiseLinear>(line);

        Near.Equal(new[] { 0, 10e-6, 25e-6 }, p.Times);
        Assert.Equal(new[] { 0, 1, -0.5 }, p.Values);
        Assert.Null(p.RepeatFrom);
    }

    [Fact]
    public void Pwl_ReadsRepeatAndDelayOptions()
    {
        var p = Wave<PiecewiseLinear>("V1 n4 0 PWL(0 0 1u 1 2u 0) r=1u td=5u");

        Near.Equal(new[] { 1e-6, 5e-6 }, new[] { p.RepeatFrom!.Value, p.Delay });
    }

    [Theory]
    [InlineData("V1 a 0 SFFM(0 1 10k 5 1k 10 20)")]
    [InlineData("V1 a 0 sffm 0 1 10k 5 1k 10 20")]
    [InlineData("V1 a 0 sffm(0, 1, 10k, 5, 1k, 10, 20)")]
    public void Sffm_ReadsOffsetAmplitudeCarrierIndexSignalAndPhases(string line)
    {
        var f = Wave<FrequencyModulated>(line);

        Near.Equal(new[] { 0, 1, 10e3, 5, 1e3, 10, 20 },
            new[] { f.Offset, f.Amplitude, f.Carrier, f.ModulationIndex, f.Signal, f.CarrierPhase, f.SignalPhase });
    }

    [Fact]
    public void TimeFunction_KeepsAnExplicitDcValueBesideIt()
    {
        var v = V("V1 a 0 DC 0.7 SIN(0 1 1k)");

        Assert.Equal(0.7, v.DcValue);
        Assert.IsType<Sine>(v.Waveform);
    }

    [Fact]
    public void TimeFunctionValues_MayBeExpressions()
    {
        var s = Read.Component<VoltageSource>("""
            t
            .param amp=2 f=1k
            V1 a 0 SIN(0 {amp/2} 'f*3')
            """, "V1");

        var sine = Assert.IsType<Sine>(s.Waveform);
        Assert.Equal((1.0, 3e3), (sine.Amplitude, sine.Frequency));
    }
}
