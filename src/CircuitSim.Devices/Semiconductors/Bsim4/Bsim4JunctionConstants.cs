namespace CircuitSim.Devices.Semiconductors.Bsim4;

/// <summary>
/// The constants of one source/drain–bulk junction diode at one temperature: its saturation current (bottom, sidewall
/// and gate-edge sidewall), emission, breakdown and the voltages where DIOMOD 1/2 continue the exponential linearly
/// (IJTH), trap-assisted tunnelling saturation currents, and the zero-bias depletion capacitances and potentials.
/// </summary>
internal sealed class Bsim4JunctionConstants
{
    public Bsim4JunctionConstants(Bsim4Card c, Bsim4Temperature t, Bsim4SizeParameters p, double nf, double area, double perimeter, bool source)
    {
        var weffcjNf = p.WeffCJ * nf;
        DioMod = c.DioMod;
        Nvtm = t.Vtm * c[source ? "njs" : "njd"];
        SaturationCurrent = area <= 0.0 && perimeter <= 0.0
            ? 0.0
            : area * (source ? t.SourceJs : t.DrainJs) + perimeter * (source ? t.SourceJsws : t.DrainJsws)
              + weffcjNf * (source ? t.SourceJswgs : t.DrainJswgs);
        Xjbv = c[source ? "xjbvs" : "xjbvd"];
        Bv = c[source ? "bvs" : "bvd"];
        var ijthFwd = c[source ? "ijthsfwd" : "ijthdfwd"];
        var ijthRev = c[source ? "ijthsrev" : "ijthdrev"];
        var isb = SaturationCurrent;
        if (isb > 0.0)
        {
            switch (DioMod)
            {
                case 0:
                    XExpBv = Bv / Nvtm > Bsim4Temperature.ExpThreshold ? Xjbv * Bsim4Temperature.MinExp : Xjbv * Math.Exp(-Bv / Nvtm);
                    break;
                case 1:
                    VjmFwd = LinearizationVoltage(Nvtm, ijthFwd, isb, 0.0);
                    IVjmFwd = isb * Math.Exp(VjmFwd / Nvtm);
                    break;
                case 2:
                    XExpBv = Bv / Nvtm > Bsim4Temperature.ExpThreshold ? Xjbv * Bsim4Temperature.MinExp : Math.Exp(-Bv / Nvtm) * Xjbv;
                    VjmFwd = LinearizationVoltage(Nvtm, ijthFwd, isb, XExpBv);
                    var e = Math.Exp(VjmFwd / Nvtm);
                    IVjmFwd = isb * (e - XExpBv / e + XExpBv - 1.0);
                    SlopeFwd = isb * (e + XExpBv / e) / Nvtm;
                    var t2 = ijthRev / isb;
                    if (t2 < 1.0) t2 = 10.0;
                    VjmRev = -Bv - Nvtm * Math.Log((t2 - 1.0) / Xjbv);
                    var t1 = Xjbv * Math.Exp(-(Bv + VjmRev) / Nvtm);
                    IVjmRev = isb * (1.0 + t1);
                    SlopeRev = -isb * t1 / Nvtm;
                    break;
            }
        }

        // trap-assisted tunnelling in reverse bias
        var jtsFactor = Math.Sqrt(t.JtWeff / p.WeffCJ) + 1.0;
        if (source)
        {
            TatBottom = t.TatS * area * c["jtss"];
            TatSidewall = t.TatSwS * perimeter * c["jtssws"];
            TatGateSidewall = t.TatSwgS * weffcjNf * jtsFactor * c["jtsswgs"];
            NvtmTatBottom = t.Vtm0 * t.NjtsS;
            NvtmTatSidewall = t.Vtm0 * t.NjtsSwS;
            NvtmTatGateSidewall = t.Vtm0 * t.NjtsSwgS;
            VtsBottom = c["vtss"];
            VtsSidewall = c["vtssws"];
            VtsGateSidewall = c["vtsswgs"];
        }
        else
        {
            TatBottom = t.TatD * area * c["jtsd"];
            TatSidewall = t.TatSwD * perimeter * c["jtsswd"];
            TatGateSidewall = t.TatSwgD * weffcjNf * jtsFactor * c["jtsswgd"];
            NvtmTatBottom = t.Vtm0 * t.NjtsD;
            NvtmTatSidewall = t.Vtm0 * t.NjtsSwD;
            NvtmTatGateSidewall = t.Vtm0 * t.NjtsSwgD;
            VtsBottom = c["vtsd"];
            VtsSidewall = c["vtsswd"];
            VtsGateSidewall = c["vtsswgd"];
        }

        // depletion capacitance
        CzBottom = (source ? t.SourceCj : t.DrainCj) * area;
        CzSidewall = (source ? t.SourceCjsw : t.DrainCjsw) * perimeter;
        CzGateSidewall = (source ? t.SourceCjswg : t.DrainCjswg) * weffcjNf;
        MjBottom = c[source ? "mjs" : "mjd"];
        MjSidewall = c[source ? "mjsws" : "mjswd"];
        MjGateSidewall = c[source ? "mjswgs" : "mjswgd"];
        PhiBottom = source ? t.PhiBS : t.PhiBD;
        PhiSidewall = source ? t.PhiBSWS : t.PhiBSWD;
        PhiGateSidewall = source ? t.PhiBSWGS : t.PhiBSWGD;
        HasTunnelling = TatBottom != 0.0 || TatSidewall != 0.0 || TatGateSidewall != 0.0;
        SidewallsAlike = MjSidewall == MjGateSidewall && PhiSidewall == PhiGateSidewall;
    }

    /// <summary>Whether any trap-assisted tunnelling current is present.</summary>
    public readonly bool HasTunnelling;

    /// <summary>Whether the two sidewalls share grading and potential (one power law serves both).</summary>
    public readonly bool SidewallsAlike;

    public readonly int DioMod;
    /// <summary>Saturation current, A; emission thermal voltage N·Vt, V.</summary>
    public readonly double SaturationCurrent, Nvtm;
    /// <summary>Breakdown: XJBV, BV (V) and XJBV·exp(−BV/NVt).</summary>
    public readonly double Xjbv, Bv, XExpBv;
    /// <summary>Where the forward (and, DIOMOD 2, the reverse) current is continued linearly: voltage (V), current (A)
    /// and slope (S).</summary>
    public readonly double VjmFwd, IVjmFwd, SlopeFwd, VjmRev, IVjmRev, SlopeRev;
    /// <summary>Trap-assisted tunnelling saturation currents (A), their N·Vt0 (V) and voltage parameters VTS (V).</summary>
    public readonly double TatBottom, TatSidewall, TatGateSidewall;
    public readonly double NvtmTatBottom, NvtmTatSidewall, NvtmTatGateSidewall;
    public readonly double VtsBottom, VtsSidewall, VtsGateSidewall;
    /// <summary>Zero-bias capacitances (F), grading coefficients and built-in potentials (V) of the three components.</summary>
    public readonly double CzBottom, CzSidewall, CzGateSidewall, MjBottom, MjSidewall, MjGateSidewall;
    public readonly double PhiBottom, PhiSidewall, PhiGateSidewall;

    /// <summary>The junction voltage where the current reaches IJTH: Nvt·ln of the root of e^x + XExpBV·e^−x = 1 + IJTH/Is.</summary>
    private static double LinearizationVoltage(double nvtm, double ijth, double isb, double xExpBv)
    {
        var tb = 1.0 + ijth / isb - xExpBv;
        var e = 0.5 * (tb + Math.Sqrt(tb * tb + 4.0 * xExpBv));
        return nvtm * Math.Log(e);
    }
}
