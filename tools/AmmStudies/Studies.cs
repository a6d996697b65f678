using System.Diagnostics;
using System.Globalization;
using CircuitSim.Output;
using CircuitSim.Spintronics.Amm.Analysis;

namespace CircuitSim.Tools.AmmStudies;

/// <summary>
/// The heavy AMM studies the issue asks for, each a function of the output directory. Every run goes through the
/// netlist reader and the transient engine (the circuit step is part of what is being checked). Numbers are printed
/// and written as CSV next to the plots.
/// </summary>
internal sealed class Studies
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly string _out;
    private readonly string _demag;
    private readonly int _periods;

    /// <param name="outputDirectory">Where the CSV files and charts go.</param>
    /// <param name="demag">local or full.</param>
    /// <param name="periods">Drive periods per run: enough for the switch-on transient to die out (a ringing mode decays
    /// as e^{−αωt}: with α = 0.01 at 1 GHz that is ~16 ns).</param>
    public Studies(string outputDirectory, string demag, int periods)
    {
        _out = outputDirectory;
        _demag = demag;
        _periods = periods;
    }

    private static string F(double x, string format = "G4") => x.ToString(format, Inv);

    /// <summary>
    /// With full magnetostatics the antipodal wall pair is an unstable equilibrium (the walls attract); round-off
    /// seeds the collapse into a compact pair some 30–50 ns into the α = 0.01 phase, and the pair's breathing mode
    /// then rings down with τ = 1/(αω) ≈ 13 ns. A 250 ns last phase leaves that ringing far below the driven response.
    /// </summary>
    private static string ModelFor(string demag) => demag == "full" ? "relax3=250n" : "";

    private RingResult Run(RingCase c)
    {
        c = c with { ModelExtra = (ModelFor(c.Demag) + " " + c.ModelExtra).Trim() };
        var r = RingResult.Run(c);
        var l = r.Loop;
        if (l is not null && !l.IsSteady) Console.WriteLine("    NOT STEADY: the window still holds the switch-on transient");
        Console.WriteLine($"  {c.Label}: wall {r.WallSeconds:F1} s (transient {r.TransientSeconds:F1} s), winding {F(r.Winding.Start, "F2")} -> {F(r.Winding.End, "F2")}"
                          + (l is null ? "" : $", dV {F(l.DeltaVAmplitude)} V, R swing {F(l.ResistanceSwing)} ohm, area {F(l.RateArea)}, I-dV area {F(l.CurrentVoltageArea)}, pinch {F(l.PinchRatio, "F2")}, steady from period {l.SteadyFromPeriod} of {l.AreaHistory.Count} (last periodicity residual {F(l.PeriodicityHistory.LastOrDefault(), "F3")})")
                          + (r.Failure is null ? "" : $" FAILED: {r.Failure}"));
        return r;
    }

    /// <summary>Vortex: ΔR ∝ j² over a decade and more, and the value at 1e11 A/m².</summary>
    public void Vortex()
    {
        Console.WriteLine("vortex response against current density (1 GHz, 20 periods)");
        var js = new[] { 1e10, 3e10, 1e11, 3e11, 1e12 };
        var rows = new List<string>();
        var swing = new List<double>();
        foreach (var j in js)
        {
            var r = Run(new RingCase("vortex", j, 1e9, Demag: _demag, Periods: _periods));
            swing.Add(r.Loop!.ResistanceSwing);
            rows.Add(string.Join(',', F(j), F(r.Loop.ResistanceSwing, "R"), F(r.Loop.DeltaVAmplitude, "R"), F(r.Loop.RateArea, "R"), F(r.Loop.CurrentVoltageArea, "R")));
        }
        for (int i = 1; i < js.Length; i++)
            Console.WriteLine($"  slope d ln(dR)/d ln(j) between {F(js[i - 1])} and {F(js[i])}: {F(Math.Log(swing[i] / swing[i - 1]) / Math.Log(js[i] / js[i - 1]), "F4")}");
        Charts.Csv(_out, $"vortex_vs_j_{_demag}.csv", "j_Apm2,R_swing_ohm,dV_amplitude_V,lissajous_area,IdV_area_W", rows);
        var chart = Charts.Xy("Vortex: resistance swing against drive (1 GHz)", "j0", "A/m²", "R swing (pp)", "Ω");
        chart.XAxis.Scale = AxisScale.Log;
        chart.YAxis.Scale = AxisScale.Log;
        chart.Add("simulated", js, swing.ToArray()).ShowMarkers = true;
        chart.Add("∝ j²", js, js.Select(j => swing[2] * (j / 1e11) * (j / 1e11)).ToArray()).Dashed = true;
        Charts.Save(chart, _out, $"vortex_vs_j_{_demag}");
    }

    /// <summary>2DW and 4DW at 1e11 A/m², 1 GHz; vortex at 1e12 for the area ratio; loop plots.</summary>
    public void DomainWalls()
    {
        Console.WriteLine("domain-wall states at 1e11 A/m², 1 GHz, and the vortex at 1e12");
        var two = Run(new RingCase("2dw", 1e11, 1e9, Demag: _demag, Periods: _periods));
        var four = Run(new RingCase("4dw", 1e11, 1e9, Demag: _demag, Periods: _periods));
        var vortex = Run(new RingCase("vortex", 1e12, 1e9, Demag: _demag, Periods: _periods));
        Console.WriteLine($"  area ratio 2DW(1e11) / vortex(1e12) = {F(two.Loop!.RateArea / vortex.Loop!.RateArea)}");
        Console.WriteLine($"  2DW: dV amplitude {F(two.Loop.DeltaVAmplitude)} V, pinch ratio {F(two.Loop.PinchRatio, "F3")}; 4DW: dV {F(four.Loop!.DeltaVAmplitude)} V, pinch ratio {F(four.Loop.PinchRatio, "F3")}");
        var loop = Charts.Xy($"I–ΔV loops at 1e11 A/m², 1 GHz ({_demag} magnetostatics)", "ΔV", "V", "I", "A");
        loop.Add("2DW", two.Loop.DeltaV, two.Loop.Current);
        loop.Add("4DW", four.Loop.DeltaV, four.Loop.Current);
        Charts.Save(loop, _out, $"dw_loops_{_demag}");
        var liss = Charts.Xy($"dρ/dt–j at 1e11 A/m², 1 GHz ({_demag})", "j", "A/m²", "dρ/dt", "Ω·m/s");
        liss.Add("2DW", two.Loop.CurrentDensity, two.Loop.ResistivityRate);
        liss.Add("4DW", four.Loop.CurrentDensity, four.Loop.ResistivityRate);
        Charts.Save(liss, _out, $"dw_lissajous_{_demag}");
        var v = Charts.Xy("Vortex at 1e12 A/m², 1 GHz", "j", "A/m²", "dρ/dt", "Ω·m/s");
        v.Add("vortex", vortex.Loop.CurrentDensity, vortex.Loop.ResistivityRate);
        Charts.Save(v, _out, $"vortex_lissajous_{_demag}");
        Charts.Csv(_out, $"dw_states_{_demag}.csv", "state,j_Apm2,dV_amplitude_V,R_swing_ohm,lissajous_area,IdV_area_W,pinch_ratio,steady",
            new[] { ("2dw", two), ("4dw", four), ("vortex", vortex) }.Select(p => string.Join(',', p.Item1, F(p.Item2.Case.CurrentDensity),
                F(p.Item2.Loop!.DeltaVAmplitude, "R"), F(p.Item2.Loop.ResistanceSwing, "R"), F(p.Item2.Loop.RateArea, "R"), F(p.Item2.Loop.CurrentVoltageArea, "R"),
                F(p.Item2.Loop.PinchRatio, "R"), p.Item2.Loop.IsSteady)));
    }

    /// <summary>2DW with full and with local magnetostatics: wall-pair distance oscillation (paper Fig. 7) and areas.</summary>
    public void Magnetostatics()
    {
        Console.WriteLine("2DW: full against local magnetostatics");
        var rows = new List<string>();
        foreach (var j in new[] { 1e11, 1e12 })
        {
            var chart = Charts.Xy($"2DW wall-pair distance, j0 = {F(j)} A/m², 1 GHz", "t", "s", "wall-pair distance", "m");
            foreach (var demag in new[] { "local", "full" })
            {
                var r = Run(new RingCase("2dw", j, 1e9, Demag: demag, Periods: _periods));
                double start = r.Time[^1] - 5e-9;
                var idx = Enumerable.Range(0, r.Time.Length).Where(i => r.Time[i] >= start).ToArray();
                chart.Add(demag, idx.Select(i => r.Time[i]).ToArray(), idx.Select(i => r["dwdist"][i]).ToArray());
                double dist = r["dwdist"][^1];
                rows.Add(string.Join(',', demag, F(j), F(dist, "R"), F(r.Swing("dwdist"), "R"), F(r.Loop!.RateArea, "R"), F(r.Loop.DeltaVAmplitude, "R"),
                    F(r.Loop.ResistanceSwing, "R"), F(r.Winding.End, "F3")));
                Console.WriteLine($"    {demag}: wall-pair distance {F(dist * 1e9)} nm, oscillation (pp, last 5 periods) {F(r.Swing("dwdist") * 1e9)} nm");
            }
            Charts.Save(chart, _out, $"demag_dwdist_j{F(j, "0e0")}");
        }
        Charts.Csv(_out, "demag_comparison.csv", "demag,j_Apm2,wall_pair_distance_m,distance_swing_m,lissajous_area,dV_amplitude_V,R_swing_ohm,winding_end", rows);
    }

    /// <summary>Lissajous area of the 2DW state against frequency at 1e11 A/m².</summary>
    /// <param name="frequencies">The grid (Hz); null: 200 MHz to 3 GHz in nine steps.</param>
    public FrequencySweep Frequency(double j = 1e11, string state = "2dw", double[]? frequencies = null)
    {
        Console.WriteLine($"frequency sweep, {state} at {F(j)} A/m² ({_demag})");
        var fs = frequencies ?? new[] { 0.2e9, 0.3e9, 0.45e9, 0.6e9, 0.8e9, 1e9, 1.5e9, 2e9, 3e9 };
        var sweep = new FrequencySweep();
        var dv = new FrequencySweep();
        var rows = new List<string>();
        var clock = Stopwatch.StartNew();
        foreach (var f in fs)
        {
            var r = Run(new RingCase(state, j, f, Demag: _demag, Periods: _periods));
            sweep.Add(f, r.Loop!.RateArea);
            dv.Add(f, r.Loop.DeltaVAmplitude);
            rows.Add(string.Join(',', F(f), F(r.Loop.RateArea, "R"), F(r.Loop.DeltaVAmplitude, "R"), F(r.Loop.CurrentVoltageArea, "R"), r.Loop.IsSteady, F(r.WallSeconds, "F2")));
        }
        Console.WriteLine($"  sweep wall time {clock.Elapsed.TotalSeconds:F1} s; area peaks at {F(sweep.PeakParameter() / 1e6, "F0")} MHz, dV amplitude at {F(dv.PeakParameter() / 1e6, "F0")} MHz");
        Charts.Csv(_out, $"freq_{state}_{_demag}.csv", "f_Hz,lissajous_area,dV_amplitude_V,IdV_area_W,steady,wall_s", rows);
        var chart = Charts.Xy($"{state} Lissajous area against frequency, j0 = {F(j)} A/m² ({_demag})", "f", "Hz", "Lissajous area dρ/dt–j", "Ω·A/(m·s)");
        if (fs.Max() / fs.Min() >= 10) chart.XAxis.Scale = AxisScale.Log;
        chart.Add("area", fs, sweep.Points.Select(p => p.Value).ToArray()).ShowMarkers = true;
        Charts.Save(chart, _out, $"freq_{state}_{_demag}");
        return sweep;
    }

    /// <summary>Smallest drive amplitude at 1 GHz that unwinds the 2DW pair within 20 periods (scan, then bisection).</summary>
    public double Threshold(string state = "2dw")
    {
        Console.WriteLine($"unwinding threshold, {state} at 1 GHz ({_demag})");
        double winding0 = double.NaN;
        bool Unwinds(double j)
        {
            var r = RingResult.Run(new RingCase(state, j, 1e9, Demag: _demag, Periods: 20, ModelExtra: ModelFor(_demag)));
            if (double.IsNaN(winding0)) winding0 = r.Winding.Start;
            bool changed = r.Failure is null && r["winding"].Any(w => Math.Abs(w - winding0) > 0.5);
            Console.WriteLine($"  j0 = {F(j)}: winding {F(r.Winding.Start, "F2")} -> {F(r.Winding.End, "F2")}{(changed ? " (unwound)" : "")}{(r.Failure is null ? "" : $" FAILED: {r.Failure}")}");
            return changed;
        }
        double lo = 1e11, hi = double.NaN;
        for (double j = 2e11; j <= 1.3e14; j *= 2)
        {
            if (Unwinds(j)) { hi = j; break; }
            lo = j;
        }
        if (double.IsNaN(hi)) { Console.WriteLine("  no unwinding up to 1.3e14 A/m²"); return double.NaN; }
        for (int i = 0; i < 5; i++)
        {
            double mid = Math.Sqrt(lo * hi);
            if (Unwinds(mid)) hi = mid; else lo = mid;
        }
        Console.WriteLine($"  threshold between {F(lo)} and {F(hi)} A/m²");
        return Math.Sqrt(lo * hi);
    }

    /// <summary>Lissajous area against current density at 1 GHz, up to the unwinding (paper Fig. 8).</summary>
    public void CurrentSweep(string state = "2dw")
    {
        Console.WriteLine($"current sweep, {state} at 1 GHz ({_demag})");
        var js = new[] { 1e10, 3e10, 1e11, 3e11, 1e12, 2e12, 5e12, 1e13, 2e13, 5e13 };
        var rows = new List<string>();
        var x = new List<double>();
        var y = new List<double>();
        foreach (var j in js)
        {
            var r = Run(new RingCase(state, j, 1e9, Demag: _demag, Periods: _periods));
            bool unwound = r["winding"].Any(w => Math.Abs(w - r.Winding.Start) > 0.5);
            rows.Add(string.Join(',', F(j), F(r.Loop?.RateArea ?? double.NaN, "R"), F(r.Loop?.DeltaVAmplitude ?? double.NaN, "R"), F(r.Winding.End, "F3"), unwound));
            if (r.Loop is not null) { x.Add(j); y.Add(r.Loop.RateArea); }
        }
        Charts.Csv(_out, $"jsweep_{state}_{_demag}.csv", "j_Apm2,lissajous_area,dV_amplitude_V,winding_end,unwound", rows);
        var chart = Charts.Xy($"{state} Lissajous area against current density, 1 GHz ({_demag})", "j0", "A/m²", "Lissajous area dρ/dt–j", "Ω·A/(m·s)");
        chart.XAxis.Scale = AxisScale.Log;
        chart.YAxis.Scale = AxisScale.Log;
        chart.Add("area", x.ToArray(), y.ToArray()).ShowMarkers = true;
        Charts.Save(chart, _out, $"jsweep_{state}_{_demag}");
    }

    /// <summary>N → 2N, N → N/2 and h → h/2 for the 2DW at 1e11 A/m², 1 GHz (N = 128 unless given).</summary>
    public void Convergence(int cells = 128)
    {
        Console.WriteLine($"convergence, 2DW at 1e11 A/m², 1 GHz ({_demag}), N = {cells}");
        var baseline = Run(new RingCase("2dw", 1e11, 1e9, Cells: cells, Demag: _demag, Periods: _periods));
        var fine = Run(new RingCase("2dw", 1e11, 1e9, Cells: 2 * cells, Demag: _demag, Periods: _periods));
        var half = Run(new RingCase("2dw", 1e11, 1e9, Cells: cells, StepsPerPeriod: 200, Demag: _demag, Periods: _periods));
        var coarse = Run(new RingCase("2dw", 1e11, 1e9, Cells: cells / 2, Demag: _demag, Periods: _periods));
        double a = baseline.Loop!.RateArea;
        string Change(RingResult r) => F((r.Loop!.RateArea - a) / a * 100, "F2") + " %";
        Console.WriteLine($"  area N={cells}: {F(a)}; N={2 * cells}: {F(fine.Loop!.RateArea)} ({Change(fine)}); N={cells / 2}: {F(coarse.Loop!.RateArea)} ({Change(coarse)}); h=T/200: {F(half.Loop!.RateArea)} ({Change(half)})");
        Console.WriteLine($"  dV amplitude N={cells}: {F(baseline.Loop.DeltaVAmplitude)}; N={2 * cells}: {F(fine.Loop.DeltaVAmplitude)}; h=T/200: {F(half.Loop.DeltaVAmplitude)}");
        string Name(string kind) => cells == 128 ? $"convergence_{kind}.csv" : $"convergence_{kind}_N{cells}.csv";
        Charts.Csv(_out, Name(_demag), "case,lissajous_area,dV_amplitude_V,R_swing_ohm,wall_pair_distance_m,wall_s",
            new[] { ($"N={cells} h=T/100", baseline), ($"N={2 * cells} h=T/100", fine), ($"N={cells / 2} h=T/100", coarse), ($"N={cells} h=T/200", half) }
                .Select(p => string.Join(',', p.Item1, F(p.Item2.Loop!.RateArea, "R"), F(p.Item2.Loop.DeltaVAmplitude, "R"), F(p.Item2.Loop.ResistanceSwing, "R"),
                    F(p.Item2["dwdist"][^1], "R"), F(p.Item2.WallSeconds, "F1"))));
    }

    /// <summary>Which part of a step-size change is sampling of the recorded curve and which the circuit's own step:
    /// the h/2 run's areas from all its points and from every second point.</summary>
    public void StepCheck()
    {
        Console.WriteLine($"step check, 2DW at 1e11 A/m², 1 GHz ({_demag})");
        var coarse = Run(new RingCase("2dw", 1e11, 1e9, Demag: _demag, Periods: _periods));
        var fine = Run(new RingCase("2dw", 1e11, 1e9, StepsPerPeriod: 200, Demag: _demag, Periods: _periods));
        var even = Enumerable.Range(0, fine.Time.Length).Where(i => i % 2 == 0).ToArray();
        double[] Pick(double[] v) => even.Select(i => v[i]).ToArray();
        var sub = AmmLoop.Analyse(Pick(fine.Time), Pick(fine["i"]), Pick(fine["r"]), Pick(fine["j"]), Pick(fine["drhodt"]), 1e9);
        Console.WriteLine($"  rate area: h=T/100 {F(coarse.Loop!.RateArea)}, h=T/200 {F(fine.Loop!.RateArea)}, h=T/200 sampled at T/100 {F(sub.RateArea)}");
        Console.WriteLine($"  I-dV area: h=T/100 {F(coarse.Loop.CurrentVoltageArea)}, h=T/200 {F(fine.Loop.CurrentVoltageArea)}, h=T/200 sampled at T/100 {F(sub.CurrentVoltageArea)}");
        Console.WriteLine($"  dV amplitude: {F(coarse.Loop.DeltaVAmplitude)}, {F(fine.Loop.DeltaVAmplitude)}, {F(sub.DeltaVAmplitude)}");
    }

    /// <summary>Wall time of one 20-period 1 GHz run at N = 128 (relaxed state cached, so the transient alone counts).</summary>
    public void Speed()
    {
        Console.WriteLine($"speed ({_demag})");
        var c = new RingCase("2dw", 1e11, 1e9, Demag: _demag, Periods: 20, ModelExtra: ModelFor(_demag));
        RingResult.Run(c); // relax once (or load the cache)
        var r = RingResult.Run(c);
        Console.WriteLine($"  20 periods at 1 GHz, N = 128, h = T/100: transient {r.TransientSeconds:F2} s, whole run {r.WallSeconds:F2} s " +
                          $"({r.Time.Length} points)");
    }
}
