using CircuitSim.Core.Simulations;

namespace CircuitSim.Devices.Semiconductors.Bsim4;

/// <summary>
/// The model-level quantities of a BSIM4 card at one circuit temperature (TEMPMOD-independent part of BSIM4's
/// temperature update): thermal voltages, band gap and intrinsic density, and the source/drain junction saturation
/// currents, capacitances and built-in potentials at that temperature. Computed once per card and temperature.
/// </summary>
internal sealed class Bsim4Temperature
{
    /// <summary>k/q and q with BSIM4's own values, eV/K and C.</summary>
    public const double KboQ = 8.617087e-5, ChargeQ = 1.60219e-19;
    /// <summary>Permittivity of silicon, F/m (BSIM4's value).</summary>
    public const double EpsSi = 1.03594e-10;
    /// <summary>BSIM4's exponential limits: exp(±34) and the argument where it linearizes.</summary>
    public const double MaxExp = 5.834617425e14, MinExp = 1.713908431e-15, ExpThreshold = 34.0;

    public Bsim4Temperature(Bsim4Card card, double kelvin)
    {
        Card = card;
        Temp = kelvin;
        var c = card;
        Tnom = c.Tnom;
        TRatio = Temp / Tnom;
        DelTemp = Temp - Tnom;
        var vt0 = Constants.KOverQ * Constants.ReferenceTemperature;
        Vcrit = vt0 * Math.Log(vt0 / (Constants.Sqrt2 * 1.0e-14));
        Factor1 = Math.Sqrt(EpsSi / (c["epsrox"] * Bsim4Card.Eps0) * c["toxe"]);
        Vtm0 = KboQ * Tnom;
        Eg0 = 1.16 - 7.02e-4 * Tnom * Tnom / (Tnom + 1108.0);
        Ni = 1.45e10 * (Tnom / 300.15) * Math.Sqrt(Tnom / 300.15) * Math.Exp(21.5565981 - Eg0 / (2.0 * Vtm0));
        Vtm = KboQ * Temp;
        var eg = 1.16 - 7.02e-4 * Temp * Temp / (Temp + 1108.0);

        double sFactor = 1, dFactor = 1;
        if (Temp != Tnom)
        {
            var t0 = Eg0 / Vtm0 - eg / Vtm;
            var t1 = Math.Log(Temp / Tnom);
            sFactor = Math.Exp((t0 + c["xtis"] * t1) / c["njs"]);
            dFactor = Math.Exp((t0 + c["xtid"] * t1) / c["njd"]);
        }
        SourceJs = Math.Max(0, c["jss"] * sFactor);
        SourceJsws = Math.Max(0, c["jsws"] * sFactor);
        SourceJswgs = Math.Max(0, c["jswgs"] * sFactor);
        DrainJs = Math.Max(0, c["jsd"] * dFactor);
        DrainJsws = Math.Max(0, c["jswd"] * dFactor);
        DrainJswgs = Math.Max(0, c["jswgd"] * dFactor);

        (SourceCj, DrainCj) = CapacitanceAt(c["tcj"], c["cjs"], c["cjd"]);
        (SourceCjsw, DrainCjsw) = CapacitanceAt(c["tcjsw"], c["cjsws"], c["cjswd"]);
        (SourceCjswg, DrainCjswg) = CapacitanceAt(c["tcjswg"], c["cjswgs"], c["cjswgd"]);

        PhiBS = Math.Max(0.01, c["pbs"] - c["tpb"] * DelTemp);
        PhiBD = Math.Max(0.01, c["pbd"] - c["tpb"] * DelTemp);
        PhiBSWS = PotentialAt(c["pbsws"], c["tpbsw"]);
        PhiBSWD = PotentialAt(c["pbswd"], c["tpbsw"]);
        PhiBSWGS = PotentialAt(c["pbswgs"], c["tpbswg"]);
        PhiBSWGD = PotentialAt(c["pbswgd"], c["tpbswg"]);

        // trap-assisted tunnelling of the reverse-biased junctions
        var t = TRatio - 1.0;
        NjtsS = c["njts"] * (1.0 + c["tnjts"] * t);
        NjtsSwS = c["njtssw"] * (1.0 + c["tnjtssw"] * t);
        NjtsSwgS = c["njtsswg"] * (1.0 + c["tnjtsswg"] * t);
        NjtsD = c["njtsd"] * (1.0 + c["tnjtsd"] * t);
        NjtsSwD = c["njtsswd"] * (1.0 + c["tnjtsswd"] * t);
        NjtsSwgD = c["njtsswgd"] * (1.0 + c["tnjtsswgd"] * t);
        var t7 = Eg0 / Vtm * t;
        TatS = LimitedExp(c["xtss"] * t7);
        TatD = LimitedExp(c["xtsd"] * t7);
        TatSwS = LimitedExp(c["xtssws"] * t7);
        TatSwD = LimitedExp(c["xtsswd"] * t7);
        TatSwgS = LimitedExp(c["xtsswgs"] * t7);
        TatSwgD = LimitedExp(c["xtsswgd"] * t7);
        JtWeff = Math.Max(0, c["jtweff"]);
    }

    public Bsim4Card Card { get; }

    /// <summary>Circuit and nominal temperature, K; their ratio and difference.</summary>
    public double Temp { get; }
    public double Tnom { get; }
    public double TRatio { get; }
    public double DelTemp { get; }

    /// <summary>Critical voltage of the junction limiting (BSIM4 uses the 27 °C thermal voltage and 1e-14 A), V.</summary>
    public double Vcrit { get; }

    /// <summary>√(εSi/εox·TOXE), the characteristic-length factor, √m.</summary>
    public double Factor1 { get; }

    /// <summary>Thermal voltage at TNOM and at the circuit temperature, V; band gap at TNOM, eV; intrinsic density, cm⁻³.</summary>
    public double Vtm0 { get; }
    public double Vtm { get; }
    public double Eg0 { get; }
    public double Ni { get; }

    /// <summary>Junction saturation current densities at temperature: bottom (A/m²), isolation-edge and gate-edge
    /// sidewalls (A/m).</summary>
    public double SourceJs { get; }
    public double SourceJsws { get; }
    public double SourceJswgs { get; }
    public double DrainJs { get; }
    public double DrainJsws { get; }
    public double DrainJswgs { get; }

    /// <summary>Junction capacitances at temperature: bottom (F/m²) and sidewalls (F/m).</summary>
    public double SourceCj { get; }
    public double DrainCj { get; }
    public double SourceCjsw { get; }
    public double DrainCjsw { get; }
    public double SourceCjswg { get; }
    public double DrainCjswg { get; }

    /// <summary>Built-in potentials at temperature, V.</summary>
    public double PhiBS { get; }
    public double PhiBD { get; }
    public double PhiBSWS { get; }
    public double PhiBSWD { get; }
    public double PhiBSWGS { get; }
    public double PhiBSWGD { get; }

    /// <summary>Trap-assisted tunnelling emission coefficients and temperature factors.</summary>
    public double NjtsS { get; }
    public double NjtsSwS { get; }
    public double NjtsSwgS { get; }
    public double NjtsD { get; }
    public double NjtsSwD { get; }
    public double NjtsSwgD { get; }
    public double TatS { get; }
    public double TatD { get; }
    public double TatSwS { get; }
    public double TatSwD { get; }
    public double TatSwgS { get; }
    public double TatSwgD { get; }
    public double JtWeff { get; }

    private (double Source, double Drain) CapacitanceAt(double tc, double source, double drain)
    {
        var t0 = tc * DelTemp;
        if (t0 >= -1.0) return (source * (1.0 + t0), drain * (1.0 + t0));
        // the temperature coefficient would make the capacitance negative: BSIM4 clamps it to zero
        return (source > 0 ? 0 : source, drain > 0 ? 0 : drain);
    }

    private double PotentialAt(double pb, double tpb)
    {
        var phi = pb - tpb * DelTemp;
        return phi <= 0.01 ? 0.01 : phi;
    }

    /// <summary>BSIM4's exponential, continued linearly above exp(34) and floored at exp(−34).</summary>
    public static double LimitedExp(double x) =>
        x > ExpThreshold ? MaxExp * (1.0 + x - ExpThreshold) : x < -ExpThreshold ? MinExp : Math.Exp(x);
}
