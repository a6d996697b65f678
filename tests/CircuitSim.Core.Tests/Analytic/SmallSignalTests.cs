using System.Numerics;
using CircuitSim.Core.Analyses;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;
using CircuitSim.Core.Tests.Support;
using CircuitSim.Devices.Behavioral;
using CircuitSim.Devices.Controlled;
using CircuitSim.Devices.Passive;
using CircuitSim.Devices.Semiconductors;
using CircuitSim.Devices.Sources;
using CircuitSim.Devices.Switches;
using Xunit.Abstractions;

namespace CircuitSim.Core.Tests.Analytic;

/// <summary>
/// The AC analysis linearizes each device at the operating point: at a frequency where no capacitance matters, the
/// small-signal gain v(out)/v(in) must equal the slope of the DC transfer curve at the same bias, and the device
/// capacitances must be those of their charge equations.
/// </summary>
public class SmallSignalTests(ITestOutputHelper output)
{
    /// <summary>Tight Newton tolerances, so the operating point (and the DC slope) are exact to ~1e-10.</summary>
    private static SimulationOptions Tight() => new() { RelTol = 1e-11, VnTol = 1e-14, AbsTol = 1e-20 };

    private static VoltageSource Input(double bias) => new("Vin", "in", "0", bias) { AcMagnitude = 1 };

    public static TheoryData<string, double> Circuits => new()
    {
        { "diode with RS", 0.8 },
        { "nmos common source", 1.2 },
        { "pmos common source", 2.0 },
        { "nmos source follower with body effect", 2.5 },
        { "nmos in reverse mode", 3.0 },
        { "nmos with RD and RS", 1.5 },
        { "behavioural voltage", 0.4 },
        { "behavioural current", 0.7 },
        { "controlled sources", 0.3 },
        { "switch", 1.0 },
    };

    /// <summary>The body-effect transconductance with the bulk forward biased (see the MOSFET stamp tests): a source
    /// follower whose bulk sits at +0.5 V while the output stays near 0.2 V.</summary>
    [Fact]
    public void LowFrequencyAcGain_EqualsTheDcTransferSlopeWithAForwardBiasedBulk() =>
        LowFrequencyAcGain_EqualsTheDcTransferSlope("nmos follower with forward-biased bulk", 1.1);

    private static Circuit Build(string name, double bias)
    {
        var c = new Circuit(Input(bias));
        switch (name)
        {
            case "diode with RS":
                c.Add(new DiodeModel("dm") { SeriesResistance = 5, EmissionCoefficient = 1.2 });
                c.Add(new Resistor("R1", "in", "out", 1e3));
                c.Add(new Diode("D1", "out", "0", "dm"));
                break;
            case "nmos common source":
                c.Add(Models.Nmos());
                c.Add(new VoltageSource("Vdd", "vdd", "0", 3.3));
                c.Add(new Resistor("RD", "vdd", "out", 10e3));
                c.Add(new Mosfet1("M1", "out", "in", "0", "0", "nm") { Width = 2e-6, Length = 1e-6 });
                break;
            case "pmos common source":
                c.Add(Models.Pmos());
                c.Add(new VoltageSource("Vdd", "vdd", "0", 3.3));
                c.Add(new Resistor("RD", "out", "0", 10e3));
                c.Add(new Mosfet1("M1", "out", "in", "vdd", "vdd", "pm") { Width = 6e-6, Length = 1e-6 });
                break;
            case "nmos source follower with body effect":
                c.Add(Models.Nmos());
                c.Add(new VoltageSource("Vdd", "vdd", "0", 3.3));
                c.Add(new Resistor("RS", "out", "0", 10e3));
                c.Add(new Mosfet1("M1", "vdd", "in", "out", "0", "nm") { Width = 4e-6, Length = 1e-6 });
                break;
            case "nmos follower with forward-biased bulk":
                c.Add(Models.Nmos());
                c.Add(new VoltageSource("Vdd", "vdd", "0", 3.3));
                c.Add(new VoltageSource("Vb", "b", "0", 0.5));
                c.Add(new Resistor("RS", "out", "0", 20e3));
                c.Add(new Mosfet1("M1", "vdd", "in", "out", "b", "nm") { Width = 2e-6, Length = 1e-6 });
                break;
            case "nmos in reverse mode":
                // the drain terminal sits below the source terminal: the channel conducts from s to d
                c.Add(Models.Nmos());
                c.Add(new VoltageSource("Vb", "b", "0", 1.0));
                c.Add(new Resistor("RL", "out", "0", 5e3));
                c.Add(new Mosfet1("M1", "out", "in", "b", "0", "nm") { Width = 2e-6, Length = 1e-6 });
                break;
            case "nmos with RD and RS":
                var m = Models.Nmos();
                m.DrainResistance = 200;
                m.SourceResistance = 100;
                c.Add(m);
                c.Add(new VoltageSource("Vdd", "vdd", "0", 3.3));
                c.Add(new Resistor("RD", "vdd", "out", 10e3));
                c.Add(new Mosfet1("M1", "out", "in", "0", "0", "nm") { Width = 2e-6, Length = 1e-6 });
                break;
            case "behavioural voltage":
                c.Add(new BehavioralSource("B1", "out", "0", BehavioralKind.Voltage, "tanh(2*v(in))*v(in) + exp(v(in))"));
                break;
            case "behavioural current":
                c.Add(new Resistor("R1", "out", "0", 1e3));
                c.Add(new BehavioralSource("B1", "0", "out", BehavioralKind.Current, "1e-3*v(in)*v(in)*v(in) + 1e-3*sin(v(in))"));
                break;
            case "controlled sources":
                c.Add(new VoltageControlledVoltageSource("E1", "e", "0", "in", "0", 2));
                c.Add(new Resistor("Re", "e", "x", 1e3));
                c.Add(new VoltageSource("Vx", "x", "0", 0));
                c.Add(new CurrentControlledVoltageSource("H1", "h", "0", "Vx", 500));
                c.Add(new Resistor("Rh", "h", "0", 1e3));
                c.Add(new VoltageControlledCurrentSource("G1", "0", "g", "h", "0", 1e-3));
                c.Add(new Resistor("Rg", "g", "0", 1e3));
                c.Add(new CurrentControlledCurrentSource("F1", "0", "out", "Vx", 3));
                c.Add(new Resistor("Rout", "out", "g", 1e3));
                break;
            case "switch":
                c.Add(new VoltageSwitchModel("sw") { Threshold = 0.5, OnResistance = 300, OffResistance = 1e6 });
                c.Add(new VoltageSwitch("S1", "out", "0", "in", "0", "sw"));
                c.Add(new Resistor("R1", "in", "out", 1e3));
                break;
            default: throw new ArgumentException(name);
        }
        return c;
    }

    [Theory]
    [MemberData(nameof(Circuits))]
    public void LowFrequencyAcGain_EqualsTheDcTransferSlope(string circuit, double bias)
    {
        const double delta = 1e-4;
        var dc = Run.Record(new DcSweep(Build(circuit, bias), new SweepSpec("Vin", new[] { bias - delta, bias + delta }), Tight()), "v(out)");
        var slope = (dc[0][1] - dc[0][0]) / (2 * delta);

        var ac = new Ac(Build(circuit, bias), AcSweepKind.Linear, 1, 1, 1, Tight());
        var gain = ac.CreateProbe("v(out)");
        Complex value = default;
        foreach (var _ in ac.Run()) value = gain.ComplexValue;

        output.WriteLine($"{circuit}: DC slope {slope:R}, AC gain {value}");
        Assert.True(Math.Abs(slope) > 1e-3, "the bias must make the output depend on the input");
        // central difference with δ = 0.1 mV: truncation δ²·f‴/6 ≈ 2e-9·f‴/f′ relative, round-off 1e-14/δ = 1e-10
        Assert.Equal(slope, value.Real, 1e-6 * Math.Abs(slope));
        Assert.Equal(0, value.Imaginary, 1e-9 * Math.Abs(slope));
    }

    [Fact]
    public void Reverse_BiasedDiodePresentsItsDepletionCapacitance()
    {
        const double cj0 = 10e-12, vj = 0.8, m = 0.4, r = 1e3, bias = -2;
        var c = new Circuit(
            new DiodeModel("dm") { JunctionCapacitance = cj0, JunctionPotential = vj, GradingCoefficient = m },
            new VoltageSource("Vin", "in", "0", bias) { AcMagnitude = 1 },
            new Resistor("R1", "in", "out", r),
            new Diode("D1", "out", "0", "dm"));
        var cj = cj0 * Math.Pow(1 - bias / vj, -m); // the reverse current through R moves the bias by < 1 pV
        var fc = 1 / (2 * Math.PI * r * cj);
        var trace = Run.Record(new Ac(c, AcSweepKind.Decade, 5, fc / 100, fc * 100), "vm(out)", "vp(out)");

        for (var k = 0; k < trace.Count; k++)
        {
            var h = 1 / new Complex(1, 2 * Math.PI * trace.Scale[k] * r * cj);
            // the junction's reverse conductance (GMIN + IS/|v|·…, ≈ 1e-12 S) against 1/R = 1e-3: 1e-9 relative
            Assert.Equal(h.Magnitude, trace[0][k], 1e-8 * h.Magnitude);
            Assert.Equal(h.Phase * 180 / Math.PI, trace[1][k], 1e-6);
        }
    }

    [Fact]
    public void Saturated_MosfetGatePresentsTwoThirdsCoxPlusOverlaps()
    {
        var model = Models.Nmos();
        const double w = 2e-6, l = 1e-6, r = 10e3;
        var c = new Circuit(model,
            new VoltageSource("Vdd", "vdd", "0", 3.3),
            new VoltageSource("Vin", "in", "0", 1.5) { AcMagnitude = 1 },
            new Resistor("RG", "in", "g", r),
            new Mosfet1("M1", "vdd", "g", "0", "0", "nm") { Width = w, Length = l });
        var cox = Constants.EpsilonOxide / model.Tox!.Value * w * l;
        var cgate = 2.0 / 3 * cox + model.Cgso * w + model.Cgdo * w; // drain and source are AC grounds
        var fc = 1 / (2 * Math.PI * r * cgate);
        var trace = Run.Record(new Ac(c, AcSweepKind.Decade, 5, fc / 100, fc * 100), "vm(g)", "vp(g)");

        for (var k = 0; k < trace.Count; k++)
        {
            var h = 1 / new Complex(1, 2 * Math.PI * trace.Scale[k] * r * cgate);
            // the gate draws no DC current: the RC is exact up to round-off
            Assert.Equal(h.Magnitude, trace[0][k], 1e-9);
            Assert.Equal(h.Phase * 180 / Math.PI, trace[1][k], 1e-6);
        }
    }

    [Fact]
    public void Coupled_InductorsTransferWithTheMutualInductance()
    {
        const double r1 = 1, l1 = 1e-6, l2 = 4e-6, k = 0.8, r = 50;
        var c = new Circuit(
            new VoltageSource("Vin", "in", "0", 0) { AcMagnitude = 1 },
            new Resistor("R1", "in", "p", r1),
            new Inductor("L1", "p", "0", l1),
            new Inductor("L2", "out", "0", l2),
            new MutualInductance("K1", "L1", "L2", k),
            new Resistor("RL", "out", "0", r));
        var m = k * Math.Sqrt(l1 * l2);
        var trace = Run.Record(new Ac(c, AcSweepKind.Decade, 5, 1e5, 1e9), "vr(out)", "vi(out)");

        for (var j = 0; j < trace.Count; j++)
        {
            // meshes (dots on the first nodes): V = (R1 + jωL1)·i1 + jωM·i2, 0 = jωM·i1 + (R + jωL2)·i2, v_out = −R·i2
            var jw = new Complex(0, 2 * Math.PI * trace.Scale[j]);
            var i1 = 1 / (r1 + jw * l1 - jw * m * jw * m / (r + jw * l2));
            var vout = r * jw * m * i1 / (r + jw * l2);
            Assert.Equal(vout.Real, trace[0][j], 1e-9);
            Assert.Equal(vout.Imaginary, trace[1][j], 1e-9);
        }
    }

    [Fact]
    public void PlainVoltageProbe_GivesThePhasorAsItsComplexValue()
    {
        var c = new Circuit(Input(0.5), new Resistor("R1", "in", "out", 1e3), new Capacitor("C1", "out", "0", 1e-9));
        var f = 1 / (2 * Math.PI * 1e-6);
        var sim = new Ac(c, AcSweepKind.Linear, 1, f, f);
        var v = sim.CreateProbe("v(out)");
        var real = sim.CreateProbe("vr(out)");
        var imaginary = sim.CreateProbe("vi(out)");
        var (phasor, re, im) = Assert.Single(sim.Run().Select(_ => (v.ComplexValue, real.Value, imaginary.Value)).ToList());

        Assert.Equal(0.5, phasor.Real, 1e-12);     // at ωRC = 1: 1/(1 + j)
        Assert.Equal(-0.5, phasor.Imaginary, 1e-12);
        Assert.Equal(0.5, re, 1e-12);
        Assert.Equal(-0.5, im, 1e-12);
    }
}
