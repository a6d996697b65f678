namespace CircuitSim.Devices.Semiconductors.Bsim4;

/// <summary>
/// A BSIM4 card after BSIM4's defaulting (BSIM4 4.8's setup and the temperature-independent part of its model
/// preprocessing): every parameter has a value, the ones BSIM4 derives from others included (TOXP and TOXM from TOXE,
/// DSUB from DROUT, the drain junction from the source junction, GISL from GIDL, the overlap capacitances from DLC or
/// XJ, …), and the clamps BSIM4 applies to out-of-range junction parameters are applied. Built once per model and
/// nominal temperature; read only afterwards.
/// </summary>
internal sealed class Bsim4Card
{
    /// <summary>ε0 and π with BSIM4's own values (its defaults are computed with these).</summary>
    public const double Eps0 = 8.85418e-12, Pi = 3.141592654;

    private readonly bool[] _given;

    public Bsim4Card(Bsim4Model model, double nominalKelvin)
    {
        Model = model;
        Type = (int)model.Type;
        var n = Bsim4ParameterTable.Count;
        Values = new double[n];
        _given = new bool[n];
        for (var i = 0; i < n; i++)
        {
            _given[i] = model.Given(i);
            Values[i] = _given[i] ? model.Raw(i) : Bsim4ParameterTable.DefaultOf(i);
        }
        ApplySetupDefaults(nominalKelvin);
        ApplyOxideAndOverlaps();
        ApplyClamps();

        MobMod = Int("mobmod");
        CapMod = Int("capmod");
        RdsMod = Int("rdsmod");
        IgcMod = Int("igcmod");
        IgbMod = Int("igbmod");
        TempMod = Int("tempmod");
        GidlMod = Int("gidlmod");
        DioMod = Int("diomod");
        CvChargeMod = Int("cvchargemod");
        ParamChk = Int("paramchk") != 0;
        Tnom = this["tnom"];
    }

    public Bsim4Model Model { get; }

    /// <summary>+1 for NMOS, −1 for PMOS.</summary>
    public int Type { get; }

    /// <summary>Every parameter's value, indexed by <see cref="Bsim4ParameterTable"/>.</summary>
    public double[] Values { get; }

    public int MobMod { get; }
    public int CapMod { get; }
    public int RdsMod { get; }
    public int IgcMod { get; }
    public int IgbMod { get; }
    public int TempMod { get; }
    public int GidlMod { get; }
    public int DioMod { get; }
    public int CvChargeMod { get; }
    public bool ParamChk { get; }

    /// <summary>Nominal temperature of the card, K.</summary>
    public double Tnom { get; }

    /// <summary>Oxide capacitances per area from TOXE and TOXP, F/m².</summary>
    public double Coxe { get; private set; }
    public double Coxp { get; private set; }

    public double this[string name]
    {
        get => Values[Bsim4ParameterTable.Require(name)];
        private set => Values[Bsim4ParameterTable.Require(name)] = value;
    }

    public bool Given(string name) => _given[Bsim4ParameterTable.Require(name)];

    public int Int(string name) => (int)this[name];

    private void Default(string name, double value)
    {
        if (!Given(name)) this[name] = value;
    }

    private void DefaultFrom(string name, string source)
    {
        if (!Given(name)) this[name] = this[source];
    }

    /// <summary>The defaults BSIM4's setup gives when the card is silent, in BSIM4's order (later ones read earlier ones).</summary>
    private void ApplySetupDefaults(double nominalKelvin)
    {
        var nmos = Type > 0;
        var mobMod = Int("mobmod");
        Default("vddeot", nmos ? 1.5 : -1.5);
        DefaultFrom("toxp", "toxe");
        DefaultFrom("toxm", "toxe");
        Default("vth0", nmos ? 0.7 : -0.7);
        Default("eu", nmos ? 1.67 : 1.0);
        Default("ucs", nmos ? 1.67 : 1.0);
        Default("ua", mobMod == 2 ? 1.0e-15 : 1.0e-9);
        Default("uc", mobMod == 1 ? -0.0465 : -0.0465e-9);
        Default("uc1", mobMod == 1 ? -0.056 : -0.056e-9);
        Default("u0", nmos ? 0.067 : 0.025);
        DefaultFrom("dsub", "drout");

        foreach (var prefix in new[] { "", "l", "w", "p" })
            foreach (var q in new[] { "a", "b", "c", "e", "r", "k", "f" })
                DefaultFrom(prefix + q + "gisl", prefix + q + "gidl");

        Default("aigc", nmos ? 1.36e-2 : 9.80e-3);
        Default("bigc", nmos ? 1.71e-3 : 7.59e-4);
        Default("cigc", nmos ? 0.075 : 0.03);
        SourceDrainTunnelling("aig", nmos ? 1.36e-2 : 9.80e-3);
        SourceDrainTunnelling("big", nmos ? 1.71e-3 : 7.59e-4);
        SourceDrainTunnelling("cig", nmos ? 0.075 : 0.03);

        DefaultFrom("ijthdfwd", "ijthsfwd");
        DefaultFrom("ijthdrev", "ijthsrev");
        DefaultFrom("xjbvd", "xjbvs");
        DefaultFrom("bvd", "bvs");
        DefaultFrom("ckappad", "ckappas");
        DefaultFrom("dmci", "dmcg");

        // TNOM is written in °C; BSIM4 works in kelvin
        this["tnom"] = Given("tnom") ? this["tnom"] + 273.15 : nominalKelvin;
        DefaultFrom("llc", "ll");
        DefaultFrom("lwc", "lw");
        DefaultFrom("lwlc", "lwl");
        DefaultFrom("wlc", "wl");
        DefaultFrom("wwc", "ww");
        DefaultFrom("wwlc", "wwl");
        DefaultFrom("dwc", "wint");
        DefaultFrom("dlc", "lint");
        DefaultFrom("dlcig", "lint");
        DefaultFrom("dlcigd", Given("dlcig") ? "dlcig" : "lint");
        DefaultFrom("dwj", "dwc");
        Default("cf", 2.0 * this["epsrox"] * Eps0 / Pi * Math.Log(1.0 + 0.4e-6 / this["toxe"]));

        // the drain junction defaults to the source junction, the gate-edge sidewall to the isolation-edge sidewall
        foreach (var (drain, source) in new[]
                 {
                     ("cjd", "cjs"), ("cjswd", "cjsws"), ("cjswgs", "cjsws"), ("cjswgd", "cjswgs"),
                     ("jsd", "jss"), ("jswd", "jsws"), ("jswgd", "jswgs"),
                     ("pbd", "pbs"), ("pbswd", "pbsws"), ("pbswgs", "pbsws"), ("pbswgd", "pbswgs"),
                     ("mjd", "mjs"), ("mjswd", "mjsws"), ("mjswgs", "mjsws"), ("mjswgd", "mjswgs"),
                     ("njd", "njs"), ("xtid", "xtis"),
                     ("jtsd", "jtss"), ("jtsswd", "jtssws"), ("jtsswgd", "jtsswgs"),
                     ("njtsd", "njts"), ("njtsswd", "njtssw"), ("njtsswgd", "njtsswg"),
                     ("xtsd", "xtss"), ("xtsswd", "xtssws"), ("xtsswgd", "xtsswgs"),
                     ("tnjtsd", "tnjts"), ("tnjtsswd", "tnjtssw"), ("tnjtsswgd", "tnjtsswg"),
                     ("vtsd", "vtss"), ("vtsswd", "vtssws"), ("vtsswgd", "vtsswgs"),
                 })
            DefaultFrom(drain, source);

        Default("noia", nmos ? 6.25e41 : 6.188e40);
        Default("noib", nmos ? 3.125e26 : 1.5e25);
    }

    /// <summary>
    /// AIGS/AIGD (and B, C): AIGSD sets both when given; otherwise each takes its own value or the polarity's default.
    /// Their L/W/P coefficients follow AIGSD's unless the card gives AIGS or AIGD without AIGSD.
    /// </summary>
    private void SourceDrainTunnelling(string stem, double polarityDefault)
    {
        string sd = stem + "sd", s = stem + "s", d = stem + "d";
        if (Given(sd)) this[s] = this[d] = this[sd];
        else
        {
            this[sd] = polarityDefault;
            Default(s, polarityDefault);
            Default(d, polarityDefault);
        }
        var separate = !Given(sd) && (Given(s) || Given(d));
        foreach (var prefix in new[] { "l", "w", "p" })
        {
            if (separate) continue; // given coefficients stand, the others default to 0
            this[prefix + s] = this[prefix + d] = this[prefix + sd];
        }
    }

    /// <summary>TOXE/TOXP/DTOX consistency, the oxide capacitances and the default overlap capacitances (BSIM4's
    /// model preprocessing for MTRLMOD = 0).</summary>
    private void ApplyOxideAndOverlaps()
    {
        if (Given("toxe") && Given("toxp") && Given("dtox")) { } // dtox ignored, as BSIM4 warns
        else if (Given("toxe") && !Given("toxp")) this["toxp"] = this["toxe"] - this["dtox"];
        else if (!Given("toxe") && Given("toxp"))
        {
            this["toxe"] = this["toxp"] + this["dtox"];
            if (!Given("toxm")) this["toxm"] = this["toxe"];
        }
        Coxe = this["epsrox"] * Eps0 / this["toxe"];
        Coxp = this["epsrox"] * Eps0 / this["toxp"];
        var dlc = this["dlc"];
        var fromDlc = Given("dlc") && dlc > 0.0;
        Default("cgdo", fromDlc ? dlc * Coxe - this["cgdl"] : 0.6 * this["xj"] * Coxe);
        Default("cgso", fromDlc ? dlc * Coxe - this["cgsl"] : 0.6 * this["xj"] * Coxe);
        Default("cgbo", 2.0 * this["dwc"] * Coxe);
    }

    /// <summary>The corrections BSIM4 makes to junction and overlap parameters it cannot use as given.</summary>
    private void ApplyClamps()
    {
        foreach (var pb in new[] { "pbs", "pbsws", "pbswgs", "pbd", "pbswd", "pbswgd" })
            if (this[pb] < 0.1) this[pb] = 0.1;
        foreach (var ijth in new[] { "ijthdfwd", "ijthsfwd", "ijthdrev", "ijthsrev" })
            if (this[ijth] <= 0.0) this[ijth] = 0.0;
        var dioMod = Int("diomod");
        foreach (var xjbv in new[] { "xjbvd", "xjbvs" })
            if ((this[xjbv] <= 0.0 && dioMod == 2) || (this[xjbv] < 0.0 && dioMod == 0)) this[xjbv] = 0.0;
        foreach (var bv in new[] { "bvd", "bvs" })
            if (this[bv] <= 0.0) this[bv] = 0.0;
        foreach (var cjsw in new[] { "cjsws", "cjswd" })
            if (this[cjsw] < 0.0) this[cjsw] = 0.0;
        if (Int("paramchk") == 0) return;
        foreach (var c in new[] { "cgdo", "cgso", "cgbo" })
            if (this[c] < 0.0) this[c] = 0.0;
        foreach (var nj in new[] { "njs", "njd" })
            if (this[nj] < 0.1) this[nj] = 0.1;
        foreach (var mj in new[] { "mjs", "mjsws", "mjswgs", "mjd", "mjswd", "mjswgd" })
            if (this[mj] >= 0.99) this[mj] = 0.99;
        if (Int("wpemod") == 1 && this["scref"] <= 0.0) this["scref"] = 1e-6;
    }
}
