using System.Text;
using System.Text.RegularExpressions;
using CircuitSim.Netlist.Semantics;
using CircuitSim.Netlist.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace CircuitSim.Netlist.Tests.Parsing;

/// <summary>
/// Property: a damaged netlist either reads or is rejected with a <see cref="NetlistException"/>; the reader never
/// fails any other way (index out of range, null reference, stack overflow, hang…). The netlists damaged are the
/// ngspice reference set and a "kitchen sink" netlist using the statements the reference set does not; each case
/// applies 1–8 random mutations (characters, tokens and lines deleted, duplicated, swapped or truncated, special
/// characters inserted, numbers replaced by garbage, statements of other kinds inserted).
/// </summary>
public sealed class FuzzTests : IDisposable
{
    /// <summary>Cases per netlist: 18 netlists × 300 cases take about 10 s.</summary>
    private const int CasesPerNetlist = 300;

    private const string KitchenSinkName = "kitchen_sink";

    private readonly TempFolder _folder = new();

    public FuzzTests()
    {
        // files the kitchen sink includes, so that mutated .include/.lib lines still reach real files
        _folder.Write("parts.inc", "* included\nR9 in 0 9k\n.model dinc D(IS=1f)\n");
        _folder.Write("corners.lib", ".lib tt\n.param corner=1\n.endl tt\n.lib ff\n.param corner=2\n.endl ff\n");
    }

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string> Netlists()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ReferenceCase.Directory("ngspice"), "*.cir").OrderBy(f => f))
            data.Add(Path.GetFileNameWithoutExtension(file));
        data.Add(KitchenSinkName);
        return data;
    }

    /// <summary>Uses what the reference netlists do not: parameters, functions, subcircuits with parameters, switches,
    /// behavioral E/G, includes, libraries, sweeps, steps, measures, options, output requests, a control block.</summary>
    internal const string KitchenSink = """
        Kitchen sink: every kind of statement
        * comment line
        .include parts.inc
        .lib corners.lib ff
        .param a=1 b={a*2} c='b+1' ; inline comment
        .param rl = 2*a + 1k  $ dollar comment
        .func twice(x) {2*x}
        .func add(x, y) = x+y
        .global vdd
        .model dm D(IS=1f N={twice(a)})
        .model nm NMOS LEVEL=1 VTO=0.7 KP=120u
        .model pm PMOS (VTO=-0.8)
        .model swm SW (VT=1 VH=0.1 RON=1 ROFF=1meg)
        .model cswm CSW IT=1m IH=0.1m
        .subckt stage in out params: r=1k c={1n*a}
        R1 in out {r}
        C1 out 0 {c}
        .ends stage
        .subckt pair in out r=1k r2={2*r}
        X1 in mid stage r={r}
        X2 mid out stage r={r2}
        .ends pair
        VDD vdd 0 DC 3.3
        VIN in 0 DC 0 AC 1 0 PULSE(0, 1, 1n, 1n, 1n, 5n, 10n)
        V2 n2 0 SIN(0 1 1k 0 0 0)
        V3 n3 0 EXP 0 1 1n 1n 5n 1n
        V4 n4 0 PWL(0 0 1n 1 2n 0) r=1n td=1n
        V5 n5 0 SFFM(0 1 1k 2 100)
        I1 0 n6 DC 1m
        R1 in 0 {rl} tc1=1m
        C1 in 0 10uF ic=0
        L1 in n7 1m
        L2 n7 0 {add(1m, 1m)}
        K1 L1 L2 0.5
        E1 e1 0 in 0 2
        E2 e2 0 value={2*v(in)}
        G1 0 g1 in 0 1m
        G2 0 g2 value={1m*v(in)}
        F1 0 f1 VDD 2
        H1 h1 0 VDD 1k
        B1 b1 0 V = twice(v(in)) + {b}
        B2 0 b2 I = 1m*tanh(v(in))
        D1 in 0 dm 1 off
        D2 in 0 dinc
        M1 d1 in 0 0 nm W=2u L=1u
        M2 d1 in vdd vdd pm W=4u
        + L=1u
        S1 s1 0 in 0 swm on
        W1 w1 0 VDD cswm off
        X1 in o1 stage r={rl}
        X2 in o2 pair params: r=500
        .options reltol=1e-4 abstol=1e-12 method=gear noopiter post
        .temp 27
        .ic v(in)=0 v(o1)=0
        .nodeset v(o2)=0
        .op
        .dc VIN 0 1 0.5 VDD list 3 3.3
        .dc temp 0 50 25
        .tran 1n 20n 0 0.1n uic
        .ac dec 10 1 1meg
        .step param a list 1 2 3
        .save v(in) v(in,o1) i(VDD) @M1[id]
        .print tran v(o1)
        .meas tran tr TRIG v(in) VAL=0.5 RISE=1 TARG v(o1) VAL={a/2} RISE=1
        .meas tran vmax MAX v(o1) FROM=1n TO=10n
        .control
        run
        .endc
        .end
        """;

    private string Original(string name) =>
        name == KitchenSinkName ? KitchenSink : File.ReadAllText(Path.Combine(ReferenceCase.Directory("ngspice"), name + ".cir"));

    [Fact]
    public void KitchenSinkNetlist_ReadsWithoutErrors()
    {
        var netlist = new NetlistReader().ReadText(KitchenSink, Path.Combine(_folder.Path, "sink.cir"));

        Assert.Equal(5, netlist.Analyses.Count);
    }

    [Theory]
    [MemberData(nameof(Netlists))]
    public void MutatedNetlist_ReadsOrFailsWithANetlistException(string name)
    {
        var original = Original(name);
        var file = Path.Combine(_folder.Path, name + ".cir");
        var property = Prop.ForAll(MutationLists, mutations =>
        {
            var text = Mutation.ApplyAll(original, mutations);
            try
            {
                new NetlistReader().ReadText(text, file);
            }
            catch (NetlistException)
            {
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"the reader threw {e.GetType().Name} on this netlist:\n{text}\n", e);
            }
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(CasesPerNetlist).WithQuietOnSuccess(true), property);
    }

    private static readonly Gen<Mutation> AnyMutation =
        from kind in Gen.Elements(Enum.GetValues<MutationKind>())
        from a in Gen.Choose(0, 1 << 20)
        from b in Gen.Choose(0, 1 << 20)
        from c in Gen.Choose(0, 1 << 20)
        select new Mutation(kind, a, b, c);

    /// <summary>1–8 mutations; a failing list shrinks by dropping mutations.</summary>
    private static readonly Arbitrary<Mutation[]> MutationLists = Arb.From(
        Gen.Choose(1, 8).SelectMany(n => Gen.ArrayOf(AnyMutation, n)),
        list => Enumerable.Range(0, list.Length).Where(_ => list.Length > 1).Select(i => list.Where((_, j) => j != i).ToArray()));
}

public enum MutationKind
{
    DeleteCharacter,
    DuplicateCharacter,
    SwapCharacters,
    InsertSpecialCharacters,
    DeleteToken,
    DuplicateToken,
    SwapTokens,
    TruncateLine,
    DuplicateLine,
    DeleteLine,
    SwapLines,
    NumberToGarbage,
    InsertStatement,
}

/// <summary>One random change to a netlist's text; <see cref="A"/>, <see cref="B"/>, <see cref="C"/> pick positions
/// and replacements (modulo what there is), so a mutation applies to any text.</summary>
public sealed record Mutation(MutationKind Kind, int A, int B, int C)
{
    private const string Specials = "{}()=,'\"+*;$ \t\n.-_@[]µ\0x0";

    private static readonly string[] Garbage =
    {
        "", "-", ".", "1e", "1e999", "-1e999", "1e-999", "0", "-0", "1.2.3", "1meg1", "nan", "{}", "{1/0}", "{0/0}", "'", "\"",
        "(", ")", "=", ",", "k", "10n", "1f", "999999999999", "-1", "1e20", "{a}", "x=1", "params:", "{-1e308*10}",
    };

    /// <summary>Statements of kinds the reference netlists lack, and broken ones.</summary>
    private static readonly string[] Statements =
    {
        ".param a=1 b={a*2} c='b+1'", ".param p={p}", ".param q={f(2)}", ".func f(x) {x*2}", ".func g(x,y) = x+y", ".func h(x) {h(x)}",
        ".subckt s1 a b params: p=1", ".subckt s2 a b p={q}", ".ends", ".ends s1", "x9 a b s1 p=2", "x8 a b s2", "X7 a s1",
        ".step param a list 1 2 3", ".step temp 0 50 25", ".step param a dec 2 1 100", ".step param zz lin 3 0 1",
        ".meas tran m1 max v(a)", ".meas tran t1 trig v(a) val=0.5 rise=1 targ v(b) val=0.5 fall=1", ".meas ac x when",
        ".ac dec 10 1 1meg", ".ac lin 0 1 1", ".dc temp 0 100 10", ".dc v1 list 1 2 3", ".dc r1 1k 2k 500", ".dc v1 0 1 0",
        ".options reltol=1e-4 method=gear noopiter", ".options method=euler", ".temp 50", ".ic v(a)=1", ".nodeset v(b)=0",
        ".save v(a) v(a,b) i(v1) @m1[id]", ".print tran v(a)", ".global vdd", ".include missing.cir", ".include parts.inc",
        ".lib corners.lib tt", ".lib corners.lib nosuch", ".lib", ".control", ".endc", "+ 1 2", ".end", ".endl",
        "B1 a 0 V={a}*v(b)", "E1 a 0 value={v(b)*2}", "G1 a 0 cur={v(b)}", "K1 L1 L2 0.5", "S1 a b c d swm", "W1 a b v1 cswm",
        ".model swm sw vt=1", ".model cswm csw it=1m", "Yfoo y1 a b m", ".op", ".tran 1n 10n uic", "Bx a 0 V=f(v(a))",
        "Q1 c b e qm", ".model qm npn", ".subckt", "X1", "V1 a 0 pwl(0 0 1 1) r=5", "V1 a 0 pulse 1", "R1 a b c d e",
    };

    public override string ToString() => $"{Kind}({A},{B},{C})";

    public static string ApplyAll(string text, IEnumerable<Mutation> mutations) =>
        mutations.Aggregate(text, (t, m) => m.Apply(t));

    public string Apply(string text)
    {
        var lines = text.Split('\n').ToList();
        switch (Kind)
        {
            case MutationKind.DeleteCharacter when text.Length > 0:
                return text.Remove(A % text.Length, 1);
            case MutationKind.DuplicateCharacter when text.Length > 0:
                return text.Insert(A % text.Length, text[A % text.Length].ToString());
            case MutationKind.SwapCharacters when text.Length > 0:
            {
                var chars = text.ToCharArray();
                var (i, j) = (A % chars.Length, B % chars.Length);
                (chars[i], chars[j]) = (chars[j], chars[i]);
                return new string(chars);
            }
            case MutationKind.InsertSpecialCharacters:
            {
                var inserted = new StringBuilder();
                for (var k = 0; k <= C % 4; k++) inserted.Append(Specials[(B + 7 * k) % Specials.Length]);
                return text.Insert(text.Length == 0 ? 0 : A % (text.Length + 1), inserted.ToString());
            }
            case MutationKind.DeleteToken:
                return OnToken(lines, (line, token) => line.Remove(token.Index, token.Length));
            case MutationKind.DuplicateToken:
                return OnToken(lines, (line, token) => line.Insert(token.Index, token.Value + " "));
            case MutationKind.SwapTokens:
            {
                var (i, tokens) = PickLine(lines);
                if (tokens.Count < 2) return text;
                var (x, y) = (tokens[B % tokens.Count], tokens[C % tokens.Count]);
                if (x.Index > y.Index) (x, y) = (y, x);
                if (x.Index == y.Index) return text;
                var line = lines[i];
                lines[i] = line[..x.Index] + y.Value + line[(x.Index + x.Length)..y.Index] + x.Value + line[(y.Index + y.Length)..];
                return string.Join('\n', lines);
            }
            case MutationKind.TruncateLine:
            {
                var (i, _) = PickLine(lines);
                lines[i] = lines[i][..(B % (lines[i].Length + 1))];
                return string.Join('\n', lines);
            }
            case MutationKind.DuplicateLine:
            {
                var (i, _) = PickLine(lines);
                lines.Insert(B % (lines.Count + 1), lines[i]);
                return string.Join('\n', lines);
            }
            case MutationKind.DeleteLine when lines.Count > 1:
            {
                var (i, _) = PickLine(lines);
                lines.RemoveAt(i);
                return string.Join('\n', lines);
            }
            case MutationKind.SwapLines when lines.Count > 1:
            {
                var (i, _) = PickLine(lines);
                var j = B % lines.Count;
                (lines[i], lines[j]) = (lines[j], lines[i]);
                return string.Join('\n', lines);
            }
            case MutationKind.NumberToGarbage:
            {
                var (i, tokens) = PickLine(lines);
                var numbers = tokens.Where(t => char.IsAsciiDigit(t.Value[0]) || t.Value[0] is '-' or '.' || t.Value.Contains('=')).ToList();
                if (numbers.Count == 0) return text;
                var token = numbers[B % numbers.Count];
                var replaced = token.Value.Contains('=') ? token.Value[..(token.Value.IndexOf('=') + 1)] + Garbage[C % Garbage.Length] : Garbage[C % Garbage.Length];
                lines[i] = lines[i].Remove(token.Index, token.Length).Insert(token.Index, replaced);
                return string.Join('\n', lines);
            }
            case MutationKind.InsertStatement:
                lines.Insert(1 + A % lines.Count, Statements[B % Statements.Length]);
                return string.Join('\n', lines);
        }
        return text;
    }

    /// <summary>A line to change (mostly one that is not a comment) and its blank-separated tokens.</summary>
    private (int Index, List<Match> Tokens) PickLine(List<string> lines)
    {
        var statements = Enumerable.Range(1, Math.Max(0, lines.Count - 1)).Where(i => !lines[i].TrimStart().StartsWith('*')).ToList();
        var i = statements.Count > 0 && C % 5 != 0 ? statements[A % statements.Count] : A % lines.Count;
        return (i, Regex.Matches(lines[i], @"\S+").ToList());
    }

    private string OnToken(List<string> lines, Func<string, Match, string> change)
    {
        var (i, tokens) = PickLine(lines);
        if (tokens.Count > 0) lines[i] = change(lines[i], tokens[B % tokens.Count]);
        return string.Join('\n', lines);
    }
}
