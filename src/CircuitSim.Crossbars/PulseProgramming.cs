using System.Text;

namespace CircuitSim.Crossbars;

/// <summary>
/// Write waveforms: pulse-count programming, one row at a time, then a read. Every device starts at its lowest
/// conductance; a device whose target lies a fraction f of the way up the range gets n = round(f·K) pulses of the
/// write voltage (K = <see cref="Levels"/>), each pushing current from row to column (which raises the conductance of
/// every device type here). Row i owns the time slot [(i−1)·K·T, i·K·T) (T the pulse period).
/// <list type="bullet">
/// <item>1R, V/2 scheme: the selected row gets K pulses of +V/2, column j gets −V/2 during its first n_ij pulses, so
/// a selected cell sees V and half-selected cells at most V/2.</item>
/// <item>1T1R: only the selected row's word line is on; the row gets K pulses of +V, column j stays at 0 V for its
/// first n_ij pulses and pulses to +V with the row for the rest (inhibit: the cell sees 0 V).</item>
/// </list>
/// After the last slot every word line is on, the rows step to the read voltages and the columns to 0 V; the read is
/// taken at the end of <see cref="ReadDuration"/>. Each pulse sits in the middle half of its period, so word lines and
/// column inhibits switch while no pulse is on.
/// </summary>
public sealed record PulseProgramming(double WriteVoltage, double PulseWidth, double PulsePeriod, int Levels, double EdgeTime, double ReadDuration)
{
    /// <exception cref="CrossbarInputException">A time or count that cannot make a pulse train.</exception>
    public void Check()
    {
        if (Levels < 1) throw new CrossbarInputException($"the number of write levels must be ≥ 1, not {Levels}");
        if (!(PulseWidth > 0 && EdgeTime > 0 && ReadDuration > 0))
            throw new CrossbarInputException("pulse width, edge time and read duration must be positive");
        if (!(PulsePeriod >= 2 * (PulseWidth + 2 * EdgeTime)))
            throw new CrossbarInputException($"the pulse period ({PulsePeriod:G4} s) must be at least twice the pulse with its two edges ({2 * (PulseWidth + 2 * EdgeTime):G4} s)");
        if (!(WriteVoltage > 0 && double.IsFinite(WriteVoltage))) throw new CrossbarInputException($"the write voltage must be positive, not {WriteVoltage}");
    }

    /// <summary>Pulses per device (rows × physical columns) for target conductances in [gMin, gMax].</summary>
    public int[,] PulseCounts(double[,] target, double gMin, double gMax)
    {
        int rows = target.GetLength(0), cols = target.GetLength(1);
        var n = new int[rows, cols];
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < cols; j++)
                n[i, j] = (int)Math.Round(Levels * Math.Clamp((target[i, j] - gMin) / (gMax - gMin), 0, 1), MidpointRounding.AwayFromZero);
        return n;
    }

    private double SlotStart(int row) => (row - 1) * Levels * PulsePeriod;

    private double PulseStart(int row, int k) => SlotStart(row) + k * PulsePeriod + PulsePeriod / 4;

    /// <summary>When the rows step to the read voltages.</summary>
    public double ReadStart(int rows) => SlotStart(rows + 1) + PulsePeriod / 4;

    public double ReadTime(int rows) => ReadStart(rows) + EdgeTime + ReadDuration;

    /// <summary>The <c>.tran</c> line: a print step of a fifth of a pulse, to the end of the read.</summary>
    public string Analysis(int rows) => $".tran {SpiceText.Num(PulseWidth / 5, 6)} {SpiceText.Num(ReadTime(rows), 8)}";

    public IReadOnlyList<string> RowSources(int rows, double[] readVoltages, bool oneTransistor)
    {
        var amplitude = oneTransistor ? WriteVoltage : WriteVoltage / 2;
        return Enumerable.Range(1, rows).Select(i =>
        {
            var pwl = new PwlBuilder();
            for (var k = 0; k < Levels; k++) pwl.Pulse(PulseStart(i, k), PulseWidth, EdgeTime, amplitude);
            pwl.Step(ReadStart(rows), EdgeTime, readVoltages[i - 1]);
            return pwl.ToString();
        }).ToList();
    }

    public IReadOnlyList<string> ColumnSources(int[,] pulses, bool oneTransistor)
    {
        int rows = pulses.GetLength(0), cols = pulses.GetLength(1);
        return Enumerable.Range(1, cols).Select(j =>
        {
            var pwl = new PwlBuilder();
            for (var i = 1; i <= rows; i++)
            {
                var n = pulses[i - 1, j - 1];
                if (oneTransistor)
                {
                    // inhibit: the column follows the row's pulses this cell must not take, so it sees 0 V
                    for (var k = n; k < Levels; k++) pwl.Pulse(PulseStart(i, k), PulseWidth, EdgeTime, WriteVoltage);
                }
                else
                    for (var k = 0; k < n; k++) pwl.Pulse(PulseStart(i, k), PulseWidth, EdgeTime, -WriteVoltage / 2);
            }
            return pwl.ToString();
        }).ToList();
    }

    public IReadOnlyList<string> WordLineSources(int rows, double onVoltage) =>
        Enumerable.Range(1, rows).Select(i =>
        {
            var pwl = new PwlBuilder();
            pwl.Pulse(SlotStart(i), Levels * PulsePeriod - 2 * EdgeTime, EdgeTime, onVoltage);
            pwl.Step(SlotStart(rows + 1), EdgeTime, onVoltage);
            return pwl.ToString();
        }).ToList();

    /// <summary>Collects the corners of a piecewise-linear source that rests at 0 V between pulses.</summary>
    private sealed class PwlBuilder
    {
        private readonly List<(double T, double V)> _points = new() { (0, 0) };

        public void Pulse(double start, double width, double edge, double level)
        {
            Add(start, 0);
            Add(start + edge, level);
            Add(start + edge + width, level);
            Add(start + 2 * edge + width, 0);
        }

        public void Step(double start, double edge, double level)
        {
            Add(start, 0);
            Add(start + edge, level);
        }

        private void Add(double t, double v)
        {
            if (t <= _points[^1].T)
            {
                // pulses that touch: drop the repeated corner
                if (t == _points[^1].T && v == _points[^1].V) return;
                t = _points[^1].T + 1e-15;
            }
            _points.Add((t, v));
        }

        public override string ToString()
        {
            if (_points.Count == 1) return "DC 0";
            var sb = new StringBuilder("PWL(");
            sb.AppendJoin(' ', _points.Select(p => $"{SpiceText.Num(p.T, 10)} {SpiceText.Num(p.V, 8)}"));
            return sb.Append(')').ToString();
        }
    }
}
