using System.Numerics;
using CircuitSim.Core.Analyses;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Expressions;
using CircuitSim.Core.Tests.Support;
using CircuitSim.Devices.Behavioral;
using CircuitSim.Devices.Passive;
using CircuitSim.Devices.Sources;

namespace CircuitSim.Core.Tests.Expressions;

/// <summary>
/// ddt() and idt()/sdt() in B sources: integrated by the transient's method from device states, 0 and the initial
/// value at an operating point, jω and 1/(jω) in AC, with their truncation error limiting the time step.
/// </summary>
public class StatefulFunctionTests
{
    private static Circuit Driven(Waveform input, string expression) => new(
        new VoltageSource("v1", "in", "0", input) { AcMagnitude = 1 },
        new BehavioralSource("b1", "out", "0", BehavioralKind.Voltage, expression),
        new Resistor("r1", "out", "0", 1e3));

    [Fact]
    public void Ddt_AtTheOperatingPoint_IsZero()
    {
        var trace = Run.Record(new OperatingPoint(Driven(new Sine(0.5, 1, 1e3), "1 + ddt(3*v(in))")), "v(out)");

        Assert.Equal(1.0, trace[0][0], 15);
    }

    [Fact]
    public void Idt_AtTheOperatingPoint_IsItsInitialValue()
    {
        var trace = Run.Record(new OperatingPoint(Driven(new Sine(0.5, 1, 1e3), "idt(v(in), 0.25) + sdt(v(in))")), "v(out)");

        Assert.Equal(0.25, trace[0][0], 15);
    }

    [Fact]
    public void Idt_OfAConstant_IsARampFromItsInitialValue()
    {
        var trace = Run.Record(new Transient(Driven(new Sine(2, 0, 0), "idt(v(in), 0.5)"), 1e-6, 1e-4), "v(out)");

        // the trapezoidal rule integrates a constant exactly: 0.5 + 2·t to rounding
        Assert.True(trace.Count > 50);
        Assert.True(Run.MaxError(trace, 0, t => 0.5 + 2 * t) <= 1e-13);
    }

    [Fact]
    public void Idt_OfASine_IsItsIntegral()
    {
        var w = 2 * Math.PI * 1e3;
        var trace = Run.Record(new Transient(Driven(new Sine(0.5, 1, 1e3), "idt(v(in))"), 1e-6, 2e-3), "v(out)");

        // ∫(0.5 + sin ωt) = 0.5·t + (1 − cos ωt)/ω; trapezoidal global error ≈ T·h²·ω/12 ≈ 1e-12 at h = 1 µs
        Assert.True(Run.MaxError(trace, 0, t => 0.5 * t + (1 - Math.Cos(w * t)) / w) <= 1e-8);
    }

    [Fact]
    public void NestedDdt_InAc_IsMinusOmegaSquared()
    {
        var sim = new Ac(Driven(new Sine(0, 0, 0), "1e-9*ddt(ddt(v(in))) + v(in)"), AcSweepKind.Decade, 1, 100, 1e4);
        var probe = sim.CreateProbe("v(out)");
        var values = new List<(double F, Complex V)>();
        foreach (var p in sim.Run()) values.Add((p.Scale, probe.ComplexValue));

        Assert.Equal(3, values.Count);
        foreach (var (f, v) in values)
        {
            var w = 2 * Math.PI * f;
            Assert.Equal(1 - 1e-9 * w * w, v.Real, 9);
            Assert.Equal(0, v.Imaginary, 12);
        }
    }

    [Fact]
    public void DdtAndIdt_InAc_AreJOmegaAndItsInverse()
    {
        var circuit = Driven(new Sine(0, 0, 0), "1e-3*ddt(v(in)) + 1e3*idt(v(in))");
        var sim = new Ac(circuit, AcSweepKind.Decade, 1, 100, 1e4);
        var probe = sim.CreateProbe("v(out)");
        var count = 0;
        foreach (var p in sim.Run())
        {
            var jw = new Complex(0, 2 * Math.PI * p.Scale);
            var expected = 1e-3 * jw + 1e3 / jw;
            Assert.True((probe.ComplexValue - expected).Magnitude <= 1e-12 * expected.Magnitude, $"{p.Scale} Hz: {probe.ComplexValue}, expected {expected}");
            count++;
        }
        Assert.Equal(3, count);
    }

    [Fact]
    public void Ddt_LimitsTheTimeStepThroughItsTruncationError()
    {
        // a 10 kHz input with tstep = 100 µs: the step may grow to 40 µs (tstop/50), which nothing else limits, while
        // the local truncation error of the ddt state (the same test as a capacitor's charge) asks for about 11 µs
        var plain = new Transient(Driven(new Sine(0, 1, 1e4), "v(in)"), 1e-4, 2e-3);
        var derivative = new Transient(Driven(new Sine(0, 1, 1e4), "1e-5*ddt(v(in))"), 1e-4, 2e-3);
        Run.Record(plain, "v(out)");
        Run.Record(derivative, "v(out)");

        Assert.True(derivative.Statistics.AcceptedSteps > 2 * plain.Statistics.AcceptedSteps,
            $"{derivative.Statistics.AcceptedSteps} steps with ddt, {plain.Statistics.AcceptedSteps} without");
    }

    private sealed class PlainBinder : IExpressionBinder
    {
        public int BindVoltage(string node, int position) => 1;
        public int BindCurrent(string element, int position) => 2;
    }

    [Fact]
    public void Ddt_WhereNoStateIsKept_IsRejected()
    {
        var e = Assert.Throws<ExpressionEvaluationException>(() =>
            CompiledExpression.Compile(ExpressionParser.Parse("2*ddt(v(x))"), new PlainBinder()));

        Assert.Equal("ddt() is supported in B sources only", e.Message);
    }
}
