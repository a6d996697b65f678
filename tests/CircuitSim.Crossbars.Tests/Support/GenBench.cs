namespace CircuitSim.Crossbars.Tests.Support;

/// <summary>
/// The crossbars of shared/bench/gen_bench.py (tests/references/bench/gen_bench.py) as generator requests: the same
/// cross-point values, row sources and wiring (2 Ω segments, 10 Ω drivers and sense resistors), so the generator's
/// netlist can be checked against ngspice's results for the script's netlist.
/// </summary>
internal static class GenBench
{
    public static readonly WireResistances Wires = new(2, 2, 10);
    public static readonly Readout Sense = new(10);

    /// <summary>Biolek memristor crossbar: R_init = 2 k + ((7i + 13j) mod 10)·1.3 k; odd rows 1.2 V 1 Hz sines with phase
    /// (i−1)·360/N°, even rows ±1 V pulses; <c>.tran 10m 3 0 10m uic</c>.</summary>
    public static CrossbarRequest MemristorCrossbar(int n) => new()
    {
        Device = Cells.Memristor,
        Wires = Wires,
        Readout = Sense,
        Conductances = Matrix(n, (i, j) => 1.0 / (2000 + (7 * i + 13 * j) % 10 * 1300)),
        RowWaveforms = Enumerable.Range(1, n).Select(i => i % 2 == 1
            ? $"SIN(0 1.2 1 0 0 {((i - 1) * 360.0 / n).ToString("G6", System.Globalization.CultureInfo.InvariantCulture)})"
            : "PULSE(-1 1 0.1 50m 50m 0.4 1)").ToList(),
        Transient = "10m 3 0 10m uic",
        ExtraSaves = new[] { "v(d1)", "@m1_1[x]", $"@m{n}_{n}[x]" },
    };

    /// <summary>Resistive crossbar: R = 1 k·(1 + (11i + 17j + ij) mod 97), row i at ((37i mod 21) − 10)/10 V; <c>.op</c>.</summary>
    public static CrossbarRequest ResistorCrossbar(int n) => new()
    {
        Device = Cells.Resistor,
        Wires = Wires,
        Readout = Sense,
        Conductances = Matrix(n, (i, j) => 1.0 / (1000.0 * (1 + (11 * i + 17 * j + i * j) % 97))),
        Inputs = Enumerable.Range(1, n).Select(i => (i * 37 % 21 - 10) / 10.0).ToArray(),
        ExtraSaves = new[] { "v(s1)", $"v(r{n}_{n})", "i(vr1)" },
    };

    private static double[,] Matrix(int n, Func<int, int, double> value)
    {
        var m = new double[n, n];
        for (var i = 1; i <= n; i++)
            for (var j = 1; j <= n; j++) m[i - 1, j - 1] = value(i, j);
        return m;
    }
}
