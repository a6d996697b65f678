using CircuitSim.Spintronics.Amm.Analysis;

namespace CircuitSim.Spintronics.Tests.Amm;

/// <summary>The loop analysis helpers on curves whose areas and amplitudes are known in closed form.</summary>
public class AmmAnalysisTests
{
    private static double[] Grid(int periods, int perPeriod) =>
        Enumerable.Range(0, periods * perPeriod + 1).Select(i => (double)i / perPeriod).ToArray();

    [Fact]
    public void Ellipse_HasAreaPiABSinPhi()
    {
        // x = a sin(ωt + 0.1), y = b sin(ωt + 0.1 + φ): area π a b sin φ; the polygon of 400 points per period is
        // within (2π/400)²/6 ≈ 4e-5 of it. Three periods hold six zero crossings of x, hence five whole half-cycles.
        var t = Grid(3, 400);
        var x = t.Select(s => 2.0 * Math.Sin(2 * Math.PI * s + 0.1)).ToArray();
        var y = t.Select(s => 3.0 * Math.Sin(2 * Math.PI * s + 0.1 + 0.7)).ToArray();
        var area = Lissajous.Area(x, y);
        Assert.Equal(Math.PI * 2 * 3 * Math.Sin(0.7), area.AreaPerPeriod, 1e-4 * area.AreaPerPeriod);
        Assert.Equal(5, area.HalfCycleAreas.Count);
    }

    [Fact]
    public void FigureOfEight_CountsBothLobes()
    {
        // x = sin t, y = sin 2t: the signed area of a period is 0, each lobe 4/3
        var t = Grid(2, 800);
        var x = t.Select(s => Math.Sin(2 * Math.PI * s)).ToArray();
        var y = t.Select(s => Math.Sin(4 * Math.PI * s)).ToArray();
        Assert.Equal(8.0 / 3, Lissajous.Area(x, y).AreaPerPeriod, 1e-4);
    }

    [Fact]
    public void OnePeriodCutAtTheZeroCrossings_KeepsBothHalves()
    {
        // the window of a one-period analysis starts and ends where the drive crosses zero; round-off leaves
        // x = sin(2π) = −2.4e-16 at the end, which must still close the second half-cycle
        var t = Grid(1, 400);
        var x = t.Select(s => 2.0 * Math.Sin(2 * Math.PI * s)).ToArray();
        var y = t.Select(s => 3.0 * Math.Sin(2 * Math.PI * s + 0.7)).ToArray();
        Assert.True(x[^1] < 0);
        var area = Lissajous.Area(x, y);
        Assert.Equal(2, area.HalfCycleAreas.Count);
        Assert.Equal(Math.PI * 2 * 3 * Math.Sin(0.7), area.AreaPerPeriod, 1e-4 * area.AreaPerPeriod);
    }

    [Fact]
    public void SingleValuedResponse_EnclosesNoArea()
    {
        var t = Grid(2, 400);
        var x = t.Select(s => Math.Sin(2 * Math.PI * s)).ToArray();
        var y = x.Select(v => 3 * v * v - v).ToArray();
        Assert.Equal(0, Lissajous.Area(x, y).AreaPerPeriod, 1e-12);
    }

    [Fact]
    public void Frequency_IsFoundFromTheZeroCrossings()
    {
        // uneven time points, as a transient returns them
        var rng = new Random(3);
        var t = new List<double> { 0 };
        while (t[^1] < 10e-9) t.Add(t[^1] + (0.5 + rng.NextDouble()) * 5e-12);
        var i = t.Select(s => Math.Sin(2 * Math.PI * 0.7e9 * s + 0.3)).ToArray();
        Assert.Equal(0.7e9, PeriodicSignal.Frequency(t, i), 1e-4 * 0.7e9);
    }

    [Fact]
    public void SteadyState_StartsWhereThePeriodsStopChanging()
    {
        // 1 + e^{-p}: the change from period p − 1 to p is e^{-(p−1)}(1 − e^{-1}): 3.2 % into p = 4, 1.2 % into p = 5,
        // so the values are steady within 2 % from period 4 on
        var values = Enumerable.Range(0, 12).Select(p => 1 + Math.Exp(-p)).ToList();
        Assert.Equal(4, SteadyState.FirstSteadyPeriod(values, 0.02));
        Assert.True(SteadyState.IsSteady(values, 5, 0.02));
        var growing = Enumerable.Range(0, 12).Select(p => 1.0 + 0.1 * p).ToList();
        Assert.Equal(12, SteadyState.FirstSteadyPeriod(growing, 0.02));
    }

    [Fact]
    public void PeakOfAParabolaInLogFrequency_IsFoundBetweenTheSamples()
    {
        var sweep = new FrequencySweep();
        double peak = 0.62e9;
        foreach (var f in new[] { 0.2e9, 0.3e9, 0.45e9, 0.6e9, 0.8e9, 1e9, 1.5e9 })
            sweep.Add(f, 5 - Math.Pow(Math.Log(f / peak), 2));
        Assert.Equal(peak, sweep.PeakParameter(), 1e-9 * peak); // exact for a parabola
    }

    [Fact]
    public void Loop_OfAKnownResistanceWaveform()
    {
        // R = R0 + a sin²(ωt − φ) under I = I0 sin ωt: ⟨R⟩ = R0 + a/2 and ΔV = (R − ⟨R⟩) I
        double r0 = 437, a = 1e-3, i0 = 1e-5, f = 1e9, phi = 0.4;
        var t = Enumerable.Range(0, 12001).Select(k => k * 1e-12).ToArray();
        var i = t.Select(s => i0 * Math.Sin(2 * Math.PI * f * s)).ToArray();
        var r = t.Select(s => r0 + a * Math.Pow(Math.Sin(2 * Math.PI * f * s - phi), 2)).ToArray();
        var loop = AmmLoop.Analyse(t, i, r, periods: 5);
        Assert.Equal(f, loop.Frequency, 1e-6 * f);
        Assert.Equal(5, loop.Periods);
        Assert.Equal(r0 + a / 2, loop.MeanResistance, 1e-9 * r0);
        Assert.Equal(a, loop.ResistanceSwing, 1e-3 * a);
        double expected = Enumerable.Range(0, 100000).Select(k => k / 100000.0)
            .Max(s => Math.Abs(-0.5 * a * Math.Cos(2 * (2 * Math.PI * s - phi)) * i0 * Math.Sin(2 * Math.PI * s)));
        Assert.Equal(expected, loop.DeltaVAmplitude, 1e-3 * expected);
        Assert.True(loop.IsSteady);
    }
}
