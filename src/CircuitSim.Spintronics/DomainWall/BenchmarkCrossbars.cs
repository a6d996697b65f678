using System.Globalization;
using CircuitSim.Netlist.Semantics;
using CircuitSim.Crossbars;

namespace CircuitSim.Spintronics.DomainWall;

/// <summary>
/// Crossbars of the scaling benchmark (tools/Benchmarks, suite <c>scaling</c>) that only CircuitSim can run: the topology
/// of shared/bench/gen_bench.py's crossbars (2 Ω row and column segments, 10 Ω drivers, columns sensed through 10 Ω
/// into 0 V ammeters) with a physical device at every cross-point.
/// </summary>
public static class BenchmarkCrossbars
{
    /// <summary>
    /// N×N domain-wall MTJs (the Lequeux card, 0 K) with walls initially at q/L = ((7i + 13j) mod 10)/9 (both ends
    /// uniform states); odd rows driven by 2 V, 20 MHz sines with phase (i − 1)·360°/N, even rows by ±2 V pulses
    /// (20 ns, 50 ns period); 100 ns transient. Device currents reach several mA, so walls depin and move.
    /// </summary>
    public static CrossbarRequest DomainWallMtj(int n)
    {
        var w = new double[n, n];
        for (var i = 1; i <= n; i++)
            for (var j = 1; j <= n; j++) w[i - 1, j - 1] = (7 * i + 13 * j) % 10 / 9.0;
        return new CrossbarRequest
        {
            Title = $"{n}x{n} crossbar of domain-wall MTJs (YDWMTJ) with wire resistances, transient",
            Device = DomainWallMtjFamily.CellType(DeviceRegistry.With(new[] { new DomainWallMtjFamily() })),
            Wires = new WireResistances(2, 2, 10),
            Readout = new Readout(10),
            Weights = w,
            RowWaveforms = Enumerable.Range(1, n).Select(i => i % 2 == 1
                ? $"SIN(0 2 20meg 0 0 {((i - 1) * 360.0 / n).ToString("G6", CultureInfo.InvariantCulture)})"
                : "PULSE(-2 2 5n 2n 2n 20n 50n)").ToList(),
            Transient = "0.5n 100n",
            ExtraSaves = new[] { "v(d1)", "@w1_1[q]", $"@w{n}_{n}[q]" },
        };
    }
}
