namespace CircuitSim.Devices.Semiconductors.Bsim4;

/// <summary>
/// One evaluation of a BSIM4 instance at a bias point: the terminal voltages it was evaluated at and every current and
/// charge, each with its derivatives with respect to Vgs, Vds and Vbs (type-normalized, source as reference: positive
/// voltages turn an NMOS and a PMOS on alike). Kept apart from the stamping so that a caller can re-stamp a stored
/// evaluation without evaluating again (bypass). One instance per device, filled in place: no allocation per load.
/// </summary>
internal sealed class Bsim4Evaluation
{
    /// <summary>Type-normalized terminal voltages the device was evaluated at (after limiting), V.</summary>
    public double Vgs, Vds, Vbs;

    /// <summary>The instance parameters and the bits of vbs the body-bias terms (<see cref="Vbseff"/> … <see
    /// cref="VthBody"/>) were last computed for in forward mode, and whether this evaluation kept them.</summary>
    public Bsim4InstanceParameters? BodyTermsOf;
    public long BodyTermsVbsBits;
    public bool BodyTermsKept;

    /// <summary>The short-channel factor θ(Leff), the DIBL coefficient η and the threshold voltage before its DIBL
    /// shift, V (functions of the body bias only).</summary>
    public Dual3 Theta0, Eta, VthBody;

    /// <summary>The bulk charge factor at zero gate drive before its lower limit, its slope in Vgsteff (1/V) and the
    /// KETA factor (functions of the body bias only).</summary>
    public Dual3 AbulkAtZeroDrive, AbulkSlope, KetaFactor;

    /// <summary>+1 when the drain is the more positive terminal (forward), −1 when source and drain swap roles.</summary>
    public int Mode;

    /// <summary>Channel current from the mode drain to the mode source (the external drain to source in forward mode,
    /// source to drain in reverse mode), fingers included, A.</summary>
    public Dual3 Ids;

    /// <summary>Impact-ionization (substrate) current from the mode drain into the bulk, A.</summary>
    public Dual3 Isub;

    /// <summary>Gate- and gate-source-induced drain leakage: drain→bulk and source→bulk, A.</summary>
    public Dual3 Igidl, Igisl;

    /// <summary>Gate tunnelling: gate-to-channel current partitioned to the mode source and mode drain, gate-to-source
    /// and gate-to-drain edge currents (external terminals) and gate-to-bulk current, A (flowing out of the gate).</summary>
    public Dual3 Igcs, Igcd, Igs, Igd, Igb;

    /// <summary>Bulk-to-source and bulk-to-drain junction currents, A.</summary>
    public Dual3 Ibs, Ibd;

    /// <summary>Total charges of the external terminals (intrinsic, overlap and junction), C; they sum to zero.</summary>
    public Dual3 Qg, Qd, Qs, Qb;

    /// <summary>True when <see cref="Qg"/> … hold charges of this evaluation.</summary>
    public bool HasCharges;

    /// <summary>Probe values: threshold, saturation voltage, effective gate drive and Vds, mobility, V and m²/(V·s).</summary>
    public double Vth, Vdsat, Vgsteff, Vdseff, Ueff;

    /// <summary>Junction depletion capacitances at this bias (for probes), F.</summary>
    public double CapBs, CapBd;

    // intermediate quantities the charge and gate-current models share with the drain current (mode frame)
    internal Dual3 ModeVgs, ModeVds, ModeVbs, Vbseff, Phis, SqrtPhis, Xdep, VthDual, N, VgsEff, Vgsteffd;
    internal Dual3 VgsEffExternal, VgdEffExternal, Weffd, Rds, Abulk, Abulk0, Ueffd;
    internal Dual3 Vdsatd, Vdseffd, Esat, EsatL, Lambda, WvCoxRds;
}
