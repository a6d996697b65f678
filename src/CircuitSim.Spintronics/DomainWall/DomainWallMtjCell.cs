using CircuitSim.Crossbars;
using CircuitSim.Crossbars.Devices;
using CircuitSim.Netlist.Semantics;

namespace CircuitSim.Spintronics.DomainWall;

/// <summary>
/// A <c>YDWMTJ</c> cross-point (free layer on the row). At low bias G = f·G_P + (1 − f)·G_AP with f = q/L the parallel
/// fraction of the track, so a conductance g is a wall at q = L·(g − G_AP)/(G_P − G_AP) (<c>state=wall q0=…</c>), or a
/// uniform state at the ends of the range. With variability each instance also gets its own pinning landscape
/// (<c>pinseed</c>), drawn from the variability seed.
/// </summary>
public sealed class DomainWallMtjCell : CellDevice
{
    /// <summary>The Lequeux et al. (2016) FeB track: models/dwmtj_lequeux2016.lib, section lequeux.</summary>
    public const string LequeuxCard = """
        .model lequeux DWMTJ (l=1u w=100n tf=2.2n ms=1.05e6 alpha=0.005 delta=16.6n hk_oe=30 hz=0
        + eta=0.422 zeta=0.3 rp=36 tmr=0.95 vh=0.5
        + xc=100n hc_oe=15 hcspread=0.3 nsites=18 pinseed=1 jnuc=3e10 xnuc=20n)
        """;

    /// <summary>Walls closer than this fraction of the track to an end are written as the uniform state.</summary>
    private const double EndFraction = 1e-3;

    private readonly DomainWallMtjModel _model;

    public DomainWallMtjCell(ModelCard card)
    {
        Card = card;
        _model = card.Model as DomainWallMtjModel
                 ?? throw new CrossbarInputException($"model '{card.Name}' is not a DWMTJ model (a ydwmtj array needs one)");
    }

    /// <param name="devices">The device types that read the card (they must know the DWMTJ model type).</param>
    public static DomainWallMtjCell Lequeux(DeviceRegistry devices) =>
        new(ModelCard.Inline("lequeux", "* FeB domain-wall MTJ of Lequeux et al. 2016 (models/dwmtj_lequeux2016.lib, section lequeux)\n" + LequeuxCard, devices));

    public override string TypeName => "YDWMTJ";
    public override string NamePrefix => "w";
    public override ModelCard Card { get; }

    /// <summary>A wall moves at several mA: the 1T1R access transistor is 50 µm wide unless given.</summary>
    public override double DefaultAccessWidth => 50e-6;

    private double Gp => 1 / _model.ParallelResistance;
    private double Gap => Gp / (1 + _model.Tmr0);

    public override (double Min, double Max) DefaultRange => (Gap, Gp);

    public override double Realize(double g) => Math.Clamp(g, Gap, Gp);

    /// <summary>The parallel fraction q/L of a wall giving conductance <paramref name="g"/> at low bias.</summary>
    public double ParallelFraction(double g) => Math.Clamp((g - Gap) / (Gp - Gap), 0, 1);

    public override string ElementLine(string name, string plus, string minus, double g, int index, int? variabilitySeed)
    {
        var f = ParallelFraction(g);
        var state = f <= EndFraction ? "state=ap" : f >= 1 - EndFraction ? "state=p" : $"state=wall q0={SpiceText.Num(f * _model.Length, 8)}";
        var seed = variabilitySeed is { } s ? $" pinseed={InstanceSeed(s, index)}" : "";
        return $"YDWMTJ {name} {plus} {minus} {Card.Name} {state}{seed}";
    }

    /// <summary>A per-instance seed from the variability seed (SplitMix64-style mixing keeps neighbours unrelated).</summary>
    internal static long InstanceSeed(int seed, int index)
    {
        var z = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL + (ulong)index + 1;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (long)((z ^ (z >> 31)) % 2_000_000_000UL) + 1;
    }

    public override string Describe() =>
        $"YDWMTJ '{Card.Name}' (R_P {SpiceText.Num(_model.ParallelResistance, 4)} Ohm, TMR {SpiceText.Num(100 * _model.Tmr0, 3)} %, track {SpiceText.Num(_model.Length * 1e9, 4)} nm)";
}
