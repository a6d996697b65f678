using CircuitSim.Core.Analyses;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;
using CircuitSim.Core.Tests.Support;
using CircuitSim.Devices.Passive;
using CircuitSim.Devices.Semiconductors;
using CircuitSim.Devices.Sources;

namespace CircuitSim.Core.Tests.Analytic;

/// <summary>Temperature sweeps (.dc temp) against the SPICE temperature laws.</summary>
public class TemperatureTests
{
    private static SimulationOptions Tight() => new() { RelTol = 1e-10, VnTol = 1e-13, AbsTol = 1e-18 };

    [Fact]
    public void Resistor_FollowsItsQuadraticTemperatureCoefficients()
    {
        const double tc1 = 3e-3, tc2 = 1e-5;
        var c = new Circuit(
            new CurrentSource("I1", "0", "a", 1e-3),
            new Resistor("R1", "a", "0", 1e3) { Tc1 = tc1, Tc2 = tc2 });
        var trace = Run.Record(new DcSweep(c, new SweepSpec("temp", -40, 125, 55)), "v(a)");

        Assert.Equal(4, trace.Count);
        for (var k = 0; k < trace.Count; k++)
        {
            var dt = trace.Scale[k] - 27;
            Assert.Equal(1e-3 * 1e3 * (1 + tc1 * dt + tc2 * dt * dt), trace[0][k], 1e-12); // linear: exact
        }
    }

    /// <summary>At a forced 1 mA the diode voltage is N·vt(T)·ln(I/IS(T) + 1), with
    /// IS(T) = IS·exp((T/Tnom − 1)·EG/(N·vt(T)))·(T/Tnom)^(XTI/N).</summary>
    [Fact]
    public void DiodeVoltage_FollowsTheSaturationCurrentTemperatureLaw()
    {
        const double isat = 1e-14, n = 1.3, eg = 1.11, xti = 3, current = 1e-3;
        var c = new Circuit(
            new DiodeModel("dm") { SaturationCurrent = isat, EmissionCoefficient = n, ActivationEnergy = eg, SaturationCurrentExponent = xti },
            new CurrentSource("I1", "0", "a", current),
            new Diode("D1", "a", "0", "dm"));
        var options = Tight();
        options.Gmin = 0; // the closed form has no GMIN
        var trace = Run.Record(new DcSweep(c, new SweepSpec("temp", -50, 150, 50), options), "v(a)");

        var tnom = 27 + Constants.CelsiusToKelvin;
        for (var k = 0; k < trace.Count; k++)
        {
            var t = trace.Scale[k] + Constants.CelsiusToKelvin;
            var vt = Constants.KOverQ * t;
            var isT = isat * Math.Exp((t / tnom - 1) * eg / (n * vt)) * Math.Pow(t / tnom, xti / n);
            // tight tolerances leave only round-off: 1e-9 V
            Assert.Equal(n * vt * Math.Log(current / isT + 1), trace[0][k], 1e-9);
        }
        Assert.True(trace[0][0] > trace[0][^1] + 0.2, "the forward voltage falls by ~2 mV/K");
    }

    [Fact]
    public void Temperature_ReturnsToTheCircuitTemperatureAfterTheSweep()
    {
        var c = new Circuit(new CurrentSource("I1", "0", "a", 1e-3), new Resistor("R1", "a", "0", 1e3) { Tc1 = 1e-2 });
        var sim = new DcSweep(c, new SweepSpec("temp", 100, 100, 1));
        _ = Run.Record(sim, "v(a)");

        Assert.Equal(27 + Constants.CelsiusToKelvin, sim.State.Temperature, 1e-12);
    }
}
