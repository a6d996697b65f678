using CircuitSim.Core.Analyses;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;
using CircuitSim.Core.Tests.Support;
using CircuitSim.Devices.Passive;
using CircuitSim.Devices.Semiconductors;
using CircuitSim.Devices.Sources;
using Xunit.Abstractions;

namespace CircuitSim.Core.Tests.Analytic;

/// <summary>DC sweeps of nonlinear circuits with closed-form solutions.</summary>
public class DcTransferTests(ITestOutputHelper output)
{
    [Fact]
    public void Lambert_WInvertsWExpW()
    {
        foreach (var z in new[] { 1e-12, 0.3, Math.E, 10, 1e5, 1e17 })
        {
            var w = LambertW.W0(z);
            Assert.Equal(1, w * Math.Exp(w) / z, 1e-13);
        }
        Assert.Equal(1, LambertW.W0(Math.E), 1e-15);
    }

    /// <summary>
    /// I = IS·(e^{(V−I·R)/(N·vt)} − 1) solved exactly: I = (N·vt/R)·W(IS·R/(N·vt)·e^{(V+IS·R)/(N·vt)}) − IS,
    /// with vt = k·T/q at T = 300.15 K (ngspice's k and q). GMIN is set to 0 so the diode is exactly the model above.
    /// </summary>
    [Fact]
    public void DiodeWithSeriesResistor_FollowsTheLambertWSolution()
    {
        const double r = 1e3, isat = 1e-14, n = 1.5;
        var vte = n * Constants.KOverQ * 300.15;
        var c = new Circuit(
            new DiodeModel("dm") { SaturationCurrent = isat, EmissionCoefficient = n },
            new VoltageSource("V1", "in", "0", 0),
            new Resistor("R1", "in", "a", r),
            new Diode("D1", "a", "0", "dm"));
        var sim = new DcSweep(c, new SweepSpec("V1", 0, 3, 0.02), new SimulationOptions { Gmin = 0 });
        var trace = Run.Record(sim, "i(v1)", "v(a)");

        double worstCurrent = 0, worstVoltage = 0;
        for (var k = 0; k < trace.Count; k++)
        {
            var v = trace.Scale[k];
            var current = vte / r * LambertW.W0(isat * r / vte * Math.Exp((v + isat * r) / vte)) - isat;
            // i(V1) is the current into V1's + terminal: minus the diode current. Newton stops when the diode's
            // linearized current agrees with the recomputed one within RELTOL·|i| + ABSTOL, so that is the bound;
            // quadratic convergence usually leaves much less (the ratio below is ≤ 1 when the bound holds)
            var ratio = Math.Abs(-trace[0][k] - current) / (1e-3 * Math.Abs(current) + 1e-12);
            worstCurrent = Math.Max(worstCurrent, ratio);
            worstVoltage = Math.Max(worstVoltage, Math.Abs(trace[1][k] - (v - current * r)));
        }
        output.WriteLine($"{trace.Count} points; worst current error / (RELTOL·|i| + ABSTOL) = {worstCurrent:F3}, worst anode voltage error {worstVoltage:E3} V");
        Assert.Equal(151, trace.Count);
        Assert.True(worstCurrent <= 1, $"current error {worstCurrent} times the Newton tolerance");
        // the anode voltage moves by less than RELTOL·|v| + VNTOL on the last iteration, |v| < 1 V here
        Assert.True(worstVoltage < 1e-3 + 1e-6, $"voltage error {worstVoltage}");
    }

    // square-law inverter: λ = 0, γ = 0, so every region has a closed form
    private const double Vdd = 3.3, Vtn = 0.7, Vtp = 0.8, Kn = 120e-6 * 2, Kp = 40e-6 * 5; // KP·W/L

    private static Circuit Inverter() => new(
        Models.Ideal("nm", MosfetType.Nmos, Vtn, 120e-6),
        Models.Ideal("pm", MosfetType.Pmos, -Vtp, 40e-6),
        new VoltageSource("Vdd", "vdd", "0", Vdd),
        new VoltageSource("Vin", "in", "0", 0),
        new Mosfet1("MP", "out", "in", "vdd", "vdd", "pm") { Width = 5e-6, Length = 1e-6 },
        new Mosfet1("MN", "out", "in", "0", "0", "nm") { Width = 2e-6, Length = 1e-6 });

    /// <summary>V_M where both devices saturate: Kn·(V_M − Vtn)² = Kp·(Vdd − V_M − |Vtp|)².</summary>
    private static double SwitchingThreshold()
    {
        var r = Math.Sqrt(Kp / Kn);
        return (Vtn + r * (Vdd - Vtp)) / (1 + r);
    }

    /// <summary>The output of the square-law inverter away from V_M.</summary>
    private static double Output(double vin)
    {
        if (vin <= Vtn) return Vdd;               // NMOS off, the PMOS pulls up without current
        if (vin >= Vdd - Vtp) return 0;           // PMOS off
        if (vin < SwitchingThreshold())
        {
            // NMOS saturated, PMOS linear: Kn/2·(vin − Vtn)² = Kp·(Vov·Vsd − Vsd²/2)
            var current = Kn / 2 * (vin - Vtn) * (vin - Vtn);
            var vov = Vdd - vin - Vtp;
            return Vdd - (vov - Math.Sqrt(vov * vov - 2 * current / Kp));
        }
        else
        {
            // PMOS saturated, NMOS linear
            var current = Kp / 2 * (Vdd - vin - Vtp) * (Vdd - vin - Vtp);
            var vov = vin - Vtn;
            return vov - Math.Sqrt(vov * vov - 2 * current / Kn);
        }
    }

    [Fact]
    public void CmosInverter_SwitchesAtTheSquareLawThreshold()
    {
        var vm = SwitchingThreshold();
        // with λ = 0 the transfer curve is vertical at V_M: VDD/2 is crossed between V_M − 1 mV and V_M + 1 mV
        var sim = new DcSweep(Inverter(), new SweepSpec("Vin", vm - 0.001, vm + 0.001, 0.002));
        var trace = Run.Record(sim, "v(out)");

        output.WriteLine($"V_M = {vm:F6} V: v(out) = {trace[0][0]:F6} V below, {trace[0][1]:F6} V above");
        Assert.Equal(2, trace.Count);
        Assert.True(trace[0][0] > vm - 0.001 + Vtp, "below V_M the PMOS is in its linear region: v(out) > vin + |Vtp|");
        Assert.True(trace[0][1] < vm + 0.001 - Vtn, "above V_M the NMOS is in its linear region: v(out) < vin − Vtn");
    }

    [Theory]
    [InlineData(0.5)] // NMOS off
    [InlineData(1.2)] // NMOS saturated, PMOS linear
    [InlineData(1.5)] // near V_M on the high side
    [InlineData(1.7)] // near V_M on the low side
    [InlineData(2.0)] // PMOS saturated, NMOS linear
    [InlineData(3.0)] // PMOS off
    public void Cmos_inverter_output_follows_the_square_law(double vin)
    {
        var sim = new DcSweep(Inverter(), new SweepSpec("Vin", new[] { vin }));
        var trace = Run.Record(sim, "v(out)");

        // Newton's last update is within RELTOL·|v| + VNTOL (≤ 3.3 mV); the junction leakage (GMIN·3.3 V) over the
        // conducting device's ≥ 1e-5 S moves the output by < 1e-6 V
        Assert.Equal(Output(vin), trace[0][0], 3.3e-3);
        output.WriteLine($"vin {vin}: v(out) {trace[0][0]:F6}, closed form {Output(vin):F6}");
    }
}
