using static CircuitSim.Devices.Semiconductors.Bsim4.Bsim4Temperature;

namespace CircuitSim.Devices.Semiconductors.Bsim4;

/// <summary>
/// Direct tunnelling through the gate oxide: gate-to-channel current Igc (IGCMOD 1/2) split between source and drain
/// by PIGCD, the edge currents through the source and drain overlaps Igs/Igd, and the gate-to-bulk current Igb
/// (IGBMOD 1) in accumulation and in depletion/inversion. Each is A·T·exp(B·TOXE·(α + β·Vox − γ·Vox²)) with the
/// oxide voltage of the region.
/// </summary>
internal static class Bsim4GateTunnelling
{
    private const double Delta3 = 0.02;

    public static void Evaluate(Bsim4InstanceParameters ip, Bsim4Evaluation e)
    {
        var c = ip.Card;
        e.Igcs = e.Igcd = e.Igs = e.Igd = e.Igb = 0.0;
        if (c.IgcMod == 0 && c.IgbMod == 0) return;

        var vfbeff = FlatBandEffective(ip, e);
        var voxacc = ip.Vfbzb - vfbeff;
        if (voxacc.V < 0.0) voxacc = 0.0;
        var voxdepinv = DepletionInversionOxideVoltage(ip.Size, e, vfbeff);
        var vt = c.TempMod < 2 ? ip.Vtm : ip.Vtm0;
        if (c.IgcMod != 0)
        {
            GateToChannel(ip, e, vt, voxdepinv);
            EdgeCurrents(ip, e);
        }
        if (c.IgbMod != 0) e.Igb = GateToBulk(ip, e, vt, voxacc, voxdepinv);
    }

    /// <summary>The flat-band voltage smoothly limited by the gate–body bias (VFBZB, δ = 0.02 V).</summary>
    private static Dual3 FlatBandEffective(Bsim4InstanceParameters ip, Bsim4Evaluation e)
    {
        var vfb = ip.Vfbzb;
        var v3 = vfb - e.VgsEff + e.Vbseff - Delta3;
        var t0 = Dual3.Sqrt(vfb <= 0.0 ? v3 * v3 - 4.0 * Delta3 * vfb : v3 * v3 + 4.0 * Delta3 * vfb);
        return vfb - 0.5 * (v3 + t0);
    }

    /// <summary>The oxide voltage in depletion and inversion, Voxdepinv.</summary>
    private static Dual3 DepletionInversionOxideVoltage(Bsim4SizeParameters p, Bsim4Evaluation e, Dual3 vfbeff)
    {
        var vgsteff = e.Vgsteffd;
        var k = 0.5 * p.K1ox;
        var t3 = e.VgsEff - vfbeff - e.Vbseff - vgsteff;
        Dual3 voxdepinv;
        if (p.K1ox == 0.0) voxdepinv = 0.0;
        else if (t3.V < 0.0) voxdepinv = -t3;
        else voxdepinv = p.K1ox * (Dual3.Sqrt(k * k + t3) - k);
        return voxdepinv + vgsteff;
    }

    /// <summary>Igc and its split Igcs/Igcd between source and drain (PIGCD given, or BSIM4's bias-dependent one).</summary>
    private static void GateToChannel(Bsim4InstanceParameters ip, Bsim4Evaluation e, double vt, Dual3 voxdepinv)
    {
        var p = ip.Size;
        var vgsEff = e.VgsEff;
        var vgsteff = e.Vgsteffd;
        var nvt = vt * p.Nigc;
        var vx = ip.Card.IgcMod == 1 ? vgsEff - ip.TypeVth0 : vgsEff - e.VthDual;
        var vaux = SmoothPositive(vx, nvt);
        var igc = p.Aechvb * (vgsEff * vaux) * TunnelExp(p.Bechvb, p.Aigc, p.Bigc, p.Cigc, voxdepinv);

        Dual3 pigcd;
        if (ip.PigcdGiven) pigcd = p.Pigcd;
        else
        {
            var t12 = vgsteff + 1.0e-20;
            var t13 = -p.Bechvb / t12 / t12;
            pigcd = t13 * (1.0 - 0.5 * e.Vdseffd / t12);
        }
        var t7 = -pigcd * e.Vdseffd;
        var t8 = t7 * t7 + 2.0e-4;
        var t9 = t7.V > ExpThreshold ? (Dual3)MaxExp : t7.V < -ExpThreshold ? (Dual3)MinExp : Dual3.Exp(t7);
        var nf = ip.Fingers;
        e.Igcs = igc * ((t9 - 1.0 + 1.0e-4 - t7) / t8) * nf;
        e.Igcd = igc * ((t7 * t9 - (t9 - 1.0 - 1.0e-4)) / t8) * nf;
    }

    /// <summary>Edge tunnelling through the source and drain overlaps, Igs and Igd (external terminal voltages).</summary>
    private static void EdgeCurrents(Bsim4InstanceParameters ip, Bsim4Evaluation e)
    {
        var p = ip.Size;
        var vfbsd = p.Vfbsd + p.Vfbsdoff;
        var nf = ip.Fingers;
        var vgsExt = new Dual3(e.Vgs, 1, 0, 0);
        var vgsOx = vgsExt - vfbsd;
        var vgsOxEff = Dual3.Sqrt(vgsOx * vgsOx + 1.0e-4);
        e.Igs = p.AechvbEdgeS * (vgsExt * vgsOxEff) * TunnelExp(p.BechvbEdge, p.Aigs, p.Bigs, p.Cigs, vgsOxEff) * nf;
        var vgdExt = new Dual3(e.Vgs - e.Vds, 1, -1, 0);
        var vgdOx = vgdExt - vfbsd;
        var vgdOxEff = Dual3.Sqrt(vgdOx * vgdOx + 1.0e-4);
        e.Igd = p.AechvbEdgeD * (vgdExt * vgdOxEff) * TunnelExp(p.BechvbEdge, p.Aigd, p.Bigd, p.Cigd, vgdOxEff) * nf;
    }

    /// <summary>Igb: accumulation (Voxacc) plus depletion/inversion (Voxdepinv) tunnelling to the body.</summary>
    private static Dual3 GateToBulk(Bsim4InstanceParameters ip, Bsim4Evaluation e, double vt, Dual3 voxacc, Dual3 voxdepinv)
    {
        var p = ip.Size;
        var vgsEff = e.VgsEff;
        var vbseff = e.Vbseff;
        var accumulation = -vgsEff + vbseff + ip.Vfbzb;
        var vauxAcc = SmoothPositive(accumulation, vt * p.Nigbacc, linearAbove: true);
        var a11 = 4.97232e-7 * p.Weff * p.Leff * p.ToxRatio;
        var b12 = -7.45669e11 * ip.Toxe;
        var igbacc = a11 * ((vgsEff - vbseff) * vauxAcc) * TunnelExp(b12, p.Aigbacc, p.Bigbacc, p.Cigbacc, voxacc);
        var vauxInv = SmoothPositive(voxdepinv - p.Eigbinv, vt * p.Nigbinv, linearAbove: true);
        var igbinv = a11 * 0.75610 * ((vgsEff - vbseff) * vauxInv)
                     * TunnelExp(b12 * 1.31724, p.Aigbinv, p.Bigbinv, p.Cigbinv, voxdepinv);
        return (igbinv + igbacc) * ip.Fingers;
    }

    /// <summary>NVt·ln(1 + e^(x/NVt)): x above, 0 below, smoothly. For IGCMOD the linear branch keeps x only above
    /// the threshold as BSIM4 writes it.</summary>
    private static Dual3 SmoothPositive(Dual3 x, double nvt, bool linearAbove = true)
    {
        var r = x.V / nvt;
        if (r > ExpThreshold && linearAbove) return x;
        if (r < -ExpThreshold) return nvt * Math.Log(1.0 + MinExp);
        return nvt * Dual3.Log(1.0 + Dual3.Exp(x / nvt));
    }

    /// <summary>exp(B·(α + (αγ − β)·Vox − βγ·Vox²)), clamped flat at e^±34.</summary>
    private static Dual3 TunnelExp(double b, double alpha, double beta, double gamma, Dual3 vox)
    {
        var t5 = b * (alpha + (alpha * gamma - beta) * vox - beta * gamma * vox * vox);
        if (t5.V > ExpThreshold) return MaxExp;
        if (t5.V < -ExpThreshold) return MinExp;
        return Dual3.Exp(t5);
    }
}
