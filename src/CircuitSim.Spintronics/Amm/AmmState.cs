using System.Globalization;
using CircuitSim.Magnetics;

namespace CircuitSim.Spintronics.Amm;

/// <summary>The families of initial magnetic states of an AMM ring.</summary>
public enum AmmStateKind
{
    /// <summary>m = ±T, the ground state.</summary>
    Vortex,
    /// <summary>Uniform along x, held by a field along x.</summary>
    InPlane,
    /// <summary>Uniform along z, held by a field along z.</summary>
    OutOfPlane,
    /// <summary>n domain walls between ±T domains (homochiral or heterochiral).</summary>
    DomainWalls,
    /// <summary>m = (cos nθ, sin nθ, 0).</summary>
    Superflow,
    /// <summary>Read from a profile file.</summary>
    Profile,
}

/// <summary>
/// An initial state as written in a netlist (<c>state=…</c>): <c>vortex</c> (= <c>vortex+</c>, m = +T),
/// <c>vortex-</c>, <c>inplane</c>, <c>oop</c>, <c>2dw</c>, <c>4dw</c>, … or <c>ndw</c> with <c>nwall=</c> (homochiral
/// walls), the same with an <c>h</c> suffix (<c>2dwh</c>: heterochiral, which can unwind), <c>superflow2</c>, … or
/// <c>superflow</c> with <c>nwall=</c> (the winding), and <c>profile</c> (with <c>profile=file</c>).
/// </summary>
public sealed record AmmState(AmmStateKind Kind, int Count = 0, bool Homochiral = true, int Circulation = 1)
{
    public const string Expected =
        "vortex, vortex+, vortex-, inplane, oop, 2dw, 4dw, …, ndw (with nwall=), 2dwh/ndwh (heterochiral), superflow2, …, superflow (with nwall=) or profile (with profile=file)";

    /// <summary>Parses a state name; <paramref name="count"/> supplies n for <c>ndw</c> and <c>superflow</c>.</summary>
    /// <exception cref="ArgumentException">Unknown name or a count that does not fit.</exception>
    public static AmmState Parse(string text, int? count = null)
    {
        var s = text.Trim().ToLowerInvariant();
        switch (s)
        {
            case "vortex" or "vortex+" or "ground": return new AmmState(AmmStateKind.Vortex);
            case "vortex-": return new AmmState(AmmStateKind.Vortex, Circulation: -1);
            case "inplane": return new AmmState(AmmStateKind.InPlane);
            case "oop": return new AmmState(AmmStateKind.OutOfPlane);
            case "profile" or "file": return new AmmState(AmmStateKind.Profile);
        }
        if (s.StartsWith("superflow", StringComparison.Ordinal))
        {
            var n = ParseCount(s["superflow".Length..], count, text);
            if (n < 0) throw new ArgumentException($"state '{text}': the superflow winding must be ≥ 0");
            return new AmmState(AmmStateKind.Superflow, n);
        }
        var hetero = s.EndsWith("dwh", StringComparison.Ordinal);
        var core = hetero ? s[..^1] : s;
        if (core.EndsWith("dw", StringComparison.Ordinal))
        {
            var n = ParseCount(core[..^2], count, text);
            if (n < 2 || n % 2 != 0) throw new ArgumentException($"state '{text}': domain walls on a ring come in pairs (2, 4, 6, …), got {n}");
            return new AmmState(AmmStateKind.DomainWalls, n, Homochiral: !hetero);
        }
        throw new ArgumentException($"unknown AMM state '{text}': expected {Expected}");
    }

    /// <summary>n from the name ("4" in 4dw, nothing or "n" in ndw) or else from the nwall parameter.</summary>
    private static int ParseCount(string digits, int? count, string text)
    {
        if (digits.Length == 0 || digits == "n")
            return count ?? throw new ArgumentException($"state '{text}' needs the number: nwall=…");
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            throw new ArgumentException($"unknown AMM state '{text}': expected {Expected}");
        return n;
    }

    /// <summary>The canonical spelling (for cache keys and messages).</summary>
    public override string ToString() => Kind switch
    {
        AmmStateKind.Vortex => Circulation > 0 ? "vortex+" : "vortex-",
        AmmStateKind.InPlane => "inplane",
        AmmStateKind.OutOfPlane => "oop",
        AmmStateKind.DomainWalls => $"{Count}dw{(Homochiral ? "" : "h")}",
        AmmStateKind.Superflow => $"superflow{Count}",
        _ => "profile",
    };

    /// <summary>The field that holds the state (inplane: along x, oop: along z), A/m, for a holding field in T.</summary>
    public Vec3 HoldingField(double tesla) => Kind switch
    {
        AmmStateKind.InPlane => new Vec3(tesla / PhysicalConstants.Mu0, 0, 0),
        AmmStateKind.OutOfPlane => new Vec3(0, 0, tesla / PhysicalConstants.Mu0),
        _ => Vec3.Zero,
    };
}
