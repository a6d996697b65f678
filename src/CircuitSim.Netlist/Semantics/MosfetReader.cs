using System.Globalization;
using CircuitSim.Core.Circuits;
using CircuitSim.Devices.Semiconductors;
using CircuitSim.Devices.Semiconductors.Bsim4;
using CircuitSim.Netlist.Syntax;

namespace CircuitSim.Netlist.Semantics;

/// <summary>
/// MOSFET cards and elements: the card's LEVEL picks the model (1: Shichman–Hodges, 14 or 54: BSIM4), an element
/// names a card or a binned set (<c>nch</c> for <c>nch.1</c>, <c>nch.2</c>, …) and gets the bin that contains its L
/// and W, chosen as ngspice does.
/// </summary>
internal sealed partial class CircuitBuilder
{
    /// <summary>A BSIM4 card for NMOS/PMOS with LEVEL 14 or 54; null for level 1 (the registry's model); an error at
    /// the LEVEL value for the levels CircuitSim does not implement.</summary>
    private static Model? CreateMosfetModel(Statement s, Token typeToken, string qualified, ElementArgs args, ParameterScope scope)
    {
        MosfetType polarity;
        if (typeToken.Is("nmos")) polarity = MosfetType.Nmos;
        else if (typeToken.Is("pmos")) polarity = MosfetType.Pmos;
        else return null;
        var levelToken = args.Get("level");
        if (levelToken is null) return null;
        var level = Number(s, levelToken, scope);
        if (level == 1) return null;
        if (level is 14 or 54) return new Bsim4Model(qualified, polarity);
        // not a level at all: the integer-parameter error every card gives
        if (!double.IsFinite(level) || Math.Abs(level) > int.MaxValue)
            throw new StatementException(s.At(levelToken), "value of parameter 'level' is out of range for an integer", "an integer");
        throw new StatementException(s.At(levelToken),
            $"MOSFET level {level.ToString(CultureInfo.InvariantCulture)} is not implemented",
            "level=1 (Shichman–Hodges) or level=54 / level=14 (BSIM4 4.8)");
    }

    /// <summary>One warning per BSIM4 card listing the parameters it gives that CircuitSim's equations do not use.</summary>
    private void WarnUnusedParameters(Model model, Statement s, string name)
    {
        if (model is not Bsim4Model b) return;
        var unused = b.UnusedGivenParameters();
        if (unused.Count == 0) return;
        _diagnostics.Warning(s.Start,
            $"model {name}: BSIM4 parameters accepted but not used (no noise analysis, gate/body resistance networks, " +
            $"SOA checks or high-k material model): {string.Join(", ", unused)}");
    }

    private void ReadMosfet(Statement s, ExpansionContext ctx)
    {
        const string syntax = "Mname drain gate source bulk model [l=… w=… ad=… as=… pd=… ps=…] [off] [ic=vds,vgs,vbs]";
        var args = ElementArgs.From(s, 1);
        Require(s, args, 5, syntax);
        var p = args.Positional;
        var name = ElementName(ctx, s.Name);
        var modelName = MosfetModelName(s, ctx, p[4], args);
        Component m = _circuit.TryGetModel(modelName, out var model) && model is Bsim4Model
            ? new Bsim4Mosfet(name, Node(ctx, s, p[0]), Node(ctx, s, p[1]), Node(ctx, s, p[2]), Node(ctx, s, p[3]), modelName)
            : new Mosfet1(name, Node(ctx, s, p[0]), Node(ctx, s, p[1]), Node(ctx, s, p[2]), Node(ctx, s, p[3]), modelName);
        var ic = new List<double>();
        if (args.Get("ic") is { } icToken) ic.Add(Number(s, icToken, ctx.Scope));
        foreach (var extra in p.Skip(5))
        {
            if (extra.Is("off")) m.SetParameter("off", true);
            else if (ic.Count is > 0 and < 3) ic.Add(Number(s, extra, ctx.Scope));
            else throw new StatementException(s.At(extra), $"unexpected '{extra}'", syntax);
        }
        if (ic.Count > 0) m.SetParameter("icvds", ic[0]);
        if (ic.Count > 1) m.SetParameter("icvgs", ic[1]);
        if (ic.Count > 2) m.SetParameter("icvbs", ic[2]);
        SetParameters(m, s, args.Named.Where(n => !n.Key.Is("ic")), ctx.Scope, s.Name);
        Add(s, m);
    }

    /// <summary>The flattened model name of a MOSFET: the card it names, or the bin of a binned set that contains the
    /// element's L and W.</summary>
    private string MosfetModelName(Statement s, ExpansionContext ctx, Token t, ElementArgs args)
    {
        var word = ModelWord(s, t);
        if (ctx.FindModel(word) is { } exact) return exact;
        var bins = BinsOf(ctx, word);
        if (bins.Count == 0) throw new StatementException(s.At(t), $"unknown model '{t.Text}'", "a model defined with .model");
        var available = string.Join(", ", bins.Select(b => b.Bin));
        var lToken = args.Get("l");
        var wToken = args.Get("w");
        if (lToken is null || wToken is null)
            throw new StatementException(s.At(t), $"{s.Name} uses the binned model '{word}' but does not give L and W to choose a bin",
                $"l=… and w=… on the element (bins: {available})");
        var l = Number(s, lToken, ctx.Scope);
        var w = Number(s, wToken, ctx.Scope);
        // like ngspice, W is the total width unless the element asks for W/NF with wnflag
        if (args.Get("nf") is { } nfToken && args.Get("wnflag") is { } wnToken && Number(s, wnToken, ctx.Scope) != 0)
            w /= Number(s, nfToken, ctx.Scope);
        var index = Bsim4Binning.Select(bins.Select(b => b.Bin).ToList(), l, w);
        if (index < 0)
            throw new StatementException(s.At(t),
                string.Create(CultureInfo.InvariantCulture,
                    $"no bin of model '{word}' contains {s.Name}'s L = {l:G6} m, W = {w:G6} m"),
                $"a bin with LMIN ≤ L ≤ LMAX and WMIN ≤ W ≤ WMAX; the bins are {available}");
        return bins[index].Qualified;
    }

    /// <summary>The cards named <paramref name="stem"/>.N (N digits) visible from <paramref name="ctx"/>, nearest scope
    /// first and in the order they are written.</summary>
    private List<(Bsim4Bin Bin, string Qualified)> BinsOf(ExpansionContext ctx, string stem)
    {
        var bins = new List<(Bsim4Bin, string)>();
        for (var c = ctx; c is not null && bins.Count == 0; c = c.Parent)
        {
            foreach (var local in c.ModelOrder)
            {
                if (!IsBinOf(local, stem)) continue;
                var qualified = c.Models[local];
                if (_circuit.TryGetModel(qualified, out var model) && model is Bsim4Model b) bins.Add((Bsim4Bin.Of(b, local), qualified));
            }
        }
        return bins;
    }

    private static bool IsBinOf(string name, string stem)
    {
        if (name.Length <= stem.Length + 1 || !name.StartsWith(stem, StringComparison.OrdinalIgnoreCase) || name[stem.Length] != '.')
            return false;
        for (var i = stem.Length + 1; i < name.Length; i++)
            if (!char.IsAsciiDigit(name[i])) return false;
        return true;
    }
}
