using CircuitSim.Core.Circuits;

namespace CircuitSim.Spintronics.Memristors;

/// <summary>The state equation of a reference memristor.</summary>
public enum MemristorKind
{
    /// <summary>Strukov/HP linear dopant drift: ẋ = μ_v·R_on/D²·i·f(x, i).</summary>
    Hp,
    /// <summary>VTEAM (Kvatinsky et al. 2015): threshold-voltage drift, ẇ = k·(v/v_th − 1)^a·f above the thresholds.</summary>
    Vteam,
}

/// <summary>Window functions that keep the state in [0, 1] and shape the drift near the bounds.</summary>
public enum MemristorWindow
{
    None,
    /// <summary>Joglekar: f = 1 − (2x − 1)^{2p}.</summary>
    Joglekar,
    /// <summary>Biolek: f = 1 − (x − stp(−i))^{2p}, which lets the state leave a bound it has reached.</summary>
    Biolek,
}

/// <summary>
/// Reference memristor model (.model name MEMRISTOR (...)) for crossbars and for checking against ngspice's
/// behavioural-source memristors. The state is x ∈ [0, 1] with R = R_on·x + R_off·(1 − x) (x = 1 fully ON).
/// Defaults are the canonical HP TiO2 card of docs/physics.md §6 (R_on = 100 Ω, R_off = 16 kΩ, D = 10 nm,
/// μ_v = 1e-14 m²/(V·s)) with Biolek's window, p = 1.
/// </summary>
public sealed class MemristorModel : Model
{
    public MemristorModel(string name) : base(name) { }

    [Parameter("kind", Description = "hp or vteam")] public MemristorKind Kind { get; set; } = MemristorKind.Hp;
    [Parameter("window", Description = "none, joglekar or biolek")] public MemristorWindow Window { get; set; } = MemristorWindow.Biolek;
    /// <summary>ON (fully doped) resistance, Ω.</summary>
    [Parameter("ron")] public double Ron { get; set; } = 100;
    /// <summary>OFF resistance, Ω.</summary>
    [Parameter("roff")] public double Roff { get; set; } = 16e3;
    /// <summary>Film thickness D, m (HP).</summary>
    [Parameter("d")] public double Thickness { get; set; } = 10e-9;
    /// <summary>Dopant mobility μ_v, m²/(V·s) (HP).</summary>
    [Parameter("uv", "mu")] public double Mobility { get; set; } = 1e-14;
    /// <summary>Window exponent p.</summary>
    [Parameter("p")] public double WindowExponent { get; set; } = 1;
    /// <summary>Initial state x(0) (overridden by the instance's x0 or rinit).</summary>
    [Parameter("x0")] public double? InitialState { get; set; }
    /// <summary>Initial resistance, Ω (x(0) = (R_off − R_init)/(R_off − R_on)).</summary>
    [Parameter("rinit")] public double? InitialResistance { get; set; }
    /// <summary>VTEAM OFF/ON drift rates, m/s (k_on &lt; 0).</summary>
    [Parameter("koff")] public double KOff { get; set; } = 1e-3;
    [Parameter("kon")] public double KOn { get; set; } = -1e-3;
    /// <summary>VTEAM exponents.</summary>
    [Parameter("aoff")] public double AlphaOff { get; set; } = 3;
    [Parameter("aon")] public double AlphaOn { get; set; } = 3;
    /// <summary>VTEAM threshold voltages, V (v_off &gt; 0 &gt; v_on).</summary>
    [Parameter("voff")] public double VOff { get; set; } = 0.3;
    [Parameter("von")] public double VOn { get; set; } = -0.3;
    /// <summary>VTEAM state bounds w_on &lt; w_off, m.</summary>
    [Parameter("won")] public double WOn { get; set; }
    [Parameter("woff")] public double WOff { get; set; } = 3e-9;
    /// <summary>Largest change of x per circuit step; larger changes make the step be redone smaller.</summary>
    [Parameter("dxmax")] public double MaxStateChange { get; set; } = 0.02;
    /// <summary>Relative tolerance of the state integration.</summary>
    [Parameter("reltol")] public double RelativeTolerance { get; set; } = 1e-8;
}
