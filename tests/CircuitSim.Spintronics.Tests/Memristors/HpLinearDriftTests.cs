using CircuitSim.Spintronics.Tests.Support;
using Xunit.Abstractions;

namespace CircuitSim.Spintronics.Tests.Memristors;

/// <summary>
/// Strukov/HP linear dopant drift without a window (docs/physics.md §6), where the state is linear in the charge:
/// x = w/D = x0 + k_x·q with k_x = μ_v·R_on/D², so R = R0 − (R_off − R_on)·k_x·q. Under a voltage drive V = R·dq/dt
/// integrates to R0·q − k·q²/2 = φ(t), k = (R_off − R_on)·μ_v·R_on/D², φ = ∫V dt, hence
/// q = (R0 − √(R0² − 2kφ))/k and i = V/√(R0² − 2kφ), valid while w stays inside (0, D).
/// <para>
/// The runs use the default tolerances; what is left is the linear interpolation of the terminal voltage across each
/// circuit step, a second-order error estimated below (halving the step divides the measured error by 4.0).
/// </para>
/// </summary>
public class HpLinearDriftTests(ITestOutputHelper output)
{
    private const double Ron = 100, Roff = 16e3, D = 10e-9, Mobility = 1e-14, Rinit = 11e3, Frequency = 1;
    private const double Kx = Mobility * Ron / (D * D); // 1e4 per coulomb
    private const double X0 = (Roff - Rinit) / (Roff - Ron);
    private const double MaxStep = 1e-4; // circuit step: 0.1 ms over a 1 Hz period

    private const string Model = """
        .model hp MEMRISTOR (kind=hp window=none ron=100 roff=16k d=10n uv=10f)
        """;

    [Fact]
    public void VoltageDrivenCurrent_FollowsTheClosedFormCharge()
    {
        const double v0 = 1.0;
        var w = 2 * Math.PI * Frequency;
        var run = NetlistSimulation.Run($"""
            hp drift, sine voltage
            VIN a 0 SIN(0 {v0} {Frequency})
            YMEMRISTOR m1 a 0 hp rinit=11k
            {Model}
            .tran 1m 1 0 {MaxStep}
            .end
            """, "i(vin)", "@m1[w]");

        const double r0 = Rinit, k = (Roff - Ron) * Kx;
        double worst = 0, peak = 0, phiMax = 0;
        for (var n = 0; n < run.Scale.Length; n++)
        {
            var t = run.Scale[n];
            var phi = v0 * (1 - Math.Cos(w * t)) / w;
            phiMax = Math.Max(phiMax, phi);
            var exact = v0 * Math.Sin(w * t) / Math.Sqrt(r0 * r0 - 2 * k * phi);
            var device = -run["i(vin)"][n]; // ngspice sign: the source current is minus the device current
            worst = Math.Max(worst, Math.Abs(device - exact));
            peak = Math.Max(peak, Math.Abs(exact));
        }
        // Inside a step the state sees the voltage linear between accepted points, so φ is the trapezoidal rule of
        // the sine: error ≤ h²/12·|V'(t) − V'(0)| ≤ h²·2V0ω/12; through i = V/√(R0² − 2kφ) the current's relative
        // error is k·δφ/(R0² − 2kφ) at most k·δφ/(R0² − 2kφ_max) (8.4e-8 here).
        var estimate = k * (MaxStep * MaxStep * 2 * v0 * w / 12) / (r0 * r0 - 2 * k * phiMax);
        var wave = run["@m1[w]"];
        output.WriteLine($"max |i − i_exact| / max|i| = {worst / peak:E3} (second-order estimate {estimate:E2}); w in [{wave.Min() * 1e9:F3}, {wave.Max() * 1e9:F3}] nm");

        // the closed form needs the state inside the film all along (no window, no clamping)
        Assert.True(wave.Min() > 0 && wave.Max() < D, $"w left (0, D): [{wave.Min():E3}, {wave.Max():E3}]");
        // allowed: 3× the leading-order estimate (covers higher-order terms, the Runge–Kutta tolerance 1e-8 and
        // Newton's last update, both invisible in the step-halving ratio)
        Assert.True(worst / peak < 3 * estimate, $"current error {worst / peak:E3} of the peak current, estimate {estimate:E2}");
    }

    [Fact]
    public void CurrentDrivenState_IsLinearInTheCharge()
    {
        const double i0 = 100e-6;
        var w = 2 * Math.PI * Frequency;
        var run = NetlistSimulation.Run($"""
            hp drift, sine current
            IIN 0 a SIN(0 {i0} {Frequency})
            YMEMRISTOR m1 a 0 hp rinit=11k
            {Model}
            .tran 1m 1 0 {MaxStep}
            .end
            """, "v(a)", "@m1[w]");

        double worstW = 0, worstV = 0, peakV = 0;
        for (var n = 0; n < run.Scale.Length; n++)
        {
            var t = run.Scale[n];
            var q = i0 * (1 - Math.Cos(w * t)) / w;
            var x = X0 + Kx * q;
            var v = (Ron * x + Roff * (1 - x)) * i0 * Math.Sin(w * t);
            worstW = Math.Max(worstW, Math.Abs(run["@m1[w]"][n] - x * D));
            worstV = Math.Max(worstV, Math.Abs(run["v(a)"][n] - v));
            peakV = Math.Max(peakV, Math.Abs(v));
        }
        var swing = Kx * 2 * i0 / w * D; // the largest excursion of w, 3.2 nm
        // The device current inside a step is v_lin/R(x), equal to the source current only at the accepted points:
        // the charge carries a trapezoidal-rule error ≈ h²/12·|Δ(dI/dt)| ≤ h²·2I0ω/12 against a swing 2I0/ω, i.e.
        // h²ω²/12 = 3.3e-8 of the swing in w (linear in q) and about as much of v = R(x)·I.
        var estimate = MaxStep * MaxStep * w * w / 12;
        output.WriteLine($"max |w − w_exact| / swing = {worstW / swing:E3}, max |v − v_exact| / max|v| = {worstV / peakV:E3} (second-order estimate {estimate:E2})");

        // allowed: 3× the leading-order estimate, as for the voltage drive (R varies by 2× over the run, which the
        // estimate's constant-R form leaves out)
        Assert.True(worstW / swing < 3 * estimate, $"w error {worstW / swing:E3} of the swing, estimate {estimate:E2}");
        Assert.True(worstV / peakV < 3 * estimate, $"v error {worstV / peakV:E3} of the peak voltage, estimate {estimate:E2}");
    }
}
