using System.Globalization;
using CircuitSim.Devices.Semiconductors;
using CircuitSim.Devices.Semiconductors.Bsim4;

namespace CircuitSim.Core.Tests.Support;

/// <summary>
/// BSIM4 cards for the tests: the 45 nm-class NMOS/PMOS of tests/references/ngspice-bsim4 (written for those tests,
/// capmod 2, everything else at BSIM4's defaults), and variants that switch on the other model options.
/// </summary>
internal static class Bsim4Cards
{
    public const string NmosText =
        "level=54 version=4.8 binunit=1 toxe=1.25n toxp=1.0n toxm=1.25n epsrox=3.9 xj=1.4e-8 " +
        "ndep=3.2e18 nsd=2e20 vth0=0.44 k1=0.42 k2=0.01 dvt0=1.0 dvt1=2.0 lpe0=0 lpeb=0 u0=0.042 ua=6e-10 ub=1.2e-18 uc=-3e-11 " +
        "vsat=1.4e5 a0=1.0 ags=0 rdsw=160 prwg=0 prwb=0 wr=1 pclm=0.02 pdiblc1=0.001 pdiblc2=0.0012 drout=0.5 " +
        "eta0=0.005 etab=0 dsub=0.1 nfactor=2.0 voff=-0.12 cit=0 cdsc=0 cgso=1.1e-10 cgdo=1.1e-10 cgbo=1e-12 " +
        "cjs=5e-4 cjsws=5e-10 cjswgs=3e-10 mjs=0.5 mjsws=0.33 pbs=1 pbsws=1 capmod=2 mobmod=0 rdsmod=0 igcmod=0 igbmod=0";

    public const string PmosText =
        "level=54 version=4.8 binunit=1 toxe=1.3n toxp=1.0n toxm=1.3n epsrox=3.9 xj=1.4e-8 " +
        "ndep=2.2e18 nsd=2e20 vth0=-0.22 k1=0.38 k2=-0.01 dvt0=1.0 dvt1=2.0 u0=0.02 ua=1e-9 ub=5e-19 uc=-1e-10 " +
        "vsat=9e4 a0=1.0 ags=0 rdsw=250 pclm=0.03 pdiblc1=0.001 pdiblc2=0.001 drout=0.5 " +
        "eta0=0.006 etab=0 dsub=0.1 nfactor=2.0 voff=-0.12 cgso=1.1e-10 cgdo=1.1e-10 cgbo=1e-12 " +
        "cjs=6e-4 cjsws=5e-10 cjswgs=3e-10 mjs=0.5 mjsws=0.33 pbs=1 pbsws=1 capmod=2 mobmod=0 rdsmod=0 igcmod=0 igbmod=0";

    public static Bsim4Model Nmos(string name = "nch", string extra = "") => Card(name, MosfetType.Nmos, NmosText + " " + extra);

    public static Bsim4Model Pmos(string name = "pch", string extra = "") => Card(name, MosfetType.Pmos, PmosText + " " + extra);

    /// <summary>A card from "name=value …" text (SPICE suffixes f p n u m k allowed).</summary>
    public static Bsim4Model Card(string name, MosfetType type, string text)
    {
        var model = new Bsim4Model(name, type);
        foreach (var pair in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = (pair[..pair.IndexOf('=')], pair[(pair.IndexOf('=') + 1)..]);
            object v = key == "version" ? value : Number(value);
            if (!model.SetParameter(key, v)) throw new ArgumentException($"not a BSIM4 parameter: {key}");
        }
        return model;
    }

    private static double Number(string text)
    {
        var scale = text[^1] switch { 'f' => 1e-15, 'p' => 1e-12, 'n' => 1e-9, 'u' => 1e-6, 'm' => 1e-3, 'k' => 1e3, _ => 1.0 };
        var digits = scale == 1.0 ? text : text[..^1];
        return double.Parse(digits, CultureInfo.InvariantCulture) * scale;
    }
}
