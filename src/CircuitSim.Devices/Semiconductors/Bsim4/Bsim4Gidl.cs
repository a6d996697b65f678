using static CircuitSim.Devices.Semiconductors.Bsim4.Bsim4Temperature;

namespace CircuitSim.Devices.Semiconductors.Bsim4;

/// <summary>
/// Gate-induced drain and source leakage (GIDL/GISL): band-to-band tunnelling in the gate-to-drain (source) overlap,
/// A·Weff·E·exp(−B/E) with the overlap field E from (Vds − Vgs − EGIDL)/(3·TOXE), reduced at low drain-bulk bias
/// (GIDLMOD 0) or with the body-bias law of GIDLMOD 1. Uses the external terminals: GIDL always at the drain, GISL at
/// the source.
/// </summary>
internal static class Bsim4Gidl
{
    private const double MaxExpl = 2.688117142e+43, MinExpl = 3.720075976e-44, ExplThreshold = 100.0;

    public static void Evaluate(Bsim4InstanceParameters ip, Bsim4Evaluation e)
    {
        var p = ip.Size;
        var t0 = 3.0 * ip.Toxe;
        var vds = new Dual3(e.Vds, 0, 1, 0);
        var vbs = new Dual3(e.Vbs, 0, 0, 1);
        var vbd = vbs - vds;
        if (ip.Card.GidlMod == 0)
        {
            e.Igidl = Classic(p.Agidl, p.Bgidl, p.Cgidl, p.Egidl, p.WeffCJ, (vds - e.VgsEffExternal - p.Egidl) / t0, vbd);
            e.Igisl = Classic(p.Agisl, p.Bgisl, p.Cgisl, p.Egisl, p.WeffCJ, (-vds - e.VgdEffExternal - p.Egisl) / t0, vbs);
        }
        else
        {
            e.Igisl = BodyBiasLaw(p.Agisl, p.Bgisl, p.Cgisl, p.Kgisl, p.Fgisl, p.WeffCJ, ip.GidlClamp,
                (-vds - p.Rgisl * e.VgdEffExternal - p.Egisl) / t0, vbs);
            e.Igidl = BodyBiasLaw(p.Agidl, p.Bgidl, p.Cgidl, p.Kgidl, p.Fgidl, p.WeffCJ, ip.GidlClamp,
                (vds - p.Rgidl * e.VgsEffExternal - p.Egidl) / t0, vbd);
        }
        e.Igidl *= ip.Fingers;
        e.Igisl *= ip.Fingers;
    }

    /// <summary>GIDLMOD 0: the current falls to zero as the junction bias vj (bulk minus drain/source) rises to 0.</summary>
    private static Dual3 Classic(double a, double b, double c, double egidl, double weffcj, Dual3 t1, Dual3 vj)
    {
        if (a <= 0.0 || b <= 0.0 || t1.V <= 0.0 || c <= 0.0 || vj.V > 0.0) return 0.0;
        var t2 = b / t1;
        var i = t2.V < 100.0 ? a * weffcj * t1 * Dual3.Exp(-t2) : a * weffcj * MinExpl * t1;
        var t5 = -vj * (vj * vj);
        return i * (t5 / (c + t5));
    }

    /// <summary>GIDLMOD 1: exp(K/(Vbj − F)) body-bias dependence with BSIM4 4.8.2's clamp of Vbj − F.</summary>
    private static Dual3 BodyBiasLaw(double a, double b, double c, double k, double f, double weffcj, double clamp, Dual3 t1, Dual3 vb)
    {
        if (a <= 0.0 || b <= 0.0 || t1.V <= 0.0 || c < 0.0) return 0.0;
        var t2 = b / t1;
        var i = t2.V < ExplThreshold ? weffcj * a * t1 * Dual3.Exp(-t2) : weffcj * a * MinExpl * t1;
        var t4 = vb - f;
        if (t4.V > clamp) t4 = clamp;
        var t5 = t4.V == 0.0 ? (Dual3)ExplThreshold : k / t4;
        var t6 = t5.V < ExplThreshold ? Dual3.Exp(t5) : (Dual3)MaxExpl;
        return i * t6;
    }
}
