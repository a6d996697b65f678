using System.Diagnostics;
using System.Globalization;
using CircuitSim.Netlist.Running;
using CircuitSim.Netlist.Semantics;
using CircuitSim.Spintronics.Amm.Analysis;

namespace CircuitSim.Tools.AmmStudies;

/// <summary>One sinusoidally driven ring, as a circuit: a current source into YAMM, run through the netlist reader and
/// the transient engine exactly as <c>circuitsim run</c> would.</summary>
/// <param name="State">YAMM state (2dw, vortex, 4dw, …).</param>
/// <param name="CurrentDensity">Drive amplitude j0, A/m² (I0 = j0·w·t).</param>
/// <param name="Frequency">Drive frequency, Hz.</param>
/// <param name="Periods">Periods simulated.</param>
/// <param name="Cells">N.</param>
/// <param name="Demag">local or full.</param>
/// <param name="StepsPerPeriod">Circuit time step = period / this (the transient's tstep and maximum step).</param>
/// <param name="ModelExtra">Extra model parameters (e.g. relax durations, tolerances).</param>
public sealed record RingCase(string State, double CurrentDensity, double Frequency, int Periods = 20, int Cells = 128,
    string Demag = "local", int StepsPerPeriod = 100, string ModelExtra = "")
{
    public const double CrossSection = 1e-16; // w·t of the paper's ring, m²

    public string Netlist()
    {
        var inv = CultureInfo.InvariantCulture;
        double period = 1 / Frequency;
        return string.Format(inv, """
            AMM study: {0} j0={1:G3} f={2:G3} N={3} demag={4}
            .model py AMM (ncell={3} demag={4} {5})
            I1 0 a SIN(0 {6:R} {2:R})
            YAMM y1 a 0 py state={0}
            .tran {7:R} {8:R}
            .save @y1[r] @y1[i] @y1[j] @y1[drhodt] @y1[winding] @y1[dwdist] @y1[nwalls] @y1[mz] @y1[mr] @y1[mt]
            .end
            """, State, CurrentDensity, Frequency, Cells, Demag, ModelExtra, CurrentDensity * CrossSection,
            period / StepsPerPeriod, Periods * period);
    }

    public string Label => string.Create(CultureInfo.InvariantCulture, $"{State} j0={CurrentDensity:G3} f={Frequency / 1e9:G3}GHz N={Cells} {Demag} h=T/{StepsPerPeriod}");
}

/// <summary>The recorded run and its loop analysis.</summary>
public sealed class RingResult
{
    public required RingCase Case { get; init; }
    public required PlotRecorder.RecordedPlot Plot { get; init; }
    public AmmLoop? Loop { get; init; }
    /// <summary>Wall time of the whole run (setup, relaxation or cache load, transient), s.</summary>
    public double WallSeconds { get; init; }
    /// <summary>Wall time of the transient alone, s.</summary>
    public double TransientSeconds { get; init; }
    public string? Failure { get; init; }

    public double[] this[string probe] => Plot[$"@y1[{probe}]"];
    public double[] Time => Plot.Scale;

    /// <summary>Winding number at the start and at the end of the run.</summary>
    public (double Start, double End) Winding => (this["winding"][0], this["winding"][^1]);

    /// <summary>peak-to-peak of a probe over the last <paramref name="periods"/> periods.</summary>
    public double Swing(string probe, int periods = 5)
    {
        double start = Time[^1] - periods / Case.Frequency;
        var v = this[probe].Where((_, i) => Time[i] >= start).ToArray();
        return v.Length == 0 ? double.NaN : v.Max() - v.Min();
    }

    public static RingResult Run(RingCase c, int loopPeriods = 5)
    {
        var clock = Stopwatch.StartNew();
        var netlist = new NetlistReader(CircuitSim.Spintronics.SpintronicFamilies.Registry()).ReadText(c.Netlist(), "amm-study.cir");
        var (outcomes, recorder) = new NetlistRunner(netlist).RunToMemory();
        double wall = clock.Elapsed.TotalSeconds;
        var outcome = outcomes.Single();
        var plot = recorder.Plots.Single();
        AmmLoop? loop = null;
        try
        {
            loop = AmmLoop.Analyse(plot.Scale, plot["@y1[i]"], plot["@y1[r]"], plot["@y1[j]"], plot["@y1[drhodt]"], c.Frequency, loopPeriods);
        }
        catch (ArgumentException)
        {
            // too short for a loop
        }
        return new RingResult
        {
            Case = c,
            Plot = plot,
            Loop = loop,
            WallSeconds = wall,
            TransientSeconds = outcome.Statistics.TotalSeconds,
            Failure = outcome.Failure?.Message,
        };
    }
}
