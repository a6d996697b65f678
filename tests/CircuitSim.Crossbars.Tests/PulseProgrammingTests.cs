using CircuitSim.Crossbars.Tests.Support;
using CircuitSim.Crossbars.Devices;

namespace CircuitSim.Crossbars.Tests;

/// <summary>Write-then-read designs: pulse counts, the voltage each cell sees, and a programmed DW-MTJ array.</summary>
public sealed class PulseProgrammingTests
{
    private static readonly PulseProgramming Write = new(1.0, 4e-9, 16e-9, Levels: 10, EdgeTime: 0.2e-9, ReadDuration: 30e-9);

    [Fact]
    public void Pulse_CountIsTheTargetsFractionOfTheRangeTimesTheLevels()
    {
        var n = Write.PulseCounts(new[,] { { 1.0, 1.25, 1.54, 2.0 } }, 1.0, 2.0);
        Assert.Equal(new[,] { { 0, 3, 5, 10 } }, n);
    }

    /// <summary>Voltage across cell (row i, column j) = row source − column source, sampled in the middle of every pulse
    /// of the 1R V/2 scheme: V for the selected cell's first n pulses, at most V/2 for every other cell.</summary>
    [Fact]
    public void Half_SelectSchemeGivesSelectedCellsTheFullVoltageAndOthersAtMostHalf()
    {
        var pulses = new[,] { { 2, 0 }, { 10, 5 } };
        var rows = Write.RowSources(2, new[] { 0.1, 0.1 }, oneTransistor: false).Select(Pwl.Parse).ToList();
        var cols = Write.ColumnSources(pulses, oneTransistor: false).Select(Pwl.Parse).ToList();
        for (var slot = 1; slot <= 2; slot++)
            for (var k = 0; k < Write.Levels; k++)
            {
                var t = ((slot - 1) * Write.Levels + k + 0.25) * Write.PulsePeriod + Write.EdgeTime + Write.PulseWidth / 2;
                for (var i = 1; i <= 2; i++)
                    for (var j = 1; j <= 2; j++)
                    {
                        var v = rows[i - 1].At(t) - cols[j - 1].At(t);
                        var written = i == slot && k < pulses[i - 1, j - 1];
                        if (written) Assert.Equal(Write.WriteVoltage, v, 12);
                        else Assert.True(Math.Abs(v) <= Write.WriteVoltage / 2 + 1e-12, $"cell ({i},{j}) sees {v} V at pulse {k} of slot {slot}");
                    }
            }
    }

    /// <summary>1T1R: the selected row's cells see V for their first n pulses and 0 V (the column follows the row) after.</summary>
    [Fact]
    public void Inhibit_GivesUnwrittenCellsOfTheSelectedRowNoVoltage()
    {
        var pulses = new[,] { { 3, 10 } };
        var row = Pwl.Parse(Write.RowSources(1, new[] { 0.1 }, oneTransistor: true)[0]);
        var cols = Write.ColumnSources(pulses, oneTransistor: true).Select(Pwl.Parse).ToList();
        for (var k = 0; k < Write.Levels; k++)
        {
            var t = (k + 0.25) * Write.PulsePeriod + Write.EdgeTime + Write.PulseWidth / 2;
            for (var j = 0; j < 2; j++)
                Assert.Equal(k < pulses[0, j] ? Write.WriteVoltage : 0, row.At(t) - cols[j].At(t), 12);
            var between = (k + 0.9) * Write.PulsePeriod;
            Assert.All(cols, c => Assert.Equal(0, row.At(between) - c.At(between), 12));
        }
    }

    /// <summary>A 2×2 1T1R array of notched DW-MTJ synapses (models/dwmtj_synapse.lib: ten equal conductance steps, one
    /// per 0.5 V, 4 ns pulse) written with targets 0, 0.3, 0.7 and 1 of the range. At the 50 mV read each device is
    /// within 1 % of the range of its target: the wall sits on its notch, and G_AP's bias dependence at 50 mV,
    /// TMR₀·(0.05/0.5)² ≈ 1 % of TMR, moves G by at most 0.6 % of the range.</summary>
    [Fact]
    public void NotchedDwMtjArray_IsProgrammedByPulseCount()
    {
        var card = ModelCard.FromLibrary(Path.Combine(AppContext.BaseDirectory, "models", "dwmtj_synapse.lib"), "synapse", "synapse", Cells.Devices);
        var design = CrossbarBuilder.Build(new CrossbarRequest
        {
            Device = Cells.DomainWallMtj, Card = card, Cell = CellStructure.OneTransistorOneR,
            Weights = new[,] { { 0, 0.3 }, { 0.7, 1 } }, Wires = new(0.5, 0.5, 0), ReadVoltage = 0.05,
            Write = new PulseProgramming(0.5, 4e-9, 16e-9, 10, 0.2e-9, 32e-9),
        });
        var result = VmmAnalysis.Run(design);
        var errors = VmmReport.ProgrammingErrors(design, result);
        Assert.Equal(4, errors.Length); // one per cell of the 2 x 2 array
        Assert.All(errors.Cast<double>(), e => Assert.InRange(e, -0.01, 0.01));
    }

    /// <summary>A piecewise-linear source parsed back from its PWL(…) text.</summary>
    private sealed class Pwl
    {
        private readonly double[] _t, _v;

        private Pwl(double[] t, double[] v) => (_t, _v) = (t, v);

        public static Pwl Parse(string source)
        {
            if (source == "DC 0") return new Pwl(new[] { 0.0 }, new[] { 0.0 });
            var numbers = source["PWL(".Length..^1].Split(' ').Select(x => double.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            return new Pwl(numbers.Where((_, k) => k % 2 == 0).ToArray(), numbers.Where((_, k) => k % 2 == 1).ToArray());
        }

        public double At(double t)
        {
            if (t <= _t[0]) return _v[0];
            for (var k = 1; k < _t.Length; k++)
                if (t <= _t[k]) return _v[k - 1] + (_v[k] - _v[k - 1]) * (t - _t[k - 1]) / (_t[k] - _t[k - 1]);
            return _v[^1];
        }
    }
}
