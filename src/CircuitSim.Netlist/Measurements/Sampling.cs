namespace CircuitSim.Netlist.Measurements;

/// <summary>
/// A point on the piecewise-linear waveform: between sample <see cref="Index"/> and the next one, at fraction
/// <see cref="Frac"/> in [0, 1). Every recorded vector (and the scale) is linear in the fraction within a segment,
/// so one position gives consistent interpolated values for all of them.
/// </summary>
internal readonly record struct SamplePos(int Index, double Frac)
{
    public static SamplePos Make(int index, double frac) =>
        frac >= 1 ? new SamplePos(index + 1, 0) : new SamplePos(index, frac <= 0 ? 0 : frac);

    /// <summary>The value of <paramref name="v"/> at this position (exactly the sample when <see cref="Frac"/> is 0).</summary>
    public double Of(double[] v) => Frac == 0 ? v[Index] : v[Index] + Frac * (v[Index + 1] - v[Index]);
}

/// <summary>A level crossing: where it is and its direction.</summary>
internal readonly record struct Crossing(SamplePos Pos, bool Rising);

internal static class Sampling
{
    /// <summary>
    /// The parts of the waveform whose scale lies in [<paramref name="lo"/>, <paramref name="hi"/>], as runs of
    /// positions; consecutive positions in a run always lie in one segment. Window ends that fall between samples are
    /// cut by linear interpolation. A segment where the scale goes against the sweep direction (a nested DC sweep
    /// starting over) is not part of the waveform: it ends a run.
    /// </summary>
    public static List<List<SamplePos>> Runs(double[] x, double lo, double hi)
    {
        var runs = new List<List<SamplePos>>();
        int n = x.Length;
        if (n == 0) return runs;
        if (n == 1)
        {
            if (x[0] >= lo && x[0] <= hi) runs.Add([new SamplePos(0, 0)]);
            return runs;
        }

        int direction = 0;
        for (int i = 0; i + 1 < n && direction == 0; i++)
            direction = Math.Sign(x[i + 1] - x[i]);
        if (direction == 0) direction = 1;

        List<SamplePos>? run = null;
        for (int i = 0; i + 1 < n; i++)
        {
            double dx = x[i + 1] - x[i];
            if (Math.Sign(dx) == -direction)
            {
                run = null; // the sweep starts over: no segment across the jump
                continue;
            }
            double ta, tb;
            if (dx == 0)
            {
                if (x[i] < lo || x[i] > hi)
                {
                    run = null;
                    continue;
                }
                ta = 0;
                tb = 1;
            }
            else
            {
                double t1 = (lo - x[i]) / dx, t2 = (hi - x[i]) / dx;
                ta = Math.Max(0, Math.Min(t1, t2));
                tb = Math.Min(1, Math.Max(t1, t2));
                if (ta > tb)
                {
                    run = null;
                    continue;
                }
            }
            var a = SamplePos.Make(i, ta);
            var b = SamplePos.Make(i, tb);
            if (run is not null && run[^1] == a)
            {
                if (b != a) run.Add(b);
            }
            else
            {
                run = a == b ? [a] : [a, b];
                runs.Add(run);
            }
        }
        return runs;
    }

    /// <summary>
    /// Crossings of zero by <paramref name="d"/> (the signal minus the level) along the runs. A point is "above" when
    /// d ≥ 0 and "below" otherwise, and every change of side is one crossing, located by linear interpolation; so a
    /// crossing that lands exactly on a sample is counted once and placed exactly there. The state starts afresh at
    /// the start of each run; the start itself is never a crossing.
    /// </summary>
    public static IEnumerable<Crossing> Crossings(List<List<SamplePos>> runs, Func<SamplePos, double> d)
    {
        foreach (var run in runs)
        {
            var prev = run[0];
            double dPrev = d(prev);
            bool above = dPrev >= 0;
            for (int k = 1; k < run.Count; k++)
            {
                var cur = run[k];
                double dCur = d(cur);
                bool nowAbove = dCur >= 0;
                if (nowAbove != above)
                {
                    double fa = prev.Frac;
                    double fb = cur.Index == prev.Index ? cur.Frac : 1.0;
                    double f;
                    if (dCur == 0) f = fb;
                    else if (dPrev == 0) f = fa;
                    else f = Math.Clamp(fa + (fb - fa) * (dPrev / (dPrev - dCur)), fa, fb);
                    yield return new Crossing(SamplePos.Make(prev.Index, f), nowAbove);
                    above = nowAbove;
                }
                prev = cur;
                dPrev = dCur;
            }
        }
    }
}
