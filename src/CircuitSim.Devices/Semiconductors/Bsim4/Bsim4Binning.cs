using System.Globalization;

namespace CircuitSim.Devices.Semiconductors.Bsim4;

/// <summary>One card of a binned model set (<c>.model nch.1 nmos lmin= lmax= wmin= wmax= …</c>) and its range, m.</summary>
public sealed record Bsim4Bin(string Name, double Lmin, double Lmax, double Wmin, double Wmax)
{
    /// <summary>The bin's range as a card states it.</summary>
    public static Bsim4Bin Of(Bsim4Model model, string name) =>
        new(name, model.GivenValue("lmin"), model.GivenValue("lmax"), model.GivenValue("wmin"), model.GivenValue("wmax"));

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name} (L {Lmin:G4}..{Lmax:G4} m, W {Wmin:G4}..{Wmax:G4} m)");
}

/// <summary>
/// Chooses the card of a binned model set for an instance as ngspice 39 does: the first card, in the order the
/// cards are written, whose LMIN ≤ L ≤ LMAX and WMIN ≤ W ≤ WMAX, both ends included within 1 nm (so a device on a
/// shared boundary goes to the earlier card). W is the total width unless the instance sets WNFLAG, then W/NF.
/// </summary>
public static class Bsim4Binning
{
    /// <summary>Slack at the bin edges, m (ngspice compares with an absolute 1e-9).</summary>
    public const double EdgeTolerance = 1e-9;

    /// <summary>Index of the chosen bin, or −1 when no bin contains (L, W).</summary>
    public static int Select(IReadOnlyList<Bsim4Bin> bins, double length, double width)
    {
        for (var i = 0; i < bins.Count; i++)
        {
            var b = bins[i];
            if (InRange(length, b.Lmin, b.Lmax) && InRange(width, b.Wmin, b.Wmax)) return i;
        }
        return -1;
    }

    private static bool InRange(double value, double min, double max) =>
        Math.Abs(value - min) < EdgeTolerance || Math.Abs(value - max) < EdgeTolerance || (min < value && value < max);
}
