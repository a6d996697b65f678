using System.Numerics;
using CircuitSim.Core.Analyses;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Tests.Support;
using CircuitSim.Devices.Passive;
using CircuitSim.Devices.Sources;

namespace CircuitSim.Core.Tests.Analytic;

/// <summary>Small-signal responses of linear networks against their transfer functions.</summary>
public class AcResponseTests
{
    // A linear AC point is one complex LU solve of a 3–4 unknown system: round-off ≈ 1e-15 relative. The phase is
    // compared in degrees with 1e-9 (absolute) and magnitudes with 1e-9 relative: far above round-off, far below
    // any modelling error (a wrong sign or factor 2π moves them by O(1)).
    private const double Tight = 1e-9;

    private static VoltageSource AcSource() => new("V1", "in", "0", 0) { AcMagnitude = 1 };

    [Fact]
    public void RcLowPassMagnitudeAndPhase_FollowOneOverOnePlusJOmegaRc()
    {
        const double r = 1e3, c = 1e-9;
        var circuit = new Circuit(AcSource(), new Resistor("R1", "in", "out", r), new Capacitor("C1", "out", "0", c));
        var sim = new Ac(circuit, AcSweepKind.Decade, 10, 1e3, 1e8);
        var trace = Run.Record(sim, "vm(out)", "vp(out)", "vdb(out)");

        Assert.Equal(51, trace.Count);
        for (var k = 0; k < trace.Count; k++)
        {
            var h = 1 / new Complex(1, 2 * Math.PI * trace.Scale[k] * r * c);
            Assert.Equal(1, trace[0][k] / h.Magnitude, Tight);
            Assert.Equal(h.Phase * 180 / Math.PI, trace[1][k], Tight);
            Assert.Equal(20 * Math.Log10(h.Magnitude), trace[2][k], Tight);
        }
        // the −3 dB corner sits at 1/(2πRC) ≈ 159 kHz: between the 158.5 kHz and 199.5 kHz grid points
        var corner = 1 / (2 * Math.PI * r * c);
        var below = trace.Scale.Select((f, k) => (f, k)).Last(p => p.f < corner).k;
        Assert.True(trace[2][below] > -3.0103 && trace[2][below + 1] < -3.0103);
    }

    [Fact]
    public void SeriesRlcBandPass_PeaksWithUnitGainAndZeroPhaseAtResonance()
    {
        const double r = 50, l = 10e-6, c = 1e-9;
        var f0 = 1 / (2 * Math.PI * Math.Sqrt(l * c));
        var circuit = new Circuit(AcSource(),
            new Inductor("L1", "in", "a", l), new Capacitor("C1", "a", "out", c), new Resistor("R1", "out", "0", r));
        // a linear grid with f0 exactly on its middle point
        var sim = new Ac(circuit, AcSweepKind.Linear, 201, 0.5 * f0, 1.5 * f0);
        var trace = Run.Record(sim, "vm(out)", "vp(out)");

        for (var k = 0; k < trace.Count; k++)
        {
            var w = 2 * Math.PI * trace.Scale[k];
            var h = r / new Complex(r, w * l - 1 / (w * c));
            Assert.Equal(1, trace[0][k] / h.Magnitude, Tight);
            Assert.Equal(h.Phase * 180 / Math.PI, trace[1][k], Tight);
        }
        var peak = Array.IndexOf(trace[0], trace[0].Max());
        Assert.Equal(100, peak);
        Assert.Equal(1, trace[0][peak], 1e-9);
        Assert.Equal(0, trace[1][peak], 1e-6); // f0 on the grid is rounded to 1e-16 relative: phase ~1e-12°
        Assert.True(trace[1][peak - 1] > 0 && trace[1][peak + 1] < 0, "capacitive (leading) below f0, inductive above");
    }
}
