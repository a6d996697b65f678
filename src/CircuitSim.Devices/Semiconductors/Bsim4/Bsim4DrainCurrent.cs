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
        var p = ip.Size;
        var c = ip.Card;
        var vds = e.Vds;
        var vgs = e.Vgs;
        var vbs = e.Vbs;

        // mode frame, with derivatives taken with respect to the external Vgs, Vds, Vbs
        Dual3 Vds, Vgs, Vbs;
        if (vds >= 0.0)
        {
            e.Mode = 1;
            Vds = new Dual3(vds, 0, 1, 0);
            Vgs = new Dual3(vgs, 1, 0, 0);
            Vbs = new Dual3(vbs, 0, 0, 1);
        }
        else
        {
            e.Mode = -1;
            Vds = new Dual3(-vds, 0, -1, 0);
            Vgs = new Dual3(vgs - vds, 1, -1, 0);
            Vbs = new Dual3(vbs - vds, 0, -1, 1);
        }
        e.ModeVds = Vds;
        e.ModeVgs = Vgs;
        e.ModeVbs = Vbs;

        // effective body bias: limited below by VBSC and kept below 0.95·PHI in forward bias
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
        var phis = p.Phi - vbseff;
        var sqrtPhis = Dual3.Sqrt(phis);
        var xdep = p.Xdep0 * sqrtPhis / p.SqrtPhi;
        e.Vbseff = vbseff;
        e.Phis = phis;
        e.SqrtPhis = sqrtPhis;

        var leff = p.Leff;
        var vtm = ip.Vtm;

        // threshold voltage
        var t3 = Dual3.Sqrt(xdep);
        var lt1 = ip.Temperature.Factor1 * t3 * BodyFactor(p.Dvt2 * vbseff);
        var ltw = ip.Temperature.Factor1 * t3 * BodyFactor(p.Dvt2w * vbseff);
        var theta0 = ShortChannel(ip.Dvt1Leff / lt1);
        var deltVth = p.Dvt0 * theta0 * ip.V0;
        var narrow = p.Dvt0w * ShortChannel(ip.Dvt1wWeffLeff / ltw) * ip.V0;
        var tempShift = ip.K1oxLpe + (ip.Kt1Sum + p.Kt2 * vbseff) * ip.TempRatio;
        var eta = ip.Eta0 + p.Etab * vbseff;
        if (eta.V < 1.0e-4) eta = (2.0e-4 - eta) / (3.0 - 2.0e4 * eta);
        var diblSft = eta * p.Theta0vb0 * Vds;
        var vth = ip.TypeVth0 + (p.K1ox * sqrtPhis - p.K1 * p.SqrtPhi) * ip.LpeVb - ip.K2ox * vbseff - deltVth - narrow
                  + (p.K3 + p.K3b * vbseff) * ip.VthNarrowW + tempShift - diblSft;

        // subthreshold swing factor
        var tmp1 = EpsSub / xdep;
        var tmp2 = p.Nfactor * tmp1;
        var tmp3 = p.Cdsc + p.Cdscb * vbseff + p.Cdscd * Vds;
        var tmp4 = (tmp2 + tmp3 * theta0 + p.Cit) / ip.Coxe;
        var n = tmp4.V >= -0.5 ? 1.0 + tmp4 : (1.0 + 3.0 * tmp4) / (3.0 + 8.0 * tmp4);

        // pocket implant and drain-induced threshold shifts
        if (p.Dvtp0 > 0.0)
        {
            var x = -p.Dvtp1 * Vds;
            var t2 = x.V < -ExpThreshold ? Dual3.Constant(MinExp) : Dual3.Exp(x);
            var l3 = leff + p.Dvtp0 * (1.0 + t2);
            var vt = c.TempMod < 2 ? vtm : ip.Vtm0;
            vth -= n * (vt * Dual3.Log(leff / l3));
        }
        if (p.Dvtp4 != 0.0 && p.Dvtp2Factor != 0.0)
        {
            var ex = ExpLimited(2.0 * p.Dvtp4 * Vds);
            vth -= p.Dvtp2Factor * (ex - 1.0) / (ex + 1.0);
        }
        e.VthDual = vth;
        e.N = n;

        // poly depletion of the gate, for both ends (GIDL/GISL use both)
        var vgsExt = new Dual3(vgs, 1, 0, 0);
        var vgdExt = new Dual3(vgs - vds, 1, -1, 0);
        var vgsEffExt = PolyDepletion(ip, p, vgsExt);
        var vgdEffExt = PolyDepletion(ip, p, vgdExt);
        e.VgsEffExternal = vgsEffExt;
        e.VgdEffExternal = vgdEffExt;
        var vgsEff = e.Mode > 0 ? vgsEffExt : vgdEffExt;
        e.VgsEff = vgsEff;

        // effective gate drive, unified from subthreshold to strong inversion
        var vgst = vgsEff - vth;
        var nvt = n * vtm;
        var t1v = p.Mstar * vgst;
        var arg = t1v.V / nvt.V;
        Dual3 t10;
        if (arg > ExpThreshold) t10 = t1v;
        else if (arg < -ExpThreshold) t10 = vtm * Math.Log(1.0 + MinExp) * n;
        else t10 = n * (vtm * Dual3.Log(1.0 + Dual3.Exp(t1v / nvt)));
        var t1b = p.Voffcbn - (1.0 - p.Mstar) * vgst;
        var arg2 = t1b.V / nvt.V;
        Dual3 t9d;
        if (arg2 < -ExpThreshold) t9d = p.Mstar + ip.Coxe * MinExp / p.Cdep0 * n;
        else if (arg2 > ExpThreshold) t9d = p.Mstar + ip.Coxe * MaxExp / p.Cdep0 * n;
        else t9d = p.Mstar + n * (ip.Coxe / p.Cdep0 * Dual3.Exp(t1b / nvt));
        var vgsteff = t10 / t9d;
        e.Vgsteffd = vgsteff;

        // effective channel width and source/drain resistance
        var sqrtPhiDelta = sqrtPhis - p.SqrtPhi;
        var weff = p.Weff - 2.0 * (p.Dwg * vgsteff + p.Dwb * sqrtPhiDelta);
        if (weff.V < 2.0e-8)
        {
            var r = 1.0 / (6.0e-8 - 2.0 * weff);
            weff = 2.0e-8 * (4.0e-8 - weff) * r;
        }
        Dual3 rds = 0.0;
        if (c.RdsMod != 1)
        {
            var r0 = 1.0 + p.Prwg * vgsteff;
            var r2 = 1.0 / r0 + p.Prwb * sqrtPhiDelta;
            var r3 = r2 + Dual3.Sqrt(r2 * r2 + 0.01);
            rds = p.Rdswmin + r3 * (p.Rds0 * 0.5);
        }

        // bulk charge factor
        var k1Term = 0.5 * p.K1ox * ip.LpeVb / sqrtPhis + ip.K2ox - p.K3b * ip.VthNarrowW;
        var xjDep = Dual3.Sqrt(p.Xj * xdep);
        var t5 = leff / (leff + 2.0 * xjDep);
        var t2b = p.A0 * t5 + ip.B0Term;
        var t7 = t5 * (t5 * t5);
        var abulk0 = 1.0 + k1Term * t2b;
        var abulkSlope = -k1Term * (p.Ags * p.A0 * t7);
        var abulk = abulk0 + abulkSlope * vgsteff;
        if (abulk0.V < 0.1) abulk0 = (0.2 - abulk0) / (3.0 - 20.0 * abulk0);
        if (abulk.V < 0.1) abulk = (0.2 - abulk) / (3.0 - 20.0 * abulk);
        var ketaTerm = p.Keta * vbseff;
        var ketaFactor = ketaTerm.V >= -0.9 ? 1.0 / (1.0 + ketaTerm) : (17.0 + 20.0 * ketaTerm) / (0.8 + ketaTerm);
        abulk *= ketaFactor;
        abulk0 *= ketaFactor;
        e.Abulk0 = abulk0;

        // mobility
        var denomi = MobilityDenominator(ip, p, c.MobMod, vgsteff, vth, vbseff);
        var ueff = ip.U0Temp / denomi;
        e.Ueff = ueff.V;

        // saturation voltage
        var vsattemp = ip.VsatTemp;
        var wvCoxRds = weff * vsattemp * ip.Coxe * rds;
        var esat = 2.0 * vsattemp / ueff;
        var esatL = esat * leff;
        Dual3 lambda;
        if (p.A1 == 0.0) lambda = p.A2;
        else if (p.A1 > 0.0)
        {
            var a = 1.0 - p.A2;
            var l1 = a - p.A1 * vgsteff - 0.0001;
            var l2 = Dual3.Sqrt(l1 * l1 + 0.0004 * a);
            lambda = p.A2 + a - 0.5 * (l1 + l2);
        }
        else
        {
            var l1 = p.A2 + p.A1 * vgsteff - 0.0001;
            var l2 = Dual3.Sqrt(l1 * l1 + 0.0004 * p.A2);
            lambda = 0.5 * (l1 + l2);
        }
        var vgst2Vtm = vgsteff + 2.0 * vtm;
        Dual3 vdsat;
        if (rds.V == 0.0 && lambda.V == 1.0)
        {
            vdsat = esatL * vgst2Vtm * (1.0 / (abulk * esatL + vgst2Vtm));
        }
        else
        {
            var s9 = abulk * wvCoxRds;
            var s7 = vgst2Vtm * s9;
            var s6 = vgst2Vtm * wvCoxRds;
            var s0 = 2.0 * abulk * (s9 - 1.0 + 1.0 / lambda);
            var s1 = vgst2Vtm * (2.0 / lambda - 1.0) + abulk * esatL + 3.0 * s7;
            var s2 = vgst2Vtm * (esatL + 2.0 * s6);
            var s3 = Dual3.Sqrt(s1 * s1 - 2.0 * s0 * s2);
            vdsat = (s1 - s3) / s0;
        }
        e.Vdsat = vdsat.V;

        // effective drain-source voltage: Vds smoothly limited to Vdsat
        var delta = p.Delta;
        var d1 = vdsat - Vds - delta;
        var d2 = Dual3.Sqrt(d1 * d1 + 4.0 * delta * vdsat);
        Dual3 vdseff;
        if (d1.V >= 0.0) vdseff = vdsat - 0.5 * (d1 + d2);
        else vdseff = vdsat * (1.0 - 2.0 * delta / (d2 - d1));
        // at Vds = 0 BSIM4 sets Vdseff to 0 but keeps its slope in Vds, so the channel still conducts
        if (Vds.V == 0.0) vdseff = new Dual3(0.0, 0.0, vdseff.D, 0.0);
        if (vdseff.V > Vds.V) vdseff = vdseff.WithValue(Vds.V);
        var diffVds = Vds - vdseff;
        e.Vdseffd = vdseff;
        e.Vdseff = vdseff.V;

        // velocity overshoot
        if (ip.LambdaGiven)
        {
            var o2 = p.Lambda / (leff * ueff);
            var o5 = 1.0 / (esat * p.Litl);
            var o6 = 1.0 + diffVds * o5;
            var o8 = 1.0 - 2.0 / (o6 * o6 + 1.0);
            esatL *= 1.0 + o2 * o8;
            esat = esatL / leff;
        }

        // saturation-region voltage Vasat
        var tmp4b = 1.0 - 0.5 * abulk * vdsat / vgst2Vtm;
        var a0 = esatL + vdsat + 2.0 * (wvCoxRds * vgsteff) * tmp4b;
        var a1 = 2.0 / lambda - 1.0 + wvCoxRds * abulk;
        var vasat = a0 / a1;

        // linear-region current with the charge-centroid oxide capacitance
        var tc0 = (vgsteff + ip.Vtfbphi2) * (1.0 / ip.TcenBase);
        var tcen = ip.CentroidA / (1.0 + Dual3.Exp(ip.CentroidB * Dual3.Log(tc0)));
        var coxeff = EpsSub * ip.Coxp / (EpsSub + ip.Coxp * tcen);
        var coxeffWovL = coxeff * weff / leff;
        var beta = ueff * coxeffWovL;
        var fgche1 = vgsteff * (1.0 - 0.5 * vdseff * (abulk / vgst2Vtm));
        var fgche2 = 1.0 + vdseff / esatL;
        var gche = beta * fgche1 / fgche2;
        var idl = gche / (1.0 + gche * rds);

        // output resistance: channel-length modulation, DIBL, DITS, SCBE
        Dual3 fp = 1.0;
        if (p.Fprout > 0.0) fp = 1.0 / (1.0 + p.Fprout * ip.SqrtLeff / vgst2Vtm);
        var pv9 = p.Pvag / esatL * vgsteff;
        var pvagTerm = pv9.V > -0.9 ? 1.0 + pv9 : (0.8 + pv9) / (17.0 + 20.0 * pv9);
        Dual3 cclm, vaclm;
        if (p.Pclm > MinExp && diffVds.V > 1.0e-10)
        {
            var c0 = 1.0 + rds * idl;
            var c1 = leff + vdsat / esat;
            cclm = fp * pvagTerm * c0 * c1 / (p.Pclm * p.Litl);
            vaclm = cclm * diffVds;
        }
        else cclm = vaclm = MaxExp;
        Dual3 vadibl;
        if (p.ThetaRout > MinExp)
        {
            var t8 = abulk * vdsat;
            vadibl = (vgst2Vtm - vgst2Vtm * t8 / (vgst2Vtm + t8)) / p.ThetaRout;
            var b7 = p.Pdiblb * vbseff;
            vadibl *= b7.V >= -0.9 ? 1.0 / (1.0 + b7) : (17.0 + 20.0 * b7) / (0.8 + b7);
            vadibl *= pvagTerm;
        }
        else vadibl = MaxExp;
        var va = vasat + vaclm;
        var ditsArg = p.Pditsd * Vds;
        var ditsExp = ditsArg.V > ExpThreshold ? Dual3.Constant(MaxExp) : Dual3.Exp(ditsArg);
        Dual3 vadits = p.Pdits > MinExp ? (1.0 + ip.PditslTerm * ditsExp) / p.Pdits * fp : Dual3.Constant(MaxExp);
        Dual3 vascbe;
        if (p.Pscbe2 > 0.0 && p.Pscbe1 >= 0.0)
        {
            vascbe = diffVds.V > p.Pscbe1 * p.Litl / ExpThreshold
                ? leff * Dual3.Exp(p.Pscbe1 * p.Litl / diffVds) / p.Pscbe2
                : Dual3.Constant(MaxExp * leff / p.Pscbe2);
        }
        else vascbe = MaxExp;

        var idsa = idl * (1.0 + diffVds / vadibl);
        idsa *= 1.0 + diffVds / vadits;
        idsa *= 1.0 + Dual3.Log(va / vasat) / cclm;

        // impact ionization
        Dual3 isub = 0.0;
        if (ip.HasIsub)
        {
            Dual3 s1;
            if (diffVds.V > p.Beta0 / ExpThreshold) s1 = ip.IsubPrefactor * diffVds * Dual3.Exp(-p.Beta0 / diffVds);
            else s1 = ip.IsubPrefactor * MinExp * diffVds;
            isub = s1 * (idsa * vdseff);
        }

        var ids = idsa * (1.0 + diffVds / vascbe);
        var cdrain = ids * vdseff;

        // source-end velocity limit
        if (ip.VtlGiven)
        {
            var vs = cdrain * (1.0 / leff / coxeffWovL / vgsteff);
            var x = vs / (p.Vtl * p.Tfactor);
            if (x.V > 0.0)
            {
                const double twoMm = 6.0;
                var s2 = 1.0 + Dual3.Exp(twoMm * Dual3.Log(x));
                cdrain *= 1.0 / Dual3.Exp(Dual3.Log(s2) / twoMm);
            }
        }

        var nf = ip.Fingers;
        e.Ids = cdrain * nf;
        e.Isub = isub * nf;
        e.Vth = vth.V;
        e.Vgsteff = vgsteff.V;
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
    private static Dual3 MobilityDenominator(Bsim4InstanceParameters ip, Bsim4SizeParameters p, int mobMod, Dual3 vgsteff, Dual3 vth, Dual3 vbseff)
    {
        var toxe = ip.Toxe;
        Dual3 t5;
        switch (mobMod)
        {
            case 0:
            {
                var t3 = (vgsteff + vth + vth) / toxe;
                t5 = t3 * (p.Ua + p.Uc * vbseff + p.Ub * t3) + Coulomb(p, toxe, vgsteff, vth);
                break;
            }
            case 1:
            {
                var t3 = (vgsteff + vth + vth) / toxe;
                t5 = t3 * (p.Ua + p.Ub * t3) * (1.0 + p.Uc * vbseff) + Coulomb(p, toxe, vgsteff, vth);
                break;
            }
            case 2:
            {
                var t1 = Dual3.Exp(p.Eu * Dual3.Log((vgsteff + ip.Vtfbphi1) / toxe));
                t5 = t1 * (p.Ua + p.Uc * vbseff) + Coulomb(p, toxe, vgsteff, vth);
                break;
            }
            case 4:
            {
                var t3 = (vgsteff + ip.Vtfbphi1) / toxe;
                t5 = t3 * (p.Ua + p.Uc * vbseff + p.Ub * t3) + Coulomb(p, toxe, vgsteff, ip.Vtfbphi1);
                break;
            }
            case 5:
            {
                var t3 = (vgsteff + ip.Vtfbphi1) / toxe;
                t5 = t3 * (p.Ua + p.Ub * t3) * (1.0 + p.Uc * vbseff) + Coulomb(p, toxe, vgsteff, ip.Vtfbphi1);
                break;
            }
            case 6:
            {
                var t1 = Dual3.Exp(p.Eu * Dual3.Log((vgsteff + ip.Vtfbphi1) / toxe));
                t5 = t1 * (p.Ua + p.Uc * vbseff) + Coulomb(p, toxe, vgsteff, ip.Vtfbphi1);
                break;
            }
            default: // 3: universal mobility with Coulomb scattering for high-k stacks
            {
                var t1 = Dual3.Exp(p.Eu * Dual3.Log((vgsteff + ip.Vtfbphi1) * 1.0e-8 / toxe / 6.0));
                var t10 = Dual3.Exp(p.Ucs * Dual3.Log(0.5 + 0.5 * vgsteff / p.VgsteffVth));
                t5 = t1 * (p.Ua + p.Uc * vbseff) + p.Ud / t10;
                break;
            }
        }
        return t5.V >= -0.8 ? 1.0 + t5 : (0.6 + t5) / (7.0 + 10.0 * t5);
    }

    /// <summary>The Coulomb-scattering term UD·(TOXE/(Vgsteff + 2·√(V² + 1e-4)))²·V² of MOBMOD 0–2 and 4–6.</summary>
    private static Dual3 Coulomb(Bsim4SizeParameters p, double toxe, Dual3 vgsteff, Dual3 v)
    {
        var t12 = Dual3.Sqrt(v * v + 0.0001);
        var t10 = toxe / (vgsteff + 2.0 * t12);
        return p.Ud * t10 * t10 * v * v;
    }
}
