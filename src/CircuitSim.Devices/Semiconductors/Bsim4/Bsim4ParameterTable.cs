namespace CircuitSim.Devices.Semiconductors.Bsim4;

/// <summary>How a BSIM4 model parameter is written on a card.</summary>
internal enum Bsim4ParameterKind { Real, Integer, Text }

/// <summary>
/// Every model parameter name BSIM4 4.8 defines (the names ngspice 39 accepts on a level 14/54 card), with its kind and
/// the default BSIM4 gives it when the card does not. Values live in one <c>double[]</c> per card, indexed here:
/// first the parameters that are not binned, then the binned base values, then their L, W and P coefficients, so a
/// binned parameter's four coefficients are <see cref="BinnedCount"/> apart. Defaults marked <see cref="Derived"/> are
/// computed from other parameters (TOXP from TOXE, DSUB from DROUT, the drain junction from the source junction, …) by
/// <see cref="Bsim4Card"/>; the L/W/P coefficients default to zero. A plain table, no reflection: the model answers
/// parameter lookups itself.
/// </summary>
internal static class Bsim4ParameterTable
{
    /// <summary>Marks a default BSIM4 derives from other parameters.</summary>
    public const double Derived = double.NaN;

    private const Bsim4ParameterKind R = Bsim4ParameterKind.Real, I = Bsim4ParameterKind.Integer, T = Bsim4ParameterKind.Text;

    /// <summary>Parameters without L/W/P size dependence: selectors, geometry, junctions, layout, noise, SOA limits.</summary>
    private static readonly (string Name, Bsim4ParameterKind Kind, double Default)[] Unbinned =
    {
        ("cvchargemod", I, 0), ("capmod", I, 2), ("diomod", I, 1), ("rdsmod", I, 0), ("trnqsmod", I, 0),
        ("acnqsmod", I, 0), ("mobmod", I, 0), ("rbodymod", I, 0), ("rgatemod", I, 0), ("permod", I, 1),
        ("geomod", I, 0), ("rgeomod", I, 0), ("fnoimod", I, 1), ("tnoimod", I, 0), ("mtrlmod", I, 0),
        ("mtrlcompatmod", I, 0), ("igcmod", I, 0), ("igbmod", I, 0), ("tempmod", I, 0), ("gidlmod", I, 0),
        ("paramchk", I, 1), ("binunit", I, 1), ("version", T, Derived), ("eot", R, 1.5e-09), ("vddeot", R, Derived),
        ("tempeot", R, 300.15), ("leffeot", R, 1), ("weffeot", R, 10), ("ados", R, 1), ("bdos", R, 1),
        ("toxe", R, 3e-09), ("toxp", R, Derived), ("toxm", R, Derived), ("toxref", R, 3e-09), ("dtox", R, 0),
        ("epsrox", R, 3.9), ("phig", R, 4.05), ("epsrgate", R, 11.7), ("easub", R, 4.05), ("epsrsub", R, 11.7),
        ("ni0sub", R, 1.45e10), ("bg0sub", R, 1.16), ("tbgasub", R, 0.000702), ("tbgbsub", R, 1108), ("voffl", R, 0),
        ("voffcvl", R, 0), ("tnom", R, Derived), ("cgso", R, Derived), ("cgdo", R, Derived), ("cgbo", R, Derived),
        ("xpart", R, 0), ("rsh", R, 0), ("rdswmin", R, 0), ("rdwmin", R, 0), ("rswmin", R, 0), ("pditsl", R, 0),
        ("jss", R, 0.0001), ("jsws", R, 0), ("jswgs", R, 0), ("pbs", R, 1), ("njs", R, 1), ("xtis", R, 3),
        ("mjs", R, 0.5), ("pbsws", R, 1), ("mjsws", R, 0.33), ("pbswgs", R, Derived), ("mjswgs", R, Derived),
        ("cjs", R, 0.0005), ("cjsws", R, 5e-10), ("cjswgs", R, Derived), ("jsd", R, Derived), ("jswd", R, Derived),
        ("jswgd", R, Derived), ("pbd", R, Derived), ("njd", R, Derived), ("xtid", R, Derived), ("mjd", R, Derived),
        ("pbswd", R, Derived), ("mjswd", R, Derived), ("pbswgd", R, Derived), ("mjswgd", R, Derived),
        ("cjd", R, Derived), ("cjswd", R, Derived), ("cjswgd", R, Derived), ("tpb", R, 0), ("tcj", R, 0),
        ("tpbsw", R, 0), ("tcjsw", R, 0), ("tpbswg", R, 0), ("tcjswg", R, 0), ("dmcg", R, 0), ("dmci", R, Derived),
        ("dmdg", R, 0), ("dmcgt", R, 0), ("xgw", R, 0), ("xgl", R, 0), ("rshg", R, 0.1), ("ngcon", R, 1),
        ("lc", R, 5e-09), ("lintnoi", R, 0), ("lint", R, 0), ("ll", R, 0), ("llc", R, Derived), ("lln", R, 1),
        ("lw", R, 0), ("lwc", R, Derived), ("lwn", R, 1), ("lwl", R, 0), ("lwlc", R, Derived), ("lmin", R, 0),
        ("lmax", R, 1), ("wint", R, 0), ("wl", R, 0), ("wlc", R, Derived), ("wln", R, 1), ("ww", R, 0),
        ("wwc", R, Derived), ("wwn", R, 1), ("wwl", R, 0), ("wwlc", R, Derived), ("wmin", R, 0), ("wmax", R, 1),
        ("dwc", R, Derived), ("dlc", R, Derived), ("xw", R, 0), ("xl", R, 0), ("dlcig", R, Derived),
        ("dlcigd", R, Derived), ("dwj", R, Derived), ("ijthdfwd", R, Derived), ("ijthsfwd", R, 0.1),
        ("ijthdrev", R, Derived), ("ijthsrev", R, 0.1), ("xjbvd", R, Derived), ("xjbvs", R, 1), ("bvd", R, Derived),
        ("bvs", R, 10), ("jtss", R, 0), ("jtsd", R, Derived), ("jtssws", R, 0), ("jtsswd", R, Derived),
        ("jtsswgs", R, 0), ("jtsswgd", R, Derived), ("jtweff", R, 0), ("njts", R, 20), ("njtssw", R, 20),
        ("njtsswg", R, 20), ("njtsd", R, Derived), ("njtsswd", R, Derived), ("njtsswgd", R, Derived),
        ("xtss", R, 0.02), ("xtsd", R, Derived), ("xtssws", R, 0.02), ("xtsswd", R, Derived), ("xtsswgs", R, 0.02),
        ("xtsswgd", R, Derived), ("tnjts", R, 0), ("tnjtssw", R, 0), ("tnjtsswg", R, 0), ("tnjtsd", R, Derived),
        ("tnjtsswd", R, Derived), ("tnjtsswgd", R, Derived), ("vtss", R, 10), ("vtsd", R, Derived), ("vtssws", R, 10),
        ("vtsswd", R, Derived), ("vtsswgs", R, 10), ("vtsswgd", R, Derived), ("gbmin", R, 1e-12), ("rbdb", R, 50),
        ("rbpb", R, 50), ("rbsb", R, 50), ("rbps", R, 50), ("rbpd", R, 50), ("rbps0", R, 50), ("rbpsl", R, 0),
        ("rbpsw", R, 0), ("rbpsnf", R, 0), ("rbpd0", R, 50), ("rbpdl", R, 0), ("rbpdw", R, 0), ("rbpdnf", R, 0),
        ("rbpbx0", R, 100), ("rbpbxl", R, 0), ("rbpbxw", R, 0), ("rbpbxnf", R, 0), ("rbpby0", R, 100),
        ("rbpbyl", R, 0), ("rbpbyw", R, 0), ("rbpbynf", R, 0), ("rbsbx0", R, 100), ("rbsby0", R, 100),
        ("rbdbx0", R, 100), ("rbdby0", R, 100), ("rbsdbxl", R, 0), ("rbsdbxw", R, 0), ("rbsdbxnf", R, 0),
        ("rbsdbyl", R, 0), ("rbsdbyw", R, 0), ("rbsdbynf", R, 0), ("saref", R, 1e-06), ("sbref", R, 1e-06),
        ("wlod", R, 0), ("ku0", R, 0), ("kvsat", R, 0), ("kvth0", R, 0), ("tku0", R, 0), ("llodku0", R, 0),
        ("wlodku0", R, 0), ("llodvth", R, 0), ("wlodvth", R, 0), ("lku0", R, 0), ("wku0", R, 0), ("pku0", R, 0),
        ("lkvth0", R, 0), ("wkvth0", R, 0), ("pkvth0", R, 0), ("stk2", R, 0), ("lodk2", R, 1), ("steta0", R, 0),
        ("lodeta0", R, 1), ("web", R, 0), ("wec", R, 0), ("scref", R, 1e-06), ("wpemod", I, 0), ("noia", R, Derived),
        ("noib", R, Derived), ("noic", R, 8.75e09), ("tnoia", R, 1.5), ("tnoib", R, 3.5), ("tnoic", R, 0),
        ("rnoia", R, 0.577), ("rnoib", R, 0.5164), ("rnoic", R, 0.395), ("gidlclamp", R, -1e-05),
        ("idovvds", R, 1e-09), ("ntnoi", R, 1), ("em", R, 4.1e07), ("ef", R, 1), ("af", R, 1), ("kf", R, 0),
        ("vgs_max", R, 1e99), ("vgd_max", R, 1e99), ("vgb_max", R, 1e99), ("vds_max", R, 1e99), ("vbs_max", R, 1e99),
        ("vbd_max", R, 1e99), ("vgsr_max", R, 1e99), ("vgdr_max", R, 1e99), ("vgbr_max", R, 1e99),
        ("vbsr_max", R, 1e99), ("vbdr_max", R, 1e99),
    };

    /// <summary>Parameters binned as P = P0 + PL/Leff + PW/Weff + PP/(Leff·Weff) (BINUNIT = 1: lengths in µm).</summary>
    private static readonly (string Name, double Default)[] BinnedBase =
    {
        ("cdsc", 0.00024), ("cdscb", 0), ("cdscd", 0), ("cit", 0), ("nfactor", 1), ("xj", 1.5e-07), ("vsat", 80000),
        ("at", 33000), ("a0", 1), ("ags", 0), ("a1", 0), ("a2", 1), ("keta", -0.047), ("nsub", 6e16),
        ("ndep", 1.7e17), ("nsd", 1e20), ("phin", 0), ("ngate", 0), ("gamma1", 0), ("gamma2", 0), ("vbx", 0),
        ("vbm", -3), ("xt", 1.55e-07), ("k1", 0), ("kt1", -0.11), ("kt1l", 0), ("kt2", 0.022), ("k2", 0), ("k3", 80),
        ("k3b", 0), ("w0", 2.5e-06), ("dvtp0", 0), ("dvtp1", 0), ("dvtp2", 0), ("dvtp3", 0), ("dvtp4", 0),
        ("dvtp5", 0), ("lpe0", 1.74e-07), ("lpeb", 0), ("dvt0", 2.2), ("dvt1", 0.53), ("dvt2", -0.032), ("dvt0w", 0),
        ("dvt1w", 5.3e06), ("dvt2w", -0.032), ("drout", 0.56), ("dsub", Derived), ("vth0", Derived), ("ua", Derived),
        ("ua1", 1e-09), ("ub", 1e-19), ("ub1", -1e-18), ("uc", Derived), ("uc1", Derived), ("ud", 0), ("ud1", 0),
        ("up", 0), ("lp", 1e-08), ("u0", Derived), ("eu", Derived), ("ucs", Derived), ("ute", -1.5),
        ("ucste", -0.004775), ("voff", -0.08), ("minv", 0), ("minvcv", 0), ("delta", 0.01), ("rdsw", 200),
        ("rsw", 100), ("rdw", 100), ("prwg", 1), ("prwb", 0), ("prt", 0), ("eta0", 0.08), ("etab", -0.07),
        ("pclm", 1.3), ("pdiblc1", 0.39), ("pdiblc2", 0.0086), ("pdiblcb", 0), ("fprout", 0), ("pdits", 0),
        ("pditsd", 0), ("pscbe1", 4.24e08), ("pscbe2", 1e-05), ("pvag", 0), ("vfbcv", -1), ("vfb", -1), ("acde", 1),
        ("moin", 15), ("noff", 1), ("voffcv", 0), ("xrcrg1", 12), ("xrcrg2", 1), ("lambda", 0), ("vtl", 200000),
        ("xn", 3), ("vfbsdoff", 0), ("tvfbsdoff", 0), ("tvoff", 0), ("tnfactor", 0), ("teta0", 0), ("tvoffcv", 0),
        ("wr", 1), ("dwg", 0), ("dwb", 0), ("b0", 0), ("b1", 0), ("cgsl", 0), ("cgdl", 0), ("ckappas", 0.6),
        ("ckappad", Derived), ("cf", Derived), ("clc", 1e-07), ("cle", 0.6), ("alpha0", 0), ("alpha1", 0),
        ("beta0", 0), ("agidl", 0), ("bgidl", 2.3e09), ("cgidl", 0.5), ("rgidl", 1), ("kgidl", 0), ("fgidl", 1),
        ("egidl", 0.8), ("agisl", Derived), ("bgisl", Derived), ("cgisl", Derived), ("rgisl", Derived),
        ("kgisl", Derived), ("fgisl", Derived), ("egisl", Derived), ("aigc", Derived), ("bigc", Derived),
        ("cigc", Derived), ("aigsd", Derived), ("bigsd", Derived), ("cigsd", Derived), ("aigs", Derived),
        ("bigs", Derived), ("cigs", Derived), ("aigd", Derived), ("bigd", Derived), ("cigd", Derived),
        ("aigbacc", 0.0136), ("bigbacc", 0.00171), ("cigbacc", 0.075), ("aigbinv", 0.0111), ("bigbinv", 0.000949),
        ("cigbinv", 0.006), ("nigc", 1), ("nigbinv", 3), ("nigbacc", 1), ("ntox", 1), ("eigbinv", 1.1), ("pigcd", 1),
        ("poxedge", 1), ("kvth0we", 0), ("k2we", 0), ("ku0we", 0),
    };

    private static readonly Dictionary<string, int> IndexByName = BuildIndex();
    private static readonly string[] NamesByIndex = BuildNames();

    /// <summary>Number of parameters without size dependence.</summary>
    public static int UnbinnedCount => Unbinned.Length;

    /// <summary>Number of binned parameters (each has four coefficients).</summary>
    public static int BinnedCount => BinnedBase.Length;

    /// <summary>Index of the first binned base value; its L, W and P coefficients follow at multiples of
    /// <see cref="BinnedCount"/>.</summary>
    public static int FirstBinned => Unbinned.Length;

    /// <summary>Length of a card's value array.</summary>
    public static int Count => Unbinned.Length + 4 * BinnedBase.Length;

    /// <summary>Canonical names of every parameter, in index order.</summary>
    public static IReadOnlyList<string> Names => NamesByIndex;

    /// <summary>The index of a parameter (case-insensitive; VTHO is VTH0), or −1 when BSIM4 has no such name.</summary>
    public static int IndexOf(string name) => IndexByName.TryGetValue(name, out var i) ? i : -1;

    /// <summary>The index of a parameter the equations use; a name missing from the table is a programming error.</summary>
    public static int Require(string name) =>
        IndexByName.TryGetValue(name, out var i) ? i : throw new ArgumentException($"'{name}' is not a BSIM4 parameter", nameof(name));

    public static string NameOf(int index) => NamesByIndex[index];

    public static Bsim4ParameterKind KindOf(int index) => index < Unbinned.Length ? Unbinned[index].Kind : R;

    /// <summary>The default of a parameter, or <see cref="Derived"/>; L/W/P coefficients default to 0.</summary>
    public static double DefaultOf(int index) =>
        index < Unbinned.Length ? Unbinned[index].Default
        : index < Unbinned.Length + BinnedBase.Length ? BinnedBase[index - Unbinned.Length].Default
        : 0;

    /// <summary>True for the base value of a binned parameter.</summary>
    public static bool IsBinnedBase(int index) => index >= Unbinned.Length && index < Unbinned.Length + BinnedBase.Length;

    private static Dictionary<string, int> BuildIndex()
    {
        var map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Unbinned.Length; i++) map.Add(Unbinned[i].Name, i);
        var b = BinnedBase.Length;
        for (var i = 0; i < b; i++)
        {
            var name = BinnedBase[i].Name;
            var index = Unbinned.Length + i;
            map.Add(name, index);
            map.Add("l" + name, index + b);
            map.Add("w" + name, index + 2 * b);
            map.Add("p" + name, index + 3 * b);
        }
        foreach (var prefix in new[] { "", "l", "w", "p" }) map.Add(prefix + "vtho", map[prefix + "vth0"]);
        return map;
    }

    private static string[] BuildNames()
    {
        var names = new string[Count];
        for (var i = 0; i < Unbinned.Length; i++) names[i] = Unbinned[i].Name;
        var b = BinnedBase.Length;
        for (var i = 0; i < b; i++)
        {
            var name = BinnedBase[i].Name;
            var index = Unbinned.Length + i;
            names[index] = name;
            names[index + b] = "l" + name;
            names[index + 2 * b] = "w" + name;
            names[index + 3 * b] = "p" + name;
        }
        return names;
    }
}
