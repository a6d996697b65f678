using CircuitSim.Core.Circuits;
using CircuitSim.Netlist.Syntax;

namespace CircuitSim.Netlist.Semantics;

/// <summary>
/// Checks the vectors named by .save, .probe, .print, .plot and .meas lines against the circuit when the netlist is
/// read: a node, element or device that does not exist is an error at its file, line and column, naming the closest
/// names that do; every such name of the netlist is reported, not only the first (a run would otherwise fail at the
/// first, after simulating, without a position).
/// </summary>
internal static class OutputNameCheck
{
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase) { "all", "vs", "tran", "dc", "ac", "op", "tf" };

    public static void Run(IEnumerable<Statement> statements, Circuit circuit, DiagnosticBag diagnostics)
    {
        var nodes = circuit.NodeNames().ToList();
        var nodeSet = nodes.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var elements = circuit.Components.Select(c => c.Name).ToList();
        var elementSet = elements.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var s in statements)
        {
            // an element's keyword is made from its text on each read: look only at dot commands
            if (!s.IsDotCommand) continue;
            var measure = s.Keyword is ".meas" or ".measure";
            // .print takes control-language expressions (time, constants, operators): only its v(), i() and @ names
            var bareWordsAreNodes = s.Keyword is ".save" or ".probe" or ".plot";
            if (!measure && s.Keyword is not (".save" or ".probe" or ".print" or ".plot")) continue;
            var t = s.Tokens;
            for (var i = measure ? 3 : 1; i < t.Count; i++)
            {
                var tok = t[i];
                if (!tok.IsWord) continue;
                if (i + 1 < t.Count && t[i + 1].Kind == TokenKind.Group)
                {
                    var form = tok.Text.ToLowerInvariant();
                    var args = t[i + 1].Children.Where(a => a.IsWord).ToList();
                    if (form.StartsWith('v'))
                        foreach (var a in args.Where(a => !Circuit.IsGround(a.Text) && !nodeSet.Contains(a.Text)))
                            diagnostics.Error(s.At(a), $"{form}({string.Join(",", args.Select(x => x.Text))}): no node named '{a.Text}' in the circuit; nodes: {SimilarNames.List(a.Text, nodes)}",
                                "a node of the circuit");
                    else if (form.StartsWith('i') && args.Count == 1 && !elementSet.Contains(args[0].Text))
                        diagnostics.Error(s.At(args[0]), $"{form}({args[0].Text}): no element named '{args[0].Text}' in the circuit; elements: {SimilarNames.List(args[0].Text, elements)}",
                            "a voltage source, inductor or other element with a branch current");
                    i++;
                }
                else if (tok.Text.StartsWith('@'))
                {
                    var bracket = tok.Text.IndexOf('[');
                    var device = bracket > 1 ? tok.Text[1..bracket] : tok.Text[1..];
                    if (!elementSet.Contains(device))
                        diagnostics.Error(s.At(tok), $"{tok.Text}: no device named '{device}' in the circuit; devices: {SimilarNames.List(device, elements)}",
                            "@device[quantity]");
                }
                else if (bareWordsAreNodes && !Keywords.Contains(tok.Text) && !nodeSet.Contains(tok.Text) && !Circuit.IsGround(tok.Text))
                    // ".save out" saves v(out)
                    diagnostics.Error(s.At(tok), $"{s.Keyword} {tok.Text}: no node named '{tok.Text}' in the circuit; nodes: {SimilarNames.List(tok.Text, nodes)}",
                        "a node of the circuit, v(node), i(element) or @device[quantity]");
            }
        }
    }
}
