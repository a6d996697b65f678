using System.Collections.Concurrent;
using System.Globalization;
using CircuitSim.Core.Circuits;

namespace CircuitSim.Devices.Semiconductors.Bsim4;

/// <summary>
/// A BSIM4 model card (<c>.model name nmos|pmos level=14|54 …</c>): the BSIM4 4.8 equations of the UC Berkeley BSIM
/// group, as ngspice 39 evaluates them (BSIM4 4.8.2). Every parameter name BSIM4 defines is accepted with BSIM4's
/// default; cards written for versions 4.5 to 4.8 (<c>version=4.5</c> … <c>4.8.2</c>) are evaluated with the 4.8
/// equations, other versions are refused. Options whose physics is not implemented — gate resistance networks
/// (<c>rgatemod</c> &gt; 0), body resistance networks (<c>rbodymod</c> &gt; 0), non-quasi-static charge (<c>trnqsmod</c>,
/// <c>acnqsmod</c>) and the high-k material model (<c>mtrlmod</c> = 1) — are refused when set; noise, resistance-network
/// and SOA parameters are accepted and not used (see <see cref="UnusedGivenParameters"/>). The card answers parameter
/// lookups from its own table (<see cref="Bsim4ParameterTable"/>) rather than from reflection.
/// </summary>
public sealed class Bsim4Model : Model
{
    private readonly double[] _values = new double[Bsim4ParameterTable.Count];
    private readonly bool[] _given = new bool[Bsim4ParameterTable.Count];
    private readonly ConcurrentDictionary<double, Bsim4Card> _cards = new();
    private readonly ConcurrentDictionary<(Bsim4Card, double), Bsim4Temperature> _temperatures = new();
    private readonly ConcurrentDictionary<(Bsim4Temperature, double, double, double), Bsim4SizeParameters> _sizes = new();

    public Bsim4Model(string name, MosfetType type) : base(name) => Type = type;

    /// <summary>Channel polarity.</summary>
    public MosfetType Type { get; }

    /// <summary>The SPICE level the card was written with: 54 (ngspice's BSIM4 number) or 14.</summary>
    public int Level { get; private set; } = 54;

    /// <summary>The version the card states (text as written), or null when it states none.</summary>
    public string? Version { get; private set; }

    /// <summary>The model selectors CircuitSim refuses when they are switched on, with what they would model.</summary>
    private static readonly (string Name, string What)[] Unsupported =
    {
        ("rgatemod", "the gate electrode resistance network"),
        ("rbodymod", "the substrate resistance network"),
        ("trnqsmod", "the transient non-quasi-static charge model"),
        ("acnqsmod", "the small-signal non-quasi-static model"),
        ("mtrlmod", "the high-k/metal-gate material model"),
    };

    /// <summary>The noise model selectors and the one value of each CircuitSim accepts (BSIM4's default): there is no
    /// noise analysis, so a card may state the default, but asking for another noise model is refused.</summary>
    private static readonly (string Name, int Default)[] NoiseSelectors = { ("fnoimod", 1), ("tnoimod", 0) };

    /// <summary>Range of each model selector BSIM4 4.8 defines (BINUNIT is not one: 1 selects µm, any other value m).</summary>
    private static readonly (string Name, int Max)[] SelectorRanges =
    {
        ("cvchargemod", 1), ("capmod", 2), ("diomod", 2), ("rdsmod", 1), ("mobmod", 6), ("permod", 1), ("geomod", 10),
        ("rgeomod", 1), ("fnoimod", 1), ("tnoimod", 2), ("mtrlcompatmod", 1), ("igcmod", 2), ("igbmod", 1),
        ("tempmod", 3), ("gidlmod", 1), ("paramchk", 1), ("wpemod", 1),
    };

    /// <summary>
    /// Parameters BSIM4 defines that CircuitSim's equations do not use: noise (there is no noise analysis), the gate and
    /// body resistance networks (refused when switched on), the safe-operating-area limits and the high-k inputs.
    /// </summary>
    private static readonly HashSet<string> NotModelled = new(StringComparer.OrdinalIgnoreCase)
    {
        "fnoimod", "tnoimod", "noia", "noib", "noic", "tnoia", "tnoib", "tnoic", "rnoia", "rnoib", "rnoic", "ntnoi",
        "lintnoi", "em", "ef", "af", "kf", "idovvds",
        "rshg", "xgw", "xgl", "ngcon", "xrcrg1", "xrcrg2", "lxrcrg1", "lxrcrg2", "wxrcrg1", "wxrcrg2", "pxrcrg1", "pxrcrg2",
        "gbmin", "rbdb", "rbpb", "rbsb", "rbps", "rbpd", "rbps0", "rbpsl", "rbpsw", "rbpsnf", "rbpd0", "rbpdl", "rbpdw",
        "rbpdnf", "rbpbx0", "rbpbxl", "rbpbxw", "rbpbxnf", "rbpby0", "rbpbyl", "rbpbyw", "rbpbynf", "rbsbx0", "rbsby0",
        "rbdbx0", "rbdby0", "rbsdbxl", "rbsdbxw", "rbsdbxnf", "rbsdbyl", "rbsdbyw", "rbsdbynf",
        "vgs_max", "vgd_max", "vgb_max", "vds_max", "vbs_max", "vbd_max", "vgsr_max", "vgdr_max", "vgbr_max", "vbsr_max",
        "vbdr_max",
        "eot", "vddeot", "tempeot", "leffeot", "weffeot", "phig", "epsrgate", "easub", "epsrsub", "ni0sub", "bg0sub",
        "tbgasub", "tbgbsub", "mtrlcompatmod",
    };

    /// <summary>BSIM4 takes NDEP, NSD and NGATE in cm⁻³ and reads a value above 1e20 (NDEP) or 1e23 (NSD, NGATE) as
    /// m⁻³, converting it when the card is read (the L/W/P terms are not converted).</summary>
    private static double DopingInPerCubicCentimetre(string name, double value) => name switch
    {
        "ndep" when value > 1.0e20 => value * 1.0e-6,
        "nsd" or "ngate" when value > 1.0e23 => value * 1.0e-6,
        _ => value,
    };

    public override bool TrySetParameter(string name, object value)
    {
        if (string.Equals(name, "level", StringComparison.OrdinalIgnoreCase))
        {
            var level = ToDouble(value, name);
            if (level is not (14 or 54))
                throw new ArgumentException($"level={Format(level)} is not BSIM4 (BSIM4 cards are level=54 or level=14)");
            Level = (int)level;
            return true;
        }
        var index = Bsim4ParameterTable.IndexOf(name);
        if (index < 0) return false;
        switch (Bsim4ParameterTable.KindOf(index))
        {
            case Bsim4ParameterKind.Text:
                Version = CheckVersion(value.ToString() ?? "");
                break;
            case Bsim4ParameterKind.Integer:
                var selector = (int)ToDouble(value, name);
                CheckSelector(Bsim4ParameterTable.NameOf(index), selector);
                _values[index] = selector;
                break;
            default:
                _values[index] = DopingInPerCubicCentimetre(Bsim4ParameterTable.NameOf(index), ToDouble(value, name));
                break;
        }
        _given[index] = true;
        _cards.Clear();
        _temperatures.Clear();
        _sizes.Clear();
        return true;
    }

    public override Type? ParameterType(string name)
    {
        if (string.Equals(name, "level", StringComparison.OrdinalIgnoreCase)) return typeof(int);
        var index = Bsim4ParameterTable.IndexOf(name);
        if (index < 0) return null;
        return Bsim4ParameterTable.KindOf(index) switch
        {
            Bsim4ParameterKind.Text => typeof(string),
            Bsim4ParameterKind.Integer => typeof(int),
            _ => typeof(double),
        };
    }

    public override IReadOnlyList<string> ParameterNames => Bsim4ParameterTable.Names;

    /// <summary>True when the card sets the parameter.</summary>
    public bool IsGiven(string name) => _given[Bsim4ParameterTable.Require(name)];

    /// <summary>The value the card gives a parameter (its default when the card does not give it; NaN for defaults
    /// BSIM4 derives from other parameters — see <see cref="EffectiveValue"/>).</summary>
    public double GivenValue(string name)
    {
        var i = Bsim4ParameterTable.Require(name);
        return _given[i] ? _values[i] : Bsim4ParameterTable.DefaultOf(i);
    }

    /// <summary>The value the equations use after BSIM4's defaulting, at nominal temperature
    /// <paramref name="nominalKelvin"/> (the default TNOM).</summary>
    public double EffectiveValue(string name, double nominalKelvin = 300.15) =>
        CardAt(nominalKelvin).Values[Bsim4ParameterTable.Require(name)];

    /// <summary>The parameters the card gives that CircuitSim's equations do not use (for one warning per card).</summary>
    public IReadOnlyList<string> UnusedGivenParameters()
    {
        var list = new List<string>();
        for (var i = 0; i < _given.Length; i++)
            if (_given[i] && NotModelled.Contains(Bsim4ParameterTable.NameOf(i))) list.Add(Bsim4ParameterTable.NameOf(i));
        return list;
    }

    internal bool Given(int index) => _given[index];

    internal double Raw(int index) => _values[index];

    /// <summary>The defaulted card for a circuit whose nominal temperature is <paramref name="nominalKelvin"/>.</summary>
    internal Bsim4Card CardAt(double nominalKelvin) => _cards.GetOrAdd(nominalKelvin, t => new Bsim4Card(this, t));

    /// <summary>The card's temperature-dependent model quantities at <paramref name="kelvin"/> (shared by instances).</summary>
    internal Bsim4Temperature TemperatureAt(Bsim4Card card, double kelvin) =>
        _temperatures.GetOrAdd((card, kelvin), k => new Bsim4Temperature(k.Item1, k.Item2));

    /// <summary>The size-dependent parameters of a drawn geometry at a temperature (shared by instances of that size).</summary>
    /// <exception cref="Core.Simulations.CircuitException">The geometry is too small for the card.</exception>
    internal Bsim4SizeParameters SizeAt(Bsim4Card card, Bsim4Temperature t, double length, double width, double fingers, string instance) =>
        _sizes.GetOrAdd((t, length, width, fingers), k => new Bsim4SizeParameters(card, k.Item1, k.Item2, k.Item3, k.Item4, instance));

    private static string CheckVersion(string text)
    {
        var v = text.Trim();
        // 4.5, 4.5.0 … 4.8, 4.8.2 and the "4.80" spelling BSIM4's own checker accepts
        var ok = v.Length >= 3 && v[0] == '4' && v[1] == '.' && v[2] is >= '5' and <= '8'
                 && (v.Length == 3 || v[3] == '.' || (v.Length == 4 && v[3] == '0'));
        if (!ok)
            throw new ArgumentException($"BSIM4 version '{v}' is not supported: CircuitSim evaluates cards written for " +
                                        "versions 4.5 to 4.8 with the BSIM4 4.8 equations; set version=4.8 (or remove it) if the card fits 4.8");
        return v;
    }

    private static void CheckSelector(string name, int value)
    {
        foreach (var (n, what) in Unsupported)
            if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase) && value != 0)
                throw new ArgumentException($"{name}={value} ({what}) is not supported by CircuitSim's BSIM4; remove it or set {name}=0");
        foreach (var (n, standard) in NoiseSelectors)
            if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase) && value != standard)
                throw new ArgumentException($"{name}={value} selects a noise model, and CircuitSim has no noise analysis; " +
                                            $"remove it or set {name}={standard} (BSIM4's default)");
        foreach (var (n, max) in SelectorRanges)
            if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase) && (value < 0 || value > max))
                throw new ArgumentException($"{name}={value} is not a BSIM4 4.8 choice (0 to {max})");
    }

    private static double ToDouble(object value, string name) => value switch
    {
        double d => d,
        int i => i,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => throw new ArgumentException($"parameter '{name}' expects a number, got '{value}'"),
    };

    private static string Format(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
