using CircuitSim.Core.Simulations;
using static CircuitSim.Devices.Semiconductors.Bsim4.Bsim4Temperature;

namespace CircuitSim.Devices.Semiconductors.Bsim4;

/// <summary>
/// BSIM4's channel current in the mode frame (the more positive of drain and source acts as drain): effective body
/// bias; threshold voltage with body effect, short-channel and narrow-width roll-off, DIBL, pocket-implant and
/// drain-induced threshold shifts; subthreshold slope; poly depletion; the unified effective gate drive Vgsteff;
/// mobility (MOBMOD 0–6); bias-dependent source/drain resistance (RDSMOD 0); bulk charge; velocity saturation and the
/// saturation voltage; velocity overshoot; the output conductance from channel-length modulation, DIBL, DITS and
/// substrate current-induced body effect; impact ionization; source-end velocity limit. All in <see cref="Dual3"/>,
/// so the conductances are the exact derivatives.
/// </summary>
internal static class Bsim4DrainCurrent
{
    private const double EpsSub = EpsSi;

    public static void Evaluate(Bsim4InstanceParameters ip, Bsim4Evaluation e)
    {
        // stages small enough for the JIT to inline every Dual3 operation; they pass their results through e
        Bias(ip, e);
        Threshold(ip, e);
        GateDrive(ip, e);
        BulkCharge(ip, e);
        e.Ueffd = ip.U0Temp / MobilityDenominator(ip, ip.Size, ip.Card.MobMod, e.Vgsteffd, e.VthDual, e.Vbseff);
        e.Ueff = e.Ueffd.V;
        Saturation(ip, e);
        OutputCurrent(ip, e);
    }

    /// <summary>Mode frame (derivatives still with respect to the external Vgs, Vds, Vbs), effective body bias
    /// limited below by VBSC and kept below 0.95·PHI in forward bias, surface potential and depletion width.</summary>
    private static void Bias(Bsim4InstanceParameters ip, Bsim4Evaluation e)
    {
        var p = ip.Size;
        var vds = e.Vds;
        var vgs = e.Vgs;
        var vbs = e.Vbs;
        Dual3 Vbs;
        if (vds >= 0.0)
        {
            e.Mode = 1;
            e.ModeVds = new Dual3(vds, 0, 1, 0);
            e.ModeVgs = new Dual3(vgs, 1, 0, 0);
            // in forward mode the body-bias terms depend on vbs alone: a bulk tied to its source keeps them from one
            // evaluation to the next (the same instance parameters, the same bits of vbs)
            e.BodyTermsKept = e.BodyTermsOf == ip && BitConverter.DoubleToInt64Bits(vbs) == e.BodyTermsVbsBits;
            if (e.BodyTermsKept) return;
            e.BodyTermsOf = ip;
            e.BodyTermsVbsBits = BitConverter.DoubleToInt64Bits(vbs);
            Vbs = new Dual3(vbs, 0, 0, 1);
        }
        else
        {
            e.Mode = -1;
            e.ModeVds = new Dual3(-vds, 0, -1, 0);
            e.ModeVgs = new Dual3(vgs - vds, 1, -1, 0);
            e.BodyTermsKept = false;
            e.BodyTermsOf = null;
            Vbs = new Dual3(vbs - vds, 0, -1, 1);
        }
        e.ModeVbs = Vbs;
        var vbsc = ip.Vbsc;
        var t0 = Vbs - vbsc - 0.001;
        var t1 = Dual3.Sqrt(t0 * t0 - 0.004 * vbsc);
        Dual3 vbseff;
        if (t0.V >= 0.0) vbseff = vbsc + 0.5 * (t0 + t1);
        else vbseff = vbsc * (1.0 + -0.002 / (t1 - t0));
        var t9 = 0.95 * p.Phi;
        t0 = t9 - vbseff - 0.001;
        t1 = Dual3.Sqrt(t0 * t0 + 0.004 * t9);
        vbseff = t9 - 0.5 * (t0 + t1);
        e.Vbseff = vbseff;
        e.Phis = p.Phi - vbseff;
        e.SqrtPhis = Dual3.Sqrt(e.Phis);
        e.Xdep = p.Xdep0 * e.SqrtPhis / p.SqrtPhi;
    }

    /// <summary>The threshold voltage's terms that depend on the body bias alone (body effect, short-channel and
    /// narrow-width roll-off, temperature shift) and the DIBL coefficient η, summed as the threshold's expression
    /// sums them, so the threshold is the same bits whether they are kept or computed.</summary>
    private static void BodyTerms(Bsim4InstanceParameters ip, Bsim4Evaluation e)
    {
        var p = ip.Size;
        var vbseff = e.Vbseff;
        var t3 = Dual3.Sqrt(e.Xdep);
        var lt1 = ip.Temperature.Factor1 * t3 * BodyFactor(p.Dvt2 * vbseff);
        var ltw = ip.Temperature.Factor1 * t3 * BodyFactor(p.Dvt2w * vbseff);
        var theta0 = ShortChannel(ip.Dvt1Leff / lt1);
        var deltVth = p.Dvt0 * theta0 * ip.V0;
        var narrow = p.Dvt0w * ShortChannel(ip.Dvt1wWeffLeff / ltw) * ip.V0;
        var tempShift = ip.K1oxLpe + (ip.Kt1Sum + p.Kt2 * vbseff) * ip.TempRatio;
        var eta = ip.Eta0 + p.Etab * vbseff;
        if (eta.V < 1.0e-4) eta = (2.0e-4 - eta) / (3.0 - 2.0e4 * eta);
        e.Theta0 = theta0;
        e.Eta = eta;
        e.VthBody = ip.TypeVth0 + (p.K1ox * e.SqrtPhis - p.K1 * p.SqrtPhi) * ip.LpeVb - ip.K2ox * vbseff - deltVth - narrow
                    + (p.K3 + p.K3b * vbseff) * ip.VthNarrowW + tempShift;
    }

    /// <summary>Threshold voltage (body effect, short-channel and narrow-width roll-off, temperature, DIBL, pocket
    /// implant, DITS) and the subthreshold swing factor n.</summary>
    private static void Threshold(Bsim4InstanceParameters ip, Bsim4Evaluation e)
    {
        var p = ip.Size;
        var vbseff = e.Vbseff;
        var vds = e.ModeVds;
        if (!e.BodyTermsKept) BodyTerms(ip, e);
        var theta0 = e.Theta0;
        var diblSft = e.Eta * p.Theta0vb0 * vds;
        var vth = e.VthBody - diblSft;

        var tmp2 = p.Nfactor * (EpsSub / e.Xdep);
        var tmp3 = p.Cdsc + p.Cdscb * vbseff + p.Cdscd * vds;
        var tmp4 = (tmp2 + tmp3 * theta0 + p.Cit) / ip.Coxe;
        var n = tmp4.V >= -0.5 ? 1.0 + tmp4 : (1.0 + 3.0 * tmp4) / (3.0 + 8.0 * tmp4);

        if (p.Dvtp0 > 0.0)
        {
            var x = -p.Dvtp1 * vds;
            var t2 = x.V < -ExpThreshold ? Dual3.Constant(MinExp) : Dual3.Exp(x);
            var l3 = p.Leff + p.Dvtp0 * (1.0 + t2);
            var vt = ip.Card.TempMod < 2 ? ip.Vtm : ip.Vtm0;
            vth -= n * (vt * Dual3.Log(p.Leff / l3));
        }
        if (p.Dvtp4 != 0.0 && p.Dvtp2Factor != 0.0)
        {
            var ex = ExpLimited(2.0 * p.Dvtp4 * vds);
            vth -= p.Dvtp2Factor * (ex - 1.0) / (ex + 1.0);
        }
        e.VthDual = vth;
        e.N = n;
    }

    /// <summary>Poly depletion of the gate at both ends and the effective gate drive Vgsteff, unified from
    /// subthreshold to strong inversion.</summary>
    private static void GateDrive(Bsim4InstanceParameters ip, Bsim4Evaluation e)
    {
        var p = ip.Size;
        e.VgsEffExternal = PolyDepletion(ip, p, new Dual3(e.Vgs, 1, 0, 0));
        e.VgdEffExternal = PolyDepletion(ip, p, new Dual3(e.Vgs - e.Vds, 1, -1, 0));
        var vgsEff = e.Mode > 0 ? e.VgsEffExternal : e.VgdEffExternal;
        e.VgsEff = vgsEff;

        e.Vgsteffd = UnifiedGateDrive(ip, e.N, vgsEff - e.VthDual, p.Mstar, p.Voffcbn);
    }

    /// <summary>Effective width, bias-dependent source/drain resistance (RDSMOD 0) and the bulk charge factor Abulk.</summary>
    private static void BulkCharge(Bsim4InstanceParameters ip, Bsim4Evaluation e)
    {
        var p = ip.Size;
        var vgsteff = e.Vgsteffd;
        var sqrtPhiDelta = e.SqrtPhis - p.SqrtPhi;
        var weff = p.Weff - 2.0 * (p.Dwg * vgsteff + p.Dwb * sqrtPhiDelta);
        if (weff.V < 2.0e-8)
        {
            var r = 1.0 / (6.0e-8 - 2.0 * weff);
            weff = 2.0e-8 * (4.0e-8 - weff) * r;
        }
        e.Weffd = weff;
        Dual3 rds = 0.0;
        if (ip.Card.RdsMod != 1)
        {
            var r0 = 1.0 + p.Prwg * vgsteff;
            var r2 = 1.0 / r0 + p.Prwb * sqrtPhiDelta;
            var r3 = r2 + Dual3.Sqrt(r2 * r2 + 0.01);
            rds = p.Rdswmin + r3 * (p.Rds0 * 0.5);
        }
        e.Rds = rds;

        if (!e.BodyTermsKept) BulkBodyTerms(ip, e);
        var abulk = e.AbulkAtZeroDrive + e.AbulkSlope * vgsteff;
        if (abulk.V < 0.1) abulk = (0.2 - abulk) / (3.0 - 20.0 * abulk);
        e.Abulk = abulk * e.KetaFactor;
    }

    /// <summary>The bulk charge factor's terms that depend on the body bias alone: Abulk at zero gate drive (before
    /// and after its lower limit), its slope in Vgsteff and the KETA factor.</summary>
    private static void BulkBodyTerms(Bsim4InstanceParameters ip, Bsim4Evaluation e)
    {
        var p = ip.Size;
        var k1Term = 0.5 * p.K1ox * ip.LpeVb / e.SqrtPhis + ip.K2ox - p.K3b * ip.VthNarrowW;
        var xjDep = Dual3.Sqrt(p.Xj * e.Xdep);
        var t5 = p.Leff / (p.Leff + 2.0 * xjDep);
        var t2 = p.A0 * t5 + ip.B0Term;
        var t7 = t5 * (t5 * t5);
        var abulk0 = 1.0 + k1Term * t2;
        e.AbulkAtZeroDrive = abulk0;
        e.AbulkSlope = -k1Term * (p.Ags * p.A0 * t7);
        if (abulk0.V < 0.1) abulk0 = (0.2 - abulk0) / (3.0 - 20.0 * abulk0);
        var ketaTerm = p.Keta * e.Vbseff;
        var ketaFactor = ketaTerm.V >= -0.9 ? 1.0 / (1.0 + ketaTerm) : (17.0 + 20.0 * ketaTerm) / (0.8 + ketaTerm);
        e.KetaFactor = ketaFactor;
        e.Abulk0 = abulk0 * ketaFactor;
    }

    /// <summary>Velocity saturation: saturation field, the A1/A2 non-saturation factor λ, Vdsat with the source/drain
    /// resistance, the effective Vds and the velocity overshoot correction of EsatL.</summary>
    private static void Saturation(Bsim4InstanceParameters ip, Bsim4Evaluation e)
    {
        var p = ip.Size;
        var vsattemp = ip.VsatTemp;
        var wvCoxRds = e.Weffd * vsattemp * ip.Coxe * e.Rds;
        var esat = 2.0 * vsattemp / e.Ueffd;
        var esatL = esat * p.Leff;
        var lambda = Lambda(p, e.Vgsteffd);
        var vdsat = SaturationVoltage(ip, e, lambda, wvCoxRds, esatL);
        e.Vdsat = vdsat.V;
        e.Vdsatd = vdsat;
        var vdseff = EffectiveVds(p, vdsat, e.ModeVds);
        e.Vdseffd = vdseff;
        e.Vdseff = vdseff.V;
        if (ip.LambdaGiven)
        {
            esatL = VelocityOvershoot(p, e, esat, esatL, vdseff);
            esat = esatL / p.Leff;
        }
        e.Esat = esat;
        e.EsatL = esatL;
        e.Lambda = lambda;
        e.WvCoxRds = wvCoxRds;
    }

    /// <summary>λ of the saturation voltage with Rds (A1, A2): A2 when A1 = 0, else smoothly between A2 and 1.</summary>
    private static Dual3 Lambda(Bsim4SizeParameters p, Dual3 vgsteff)
    {
        if (p.A1 == 0.0) return p.A2;
        if (p.A1 > 0.0)
        {
            var a = 1.0 - p.A2;
            var l1 = a - p.A1 * vgsteff - 0.0001;
            var l2 = Dual3.Sqrt(l1 * l1 + 0.0004 * a);
            return p.A2 + a - 0.5 * (l1 + l2);
        }
        var m1 = p.A2 + p.A1 * vgsteff - 0.0001;
        var m2 = Dual3.Sqrt(m1 * m1 + 0.0004 * p.A2);
        return 0.5 * (m1 + m2);
    }

    /// <summary>Vdsat: closed form without series resistance, else the root of BSIM4's quadratic in Vdsat.</summary>
    private static Dual3 SaturationVoltage(Bsim4InstanceParameters ip, Bsim4Evaluation e, Dual3 lambda, Dual3 wvCoxRds, Dual3 esatL)
    {
        var abulk = e.Abulk;
        var vgst2Vtm = e.Vgsteffd + 2.0 * ip.Vtm;
        if (e.Rds.V == 0.0 && lambda.V == 1.0)
            return esatL * vgst2Vtm * (1.0 / (abulk * esatL + vgst2Vtm));
        var s9 = abulk * wvCoxRds;
        var s0 = 2.0 * abulk * (s9 - 1.0 + 1.0 / lambda);
        var s1 = vgst2Vtm * (2.0 / lambda - 1.0) + abulk * esatL + 3.0 * (vgst2Vtm * s9);
        var s2 = vgst2Vtm * (esatL + 2.0 * (vgst2Vtm * wvCoxRds));
        var s3 = Dual3.Sqrt(s1 * s1 - 2.0 * s0 * s2);
        return (s1 - s3) / s0;
    }

    /// <summary>Vds smoothly limited to Vdsat (DELTA); at Vds = 0 BSIM4 sets Vdseff to 0 but keeps its slope in Vds,
    /// and Vdseff never exceeds Vds.</summary>
    private static Dual3 EffectiveVds(Bsim4SizeParameters p, Dual3 vdsat, Dual3 vds)
    {
        var delta = p.Delta;
        var d1 = vdsat - vds - delta;
        var d2 = Dual3.Sqrt(d1 * d1 + 4.0 * delta * vdsat);
        var vdseff = d1.V >= 0.0 ? vdsat - 0.5 * (d1 + d2) : vdsat * (1.0 - 2.0 * delta / (d2 - d1));
        if (vds.V == 0.0) vdseff = new Dual3(0.0, 0.0, vdseff.D, 0.0);
        if (vdseff.V > vds.V) vdseff = vdseff.WithValue(vds.V);
        return vdseff;
    }

    /// <summary>Esat·L raised by velocity overshoot (LAMBDA given).</summary>
    private static Dual3 VelocityOvershoot(Bsim4SizeParameters p, Bsim4Evaluation e, Dual3 esat, Dual3 esatL, Dual3 vdseff)
    {
        var o2 = p.Lambda / (p.Leff * e.Ueffd);
        var o5 = 1.0 / (esat * p.Litl);
        var o6 = 1.0 + (e.ModeVds - vdseff) * o5;
        var o8 = 1.0 - 2.0 / (o6 * o6 + 1.0);
        return esatL * (1.0 + o2 * o8);
    }

    /// <summary>The current of the channel alone (before the output resistance), with the charge-centroid oxide
    /// capacitance and the source/drain resistance: gche/(1 + gche·Rds).</summary>
    private static Dual3 LinearCurrent(Bsim4InstanceParameters ip, Bsim4Evaluation e, Dual3 vgst2Vtm, out Dual3 coxeffWovL)
    {
        var vgsteff = e.Vgsteffd;
        var vdseff = e.Vdseffd;
        var tc0 = (vgsteff + ip.Vtfbphi2) * (1.0 / ip.TcenBase);
        var tcen = ip.CentroidA / (1.0 + Dual3.Exp(ip.CentroidB * Dual3.Log(tc0)));
        var coxeff = EpsSub * ip.Coxp / (EpsSub + ip.Coxp * tcen);
        coxeffWovL = coxeff * e.Weffd / ip.Size.Leff;
        var beta = e.Ueffd * coxeffWovL;
        var fgche1 = vgsteff * (1.0 - 0.5 * vdseff * (e.Abulk / vgst2Vtm));
        var fgche2 = 1.0 + vdseff / e.EsatL;
        var gche = beta * fgche1 / fgche2;
        return gche / (1.0 + gche * e.Rds);
    }

    /// <summary>The drain current: linear-region current with the charge-centroid oxide capacitance, the output
    /// resistance from CLM, DIBL, DITS and SCBE, impact ionization, and the source-end velocity limit.</summary>
    private static void OutputCurrent(Bsim4InstanceParameters ip, Bsim4Evaluation e)
    {
        var vgsteff = e.Vgsteffd;
        var vgst2Vtm = vgsteff + 2.0 * ip.Vtm;
        var diffVds = e.ModeVds - e.Vdseffd;
        var idl = LinearCurrent(ip, e, vgst2Vtm, out var coxeffWovL);
        var fp = ip.Size.Fprout > 0.0 ? 1.0 / (1.0 + ip.Size.Fprout * ip.SqrtLeff / vgst2Vtm) : (Dual3)1.0;
        var pvagTerm = PvagFactor(ip.Size, e);

        var idsa = idl * (1.0 + diffVds / DiblEarlyVoltage(ip.Size, e, vgst2Vtm, pvagTerm));
        idsa *= 1.0 + diffVds / DitsEarlyVoltage(ip, e, fp);
        idsa *= ClmFactor(ip, e, idl, fp, pvagTerm, vgst2Vtm, diffVds);

        var isub = ip.HasIsub ? ImpactIonisation(ip, e, idsa, diffVds) : (Dual3)0.0;
        var cdrain = idsa * (1.0 + diffVds / ScbeEarlyVoltage(ip.Size, diffVds)) * e.Vdseffd;
        if (ip.VtlGiven) cdrain = VelocityLimited(ip, cdrain, coxeffWovL, vgsteff);

        var nf = ip.Fingers;
        e.Ids = cdrain * nf;
        e.Isub = isub * nf;
        e.Vth = e.VthDual.V;
        e.Vgsteff = vgsteff.V;
    }

    /// <summary>The gate-bias dependence of the Early voltages, 1 + PVAG·Vgsteff/(Esat·L), smoothly kept positive.</summary>
    private static Dual3 PvagFactor(Bsim4SizeParameters p, Bsim4Evaluation e)
    {
        var pv9 = p.Pvag / e.EsatL * e.Vgsteffd;
        return pv9.V > -0.9 ? 1.0 + pv9 : (0.8 + pv9) / (17.0 + 20.0 * pv9);
    }

    /// <summary>1 + ln((Vasat + VACLM)/Vasat)/CCLM: the output resistance from channel-length modulation, with the
    /// saturation Early voltage Vasat.</summary>
    private static Dual3 ClmFactor(Bsim4InstanceParameters ip, Bsim4Evaluation e, Dual3 idl, Dual3 fp, Dual3 pvagTerm,
        Dual3 vgst2Vtm, Dual3 diffVds)
    {
        var p = ip.Size;
        var vdsat = e.Vdsatd;
        var abulk = e.Abulk;
        var wvCoxRds = e.WvCoxRds;
        var tmp4 = 1.0 - 0.5 * abulk * vdsat / vgst2Vtm;
        var a0 = e.EsatL + vdsat + 2.0 * (wvCoxRds * e.Vgsteffd) * tmp4;
        var a1 = 2.0 / e.Lambda - 1.0 + wvCoxRds * abulk;
        var vasat = a0 / a1;
        Dual3 cclm, vaclm;
        if (p.Pclm > MinExp && diffVds.V > 1.0e-10)
        {
            cclm = fp * pvagTerm * (1.0 + e.Rds * idl) * (p.Leff + vdsat / e.Esat) / (p.Pclm * p.Litl);
            vaclm = cclm * diffVds;
        }
        else cclm = vaclm = MaxExp;
        return 1.0 + Dual3.Log((vasat + vaclm) / vasat) / cclm;
    }

    /// <summary>VADIBL, the Early voltage of drain-induced barrier lowering (MaxExp when THETAROUT is 0).</summary>
    private static Dual3 DiblEarlyVoltage(Bsim4SizeParameters p, Bsim4Evaluation e, Dual3 vgst2Vtm, Dual3 pvagTerm)
    {
        if (p.ThetaRout <= MinExp) return MaxExp;
        var t8 = e.Abulk * e.Vdsatd;
        var vadibl = (vgst2Vtm - vgst2Vtm * t8 / (vgst2Vtm + t8)) / p.ThetaRout;
        var b7 = p.Pdiblb * e.Vbseff;
        vadibl *= b7.V >= -0.9 ? 1.0 / (1.0 + b7) : (17.0 + 20.0 * b7) / (0.8 + b7);
        return vadibl * pvagTerm;
    }

    /// <summary>VADITS, the Early voltage of drain-induced threshold shift (MaxExp when PDITS is 0).</summary>
    private static Dual3 DitsEarlyVoltage(Bsim4InstanceParameters ip, Bsim4Evaluation e, Dual3 fp)
    {
        var p = ip.Size;
        if (p.Pdits <= MinExp) return MaxExp;
        var ditsArg = p.Pditsd * e.ModeVds;
        var ditsExp = ditsArg.V > ExpThreshold ? Dual3.Constant(MaxExp) : Dual3.Exp(ditsArg);
        return (1.0 + ip.PditslTerm * ditsExp) / p.Pdits * fp;
    }

    /// <summary>VASCBE, the Early voltage of substrate current-induced body effect (MaxExp when PSCBE2 is 0).</summary>
    private static Dual3 ScbeEarlyVoltage(Bsim4SizeParameters p, Dual3 diffVds)
    {
        if (!(p.Pscbe2 > 0.0 && p.Pscbe1 >= 0.0)) return MaxExp;
        return diffVds.V > p.Pscbe1 * p.Litl / ExpThreshold
            ? p.Leff * Dual3.Exp(p.Pscbe1 * p.Litl / diffVds) / p.Pscbe2
            : Dual3.Constant(MaxExp * p.Leff / p.Pscbe2);
    }

    /// <summary>Substrate current from impact ionisation, (ALPHA0 + ALPHA1·L)/L·(Vds − Vdseff)·e^(−BETA0/(Vds − Vdseff))
    /// ·Idsa·Vdseff.</summary>
    private static Dual3 ImpactIonisation(Bsim4InstanceParameters ip, Bsim4Evaluation e, Dual3 idsa, Dual3 diffVds)
    {
        var beta0 = ip.Size.Beta0;
        var s1 = diffVds.V > beta0 / ExpThreshold
            ? ip.IsubPrefactor * diffVds * Dual3.Exp(-beta0 / diffVds)
            : ip.IsubPrefactor * MinExp * diffVds;
        return s1 * (idsa * e.Vdseffd);
    }

    /// <summary>The source-end thermal-velocity limit (VTL given): Ids/(1 + (vs/(VTL·Tfactor))^6)^(1/6).</summary>
    private static Dual3 VelocityLimited(Bsim4InstanceParameters ip, Dual3 cdrain, Dual3 coxeffWovL, Dual3 vgsteff)
    {
        var p = ip.Size;
        var vs = cdrain * (1.0 / p.Leff / coxeffWovL / vgsteff);
        var x = vs / (p.Vtl * p.Tfactor);
        if (x.V <= 0.0) return cdrain;
        const double twoMm = 6.0;
        var s2 = 1.0 + Dual3.Exp(twoMm * Dual3.Log(x));
        return cdrain * (1.0 / Dual3.Exp(Dual3.Log(s2) / twoMm));
    }

    /// <summary>1 + DVT2·Vbseff, continued smoothly below −0.5 (the characteristic-length body factor).</summary>
    private static Dual3 BodyFactor(Dual3 t0) => t0.V >= -0.5 ? 1.0 + t0 : (1.0 + 3.0 * t0) / (3.0 + 8.0 * t0);

    /// <summary><see cref="Bsim4SizeParameters.ShortChannelFactor"/> of a bias-dependent argument.</summary>
    private static Dual3 ShortChannel(Dual3 x)
    {
        if (x.V >= ExpThreshold) return 1.0 / (MaxExp - 2.0);
        var e = Dual3.Exp(x);
        var d = e - 1.0;
        return e / (d * d + 2.0 * e * MinExp);
    }

    /// <summary>BSIM4's exponential continued linearly above e^34 and floored (flat) at e^−34.</summary>
    public static Dual3 ExpLimited(Dual3 x)
    {
        if (x.V > ExpThreshold) return x.Chain(MaxExp * (1.0 + x.V - ExpThreshold), MaxExp);
        if (x.V < -ExpThreshold) return MinExp;
        return Dual3.Exp(x);
    }

    /// <summary>Gate voltage reduced by the depletion of a poly gate (NGATE between 1e18 and 1e25 cm⁻³).</summary>
    private static Dual3 PolyDepletion(Bsim4InstanceParameters ip, Bsim4SizeParameters p, Dual3 vg)
    {
        var phi = ip.PolyPhi;
        var ngate = p.Ngate;
        if (!(ngate > 1.0e18 && ngate < 1.0e25 && vg.V > phi)) return vg;
        var t1 = 1.0e6 * Constants.Charge * EpsSi * ngate / (ip.Coxe * ip.Coxe);
        var t8 = vg - phi;
        var t4 = Dual3.Sqrt(1.0 + 2.0 * t8 / t1);
        var t2 = 2.0 * t8 / (t4 + 1.0);
        var t3 = 0.5 * t2 * t2 / t1;
        var t7 = 1.12 - t3 - 0.05;
        var t6 = Dual3.Sqrt(t7 * t7 + 0.224);
        return vg - (1.12 - 0.5 * (t7 + t6));
    }

    /// <summary>The denominator of the effective mobility µ0/(1 + …) for MOBMOD 0–6, continued smoothly below −0.8.</summary>
    /// <summary>BSIM4's unified effective gate drive, smooth from weak to strong inversion:
    /// n·Vtm·ln(1 + exp(m*·Vgst/(n·Vtm))) / (m* + n·Coxe/Cdep0·exp(−((1 − m*)·Vgst − Voff′)/(n·Vtm))), V; with MSTAR and
    /// VOFF′ for the current, MSTARCV and VOFFCV′ for the charges (CVCHARGEMOD 1).</summary>
    internal static Dual3 UnifiedGateDrive(Bsim4InstanceParameters ip, Dual3 n, Dual3 vgst, double mstar, double voffcbn)
    {
        var vtm = ip.Vtm;
        var p = ip.Size;
        var nvt = n * vtm;
        var t1 = mstar * vgst;
        var arg = t1.V / nvt.V;
        Dual3 t10;
        if (arg > ExpThreshold) t10 = t1;
        else if (arg < -ExpThreshold) t10 = vtm * Math.Log(1.0 + MinExp) * n;
        else t10 = n * (vtm * Dual3.Log(1.0 + Dual3.Exp(t1 / nvt)));
        var t1b = voffcbn - (1.0 - mstar) * vgst;
        var arg2 = t1b.V / nvt.V;
        Dual3 t9;
        if (arg2 < -ExpThreshold) t9 = mstar + ip.Coxe * MinExp / p.Cdep0 * n;
        else if (arg2 > ExpThreshold) t9 = mstar + ip.Coxe * MaxExp / p.Cdep0 * n;
        else t9 = mstar + n * (ip.Coxe / p.Cdep0 * Dual3.Exp(t1b / nvt));
        return t10 / t9;
    }

    private static Dual3 MobilityDenominator(Bsim4InstanceParameters ip, Bsim4SizeParameters p, int mobMod, Dual3 vgsteff, Dual3 vth, Dual3 vbseff)
    {
        var t5 = mobMod switch
        {
            0 => Field(ip, p, vgsteff + vth + vth, vbseff, ubInside: true) + Coulomb(p, ip.Toxe, vgsteff, vth),
            1 => Field(ip, p, vgsteff + vth + vth, vbseff, ubInside: false) + Coulomb(p, ip.Toxe, vgsteff, vth),
            2 => PowerLaw(ip, p, vgsteff, vbseff) + Coulomb(p, ip.Toxe, vgsteff, vth),
            4 => Field(ip, p, vgsteff + ip.Vtfbphi1, vbseff, ubInside: true) + Coulomb(p, ip.Toxe, vgsteff, ip.Vtfbphi1),
            5 => Field(ip, p, vgsteff + ip.Vtfbphi1, vbseff, ubInside: false) + Coulomb(p, ip.Toxe, vgsteff, ip.Vtfbphi1),
            6 => PowerLaw(ip, p, vgsteff, vbseff) + Coulomb(p, ip.Toxe, vgsteff, ip.Vtfbphi1),
            _ => Universal(ip, p, vgsteff, vbseff),
        };
        return t5.V >= -0.8 ? 1.0 + t5 : (0.6 + t5) / (7.0 + 10.0 * t5);
    }

    /// <summary>The vertical-field term of MOBMOD 0/4 (UA + UC·Vbseff + UB·E)·E and 1/5 (UA + UB·E)·E·(1 + UC·Vbseff),
    /// E = <paramref name="drive"/>/TOXE.</summary>
    private static Dual3 Field(Bsim4InstanceParameters ip, Bsim4SizeParameters p, Dual3 drive, Dual3 vbseff, bool ubInside)
    {
        var t3 = drive / ip.Toxe;
        return ubInside ? t3 * (p.Ua + p.Uc * vbseff + p.Ub * t3) : t3 * (p.Ua + p.Ub * t3) * (1.0 + p.Uc * vbseff);
    }

    /// <summary>MOBMOD 2/6: (UA + UC·Vbseff)·((Vgsteff + Vtfbphi1)/TOXE)^EU.</summary>
    private static Dual3 PowerLaw(Bsim4InstanceParameters ip, Bsim4SizeParameters p, Dual3 vgsteff, Dual3 vbseff) =>
        Dual3.Exp(p.Eu * Dual3.Log((vgsteff + ip.Vtfbphi1) / ip.Toxe)) * (p.Ua + p.Uc * vbseff);

    /// <summary>MOBMOD 3 (high-k stacks): universal mobility with a Coulomb term in Vgsteff/VgsteffVth.</summary>
    private static Dual3 Universal(Bsim4InstanceParameters ip, Bsim4SizeParameters p, Dual3 vgsteff, Dual3 vbseff)
    {
        var t1 = Dual3.Exp(p.Eu * Dual3.Log((vgsteff + ip.Vtfbphi1) * 1.0e-8 / ip.Toxe / 6.0));
        var t10 = Dual3.Exp(p.Ucs * Dual3.Log(0.5 + 0.5 * vgsteff / p.VgsteffVth));
        return t1 * (p.Ua + p.Uc * vbseff) + p.Ud / t10;
    }

    /// <summary>The Coulomb-scattering term UD·(TOXE/(Vgsteff + 2·√(V² + 1e-4)))²·V² of MOBMOD 0–2 and 4–6.</summary>
    private static Dual3 Coulomb(Bsim4SizeParameters p, double toxe, Dual3 vgsteff, Dual3 v)
    {
        if (p.Ud == 0.0) return 0.0;
        var t12 = Dual3.Sqrt(v * v + 0.0001);
        var t10 = toxe / (vgsteff + 2.0 * t12);
        return p.Ud * t10 * t10 * v * v;
    }
}
