using System.Text;

namespace CircuitSim.Netlist.Control;

/// <summary>
/// The Fourier components of one vector over the last period of a transient (<c>.four</c>, the <c>fourier</c>
/// command). <see cref="Magnitude"/>[0] is the DC component; harmonic k ≥ 1 has amplitude
/// <see cref="Magnitude"/>[k] and phase <see cref="Phase"/>[k] in degrees, a sine being phase 0.
/// </summary>
public sealed record FourierResult(string Vector, double Fundamental, int GridSize, double ThdPercent,
    double[] Frequency, double[] Magnitude, double[] Phase, double[] NormalizedMagnitude, double[] NormalizedPhase)
{
    public double Dc => Magnitude[0];
    public int Harmonics => Magnitude.Length;
}

/// <summary>
/// ngspice's Fourier analysis: the last period 1/f of the waveform (ending at the last time point) is resampled by
/// linear interpolation onto <c>fourgridsize</c> equally spaced points (200 by default; the end point excluded), and
/// the DC term and harmonics 1 … nfreqs−1 (nfreqs = 10 by default) come from the discrete sums
/// a_k = 2/N Σ x_i sin(2πki/N), b_k = 2/N Σ x_i cos(2πki/N): magnitude √(a²+b²), phase atan2(b, a). THD is
/// √Σ_{k≥2}(|c_k|/|c_1|)² in percent.
/// </summary>
public static class FourierAnalysis
{
    public const int DefaultHarmonics = 10;
    public const int DefaultGridSize = 200;

    /// <exception cref="ControlEvaluationException">The waveform is shorter than one period or the settings are invalid.</exception>
    public static FourierResult Analyze(string vector, ReadOnlySpan<double> time, ReadOnlySpan<double> values, double fundamental,
        int harmonics = DefaultHarmonics, int gridSize = DefaultGridSize)
    {
        if (!(fundamental > 0) || !double.IsFinite(fundamental))
            throw new ControlEvaluationException($"the fundamental frequency must be positive, got {fundamental:G6}");
        if (harmonics < 1) throw new ControlEvaluationException($"nfreqs must be at least 1, got {harmonics}");
        if (gridSize < 2) throw new ControlEvaluationException($"fourgridsize must be at least 2, got {gridSize}");
        if (time.Length < 2 || time.Length != values.Length)
            throw new ControlEvaluationException($"{vector}: a Fourier analysis needs a transient with at least two points");
        var period = 1 / fundamental;
        var first = time[0];
        var last = time[^1];
        if (last - first < period)
            throw new ControlEvaluationException(
                $"{vector}: the transient ({last - first:G6} s) is shorter than one period of {fundamental:G6} Hz ({period:G6} s)");
        var start = last - period;
        var step = period / gridSize;
        var sample = new double[gridSize];
        var j = 1;
        for (var i = 0; i < gridSize; i++)
        {
            var t = start + i * step;
            while (j < time.Length - 1 && time[j] < t) j++;
            var t0 = time[j - 1];
            var t1 = time[j];
            sample[i] = t1 == t0 ? values[j] : values[j - 1] + (values[j] - values[j - 1]) * (t - t0) / (t1 - t0);
        }

        var sine = new double[harmonics];
        var cosine = new double[harmonics];
        for (var i = 0; i < gridSize; i++)
            for (var k = 0; k < harmonics; k++)
            {
                var angle = 2 * Math.PI * k * i / gridSize;
                sine[k] += sample[i] * Math.Sin(angle);
                cosine[k] += sample[i] * Math.Cos(angle);
            }
        var frequency = new double[harmonics];
        var magnitude = new double[harmonics];
        var phase = new double[harmonics];
        var normalizedMagnitude = new double[harmonics];
        var normalizedPhase = new double[harmonics];
        magnitude[0] = cosine[0] / gridSize;
        double distortion = 0;
        for (var k = 1; k < harmonics; k++)
        {
            var a = 2 * sine[k] / gridSize;
            var b = 2 * cosine[k] / gridSize;
            frequency[k] = k * fundamental;
            magnitude[k] = Math.Sqrt(a * a + b * b);
            phase[k] = Math.Atan2(b, a) * 180 / Math.PI;
            normalizedMagnitude[k] = magnitude[k] / magnitude[1];
            normalizedPhase[k] = phase[k] - phase[1];
            if (k > 1) distortion += normalizedMagnitude[k] * normalizedMagnitude[k];
        }
        return new FourierResult(vector, fundamental, gridSize, 100 * Math.Sqrt(distortion),
            frequency, magnitude, phase, normalizedMagnitude, normalizedPhase);
    }

    /// <summary>ngspice's table: the header line with the harmonic count, THD, grid size and interpolation degree,
    /// then one row a harmonic, numbers as <c>%.{numdgt}g</c> (one digit fewer when negative) in columns of numdgt+5.</summary>
    public static string Format(FourierResult r, int digits = PrintFormat.DefaultDigits)
    {
        var fw = digits + 5;
        string Cell(double v) => CNumberFormat.G(v, v < 0 ? digits - 1 : digits).PadRight(fw);
        var sb = new StringBuilder();
        sb.Append("Fourier analysis for ").Append(r.Vector).Append(":\n");
        sb.Append("  No. Harmonics: ").Append(r.Harmonics).Append(", THD: ").Append(CNumberFormat.G(r.ThdPercent, 6))
            .Append(" %, Gridsize: ").Append(r.GridSize).Append(", Interpolation Degree: 1\n\n");
        sb.Append("Harmonic ").Append(string.Join(' ', new[] { "Frequency", "Magnitude", "Phase", "Norm. Mag", "Norm. Phase" }.Select(h => h.PadRight(fw)))).Append('\n');
        sb.Append("-------- ").Append(string.Join(' ', new[] { "---------", "---------", "-----", "---------", "-----------" }.Select(h => h.PadRight(fw)))).Append('\n');
        for (var k = 0; k < r.Harmonics; k++)
        {
            sb.Append(' ').Append(k.ToString(System.Globalization.CultureInfo.InvariantCulture).PadRight(4)).Append("    ");
            sb.Append(string.Join(' ', new[] { r.Frequency[k], r.Magnitude[k], r.Phase[k], r.NormalizedMagnitude[k], r.NormalizedPhase[k] }.Select(Cell)));
            sb.Append('\n');
        }
        sb.Append('\n');
        return sb.ToString();
    }
}
