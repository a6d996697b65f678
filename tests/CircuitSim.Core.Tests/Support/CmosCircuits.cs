using CircuitSim.Core.Circuits;
using CircuitSim.Devices.Passive;
using CircuitSim.Devices.Semiconductors;
using CircuitSim.Devices.Sources;

namespace CircuitSim.Core.Tests.Support;

/// <summary>The CMOS benchmark circuits of /work/shared (ngspice references), built through the API.</summary>
internal static class CmosCircuits
{
    /// <summary>An inverter as the subcircuit expansion would name it: x{k}.mp, x{k}.mn, x{k}.cw.</summary>
    private static void Inverter(Circuit c, string instance, string input, string output, double wp, double wn, double wire)
    {
        c.Add(new Mosfet1($"{instance}.mp", output, input, "vdd", "vdd", "pm") { Width = wp, Length = 1e-6 });
        c.Add(new Mosfet1($"{instance}.mn", output, input, "0", "0", "nm") { Width = wn, Length = 1e-6 });
        c.Add(new Capacitor($"{instance}.cw", output, "0", wire));
    }

    /// <summary>reference/ngspice/cmos_ring_oscillator_5stage.cir: 5 inverters (6u/2u), 20 fF per node, VDD 3.3 V.</summary>
    public static Circuit RingOscillator()
    {
        var c = new Circuit(Models.Nmos(), Models.Pmos(), new VoltageSource("VDD", "vdd", "0", 3.3));
        for (var k = 1; k <= 5; k++) Inverter(c, $"x{k}", $"n{k}", $"n{k % 5 + 1}", 6e-6, 2e-6, 20e-15);
        return c;
    }

    /// <summary>bench/reference/inv_chain_50.cir: 50 inverters (3u/1u), 5 fF per node, PULSE(0 3.3 0.5n 100p 100p 2.4n 5n).</summary>
    public static Circuit InverterChain(int stages = 50)
    {
        var c = new Circuit(Models.Nmos(), Models.Pmos(),
            new VoltageSource("VDD", "vdd", "0", 3.3),
            new VoltageSource("VIN", "in", "0", new Pulse(0, 3.3, 0.5e-9, 100e-12, 100e-12, 2.4e-9, 5e-9), 0));
        for (var k = 1; k <= stages; k++) Inverter(c, $"x{k}", k == 1 ? "in" : $"n{k - 1}", $"n{k}", 3e-6, 1e-6, 5e-15);
        return c;
    }

    /// <summary>Times at which <paramref name="values"/> crosses <paramref name="level"/>, linearly interpolated.</summary>
    public static List<double> Crossings(double[] time, double[] values, double level)
    {
        var result = new List<double>();
        for (var k = 1; k < time.Length; k++)
        {
            var a = values[k - 1] - level;
            var b = values[k] - level;
            if (a == 0 || a * b >= 0) continue;
            result.Add(time[k - 1] + a / (a - b) * (time[k] - time[k - 1]));
        }
        return result;
    }
}
