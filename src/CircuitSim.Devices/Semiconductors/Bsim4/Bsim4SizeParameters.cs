using CircuitSim.Core.Simulations;

namespace CircuitSim.Devices.Semiconductors.Bsim4;

/// <summary>
/// The BSIM4 parameters of one drawn geometry (L, W, NF) at one temperature: effective channel and junction
/// dimensions, every binned parameter P = P0 + PL/Leff + PW/Weff + PP/(Leff·Weff), and the quantities BSIM4 derives
/// from them once (surface potential, depletion width, body-effect coefficients, short-channel factors, the
/// temperature laws of mobility, saturation velocity and series resistance). Instances of the same size share one set.
/// </summary>
internal sealed class Bsim4SizeParameters
{
    private readonly double[] _values;
    private readonly double _invL, _invW, _invLW;

    /// <exception cref="CircuitException">The geometry leaves a non-positive effective length or width.</exception>
    public Bsim4SizeParameters(Bsim4Card c, Bsim4Temperature t, double length, double width, double fingers, string instance)
    {
        _values = c.Values;
        var modelName = c.Model.Name;
        Length = length;
        Width = width;
        Fingers = fingers;

        // effective dimensions (BSIM4's dL and dW laws)
        Lnew = length + c["xl"];
        Wnew = width / fingers + c["xw"];
        var t0 = Math.Pow(Lnew, c["lln"]);
        var t1 = Math.Pow(Wnew, c["lwn"]);
        Dl = c["lint"] + c["ll"] / t0 + c["lw"] / t1 + c["lwl"] / (t0 * t1);
        Dlc = c["dlc"] + c["llc"] / t0 + c["lwc"] / t1 + c["lwlc"] / (t0 * t1);
        var t2 = Math.Pow(Lnew, c["wln"]);
        var t3 = Math.Pow(Wnew, c["wwn"]);
        Dw = c["wint"] + c["wl"] / t2 + c["ww"] / t3 + c["wwl"] / (t2 * t3);
        var widthCv = c["wlc"] / t2 + c["wwc"] / t3 + c["wwlc"] / (t2 * t3);
        Dwc = c["dwc"] + widthCv;
        var dwj = c["dwj"] + widthCv;
        Leff = Positive(Lnew - 2.0 * Dl, "effective channel length", instance, modelName);
        Weff = Positive(Wnew - 2.0 * Dw, "effective channel width", instance, modelName);
        LeffCV = Positive(Lnew - 2.0 * Dlc, "effective channel length for C-V", instance, modelName);
        WeffCV = Positive(Wnew - 2.0 * Dwc, "effective channel width for C-V", instance, modelName);
        WeffCJ = Positive(Wnew - 2.0 * dwj, "effective channel width for the S/D junctions", instance, modelName);

        if (c.Int("binunit") == 1)
        {
            _invL = 1.0e-6 / Leff;
            _invW = 1.0e-6 / Weff;
            _invLW = 1.0e-12 / (Leff * Weff);
        }
        else
        {
            _invL = 1.0 / Leff;
            _invW = 1.0 / Weff;
            _invLW = 1.0 / (Leff * Weff);
        }

        Cdsc = Bin("cdsc"); Cdscb = Bin("cdscb"); Cdscd = Bin("cdscd"); Cit = Bin("cit");
        Nfactor = Bin("nfactor"); Xj = Bin("xj"); Vsat = Bin("vsat"); At = Bin("at");
        A0 = Bin("a0"); Ags = Bin("ags"); A1 = Bin("a1"); A2 = Bin("a2"); Keta = Bin("keta");
        Nsub = Bin("nsub"); Ndep = Bin("ndep"); Nsd = Bin("nsd"); Phin = Bin("phin"); Ngate = Bin("ngate");
        Gamma1 = Bin("gamma1"); Gamma2 = Bin("gamma2"); Vbx = Bin("vbx"); Vbm = Bin("vbm"); Xt = Bin("xt");
        K1 = Bin("k1"); Kt1 = Bin("kt1"); Kt1l = Bin("kt1l"); Kt2 = Bin("kt2"); K2 = Bin("k2"); K3 = Bin("k3"); K3b = Bin("k3b");
        W0 = Bin("w0");
        Dvtp0 = Bin("dvtp0"); Dvtp1 = Bin("dvtp1"); var dvtp2 = Bin("dvtp2"); var dvtp3 = Bin("dvtp3");
        Dvtp4 = Bin("dvtp4"); var dvtp5 = Bin("dvtp5");
        Lpe0 = Bin("lpe0"); Lpeb = Bin("lpeb");
        Dvt0 = Bin("dvt0"); Dvt1 = Bin("dvt1"); Dvt2 = Bin("dvt2"); Dvt0w = Bin("dvt0w"); Dvt1w = Bin("dvt1w"); Dvt2w = Bin("dvt2w");
        Drout = Bin("drout"); Dsub = Bin("dsub"); Vth0 = Bin("vth0");
        Ua = Bin("ua"); var ua1 = Bin("ua1"); Ub = Bin("ub"); var ub1 = Bin("ub1"); Uc = Bin("uc"); var uc1 = Bin("uc1");
        Ud = Bin("ud"); var ud1 = Bin("ud1"); var up = Bin("up"); var lp = Bin("lp"); U0 = Bin("u0"); Eu = Bin("eu");
        Ucs = Bin("ucs"); var ute = Bin("ute"); var ucste = Bin("ucste");
        Voff = Bin("voff"); var minv = Bin("minv"); var minvcv = Bin("minvcv"); Delta = Bin("delta");
        Rdsw = Bin("rdsw"); var rsw = Bin("rsw"); var rdw = Bin("rdw"); Prwg = Bin("prwg"); Prwb = Bin("prwb"); var prt = Bin("prt");
        Eta0 = Bin("eta0"); Etab = Bin("etab"); Pclm = Bin("pclm"); var pdibl1 = Bin("pdiblc1"); var pdibl2 = Bin("pdiblc2");
        Pdiblb = Bin("pdiblcb"); Fprout = Bin("fprout"); Pdits = Bin("pdits"); Pditsd = Bin("pditsd");
        Pscbe1 = Bin("pscbe1"); Pscbe2 = Bin("pscbe2"); Pvag = Bin("pvag");
        Vfbcv = Bin("vfbcv"); Vfb = Bin("vfb"); Acde = Bin("acde"); Moin = Bin("moin"); Noff = Bin("noff"); Voffcv = Bin("voffcv");
        Lambda = Bin("lambda"); Vtl = Bin("vtl"); Xn = Bin("xn");
        Vfbsdoff = Bin("vfbsdoff"); var tvfbsdoff = Bin("tvfbsdoff"); var tvoff = Bin("tvoff"); var tnfactor = Bin("tnfactor");
        var teta0 = Bin("teta0"); var tvoffcv = Bin("tvoffcv");
        var wr = Bin("wr"); Dwg = Bin("dwg"); Dwb = Bin("dwb"); B0 = Bin("b0"); B1 = Bin("b1");
        Cgsl = Bin("cgsl"); Cgdl = Bin("cgdl"); Ckappas = Bin("ckappas"); Ckappad = Bin("ckappad"); Cf = Bin("cf");
        Clc = Bin("clc"); Cle = Bin("cle");
        Alpha0 = Bin("alpha0"); Alpha1 = Bin("alpha1"); Beta0 = Bin("beta0");
        Agidl = Bin("agidl"); Bgidl = Bin("bgidl"); Cgidl = Bin("cgidl"); Rgidl = Bin("rgidl"); Kgidl = Bin("kgidl");
        Fgidl = Bin("fgidl"); Egidl = Bin("egidl");
        Agisl = Bin("agisl"); Bgisl = Bin("bgisl"); Cgisl = Bin("cgisl"); Rgisl = Bin("rgisl"); Kgisl = Bin("kgisl");
        Fgisl = Bin("fgisl"); Egisl = Bin("egisl");
        Aigc = Bin("aigc"); Bigc = Bin("bigc"); Cigc = Bin("cigc");
        Aigs = Bin("aigs"); Bigs = Bin("bigs"); Cigs = Bin("cigs"); Aigd = Bin("aigd"); Bigd = Bin("bigd"); Cigd = Bin("cigd");
        Aigbacc = Bin("aigbacc"); Bigbacc = Bin("bigbacc"); Cigbacc = Bin("cigbacc");
        Aigbinv = Bin("aigbinv"); Bigbinv = Bin("bigbinv"); Cigbinv = Bin("cigbinv");
        Nigc = Bin("nigc"); Nigbinv = Bin("nigbinv"); Nigbacc = Bin("nigbacc"); var ntox = Bin("ntox");
        Eigbinv = Bin("eigbinv"); Pigcd = Bin("pigcd"); var poxedge = Bin("poxedge");
        Kvth0we = Bin("kvth0we"); K2we = Bin("k2we"); Ku0we = Bin("ku0we");

        AbulkCVfactor = 1.0 + Math.Pow(Clc / LeffCV, Cle);

        // temperature laws
        var tRatio = t.TRatio;
        var delTemp = t.DelTemp;
        var tm1 = tRatio - 1.0;
        var powWeffWr = Math.Pow(WeffCJ * 1.0e6, wr) * fingers;
        Ucs *= Math.Pow(tRatio, ucste);
        double rdw0, rdwmin0, rsw0, rswmin0;
        if (c.TempMod == 0)
        {
            Ua += ua1 * tm1;
            Ub += ub1 * tm1;
            Uc += uc1 * tm1;
            Ud += ud1 * tm1;
            VsatTemp = Vsat - At * tm1;
            var t10 = prt * tm1;
            (rdw0, rdwmin0, rsw0, rswmin0) = c.RdsMod != 0 ? (rdw + t10, c["rdwmin"] + t10, rsw + t10, c["rswmin"] + t10) : (0, 0, 0, 0);
            Rds0 = (Rdsw + t10) * fingers / powWeffWr;
            Rdswmin = (c["rdswmin"] + t10) * fingers / powWeffWr;
        }
        else
        {
            if (c.TempMod == 3)
            {
                Ua *= Math.Pow(tRatio, ua1);
                Ub *= Math.Pow(tRatio, ub1);
                Uc *= Math.Pow(tRatio, uc1);
                Ud *= Math.Pow(tRatio, ud1);
            }
            else
            {
                Ua *= 1.0 + ua1 * delTemp;
                Ub *= 1.0 + ub1 * delTemp;
                Uc *= 1.0 + uc1 * delTemp;
                Ud *= 1.0 + ud1 * delTemp;
            }
            VsatTemp = Vsat * (1.0 - At * delTemp);
            var t10 = 1.0 + prt * delTemp;
            (rdw0, rdwmin0, rsw0, rswmin0) = c.RdsMod != 0 ? (rdw * t10, c["rdwmin"] * t10, rsw * t10, c["rswmin"] * t10) : (0, 0, 0, 0);
            Rds0 = Rdsw * t10 * fingers / powWeffWr;
            Rdswmin = c["rdswmin"] * t10 * fingers / powWeffWr;
        }
        Rd0 = Math.Max(0, rdw0) / powWeffWr;
        Rdwmin = Math.Max(0, rdwmin0) / powWeffWr;
        Rs0 = Math.Max(0, rsw0) / powWeffWr;
        Rswmin = Math.Max(0, rswmin0) / powWeffWr;

        if (U0 > 1.0) U0 /= 1.0e4; // cm²/Vs written where m²/Vs is meant
        U0Temp = U0 * (1.0 - up * Math.Exp(-Leff / lp)) * Math.Pow(tRatio, ute);
        if (Eu < 0.0) Eu = 0.0;
        if (Ucs < 0.0) Ucs = 0.0;
        Vfbsdoff *= 1.0 + tvfbsdoff * delTemp;
        Voff *= 1.0 + tvoff * delTemp;
        Nfactor += tnfactor * delTemp / t.Tnom;
        Voffcv *= 1.0 + tvoffcv * delTemp;
        Eta0 += teta0 * delTemp / t.Tnom;

        // source-end velocity limit
        if (c.Given("vtl") && c["vtl"] > 0.0)
        {
            var lc = c["lc"] < 0.0 ? 0.0 : c["lc"];
            var r = Leff / (Xn * Leff + lc);
            Tfactor = (1.0 - r) / (1.0 + r);
        }

        Cgdo = (c["cgdo"] + Cf) * WeffCV;
        Cgso = (c["cgso"] + Cf) * WeffCV;
        Cgbo = c["cgbo"] * LeffCV * fingers;

        if (!c.Given("ndep") && c.Given("gamma1"))
        {
            var g = Gamma1 * c.Coxe;
            Ndep = 3.01248e22 * g * g;
        }
        var vtm0 = t.Vtm0;
        var ni = t.Ni;
        const double epssub = Bsim4Temperature.EpsSi;
        var toxe = c["toxe"];
        var epsrox = c["epsrox"];
        Phi = vtm0 * Math.Log(Ndep / ni) + Phin + 0.4;
        SqrtPhi = Math.Sqrt(Phi);
        Xdep0 = Math.Sqrt(2.0 * epssub / (Bsim4Temperature.ChargeQ * Ndep * 1.0e6)) * SqrtPhi;
        SqrtXdep0 = Math.Sqrt(Xdep0);
        Litl = Math.Sqrt(3.0 * 3.9 / epsrox * Xj * toxe);
        Vbi = vtm0 * Math.Log(Nsd * Ndep / (ni * ni));
        Vfbsd = Ngate > 0.0 ? vtm0 * Math.Log(Ngate / Nsd) : 0.0;
        Cdep0 = Math.Sqrt(Bsim4Temperature.ChargeQ * epssub * Ndep * 1.0e6 / 2.0 / Phi);

        // gate tunnelling prefactors
        var toxref = c["toxref"];
        ToxRatio = Math.Exp(ntox * Math.Log(toxref / toxe)) / toxe / toxe;
        var toxRatioEdge = Math.Exp(ntox * Math.Log(toxref / (toxe * poxedge))) / toxe / toxe / poxedge / poxedge;
        var aechvb = c.Type > 0 ? 4.97232e-7 : 3.42537e-7;
        var bechvb = c.Type > 0 ? 7.45669e11 : 1.16645e12;
        AechvbEdgeS = aechvb * Weff * c["dlcig"] * toxRatioEdge;
        AechvbEdgeD = aechvb * Weff * c["dlcigd"] * toxRatioEdge;
        BechvbEdge = -bechvb * toxe * poxedge;
        Aechvb = aechvb * Weff * Leff * ToxRatio;
        Bechvb = -bechvb * toxe;

        Mstar = 0.5 + Math.Atan(minv) / Bsim4Card.Pi;
        Mstarcv = 0.5 + Math.Atan(minvcv) / Bsim4Card.Pi;
        Voffcbn = Voff + c["voffl"] / Leff;
        Voffcbncv = Voffcv + c["voffcvl"] / Leff;
        Ldeb = Math.Sqrt(epssub * vtm0 / (Bsim4Temperature.ChargeQ * Ndep * 1.0e6)) / 3.0;
        Acde *= Math.Pow(Ndep / 2.0e16, -0.25);

        // body-effect coefficients: K1/K2 as given, or from the doping profile
        if (c.Given("k1") || c.Given("k2"))
        {
            if (!c.Given("k1")) K1 = 0.53;
            if (!c.Given("k2")) K2 = -0.0186;
        }
        else
        {
            if (!c.Given("vbx")) Vbx = Phi - 7.7348e-4 * Ndep * Xt * Xt;
            if (Vbx > 0.0) Vbx = -Vbx;
            if (Vbm > 0.0) Vbm = -Vbm;
            if (!c.Given("gamma1")) Gamma1 = 5.753e-12 * Math.Sqrt(Ndep) / c.Coxe;
            if (!c.Given("gamma2")) Gamma2 = 5.753e-12 * Math.Sqrt(Nsub) / c.Coxe;
            var g0 = Gamma1 - Gamma2;
            var g1 = Math.Sqrt(Phi - Vbx) - SqrtPhi;
            var g2 = Math.Sqrt(Phi * (Phi - Vbm)) - Phi;
            K2 = g0 * g1 / (2.0 * g2 + Vbm);
            K1 = Gamma2 - 2.0 * K2 * Math.Sqrt(Phi - Vbm);
        }
        if (!c.Given("vfb"))
            Vfb = c.Given("vth0") ? c.Type * Vth0 - Phi - K1 * SqrtPhi : -1.0;
        if (!c.Given("vth0")) Vth0 = c.Type * (Vfb + Phi + K1 * SqrtPhi);
        K1ox = K1 * toxe / c["toxm"];

        // short-channel and DIBL factors at zero body bias
        var lt = Math.Sqrt(epssub / (epsrox * Bsim4Card.Eps0) * toxe * Xdep0);
        Theta0vb0 = ShortChannelFactor(Dsub * Leff / lt);
        ThetaRout = pdibl1 * ShortChannelFactor(Drout * Leff / lt) + pdibl2;
        var tmp1 = Vbi - Phi;
        var tmp2 = t.Factor1 * Math.Sqrt(Xdep0);
        var t8 = Dvt0w * ShortChannelFactor(Dvt1w * Weff * Leff / tmp2) * tmp1;
        var t9 = Dvt0 * ShortChannelFactor(Dvt1 * Leff / tmp2) * tmp1;
        var t4 = toxe * Phi / (Weff + W0);
        var tLpe = Math.Sqrt(1.0 + Lpe0 / Leff);
        var tTemp = c.TempMod is 0 or 1 ? (Kt1 + Kt1l / Leff) * tm1 : -Kt1 * tm1;
        var t5 = K1ox * (tLpe - 1.0) * SqrtPhi + tTemp;
        VfbzbFactor = -t8 - t9 + K3 * t4 + t5 - Phi - K1 * SqrtPhi;

        // length-of-diffusion (stress) reference factors
        var wlod = Math.Max(0.0, c["wlod"]);
        var wTmp = Wnew + wlod;
        var l0 = Math.Pow(Lnew, c["llodku0"]);
        var w1 = Math.Pow(wTmp, c["wlodku0"]);
        Ku0 = 1.0 + c["lku0"] / l0 + c["wku0"] / w1 + c["pku0"] / (l0 * w1);
        l0 = Math.Pow(Lnew, c["llodvth"]);
        w1 = Math.Pow(wTmp, c["wlodvth"]);
        var kvth0 = 1.0 + c["lkvth0"] / l0 + c["wkvth0"] / w1 + c["pkvth0"] / (l0 * w1);
        Kvth0 = Math.Sqrt(kvth0 * kvth0 + 1.0e-9);
        Ku0Temp = Ku0 * (1.0 + c["tku0"] * tm1) + 1.0e-9;
        var ldrn = length;
        InvOdRef = 1.0 / (c["saref"] + 0.5 * ldrn) + 1.0 / (c["sbref"] + 0.5 * ldrn);
        RhoRef = c["ku0"] / Ku0Temp * InvOdRef;

        if (c.MobMod == 3) VgsteffVth = ThresholdVgsteff(c, t);

        // drain-induced threshold shift (DITS)
        Dvtp2Factor = dvtp5 + dvtp2 * Bsim4Temperature.LimitedExp(-dvtp3 * Math.Log(Leff));

        // BSIM4's parameter check repairs, after the temperature update, the values it cannot use
        if (Ckappas < 0.02) Ckappas = 0.02;
        if (Ckappad < 0.02) Ckappad = 0.02;
        if (!c.ParamChk) return;
        if (A2 < 0.01) A2 = 0.01;
        else if (A2 > 1.0) { A2 = 1.0; A1 = 0.0; }
        if (Prwg < 0.0) Prwg = 0.0;
        if (Rdsw < 0.0) { Rdsw = 0.0; Rds0 = 0.0; }
        if (Rds0 < 0.0) Rds0 = 0.0;
        if (Rdswmin < 0.0) Rdswmin = 0.0;
    }

    /// <summary>Drawn length, width and number of fingers this set is for.</summary>
    public double Length { get; }
    public double Width { get; }
    public double Fingers { get; }

    // effective geometry, m
    public readonly double Lnew, Wnew, Dl, Dlc, Dw, Dwc, Leff, Weff, LeffCV, WeffCV, WeffCJ;

    // binned parameters (after the temperature laws where BSIM4 applies one)
    public readonly double Cdsc, Cdscb, Cdscd, Cit, Xj, Vsat, At, A0, Ags, Keta, Nsub, Nsd, Phin, Ngate;
    public readonly double Xt, Kt1, Kt1l, Kt2, K3, K3b, W0, Dvtp0, Dvtp1, Dvtp4, Lpe0, Lpeb;
    public readonly double Dvt0, Dvt1, Dvt2, Dvt0w, Dvt1w, Dvt2w, Drout, Dsub, U0, Voffcv, Delta, Rdsw, Prwb;
    public readonly double Etab, Pclm, Pdiblb, Fprout, Pdits, Pditsd, Pscbe1, Pscbe2, Pvag, Vfbcv, Moin, Noff;
    public readonly double Lambda, Vtl, Dwg, Dwb, B0, B1, Cgsl, Cgdl, Cf, Clc, Cle, Alpha0, Alpha1, Beta0;
    public readonly double Agidl, Bgidl, Cgidl, Rgidl, Kgidl, Fgidl, Egidl, Agisl, Bgisl, Cgisl, Rgisl, Kgisl, Fgisl, Egisl;
    public readonly double Aigc, Bigc, Cigc, Aigs, Bigs, Cigs, Aigd, Bigd, Cigd;
    public readonly double Aigbacc, Bigbacc, Cigbacc, Aigbinv, Bigbinv, Cigbinv, Nigc, Nigbinv, Nigbacc, Eigbinv, Pigcd;
    public readonly double Kvth0we, K2we, Ku0we;
    public readonly double Nfactor, Ndep, Gamma1, Gamma2, Vbx, Vbm, K1, K2, Vth0, Vfb, Ua, Ub, Uc, Ud, Eu, Ucs;
    public readonly double Voff, Eta0, Vfbsdoff, A1, A2, Prwg, Xn, Ckappas, Ckappad, Acde;

    // derived once per size and temperature
    public readonly double AbulkCVfactor, VsatTemp, Rds0, Rdswmin, Rd0, Rdwmin, Rs0, Rswmin, U0Temp, Tfactor;
    public readonly double Cgdo, Cgso, Cgbo;
    public readonly double Phi, SqrtPhi, Xdep0, SqrtXdep0, Litl, Vbi, Vfbsd, Cdep0;
    public readonly double ToxRatio, Aechvb, Bechvb, AechvbEdgeS, AechvbEdgeD, BechvbEdge;
    public readonly double Mstar, Mstarcv, Voffcbn, Voffcbncv, Ldeb, K1ox, Theta0vb0, ThetaRout, VfbzbFactor;
    public readonly double Ku0, Kvth0, Ku0Temp, InvOdRef, RhoRef, VgsteffVth, Dvtp2Factor;

    /// <summary>A binned parameter at this size.</summary>
    private double Bin(string name)
    {
        var i = Bsim4ParameterTable.Require(name);
        var b = Bsim4ParameterTable.BinnedCount;
        var v = _values;
        return v[i] + v[i + b] * _invL + v[i + 2 * b] * _invW + v[i + 3 * b] * _invLW;
    }

    /// <summary>BSIM4's short-channel factor 1/(2(cosh x − 1)) written as e^x/((e^x − 1)² + 2e^x·e^−34), saturated
    /// above x = 34.</summary>
    public static double ShortChannelFactor(double x)
    {
        if (x >= Bsim4Temperature.ExpThreshold) return 1.0 / (Bsim4Temperature.MaxExp - 2.0);
        var e = Math.Exp(x);
        var d = e - 1.0;
        return e / (d * d + 2.0 * e * Bsim4Temperature.MinExp);
    }

    /// <summary>Vgsteff at threshold for the high-k mobility model (MOBMOD = 3): n at zero body and drain bias.</summary>
    private double ThresholdVgsteff(Bsim4Card c, Bsim4Temperature t)
    {
        var lt1 = t.Factor1 * SqrtXdep0;
        var theta0 = ShortChannelFactor(Dvt1 * Leff / lt1);
        var tmp1 = Bsim4Temperature.EpsSi / Xdep0;
        var tmp3 = (Nfactor * tmp1 + Cdsc * theta0 + Cit) / c.Coxe;
        var n0 = tmp3 >= -0.5 ? 1.0 + tmp3 : (1.0 + 3.0 * tmp3) / (3.0 + 8.0 * tmp3);
        var t0 = n0 * t.Vtm;
        var t2 = Voffcbn / t0;
        var e = t2 < -Bsim4Temperature.ExpThreshold ? Bsim4Temperature.MinExp
              : t2 > Bsim4Temperature.ExpThreshold ? Bsim4Temperature.MaxExp
              : Math.Exp(t2);
        var t4 = Mstar + e * c.Coxe / Cdep0 * n0;
        return t0 * Math.Log(2.0) / t4;
    }

    private static double Positive(double value, string what, string instance, string model) =>
        value > 0.0 ? value : throw new CircuitException(
            $"{instance}: the {what} of BSIM4 model '{model}' is {value:G4} m (not positive); check L, W, NF and the card's LINT/WINT/DLC/DWC/XL/XW", instance);
}
