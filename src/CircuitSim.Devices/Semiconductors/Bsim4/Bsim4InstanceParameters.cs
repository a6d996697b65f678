namespace CircuitSim.Devices.Semiconductors.Bsim4;

/// <summary>
/// What one BSIM4 instance needs besides its size's parameters, at one temperature: the layout-stress and
/// well-proximity corrections of VTH0, K2, ETA0, U0 and VSAT, DELVTO, the flat-band and body-bias limits, the junction
/// areas and perimeters, the diffusion conductances, and the junction diode constants (saturation currents, the
/// forward/reverse linearization points, trap-assisted tunnelling and zero-bias capacitances).
/// </summary>
internal sealed class Bsim4InstanceParameters
{
    public Bsim4InstanceParameters(Bsim4Card c, Bsim4Temperature t, Bsim4SizeParameters p, Bsim4Mosfet d)
    {
        Card = c;
        Temperature = t;
        Size = p;
        Type = c.Type;
        Fingers = d.Fingers;
        Multiplier = d.Multiplier;
        var nf = d.Fingers;
        var ldrn = d.Length;
        var wdrn = d.Width / nf;

        // layout stress (length of diffusion)
        var sd = d.Sd ?? 2.0 * c["dmcg"];
        if (d.Sa > 0.0 && d.Sb > 0.0 && (nf == 1.0 || (nf > 1.0 && sd > 0.0)))
        {
            var kvsat = Math.Clamp(c["kvsat"], -1.0, 1.0);
            double invSa = 0, invSb = 0;
            for (var i = 0; i < nf; i++)
            {
                invSa += 1.0 / nf / (d.Sa + 0.5 * ldrn + i * (sd + ldrn));
                invSb += 1.0 / nf / (d.Sb + 0.5 * ldrn + i * (sd + ldrn));
            }
            var invOd = invSa + invSb;
            var rho = c["ku0"] / p.Ku0Temp * invOd;
            VsatTemp = p.VsatTemp * (1.0 + kvsat * rho) / (1.0 + kvsat * p.RhoRef);
            var odOffset = invOd - p.InvOdRef;
            Vth0 = p.Vth0 + c["kvth0"] / p.Kvth0 * odOffset;
            Eta0 = p.Eta0 + c["steta0"] / Math.Pow(p.Kvth0, c["lodeta0"]) * odOffset;
            K2 = p.K2 + c["stk2"] / Math.Pow(p.Kvth0, c["lodk2"]) * odOffset;
        }
        else
        {
            Vth0 = p.Vth0;
            VsatTemp = p.VsatTemp;
            Eta0 = p.Eta0;
            K2 = p.K2;
        }

        // well proximity
        if (c.Int("wpemod") != 0)
        {
            double sca = d.Sca ?? 0, scb = d.Scb ?? 0, scc = d.Scc ?? 0;
            var sc = d.Sc ?? 0;
            if (d.Sca is null && d.Scb is null && d.Scc is null && sc > 0.0)
            {
                var scref = c["scref"];
                var t1 = sc + wdrn;
                var t2 = 1.0 / scref;
                sca = scref * scref / (sc * t1);
                scb = ((0.1 * sc + 0.01 * scref) * Math.Exp(-10.0 * sc * t2) - (0.1 * t1 + 0.01 * scref) * Math.Exp(-10.0 * t1 * t2)) / wdrn;
                scc = ((0.05 * sc + 0.0025 * scref) * Math.Exp(-20.0 * sc * t2) - (0.05 * t1 + 0.0025 * scref) * Math.Exp(-20.0 * t1 * t2)) / wdrn;
            }
            var sceff = Math.Max(0, sca) + c["web"] * Math.Max(0, scb) + c["wec"] * Math.Max(0, scc);
            Vth0 += p.Kvth0we * sceff;
            K2 += p.K2we * sceff;
        }

        Vth0 += d.DelVto;
        Vfb = p.Vfb + Type * d.DelVto;
        // BSIM4 4.8 scales the low-field mobility by (1 + ρ)/(1 + ρref) for stress (KU0) and by 1 + KU0WE·SCeff for
        // the well proximity, but ngspice 39 then sets u0temp = u0temp(size)·MULU0, which discards both factors. We
        // give ngspice's answers (docs/bsim4.md, "Deviations from the manual").
        U0Temp = p.U0Temp * d.MobilityMultiplier;

        var t3 = Type * Vth0 - Vfb - p.Phi;
        Vtfbphi1 = Math.Max(0.0, Type > 0 ? t3 + t3 : 2.5 * t3);
        Vtfbphi2 = Math.Max(0.0, 4.0 * t3);
        if (K2 < 0.0)
        {
            var t0 = 0.5 * p.K1 / K2;
            Vbsc = Math.Clamp(0.9 * (p.Phi - t0 * t0), -30.0, -3.0);
        }
        else Vbsc = -30.0;
        if (Vbsc > p.Vbm) Vbsc = p.Vbm;
        var toxe = c["toxe"];
        K2ox = K2 * toxe / c["toxm"];
        Vfbzb = p.VfbzbFactor + Type * Vth0;
        Toxp = c["toxp"];
        Coxp = c.Coxp;

        // junction geometry
        var geo = d.GeoMod ?? c.Int("geomod");
        var rgeo = d.RgeoMod ?? c.Int("rgeomod");
        var dmcgEff = c["dmcg"] - c["dmcgt"];
        var dmciEff = c["dmci"];
        var dmdgEff = c["dmdg"] - c["dmcgt"];
        var (psGeo, pdGeo, asGeo, adGeo) = Bsim4Geometry.PerimetersAndAreas(nf, geo, d.MinimizeSourceOrDrain, p.WeffCJ, dmcgEff, dmciEff, dmdgEff);
        var perMod = c.Int("permod");
        Pseff = Math.Max(0.0, d.SourcePerimeter is { } ps ? (ps <= 0.0 ? 0.0 : perMod == 0 ? ps : ps - p.WeffCJ * nf) : psGeo);
        Pdeff = Math.Max(0.0, d.DrainPerimeter is { } pd ? (pd <= 0.0 ? 0.0 : perMod == 0 ? pd : pd - p.WeffCJ * nf) : pdGeo);
        Aseff = Math.Max(0.0, d.SourceArea ?? asGeo);
        Adeff = Math.Max(0.0, d.DrainArea ?? adGeo);

        // diffusion resistances (RDSMOD = 0: lumped, with the sheet resistance)
        var rsh = c["rsh"];
        HasSourceResistance = c.RdsMod != 0 || (rsh > 0 && (d.SourceSquares is { } ns ? ns > 0 : rgeo != 0
                              && Bsim4Geometry.Resistance(nf * d.Multiplier, geo, rgeo, d.MinimizeSourceOrDrain, d.Width, rsh, dmcgEff, dmciEff, dmdgEff, true) > 0));
        HasDrainResistance = c.RdsMod != 0 || (rsh > 0 && (d.DrainSquares is { } nd ? nd > 0 : rgeo != 0
                             && Bsim4Geometry.Resistance(nf * d.Multiplier, geo, rgeo, d.MinimizeSourceOrDrain, d.Width, rsh, dmcgEff, dmciEff, dmdgEff, false) > 0));
        SourceConductance = HasSourceResistance
            ? Conductance(d.SourceSquares is { } ns2 ? rsh * ns2 : rgeo > 0 ? Bsim4Geometry.Resistance(nf, geo, rgeo, d.MinimizeSourceOrDrain, p.WeffCJ, rsh, dmcgEff, dmciEff, dmdgEff, true) : 0.0)
            : 0.0;
        DrainConductance = HasDrainResistance
            ? Conductance(d.DrainSquares is { } nd2 ? rsh * nd2 : rgeo > 0 ? Bsim4Geometry.Resistance(nf, geo, rgeo, d.MinimizeSourceOrDrain, p.WeffCJ, rsh, dmcgEff, dmciEff, dmdgEff, false) : 0.0)
            : 0.0;

        Source = new Bsim4JunctionConstants(c, t, p, nf, Aseff, Pseff, source: true);
        Drain = new Bsim4JunctionConstants(c, t, p, nf, Adeff, Pdeff, source: false);

        // bias-independent pieces of the load equations, evaluated once (in BSIM4's order of operations)
        Toxe = toxe;
        Coxe = c.Coxe;
        Vtm = t.Vtm;
        Vtm0 = t.Vtm0;
        TypeVth0 = Type * Vth0;
        V0 = p.Vbi - p.Phi;
        Dvt1Leff = p.Dvt1 * p.Leff;
        Dvt1wWeffLeff = p.Dvt1w * p.Weff * p.Leff;
        TempRatio = t.Temp / t.Tnom - 1.0;
        K1oxLpe = p.K1ox * (Math.Sqrt(1.0 + p.Lpe0 / p.Leff) - 1.0) * p.SqrtPhi;
        Kt1Sum = p.Kt1 + p.Kt1l / p.Leff;
        VthNarrowW = toxe * p.Phi / (p.Weff + p.W0);
        LpeVb = Math.Sqrt(1.0 + p.Lpeb / p.Leff);
        PolyPhi = Vfb + p.Phi;
        B0Term = p.B0 / (p.Weff + p.B1);
        SqrtLeff = Math.Sqrt(p.Leff);
        PditslTerm = 1.0 + c["pditsl"] * p.Leff;
        IsubPrefactor = (p.Alpha0 + p.Alpha1 * p.Leff) / p.Leff;
        HasIsub = p.Alpha0 + p.Alpha1 * p.Leff > 0.0 && p.Beta0 > 0.0;
        LambdaGiven = c.Given("lambda") && c["lambda"] > 0.0;
        VtlGiven = c.Given("vtl") && c["vtl"] > 0.0;
        PigcdGiven = c.Given("pigcd");
        GidlClamp = c["gidlclamp"];
        TcenBase = 2.0e8 * Toxp;
        Xpart = c["xpart"];
        CentroidA = c["ados"] * 1.9e-9;
        CentroidB = c["bdos"] * 0.7;
    }

    public Bsim4Card Card { get; }
    public Bsim4Temperature Temperature { get; }
    public Bsim4SizeParameters Size { get; }

    /// <summary>+1 NMOS, −1 PMOS; fingers and parallel multiplier.</summary>
    public readonly int Type;
    public readonly double Fingers, Multiplier;

    /// <summary>Instance values after stress, well proximity, DELVTO and MULU0.</summary>
    public readonly double U0Temp, VsatTemp, Vth0, Eta0, K2, Vfb;

    /// <summary>Flat-band/threshold offsets of the mobility and charge-centroid models, V (clamped at 0).</summary>
    public readonly double Vtfbphi1, Vtfbphi2;

    /// <summary>Most negative body bias the threshold model uses, V; K2 scaled by TOXE/TOXM; zero-bias flat band, V.</summary>
    public readonly double Vbsc, K2ox, Vfbzb;

    /// <summary>Physical oxide thickness, m, and its capacitance per area, F/m².</summary>
    public readonly double Toxp, Coxp;

    /// <summary>Effective source/drain perimeters (m) and areas (m²).</summary>
    public readonly double Pseff, Pdeff, Aseff, Adeff;

    /// <summary>Whether the instance has internal source/drain nodes, and their lumped conductances, S.</summary>
    public readonly bool HasSourceResistance, HasDrainResistance;
    public readonly double SourceConductance, DrainConductance;

    /// <summary>Source and drain junction constants.</summary>
    public readonly Bsim4JunctionConstants Source, Drain;

    /// <summary>TOXE (m), Cox (F/m²), thermal voltages at temperature and TNOM (V).</summary>
    public readonly double Toxe, Coxe, Vtm, Vtm0;

    /// <summary>Bias-independent terms of the threshold, bulk-charge, output-resistance and substrate-current
    /// equations.</summary>
    public readonly double TypeVth0, V0, Dvt1Leff, Dvt1wWeffLeff, TempRatio, K1oxLpe, Kt1Sum, VthNarrowW, LpeVb, PolyPhi;
    public readonly double B0Term, SqrtLeff, PditslTerm, IsubPrefactor, GidlClamp, TcenBase;
    public readonly bool HasIsub, LambdaGiven, VtlGiven, PigcdGiven;

    /// <summary>Charge partition (XPART) and the inversion charge-centroid law ADOS·1.9 nm and BDOS·0.7.</summary>
    public readonly double Xpart, CentroidA, CentroidB;

    /// <summary>1/R, with BSIM4's 1e3 S in place of a zero resistance.</summary>
    private static double Conductance(double r) => r > 0.0 ? 1.0 / r : 1.0e3;
}
