namespace CircuitSim.Devices.Semiconductors.Bsim4;

/// <summary>
/// Evaluates a BSIM4 instance at given terminal voltages: junction diodes, channel current, GIDL/GISL, gate
/// tunnelling and (when asked) the terminal charges, into a <see cref="Bsim4Evaluation"/>. Pure function of the
/// voltages and the instance's parameters; it does not touch the circuit matrix.
/// </summary>
internal static class Bsim4Evaluator
{
    /// <param name="vgs">Gate–source voltage, type-normalized, V.</param>
    /// <param name="vds">Drain–source voltage, type-normalized, V.</param>
    /// <param name="vbs">Bulk–source voltage, type-normalized, V.</param>
    /// <param name="charges">Also compute the terminal charges (transient, AC, DC sweep).</param>
    /// <param name="gmin">Conductance put across the junctions, S.</param>
    public static void Evaluate(Bsim4InstanceParameters ip, Bsim4Evaluation e, double vgs, double vds, double vbs, bool charges, double gmin)
    {
        e.Vgs = vgs;
        e.Vds = vds;
        e.Vbs = vbs;
        var (ibs, gbs) = Bsim4JunctionDiode.Current(ip.Source, vbs, gmin);
        var (ibd, gbd) = Bsim4JunctionDiode.Current(ip.Drain, vbs - vds, gmin);
        e.Ibs = new Dual3(ibs, 0, 0, gbs);
        e.Ibd = new Dual3(ibd, 0, -gbd, gbd);
        Bsim4DrainCurrent.Evaluate(ip, e);
        Bsim4Gidl.Evaluate(ip, e);
        Bsim4GateTunnelling.Evaluate(ip, e);
        if (charges) Bsim4Charges.Evaluate(ip, e);
        else e.HasCharges = false;
    }

    /// <summary>
    /// The DC currents leaving the internal drain, gate, internal source and bulk into the device (type-normalized),
    /// from an evaluation: channel, substrate, GIDL/GISL, gate tunnelling and junction currents.
    /// </summary>
    public static void TerminalCurrents(Bsim4Evaluation e, out Dual3 drain, out Dual3 gate, out Dual3 source, out Dual3 bulk)
    {
        var forward = e.Mode > 0;
        var channel = forward ? e.Ids : -e.Ids;
        var isubDrain = forward ? e.Isub : 0.0;
        var isubSource = forward ? 0.0 : e.Isub;
        var gateToDrain = e.Igd + (forward ? e.Igcd : e.Igcs);
        var gateToSource = e.Igs + (forward ? e.Igcs : e.Igcd);
        drain = channel + isubDrain + e.Igidl - e.Ibd - gateToDrain;
        source = -channel + isubSource + e.Igisl - e.Ibs - gateToSource;
        gate = gateToDrain + gateToSource + e.Igb;
        bulk = e.Ibs + e.Ibd - e.Isub - e.Igidl - e.Igisl - e.Igb;
    }
}
