namespace CircuitSim.Spintronics.Amm.Analysis;

/// <summary>
/// The memristive loops of a sinusoidally driven AMM ring over the last k periods of a run (the paper's Figs. 3, 5, 6):
/// the I–ΔV loop with ΔV = (R − ⟨R⟩)·I (⟨R⟩ the time average over the window) and the Lissajous curve of dρ̃/dt
/// against j, with their areas (<see cref="Lissajous"/>), amplitudes, pinching and whether the response is steady.
/// Built from the vectors a transient records: time, the ring's current, R and optionally j and dρ̃/dt.
/// </summary>
public sealed class AmmLoop
{
    /// <summary>Drive frequency, Hz.</summary>
    public double Frequency { get; private init; }
    /// <summary>Periods in the window.</summary>
    public int Periods { get; private init; }
    /// <summary>Window on the uniform grid: time (s), current (A), ΔV (V), R (Ω), j (A/m²), dρ̃/dt (Ω·m/s).</summary>
    public double[] Time { get; private init; } = Array.Empty<double>();
    public double[] Current { get; private init; } = Array.Empty<double>();
    public double[] DeltaV { get; private init; } = Array.Empty<double>();
    public double[] Resistance { get; private init; } = Array.Empty<double>();
    public double[] CurrentDensity { get; private init; } = Array.Empty<double>();
    public double[] ResistivityRate { get; private init; } = Array.Empty<double>();
    /// <summary>⟨R⟩ over the window, Ω.</summary>
    public double MeanResistance { get; private init; }
    /// <summary>max − min of R over the window, Ω.</summary>
    public double ResistanceSwing { get; private init; }
    /// <summary>max |ΔV| over the window, V.</summary>
    public double DeltaVAmplitude { get; private init; }
    /// <summary>Area of the I–ΔV loop per period, A·V.</summary>
    public double CurrentVoltageArea { get; private init; }
    /// <summary>Area of the dρ̃/dt–j Lissajous curve per period, (A/m²)(Ω·m/s); NaN without those vectors.</summary>
    public double RateArea { get; private init; } = double.NaN;
    /// <summary>Per-period Lissajous areas (dρ̃/dt–j, or I–ΔV without it) over the whole run.</summary>
    public IReadOnlyList<double> AreaHistory { get; private init; } = Array.Empty<double>();
    /// <summary>
    /// Per-period periodicity residual of R over the whole run (<see cref="SteadyState.PeriodicityResiduals"/>):
    /// entry p compares period p + 1 with period p.
    /// </summary>
    public IReadOnlyList<double> PeriodicityHistory { get; private init; } = Array.Empty<double>();
    /// <summary>
    /// First period from which the response is steady: R repeats itself period after period within 2 % of its swing
    /// and the Lissajous area changes by less than 2 % per period; the number of periods when it never does.
    /// </summary>
    public int SteadyFromPeriod { get; private init; }
    /// <summary>True when the window lies within the steady part of the run.</summary>
    public bool IsSteady => SteadyFromPeriod + Periods <= AreaHistory.Count;
    /// <summary>max |dρ̃/dt| at the zero crossings of j over max |dρ̃/dt|: 0 for a loop pinched at the origin.</summary>
    public double PinchRatio { get; private init; } = double.NaN;

    /// <summary>Relative period-to-period change below which the response counts as steady.</summary>
    public const double SteadyTolerance = 0.02;

    /// <summary>Analyses a run.</summary>
    /// <param name="time">Time points, s (increasing).</param>
    /// <param name="current">Ring current, A.</param>
    /// <param name="resistance">R, Ω.</param>
    /// <param name="currentDensity">j along the ring, A/m² (optional).</param>
    /// <param name="resistivityRate">dρ̃/dt, Ω·m/s (optional; needs j).</param>
    /// <param name="frequency">Drive frequency, Hz (default: from the zero crossings of the current).</param>
    /// <param name="periods">Periods in the window (fewer if the run is shorter).</param>
    /// <param name="samplesPerPeriod">Resampling density.</param>
    /// <exception cref="ArgumentException">Fewer than one period of drive.</exception>
    public static AmmLoop Analyse(IReadOnlyList<double> time, IReadOnlyList<double> current, IReadOnlyList<double> resistance,
        IReadOnlyList<double>? currentDensity = null, IReadOnlyList<double>? resistivityRate = null, double? frequency = null,
        int periods = 5, int samplesPerPeriod = 400)
    {
        double f = frequency ?? PeriodicSignal.Frequency(time, current);
        if (!(f > 0)) throw new ArgumentException("no periodic drive: the current does not cross zero twice upwards");
        var rising = PeriodicSignal.ZeroCrossings(time, current, rising: true);
        double end = rising.Count > 0 ? rising[^1] : time[^1];
        double first = rising.Count > 0 ? rising[0] : time[0];
        int available = (int)Math.Floor((end - first) * f + 1e-6);
        if (available < 1) throw new ArgumentException("the run holds less than one period of the drive");
        int k = Math.Min(periods, available);
        double start = end - k / f;
        int count = k * samplesPerPeriod + 1;
        var t = Enumerable.Range(0, count).Select(i => start + (end - start) * i / (count - 1)).ToArray();
        var i0 = PeriodicSignal.Resample(time, current, start, end, count);
        var r = PeriodicSignal.Resample(time, resistance, start, end, count);
        double mean = PeriodicSignal.Mean(time, resistance, start, end, count);
        var dv = new double[count];
        for (int q = 0; q < count; q++) dv[q] = (r[q] - mean) * i0[q];

        double[] j = Array.Empty<double>(), rate = Array.Empty<double>();
        double rateArea = double.NaN, pinch = double.NaN;
        bool hasRate = currentDensity is not null && resistivityRate is not null;
        if (hasRate)
        {
            j = PeriodicSignal.Resample(time, currentDensity!, start, end, count);
            rate = PeriodicSignal.Resample(time, resistivityRate!, start, end, count);
            rateArea = Lissajous.Area(j, rate).AreaPerPeriod;
            pinch = PinchAtZero(j, rate);
        }

        // per-period areas and periodicity over the whole run, from the first rising crossing
        var whole = PeriodicSignal.Resample(time, resistance, first, first + available / f, available * samplesPerPeriod + 1);
        var periodicity = SteadyState.PeriodicityResiduals(whole, samplesPerPeriod);
        var history = new List<double>();
        for (int p = 0; p < available; p++)
        {
            double a = first + p / f, b = first + (p + 1) / f;
            int n = samplesPerPeriod + 1;
            var x = PeriodicSignal.Resample(time, hasRate ? currentDensity! : current, a, b, n);
            double[] y;
            if (hasRate) y = PeriodicSignal.Resample(time, resistivityRate!, a, b, n);
            else
            {
                var rr = PeriodicSignal.Resample(time, resistance, a, b, n);
                double m = rr.Average();
                y = rr.Select((v, q) => (v - m) * x[q]).ToArray();
            }
            history.Add(Lissajous.Area(x, y).AreaPerPeriod);
        }

        return new AmmLoop
        {
            Frequency = f,
            Periods = k,
            Time = t,
            Current = i0,
            DeltaV = dv,
            Resistance = r,
            CurrentDensity = j,
            ResistivityRate = rate,
            MeanResistance = mean,
            ResistanceSwing = r.Max() - r.Min(),
            DeltaVAmplitude = dv.Max(Math.Abs),
            CurrentVoltageArea = Lissajous.Area(i0, dv).AreaPerPeriod,
            RateArea = rateArea,
            AreaHistory = history,
            PeriodicityHistory = periodicity,
            SteadyFromPeriod = Math.Max(SteadyState.FirstSteadyPeriod(history, SteadyTolerance),
                SteadyState.FirstBelow(periodicity, SteadyTolerance) is var steadyFrom && steadyFrom < periodicity.Count ? steadyFrom : available),
            PinchRatio = pinch,
        };
    }

    /// <summary>max |y| where x crosses zero, over max |y|.</summary>
    private static double PinchAtZero(double[] x, double[] y)
    {
        double atZero = 0, peak = 0;
        for (int i = 1; i < x.Length; i++)
        {
            peak = Math.Max(peak, Math.Abs(y[i]));
            if ((x[i - 1] < 0 && x[i] >= 0) || (x[i - 1] > 0 && x[i] <= 0))
            {
                double f = x[i - 1] / (x[i - 1] - x[i]);
                atZero = Math.Max(atZero, Math.Abs(y[i - 1] + f * (y[i] - y[i - 1])));
            }
        }
        return peak > 0 ? atZero / peak : 0;
    }
}
