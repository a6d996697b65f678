using static CircuitSim.Devices.Semiconductors.Bsim4.Bsim4Temperature;

namespace CircuitSim.Devices.Semiconductors.Bsim4;

/// <summary>
/// BSIM4's terminal charges: the intrinsic gate, bulk and drain/source charges of CAPMOD 0 (piecewise, Vth-based),
/// 1 (single-piece, smooth in all regions) or 2 (charge-thickness model with the quantum-mechanical charge centroid),
/// partitioned 0/100, 40/60 or 50/50 (XPART), plus the gate overlap charges (bias-dependent for CAPMOD &gt; 0) and the
/// source/drain junction depletion charges. The result is the charge of each external terminal, which sum to zero.
/// </summary>
internal static class Bsim4Charges
{
    private const double Delta1 = 0.02, Delta3 = 0.02, Delta4 = 0.02;

    public static void Evaluate(Bsim4InstanceParameters ip, Bsim4Evaluation e)
    {
        var c = ip.Card;
        var p = ip.Size;
        Dual3 qgate = 0.0, qbulk = 0.0, qdrn = 0.0;
        if (ip.Xpart >= 0.0)
        {
            if (c.CapMod == 0) Piecewise(ip, e, out qgate, out qbulk, out qdrn);
            else Smooth(ip, e, out qgate, out qbulk, out qdrn);
        }

        // overlap charges of the external gate-drain and gate-source edges
        var vgs = new Dual3(e.Vgs, 1, 0, 0);
        var vgd = new Dual3(e.Vgs - e.Vds, 1, -1, 0);
        var vgb = new Dual3(e.Vgs - e.Vbs, 1, 0, -1);
        Dual3 qgdo, qgso;
        if (c.CapMod == 0)
        {
            qgdo = p.Cgdo * vgd;
            qgso = p.Cgso * vgs;
        }
        else
        {
            qgdo = Overlap(p.Cgdo, p.WeffCV * p.Cgdl, p.Ckappad, vgd);
            qgso = Overlap(p.Cgso, p.WeffCV * p.Cgsl, p.Ckappas, vgs);
        }
        var nf = ip.Fingers;
        qgdo *= nf;
        qgso *= nf;
        var qgb = p.Cgbo * vgb;

        // the mode drain is the external drain in forward mode and the external source in reverse mode
        var qg = qgate + qgdo + qgso + qgb;
        var qb = qbulk - qgb;
        Dual3 qd, qs;
        if (e.Mode > 0)
        {
            qd = qdrn - qgdo;
            qs = -(qg + qb + qd);
        }
        else
        {
            qs = qdrn - qgso;
            qd = -(qg + qb + qs);
        }

        // junction depletion charges (stored on the bulk side)
        var (qbsValue, capbs) = Bsim4JunctionDiode.Charge(ip.Source, e.Vbs);
        var (qbdValue, capbd) = Bsim4JunctionDiode.Charge(ip.Drain, e.Vbs - e.Vds);
        var qbs = new Dual3(qbsValue, 0, 0, capbs);
        var qbd = new Dual3(qbdValue, 0, -capbd, capbd);
        e.CapBs = capbs;
        e.CapBd = capbd;
        e.Qg = qg;
        e.Qd = qd - qbd;
        e.Qs = qs - qbs;
        e.Qb = qb + qbd + qbs;
        e.HasCharges = true;
    }

    /// <summary>Gate overlap charge with the bias-dependent (CGDL/CGSL, CKAPPA) lightly-doped-drain part.</summary>
    private static Dual3 Overlap(double cgo, double cgl, double ckappa, Dual3 v)
    {
        var t0 = v + Delta1;
        var t1 = Dual3.Sqrt(t0 * t0 + 4.0 * Delta1);
        var t2 = 0.5 * (t0 - t1);
        var t4 = Dual3.Sqrt(1.0 - 4.0 * t2 / ckappa);
        return (cgo + cgl) * v - cgl * (t2 + 0.5 * ckappa * (t4 - 1.0));
    }

    /// <summary>CAPMOD 0: accumulation, depletion, then inversion with a linear/saturation split at Vdsat.</summary>
    private static void Piecewise(Bsim4InstanceParameters ip, Bsim4Evaluation e, out Dual3 qgate, out Dual3 qbulk, out Dual3 qdrn)
    {
        var p = ip.Size;
        var vbseffCv = e.Vbseff.V < 0.0 ? e.ModeVbs : p.Phi - e.Phis;
        var vfb = p.Vfbcv;
        var vth = vfb + p.Phi + p.K1ox * e.SqrtPhis;
        var vgsEff = e.VgsEff;
        var vgst = vgsEff - vth;
        var coxWl = ip.Coxe * p.WeffCV * p.LeffCV * ip.Fingers;
        var arg1 = vgsEff - vbseffCv - vfb;
        qdrn = 0.0;
        if (arg1.V <= 0.0)
        {
            qgate = coxWl * arg1;
            qbulk = -qgate;
            return;
        }
        if (vgst.V <= 0.0)
        {
            var t1 = 0.5 * p.K1ox;
            qgate = coxWl * p.K1ox * (Dual3.Sqrt(t1 * t1 + arg1) - t1);
            qbulk = -qgate;
            return;
        }
        var oneThird = coxWl / 3.0;
        var twoThirds = 2.0 * oneThird;
        var abulkCv = e.Abulk0 * p.AbulkCVfactor;
        var vdsat = vgst * (1.0 / abulkCv);
        var vds = e.ModeVds;
        var xpart = ip.Xpart;
        var saturated = xpart > 0.5 ? vdsat.V <= vds.V : vds.V >= vdsat.V;
        if (saturated)
        {
            qgate = coxWl * (vgsEff - vfb - p.Phi - vdsat / 3.0);
            var t2 = -twoThirds * vgst;
            qbulk = -(qgate + t2);
            qdrn = xpart > 0.5 ? 0.0 : xpart < 0.5 ? 0.4 * t2 : 0.5 * t2;
            return;
        }
        var alphaz = vgst / vdsat;
        var l1 = 2.0 * vdsat - vds;
        var l2 = vds / (3.0 * l1);
        var l3 = l2 * vds;
        var l4 = 0.25 * coxWl * alphaz;
        qgate = coxWl * (vgsEff - vfb - p.Phi - 0.5 * (vds - l3));
        if (xpart > 0.5)
        {
            qdrn = l4 * (2.0 * vds - l1 - 3.0 * l3);
            qbulk = -(qgate + qdrn + l4 * (l3 - l1 - 2.0 * vds));
        }
        else if (xpart < 0.5)
        {
            var l6 = 8.0 * vdsat * vdsat - 6.0 * vdsat * vds + 1.2 * vds * vds;
            qdrn = l4 * (vds - l1 - l2 / l1 * l6);
            qbulk = -(qgate - l4 * (2.0 * (l1 + l3)));
        }
        else
        {
            qdrn = -l4 * (l1 + l3);
            qbulk = -(qgate + qdrn + qdrn);
        }
    }

    /// <summary>CAPMOD 1 and 2: one smooth expression across accumulation, depletion and inversion.</summary>
    private static void Smooth(Bsim4InstanceParameters ip, Bsim4Evaluation e, out Dual3 qgate, out Dual3 qbulk, out Dual3 qdrn)
    {
        var p = ip.Size;
        var vbseffCv = e.Vbseff.V < 0.0 ? e.Vbseff : p.Phi - e.Phis;
        var coxWl = ip.Coxe * p.WeffCV * p.LeffCV * ip.Fingers;
        var vgsteff = ip.Card.CvChargeMod == 0 ? GateDriveCv(ip, e) : GateDriveCvUnified(ip, e);
        var (vfbeff, k1, k0) = Accumulation(ip, e, vbseffCv, vgsteff);
        var abulkCv = e.Abulk0 * p.AbulkCVfactor;
        Dual3 qsrc;
        if (ip.Card.CapMod == 1)
        {
            InversionCapMod1(ip, e, coxWl, vgsteff, abulkCv, out qgate, out qbulk, out qsrc);
            var qac0 = coxWl * (vfbeff - ip.Vfbzb);
            var qsub0 = coxWl * p.K1ox * (k1 - k0);
            qgate += qac0 + qsub0;
            qbulk -= qac0 + qsub0;
        }
        else
        {
            var coxWlCen = coxWl * AccumulationCentroid(ip, e, vbseffCv) / ip.Coxe;
            var qac0 = coxWlCen * (vfbeff - ip.Vfbzb);
            var qsub0 = coxWlCen * p.K1ox * (k1 - k0);
            InversionCapMod2(ip, e, coxWl, vgsteff, abulkCv, out qgate, out qbulk, out qsrc);
            qgate += qac0 + qsub0 - qbulk;
            qbulk -= qac0 + qsub0;
        }
        qdrn = -(qgate + qbulk + qsrc);
    }

    /// <summary>The inversion charge's effective gate drive with NOFF and VOFFCV (CVCHARGEMOD 0).</summary>
    private static Dual3 GateDriveCv(Bsim4InstanceParameters ip, Bsim4Evaluation e)
    {
        var p = ip.Size;
        var vgst = e.VgsEff - e.VthDual;
        var t0 = ip.Vtm * (e.N * p.Noff);
        var x = (vgst - p.Voffcv) / t0;
        if (x.V > ExpThreshold) return vgst - p.Voffcv;
        if (x.V < -ExpThreshold) return t0 * Math.Log(1.0 + MinExp);
        return t0 * Dual3.Log(1.0 + Dual3.Exp(x));
    }

    /// <summary>The inversion charge's effective gate drive with the I-V's unified form, MINVCV and VOFFCVL
    /// (CVCHARGEMOD 1).</summary>
    private static Dual3 GateDriveCvUnified(Bsim4InstanceParameters ip, Bsim4Evaluation e)
    {
        var p = ip.Size;
        return Bsim4DrainCurrent.UnifiedGateDrive(ip, e.N, e.VgsEff - e.VthDual, p.Mstarcv, p.Voffcbncv);
    }

    /// <summary>The effective flat-band voltage and the depletion-charge square root (returned as k1 and k0 = K1OX/2)
    /// of the accumulation and depletion charges.</summary>
    private static (Dual3 Vfbeff, Dual3 K1, double K0) Accumulation(Bsim4InstanceParameters ip, Bsim4Evaluation e, Dual3 vbseffCv, Dual3 vgsteff)
    {
        var p = ip.Size;
        var vfbzb = ip.Vfbzb;
        var vgsEff = e.VgsEff;
        var v3 = vfbzb - vgsEff + vbseffCv - Delta3;
        var sq = Dual3.Sqrt(vfbzb <= 0.0 ? v3 * v3 - 4.0 * Delta3 * vfbzb : v3 * v3 + 4.0 * Delta3 * vfbzb);
        var vfbeff = vfbzb - 0.5 * (v3 + sq);
        var k0 = 0.5 * p.K1ox;
        var t3 = vgsEff - vfbeff - vbseffCv - vgsteff;
        Dual3 k1;
        if (p.K1ox == 0.0) k1 = 0.0;
        else if (t3.V < 0.0) k1 = k0 + t3 / p.K1ox;
        else k1 = Dual3.Sqrt(k0 * k0 + t3);
        return (vfbeff, k1, k0);
    }

    /// <summary>CAPMOD 1 inversion charges (gate, bulk, source) with the chosen partition.</summary>
    private static void InversionCapMod1(Bsim4InstanceParameters ip, Bsim4Evaluation e, double coxWl, Dual3 vgsteff, Dual3 abulkCv,
        out Dual3 qgate, out Dual3 qbulk, out Dual3 qsrc)
    {
        var vdseffCv = EffectiveVds(vgsteff / abulkCv, e.ModeVds);
        var t0 = abulkCv * vdseffCv;
        var t1 = 12.0 * (vgsteff - 0.5 * t0 + 1.0e-20);
        var t3b = t0 * (vdseffCv / t1);
        qgate = coxWl * (vgsteff - 0.5 * vdseffCv + t3b);
        qbulk = coxWl * (1.0 - abulkCv) * (0.5 * vdseffCv - t3b);
        var xpart = ip.Xpart;
        if (xpart > 0.5) qsrc = -coxWl * (0.5 * vgsteff + 0.25 * t0 - t0 * t0 / (t1 + t1));
        else if (xpart < 0.5)
        {
            var t1s = t1 / 12.0;
            var t2s = 0.5 * coxWl / (t1s * t1s);
            var t3s = vgsteff * (2.0 * t0 * t0 / 3.0 + vgsteff * (vgsteff - 4.0 * t0 / 3.0)) - 2.0 * t0 * t0 * t0 / 15.0;
            qsrc = -t2s * t3s;
        }
        else qsrc = -0.5 * (qgate + qbulk);
    }

    /// <summary>CAPMOD 2: Coxeff/Cox of the accumulation/depletion charge, with its centroid at the accumulation layer.</summary>
    private static Dual3 AccumulationCentroid(Bsim4InstanceParameters ip, Bsim4Evaluation e, Dual3 vbseffCv)
    {
        var p = ip.Size;
        var cox = ip.Coxp;
        var tox = 1.0e8 * ip.Toxp;
        var tmp = (e.VgsEff - vbseffCv - ip.Vfbzb) / tox * p.Acde;
        Dual3 tcen;
        if (-ExpThreshold < tmp.V && tmp.V < ExpThreshold) tcen = p.Ldeb * Dual3.Exp(tmp);
        else if (tmp.V <= -ExpThreshold) tcen = p.Ldeb * MinExp;
        else tcen = p.Ldeb * MaxExp;
        var link = 1.0e-3 * ip.Toxp;
        var v3 = p.Ldeb - tcen - link;
        var v4 = Dual3.Sqrt(v3 * v3 + 4.0 * link * p.Ldeb);
        tcen = p.Ldeb - 0.5 * (v3 + v4);
        var ccen = EpsSi / tcen;
        return cox / (cox + ccen) * ccen;
    }

    /// <summary>CAPMOD 2 inversion charges: the gate-bias dependent surface-potential increase ΔΦs, the inversion
    /// charge centroid, and the charges of the chosen partition.</summary>
    private static void InversionCapMod2(Bsim4InstanceParameters ip, Bsim4Evaluation e, double coxWl, Dual3 vgsteff, Dual3 abulkCv,
        out Dual3 qgate, out Dual3 qbulk, out Dual3 qsrc)
    {
        var p = ip.Size;
        var vtm = ip.Vtm;
        double denomi, d0;
        if (p.K1ox <= 0.0)
        {
            denomi = 0.25 * p.Moin * vtm;
            d0 = 0.5 * p.SqrtPhi;
        }
        else
        {
            denomi = p.Moin * vtm * p.K1ox * p.K1ox;
            d0 = p.K1ox * p.SqrtPhi;
        }
        var vgDp = GateDriveLessDeltaPhi(vtm, denomi, d0, vgsteff);
        var coxWlCen = CentroidCapacitance(ip, coxWl, vgsteff);

        var vdseff = EffectiveVds(vgDp / abulkCv, e.ModeVds);
        var a0 = abulkCv * vdseff;
        var a2 = 12.0 * (vgDp - 0.5 * a0 + 1.0e-20);
        qgate = coxWlCen * (vgDp - a0 * (0.5 - a0 / a2));
        qbulk = coxWlCen * (1.0 - abulkCv) * (0.5 * vdseff - a0 * vdseff / a2);
        qsrc = SourceChargeCapMod2(ip.Xpart, coxWlCen, vgDp, a0, a2, qgate);
    }

    /// <summary>Vgsteff − ΔΦ smoothly kept above 0, with ΔΦ the surface potential above 2ΦB in inversion (MOIN):
    /// Vtm·ln(1 + (2·D0 + Vgsteff)·Vgsteff/denomi).</summary>
    private static Dual3 GateDriveLessDeltaPhi(double vtm, double denomi, double d0, Dual3 vgsteff)
    {
        var deltaPhi = vtm * Dual3.Log(1.0 + (2.0 * d0 + vgsteff) * vgsteff / denomi);
        var g0 = vgsteff - deltaPhi - 0.001;
        return 0.5 * (g0 + Dual3.Sqrt(g0 * g0 + vgsteff * 0.004));
    }

    /// <summary>Coxe·W·L reduced by the inversion-charge centroid: the series of Coxp and εSi/Tcen.</summary>
    private static Dual3 CentroidCapacitance(Bsim4InstanceParameters ip, double coxWl, Dual3 vgsteff)
    {
        var tox2 = 2.0e8 * ip.Toxp;
        var tcen = ip.CentroidA / (1.0 + Dual3.Exp(ip.CentroidB * Dual3.Log((vgsteff + ip.Vtfbphi2) / tox2)));
        var ccen = EpsSi / tcen;
        return coxWl * (ip.Coxp / (ip.Coxp + ccen) * ccen) / ip.Coxe;
    }

    /// <summary>The capmod-2 source charge for the partition XPART (0/100, 50/50, 40/60).</summary>
    private static Dual3 SourceChargeCapMod2(double xpart, Dual3 coxWlCen, Dual3 vgDp, Dual3 a0, Dual3 a2, Dual3 qgate)
    {
        if (xpart > 0.5) return -coxWlCen * (vgDp / 2.0 + a0 / 4.0 - 0.5 * a0 * a0 / a2);
        if (xpart < 0.5)
        {
            var a2s = a2 / 12.0;
            var a3s = 0.5 * coxWlCen / (a2s * a2s);
            var a4 = vgDp * (2.0 * a0 * a0 / 3.0 + vgDp * (vgDp - 4.0 * a0 / 3.0)) - 2.0 * a0 * a0 * a0 / 15.0;
            return -a3s * a4;
        }
        return -0.5 * qgate;
    }

    /// <summary>The C-V effective drain voltage: Vds limited smoothly to VdsatCV (DELTA = 0.02); zero at Vds = 0 with
    /// its slope in Vds kept.</summary>
    private static Dual3 EffectiveVds(Dual3 vdsatCv, Dual3 vds)
    {
        var t0 = vdsatCv - vds - Delta4;
        var t1 = Dual3.Sqrt(t0 * t0 + 4.0 * Delta4 * vdsatCv);
        var v = t0.V >= 0.0 ? vdsatCv - 0.5 * (t0 + t1) : vdsatCv * (1.0 - (Delta4 + Delta4) / (t1 - t0));
        return vds.V == 0.0 ? new Dual3(0.0, 0.0, v.D, 0.0) : v;
    }
}
