using CircuitSim.Core.Behaviors;

namespace CircuitSim.Devices.Sources;

/// <summary>
/// A time function of an independent source, with ngspice 39's defaults: parameters given as 0 or omitted fall back
/// to the transient's tstep/tstop where ngspice does. Only PULSE and PWL corners are breakpoints (as in ngspice 39).
/// </summary>
public abstract class Waveform
{
    /// <summary>Value at <paramref name="time"/>, s; <paramref name="step"/> and <paramref name="stop"/> are the
    /// transient's tstep and tstop (0 outside a transient).</summary>
    public abstract double Value(double time, double step, double stop);

    /// <summary>Adds corners in (after, until] that the transient must land on.</summary>
    public virtual void AddBreakpoints(BreakpointTable table, double after, double until, double step, double stop) { }

    protected static double Or(double value, double fallback) => value != 0 ? value : fallback;

    /// <summary>Most periods of a periodic waveform whose corners one request adds; the transient asks for the next
    /// ones as it advances, so a clock of 10⁷ periods never fills the table (and nothing is allocated per period).</summary>
    protected const int MaxPeriodsPerRequest = 1000;

    /// <summary>Beyond 2⁵² successive period numbers are no longer distinct doubles.</summary>
    protected const double MaxPeriodIndex = 4503599627370496;
}

/// <summary>PULSE(V1 V2 TD TR TF PW PER [NP]): trapezoidal pulse train.</summary>
public sealed class Pulse : Waveform
{
    public Pulse(double v1, double v2, double delay = 0, double rise = 0, double fall = 0, double width = 0, double period = 0, int count = 0)
    {
        V1 = v1; V2 = v2; Delay = delay; Rise = rise; Fall = fall; Width = width; Period = period; Count = count;
    }

    public double V1 { get; }
    public double V2 { get; }
    public double Delay { get; }
    public double Rise { get; }
    public double Fall { get; }
    public double Width { get; }
    public double Period { get; }
    /// <summary>Number of pulses (0 = unlimited).</summary>
    public int Count { get; }

    public override double Value(double time, double step, double stop)
    {
        var tr = Or(Rise, step);
        var tf = Or(Fall, step);
        var pw = Or(Width, stop);
        var per = Or(Period, stop);
        time -= Delay;
        if (time > per && per > 0)
        {
            var k = Math.Floor(time / per);
            if (Count > 0 && k >= Count) return V1;
            time -= per * k;
        }
        if (time <= 0 || time >= tr + pw + tf) return V1;
        if (time >= tr && time <= tr + pw) return V2;
        if (time < tr) return V1 + (V2 - V1) * time / tr;
        return V2 + (V1 - V2) * (time - (tr + pw)) / tf;
    }

    public override void AddBreakpoints(BreakpointTable table, double after, double until, double step, double stop)
    {
        var tr = Or(Rise, step);
        var tf = Or(Fall, step);
        var pw = Or(Width, stop);
        var per = Or(Period, stop);
        // a period the transient cannot resolve, or period numbers beyond a double's integers: no corners to land on
        if (!(per > 0) || per < table.MinimumSeparation) return;
        var first = Math.Max(0, Math.Floor((after - Delay) / per) - 1);
        if (!(first < MaxPeriodIndex)) return;
        var periods = 0;
        for (var k = first; ; k++)
        {
            if (Count > 0 && k >= Count) break;
            var t0 = Delay + k * per;
            if (t0 > until) break;
            if (++periods > MaxPeriodsPerRequest)
            {
                // lazily: the transient asks again from just before this period's start when it gets there
                table.CoveredOnlyUntil(Math.BitDecrement(t0));
                break;
            }
            Add(table, t0, after, until);
            Add(table, t0 + tr, after, until);
            Add(table, t0 + tr + pw, after, until);
            Add(table, t0 + tr + pw + tf, after, until);
        }
    }

    private static void Add(BreakpointTable table, double t, double after, double until)
    {
        if (t > after && t <= until) table.Add(t);
    }
}

/// <summary>SIN(VO VA FREQ TD THETA PHASE): damped sine, phase in degrees; value VO + VA·sin(PHASE) before TD.</summary>
public sealed class Sine : Waveform
{
    public Sine(double offset, double amplitude, double frequency = 0, double delay = 0, double damping = 0, double phaseDegrees = 0)
    {
        Offset = offset; Amplitude = amplitude; Frequency = frequency; Delay = delay; Damping = damping; PhaseDegrees = phaseDegrees;
    }

    public double Offset { get; }
    public double Amplitude { get; }
    public double Frequency { get; }
    public double Delay { get; }
    public double Damping { get; }
    public double PhaseDegrees { get; }

    public override double Value(double time, double step, double stop)
    {
        var f = Frequency != 0 ? Frequency : stop > 0 ? 1 / stop : 0;
        var phase = PhaseDegrees * Math.PI / 180;
        time -= Delay;
        if (time <= 0) return Offset + Amplitude * Math.Sin(phase);
        return Offset + Amplitude * Math.Sin(2 * Math.PI * f * time + phase) * Math.Exp(-time * Damping);
    }
}

/// <summary>EXP(V1 V2 TD1 TAU1 TD2 TAU2): rise towards V2 from TD1, fall back from TD2.</summary>
public sealed class Exponential : Waveform
{
    public Exponential(double v1, double v2, double riseDelay = 0, double riseTau = 0, double fallDelay = 0, double fallTau = 0)
    {
        V1 = v1; V2 = v2; RiseDelay = riseDelay; RiseTau = riseTau; FallDelay = fallDelay; FallTau = fallTau;
    }

    public double V1 { get; }
    public double V2 { get; }
    public double RiseDelay { get; }
    public double RiseTau { get; }
    public double FallDelay { get; }
    public double FallTau { get; }

    public override double Value(double time, double step, double stop)
    {
        var td1 = Or(RiseDelay, step);
        var tau1 = Or(RiseTau, step);
        var td2 = Or(FallDelay, td1 + step);
        var tau2 = Or(FallTau, step);
        if (time <= td1) return V1;
        var v = V1 + (V2 - V1) * (1 - Math.Exp(-(time - td1) / tau1));
        if (time <= td2) return v;
        return v + (V1 - V2) * (1 - Math.Exp(-(time - td2) / tau2));
    }
}

/// <summary>PWL(t1 v1 t2 v2 …) [r=t] [td=t]: piecewise linear; after the last corner it holds, or repeats from time r.</summary>
public sealed class PiecewiseLinear : Waveform
{
    private readonly double[] _t;
    private readonly double[] _v;

    public PiecewiseLinear(IReadOnlyList<double> times, IReadOnlyList<double> values, double? repeatFrom = null, double delay = 0)
    {
        if (times.Count == 0 || times.Count != values.Count) throw new ArgumentException("PWL needs pairs of time and value");
        // a NaN passes the ordering check below and breaks the binary search of Value
        for (var i = 0; i < times.Count; i++)
            if (!double.IsFinite(times[i])) throw new ArgumentException($"PWL times must be finite numbers (t{i + 1} = {times[i]})");
        if (!double.IsFinite(delay)) throw new ArgumentException($"PWL td= must be a finite number, not {delay}");
        if (repeatFrom is { } rf && !double.IsFinite(rf)) throw new ArgumentException($"PWL r= must be a finite number, not {rf}");
        for (var i = 1; i < times.Count; i++)
            if (times[i] < times[i - 1]) throw new ArgumentException($"PWL times must not decrease (t{i + 1} = {times[i]} < t{i} = {times[i - 1]})");
        _t = times.ToArray();
        _v = values.ToArray();
        RepeatFrom = repeatFrom;
        Delay = delay;
        if (repeatFrom is { } r && (r < _t[0] || r >= _t[^1])) throw new ArgumentException("PWL r= must lie within the corner times and before the last");
    }

    public IReadOnlyList<double> Times => _t;
    public IReadOnlyList<double> Values => _v;
    public double? RepeatFrom { get; }
    public double Delay { get; }

    public override double Value(double time, double step, double stop)
    {
        time = Local(time - Delay);
        if (!(time > _t[0])) return _v[0]; // NaN included
        if (time >= _t[^1]) return _v[^1];
        var i = Array.BinarySearch(_t, time);
        if (i >= 0) return _v[i];
        i = ~i;
        var t0 = _t[i - 1];
        var t1 = _t[i];
        return t1 == t0 ? _v[i] : _v[i - 1] + (_v[i] - _v[i - 1]) * (time - t0) / (t1 - t0);
    }

    /// <summary>Folds a time after the last corner back into the repeated section.</summary>
    private double Local(double time)
    {
        if (RepeatFrom is not { } r || time <= _t[^1]) return time;
        var period = _t[^1] - r;
        return r + (time - _t[^1]) % period;
    }

    public override void AddBreakpoints(BreakpointTable table, double after, double until, double step, double stop)
    {
        foreach (var t in _t)
        {
            var tt = t + Delay;
            if (tt > after && tt <= until) table.Add(tt);
        }
        if (RepeatFrom is not { } r) return;
        var period = _t[^1] - r;
        if (!(period > 0) || period < table.MinimumSeparation) return;
        var start = _t[^1] + Delay;
        var k = Math.Max(0, Math.Floor((after - start) / period));
        if (!(k < MaxPeriodIndex)) return;
        for (var periods = 0; start + k * period <= until; k++)
        {
            if (++periods > MaxPeriodsPerRequest)
            {
                table.CoveredOnlyUntil(Math.BitDecrement(start + k * period));
                break;
            }
            var offset = start + k * period - r;
            foreach (var t in _t)
            {
                if (t <= r) continue;
                var tt = t + offset;
                if (tt > after && tt <= until) table.Add(tt);
            }
        }
    }
}

/// <summary>SFFM(VO VA FC MDI FS [PHASEC PHASES]): single-frequency FM, phases in degrees.</summary>
public sealed class FrequencyModulated : Waveform
{
    public FrequencyModulated(double offset, double amplitude, double carrier = 0, double modulationIndex = 0, double signal = 0,
        double carrierPhase = 0, double signalPhase = 0)
    {
        Offset = offset; Amplitude = amplitude; Carrier = carrier; ModulationIndex = modulationIndex; Signal = signal;
        CarrierPhase = carrierPhase; SignalPhase = signalPhase;
    }

    public double Offset { get; }
    public double Amplitude { get; }
    public double Carrier { get; }
    public double ModulationIndex { get; }
    public double Signal { get; }
    public double CarrierPhase { get; }
    public double SignalPhase { get; }

    public override double Value(double time, double step, double stop)
    {
        var fc = Carrier != 0 ? Carrier : stop > 0 ? 1 / stop : 0;
        var fs = Signal != 0 ? Signal : stop > 0 ? 1 / stop : 0;
        var pc = CarrierPhase * Math.PI / 180;
        var ps = SignalPhase * Math.PI / 180;
        return Offset + Amplitude * Math.Sin(2 * Math.PI * fc * time + pc + ModulationIndex * Math.Sin(2 * Math.PI * fs * time + ps));
    }
}
