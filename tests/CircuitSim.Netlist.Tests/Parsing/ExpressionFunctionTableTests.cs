using System.Text;
using CircuitSim.Netlist.Running;
using CircuitSim.Netlist.Semantics;
using CircuitSim.Output.Tests.Support;

namespace CircuitSim.Netlist.Tests.Parsing;

/// <summary>
/// Every function and operator of the expression language against ngspice 39, in both of its expression languages: a B
/// source (<c>B1 n 0 V=expr</c>, column B) and a parameter (<c>.param p={expr}</c> read by a V source, column P). The
/// "ngspice" rows hold what ngspice 39.3 printed (<c>op</c>, <c>print v(n)</c> with numdgt=15) for the same decks; the
/// others are ours where ngspice 39 has no value: "extension" (it rejects the function there: sign, stp, pwrs, atan2,
/// if, int and % in B sources, u, u2, uramp in parameters) and limit, which clamps here (LTspice's limit(x, lo, hi))
/// while ngspice's limit(nom, var) is a Monte Carlo draw. ngspice gives no value for pow(-8, 0.5) as a parameter (the
/// real power is NaN); we give NaN, which a V source cannot use, so that row is not in the decks.
/// Each value is compared to 1e-14 relative: ngspice prints 16 digits, and the two languages themselves differ in the
/// last printed digit for sin, asin, sinh, asinh and acosh.
/// </summary>
public class ExpressionFunctionTableTests
{
    private const string B = "B", P = "P";

    public static TheoryData<string, string, double, string> Table => new()
    {
        { "abs(-2.5)", B, 2.5, "ngspice" },
        { "abs(-2.5)", P, 2.5, "ngspice" },
        { "abs(0)", B, 0.0, "ngspice" },
        { "abs(0)", P, 0.0, "ngspice" },
        { "abs(3)", B, 3.0, "ngspice" },
        { "abs(3)", P, 3.0, "ngspice" },
        { "sgn(-2)", B, -1.0, "ngspice" },
        { "sgn(-2)", P, -1.0, "ngspice" },
        { "sgn(0)", B, 0.0, "ngspice" },
        { "sgn(0)", P, 0.0, "ngspice" },
        { "sgn(3)", B, 1.0, "ngspice" },
        { "sgn(3)", P, 1.0, "ngspice" },
        { "sign(-2)", B, -1.0, "extension" },
        { "sign(-2)", P, -1.0, "extension" },
        { "sign(0)", B, 0.0, "extension" },
        { "sign(0)", P, 0.0, "extension" },
        { "sign(3)", B, 1.0, "extension" },
        { "sign(3)", P, 1.0, "extension" },
        { "sqrt(4)", B, 2.0, "ngspice" },
        { "sqrt(4)", P, 2.0, "ngspice" },
        { "sqrt(2)", B, 1.414213562373095, "ngspice" },
        { "sqrt(2)", P, 1.414213562373095, "ngspice" },
        { "sqrt(0)", B, 0.0, "ngspice" },
        { "sqrt(0)", P, 0.0, "ngspice" },
        { "exp(1)", B, 2.718281828459045, "ngspice" },
        { "exp(1)", P, 2.718281828459045, "ngspice" },
        { "exp(-2)", B, 0.1353352832366127, "ngspice" },
        { "exp(-2)", P, 0.1353352832366127, "ngspice" },
        { "exp(0)", B, 1.0, "ngspice" },
        { "exp(0)", P, 1.0, "ngspice" },
        { "ln(2)", B, 0.6931471805599453, "ngspice" },
        { "ln(2)", P, 0.6931471805599453, "ngspice" },
        { "ln(10)", B, 2.302585092994046, "ngspice" },
        { "ln(10)", P, 2.302585092994046, "ngspice" },
        { "log(2)", B, 0.6931471805599453, "ngspice" },
        { "log(2)", P, 0.6931471805599453, "ngspice" },
        { "log(10)", B, 2.302585092994046, "ngspice" },
        { "log(10)", P, 2.302585092994046, "ngspice" },
        { "log10(2)", B, 0.3010299956639812, "ngspice" },
        { "log10(2)", P, 0.3010299956639812, "ngspice" },
        { "log10(1000)", B, 3.0, "ngspice" },
        { "log10(1000)", P, 3.0, "ngspice" },
        { "sin(0.5)", B, 0.4794255386042029, "ngspice" },
        { "sin(0.5)", P, 0.479425538604203, "ngspice" },
        { "cos(0.5)", B, 0.8775825618903728, "ngspice" },
        { "cos(0.5)", P, 0.8775825618903728, "ngspice" },
        { "tan(0.5)", B, 0.5463024898437905, "ngspice" },
        { "tan(0.5)", P, 0.5463024898437905, "ngspice" },
        { "asin(0.5)", B, 0.5235987755982988, "ngspice" },
        { "asin(0.5)", P, 0.5235987755982989, "ngspice" },
        { "acos(0.5)", B, 1.047197551196598, "ngspice" },
        { "acos(0.5)", P, 1.047197551196598, "ngspice" },
        { "atan(0.5)", B, 0.4636476090008061, "ngspice" },
        { "atan(0.5)", P, 0.4636476090008061, "ngspice" },
        { "sinh(0.5)", B, 0.5210953054937473, "ngspice" },
        { "sinh(0.5)", P, 0.5210953054937474, "ngspice" },
        { "cosh(0.5)", B, 1.127625965206381, "ngspice" },
        { "cosh(0.5)", P, 1.127625965206381, "ngspice" },
        { "tanh(0.5)", B, 0.4621171572600097, "ngspice" },
        { "tanh(0.5)", P, 0.4621171572600097, "ngspice" },
        { "asinh(0.5)", B, 0.4812118250596034, "ngspice" },
        { "asinh(0.5)", P, 0.4812118250596035, "ngspice" },
        { "acosh(1.5)", B, 0.9624236501192069, "ngspice" },
        { "acosh(1.5)", P, 0.9624236501192068, "ngspice" },
        { "atanh(0.5)", B, 0.5493061443340548, "ngspice" },
        { "atanh(0.5)", P, 0.5493061443340548, "ngspice" },
        { "floor(2.5)", B, 2.0, "ngspice" },
        { "floor(2.5)", P, 2.0, "ngspice" },
        { "floor(-2.5)", B, -3.0, "ngspice" },
        { "floor(-2.5)", P, -3.0, "ngspice" },
        { "floor(2.7)", B, 2.0, "ngspice" },
        { "floor(2.7)", P, 2.0, "ngspice" },
        { "floor(-2.7)", B, -3.0, "ngspice" },
        { "floor(-2.7)", P, -3.0, "ngspice" },
        { "ceil(2.5)", B, 3.0, "ngspice" },
        { "ceil(2.5)", P, 3.0, "ngspice" },
        { "ceil(-2.5)", B, -2.0, "ngspice" },
        { "ceil(-2.5)", P, -2.0, "ngspice" },
        { "ceil(2.2)", B, 3.0, "ngspice" },
        { "ceil(2.2)", P, 3.0, "ngspice" },
        { "ceil(-2.2)", B, -2.0, "ngspice" },
        { "ceil(-2.2)", P, -2.0, "ngspice" },
        { "nint(2.5)", B, 2.0, "ngspice" },
        { "nint(2.5)", P, 2.0, "ngspice" },
        { "nint(3.5)", B, 4.0, "ngspice" },
        { "nint(3.5)", P, 4.0, "ngspice" },
        { "nint(-2.5)", B, -2.0, "ngspice" },
        { "nint(-2.5)", P, -2.0, "ngspice" },
        { "nint(-3.5)", B, -4.0, "ngspice" },
        { "nint(-3.5)", P, -4.0, "ngspice" },
        { "nint(2.4)", B, 2.0, "ngspice" },
        { "nint(2.4)", P, 2.0, "ngspice" },
        { "nint(2.6)", B, 3.0, "ngspice" },
        { "nint(2.6)", P, 3.0, "ngspice" },
        { "nint(0.5)", B, 0.0, "ngspice" },
        { "nint(0.5)", P, 0.0, "ngspice" },
        { "nint(-0.5)", B, 0.0, "ngspice" },
        { "nint(-0.5)", P, 0.0, "ngspice" },
        { "nint(1.5)", B, 2.0, "ngspice" },
        { "nint(1.5)", P, 2.0, "ngspice" },
        { "int(2.7)", B, 2.0, "extension" },
        { "int(2.7)", P, 2.0, "ngspice" },
        { "int(-2.7)", B, -2.0, "extension" },
        { "int(-2.7)", P, -2.0, "ngspice" },
        { "int(2.5)", B, 2.0, "extension" },
        { "int(2.5)", P, 2.0, "ngspice" },
        { "u(-1)", B, 0.0, "ngspice" },
        { "u(-1)", P, 0.0, "extension" },
        { "u(0)", B, 0.5, "ngspice" },
        { "u(0)", P, 0.5, "extension" },
        { "u(1)", B, 1.0, "ngspice" },
        { "u(1)", P, 1.0, "extension" },
        { "stp(-1)", B, 0.0, "extension" },
        { "stp(-1)", P, 0.0, "extension" },
        { "stp(0)", B, 0.5, "extension" },
        { "stp(0)", P, 0.5, "extension" },
        { "stp(1)", B, 1.0, "extension" },
        { "stp(1)", P, 1.0, "extension" },
        { "u2(-1)", B, 0.0, "ngspice" },
        { "u2(-1)", P, 0.0, "extension" },
        { "u2(0)", B, 0.0, "ngspice" },
        { "u2(0)", P, 0.0, "extension" },
        { "u2(0.3)", B, 0.3, "ngspice" },
        { "u2(0.3)", P, 0.3, "extension" },
        { "u2(1)", B, 1.0, "ngspice" },
        { "u2(1)", P, 1.0, "extension" },
        { "u2(2)", B, 1.0, "ngspice" },
        { "u2(2)", P, 1.0, "extension" },
        { "uramp(-1)", B, 0.0, "ngspice" },
        { "uramp(-1)", P, 0.0, "extension" },
        { "uramp(0)", B, 0.0, "ngspice" },
        { "uramp(0)", P, 0.0, "extension" },
        { "uramp(2)", B, 2.0, "ngspice" },
        { "uramp(2)", P, 2.0, "extension" },
        { "min(1,2)", B, 1.0, "ngspice" },
        { "min(1,2)", P, 1.0, "ngspice" },
        { "min(-1,-3)", B, -3.0, "ngspice" },
        { "min(-1,-3)", P, -3.0, "ngspice" },
        { "max(1,2)", B, 2.0, "ngspice" },
        { "max(1,2)", P, 2.0, "ngspice" },
        { "max(-1,-3)", B, -1.0, "ngspice" },
        { "max(-1,-3)", P, -1.0, "ngspice" },
        { "pow(2,3)", B, 8.0, "ngspice" },
        { "pow(2,3)", P, 8.0, "ngspice" },
        { "pow(-2,3)", B, 8.0, "ngspice" },
        { "pow(-2,3)", P, -8.0, "ngspice" },
        { "pow(2,0.5)", B, 1.414213562373095, "ngspice" },
        { "pow(2,0.5)", P, 1.414213562373095, "ngspice" },
        { "pow(-2,2)", B, 4.0, "ngspice" },
        { "pow(-2,2)", P, 4.0, "ngspice" },
        { "pow(-8,0.5)", B, 2.82842712474619, "ngspice" },
        { "pwr(2,3)", B, 8.0, "ngspice" },
        { "pwr(2,3)", P, 8.0, "ngspice" },
        { "pwr(-2,3)", B, -8.0, "ngspice" },
        { "pwr(-2,3)", P, 8.0, "ngspice" },
        { "pwr(-2,2)", B, -4.0, "ngspice" },
        { "pwr(-2,2)", P, 4.0, "ngspice" },
        { "pwr(-8,0.5)", B, -2.82842712474619, "ngspice" },
        { "pwr(-8,0.5)", P, 2.82842712474619, "ngspice" },
        { "pwr(2,0.5)", B, 1.414213562373095, "ngspice" },
        { "pwr(2,0.5)", P, 1.414213562373095, "ngspice" },
        { "pwrs(2,3)", B, 8.0, "extension" },
        { "pwrs(2,3)", P, 8.0, "extension" },
        { "pwrs(-2,3)", B, -8.0, "extension" },
        { "pwrs(-2,3)", P, -8.0, "extension" },
        { "pwrs(-2,2)", B, -4.0, "extension" },
        { "pwrs(-2,2)", P, -4.0, "extension" },
        { "pwrs(-8,0.5)", B, -2.8284271247461903, "extension" },
        { "pwrs(-8,0.5)", P, -2.8284271247461903, "extension" },
        { "atan2(1,2)", B, 0.4636476090008061, "extension" },
        { "atan2(1,2)", P, 0.4636476090008061, "extension" },
        { "atan2(-1,-2)", B, -2.677945044588987, "extension" },
        { "atan2(-1,-2)", P, -2.677945044588987, "extension" },
        { "atan2(0,-1)", B, 3.141592653589793, "extension" },
        { "atan2(0,-1)", P, 3.141592653589793, "extension" },
        { "limit(5,0,3)", B, 3.0, "clamp (ngspice: 5)" },
        { "limit(5,0,3)", P, 3.0, "clamp (ngspice: 2)" },
        { "limit(-1,0,3)", B, 0.0, "clamp (ngspice: -1)" },
        { "limit(-1,0,3)", P, 0.0, "clamp (ngspice: -4)" },
        { "limit(2,0,3)", B, 2.0, "clamp (ngspice: 2)" },
        { "limit(2,0,3)", P, 2.0, "clamp (ngspice: -1)" },
        { "if(1,2,3)", B, 2.0, "extension" },
        { "if(1,2,3)", P, 2.0, "extension" },
        { "if(0,2,3)", B, 3.0, "extension" },
        { "if(0,2,3)", P, 3.0, "extension" },
        { "ternary_fcn(1,2,3)", B, 2.0, "ngspice" },
        { "ternary_fcn(1,2,3)", P, 2.0, "ngspice" },
        { "ternary_fcn(0,2,3)", B, 3.0, "ngspice" },
        { "ternary_fcn(0,2,3)", P, 3.0, "ngspice" },
        { "2^3", B, 8.0, "ngspice" },
        { "2^3", P, 8.0, "ngspice" },
        { "(-2)^3", B, 8.0, "ngspice" },
        { "(-2)^3", P, 8.0, "ngspice" },
        { "(-2)^2", B, 4.0, "ngspice" },
        { "(-2)^2", P, 4.0, "ngspice" },
        { "(-8)^0.5", B, 2.82842712474619, "ngspice" },
        { "(-8)^0.5", P, 2.82842712474619, "ngspice" },
        { "2**3", B, 8.0, "ngspice" },
        { "2**3", P, 8.0, "ngspice" },
        { "(-2)**3", B, 8.0, "ngspice" },
        { "(-2)**3", P, 8.0, "ngspice" },
        { "(-2)**2", B, 4.0, "ngspice" },
        { "(-2)**2", P, 4.0, "ngspice" },
        { "7%3", B, 1.0, "extension" },
        { "7%3", P, 1.0, "ngspice" },
        { "(-7)%3", B, -1.0, "extension" },
        { "(-7)%3", P, -1.0, "ngspice" },
        { "7.5%2", B, 1.5, "extension" },
        { "7.5%2", P, 1.5, "ngspice" },
        { "1==1", B, 1.0, "ngspice" },
        { "1==1", P, 1.0, "ngspice" },
        { "1!=1", B, 0.0, "ngspice" },
        { "1!=1", P, 0.0, "ngspice" },
        { "2<3", B, 1.0, "ngspice" },
        { "2<3", P, 1.0, "ngspice" },
        { "2<=2", B, 1.0, "ngspice" },
        { "2<=2", P, 1.0, "ngspice" },
        { "3>2", B, 1.0, "ngspice" },
        { "3>2", P, 1.0, "ngspice" },
        { "2>=3", B, 0.0, "ngspice" },
        { "2>=3", P, 0.0, "ngspice" },
        { "1&&0", B, 0.0, "ngspice" },
        { "1&&0", P, 0.0, "ngspice" },
        { "1||0", B, 1.0, "ngspice" },
        { "1||0", P, 1.0, "ngspice" },
        { "!0", B, 1.0, "ngspice" },
        { "!0", P, 1.0, "ngspice" },
        { "!2", B, 0.0, "ngspice" },
        { "!2", P, 0.0, "ngspice" },
        { "1?2:3", B, 2.0, "ngspice" },
        { "1?2:3", P, 2.0, "ngspice" },
        { "0?2:3", B, 3.0, "ngspice" },
        { "0?2:3", P, 3.0, "ngspice" },
        { "-2^2", B, -4.0, "ngspice" },
        { "-2^2", P, -4.0, "ngspice" },
        { "2^3^2", B, 64.0, "ngspice" },
        { "2^3^2", P, 64.0, "ngspice" },
        { "2*3^2", B, 18.0, "ngspice" },
        { "2*3^2", P, 18.0, "ngspice" },
        { "2^-1", B, 0.5, "ngspice" },
        { "2^-1", P, 0.5, "ngspice" },
        { "2**-2", B, 0.25, "ngspice" },
        { "2**-2", P, 0.25, "ngspice" },
        { "-2**2", B, -4.0, "ngspice" },
        { "-2**2", P, -4.0, "ngspice" },

    };

    private static readonly Lazy<Dictionary<(string, string), double>> Ours = new(() =>
    {
        var rows = Table.Select(r => ((string)r[0], (string)r[1])).ToList();
        var result = new Dictionary<(string, string), double>();
        foreach (var dialect in new[] { B, P })
        {
            var mine = rows.Where(r => r.Item2 == dialect).Select(r => r.Item1).ToList();
            var (outcomes, recorder) = new NetlistRunner(new NetlistReader().ReadText(Deck(mine, dialect) + ".op\n.end\n", "<table>")).RunToMemory();
            Assert.Null(Assert.Single(outcomes).Failure);
            for (var k = 0; k < mine.Count; k++) result[(mine[k], dialect)] = recorder.Plots[0][$"v(n{k})"][0];
        }
        return result;
    });

    /// <summary>One B source (or one parameter and a V source) per expression, each on its own node n0, n1, ….</summary>
    private static string Deck(IReadOnlyList<string> expressions, string dialect)
    {
        var deck = new StringBuilder("expression table\n");
        for (var k = 0; k < expressions.Count; k++)
        {
            if (dialect == B) deck.Append($"B{k} n{k} 0 V={expressions[k]}\n");
            else deck.Append($".param p{k}={{{expressions[k]}}}\nV{k} n{k} 0 {{p{k}}}\n");
            deck.Append($"R{k} n{k} 0 1\n");
        }
        return deck.ToString();
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Expression_HasNgspicesValueInItsLanguage(string expression, string dialect, double expected, string basis)
    {
        var actual = Ours.Value[(expression, dialect)];
        Assert.True(Math.Abs(actual - expected) <= 1e-14 * Math.Max(1, Math.Abs(expected)),
            $"{expression} ({(dialect == B ? "B source" : ".param")}, {basis}): {actual:R}, expected {expected:R}");
    }

    [NgspiceFact]
    public void Table_MatchesLiveNgspice()
    {
        foreach (var dialect in new[] { B, P })
        {
            var rows = Table.Where(r => (string)r[1] == dialect && (string)r[3] == "ngspice").Select(r => (string)r[0]).ToList();
            var dir = Path.Combine(Path.GetTempPath(), "circuitsim-table-" + Guid.NewGuid().ToString("N")[..10]);
            Directory.CreateDirectory(dir);
            try
            {
                var path = Path.Combine(dir, "table.cir");
                var print = string.Join("\n", Enumerable.Range(0, rows.Count).Select(k => $"print v(n{k})"));
                File.WriteAllText(path, Deck(rows, dialect) + $".control\nset numdgt=16\nop\n{print}\nquit\n.endc\n.end\n");
                var output = Ngspice.RunDeck(path);
                for (var k = 0; k < rows.Count; k++)
                {
                    var ngspice = Ngspice.PrintedReal(output, $"v(n{k})");
                    var ours = Ours.Value[(rows[k], dialect)];
                    Assert.True(Math.Abs(ours - ngspice) <= 1e-14 * Math.Max(1, Math.Abs(ngspice)), $"{rows[k]} ({dialect}): ngspice {ngspice:R}, ours {ours:R}");
                }
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }
}
