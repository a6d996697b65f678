using System.Text;
using CircuitSim.Core.Expressions;
using CircuitSim.Devices.Passive;
using CircuitSim.Netlist.Measurements;
using CircuitSim.Output.Tests.Support;

namespace CircuitSim.Netlist.Tests.Parsing;

/// <summary>
/// SPICE numbers on one table, read by the one parser (EngineeringNumber) through every place a number is written: a
/// bare token, an element value, a .param value, a literal inside an expression and a .meas value. The meaning is
/// ngspice 39's (checked live below): suffixes f p n u µ m k meg g t mil in any case, any letters after them ignored,
/// <c>a</c> not atto (<c>1a</c> is 1), M milli. The tolerance is 1e-15 relative: our values are the doubles nearest
/// the decimal numbers written; ngspice multiplies by powers of ten and is off by an ulp at times (1g is
/// 9.9999999999999988e8 there).
/// </summary>
public class NumberTableTests
{
    public static TheoryData<string, double, string> Table => new()
    {
        { "1f", 1e-15, "f femto" },
        { "1F", 1e-15, "case" },
        { "1p", 1e-12, "p pico" },
        { "1P", 1e-12, "case" },
        { "1n", 1e-09, "n nano" },
        { "1N", 1e-09, "case" },
        { "1u", 1e-06, "u micro" },
        { "1U", 1e-06, "case" },
        { "1µ", 1e-06, "µ (U+00B5, the micro sign) is micro" },
        { "2μ", 2, "Greek μ (U+03BC) is a unit letter" },
        { "1m", 0.001, "m milli" },
        { "1M", 0.001, "M is milli, not mega" },
        { "1k", 1000.0, "k kilo" },
        { "1K", 1000.0, "case" },
        { "1meg", 1000000.0, "meg mega" },
        { "1MEG", 1000000.0, "case" },
        { "1Meg", 1000000.0, "case" },
        { "1g", 1000000000.0, "g giga" },
        { "1G", 1000000000.0, "case" },
        { "1t", 1000000000000.0, "t tera" },
        { "1T", 1000000000000.0, "case" },
        { "1mil", 2.54e-05, "mil = 25.4 µm" },
        { "1MIL", 2.54e-05, "case" },
        { "10mil", 0.000254, "mil" },
        { "1a", 1, "a is not atto in ngspice 39: a unit letter" },
        { "1A", 1, "case" },
        { "10pF", 1e-11, "unit letters after the scale" },
        { "10uF", 1e-05, "units" },
        { "4.7kOhm", 4700.0, "units" },
        { "1MEGohm", 1000000.0, "units" },
        { "1MHz", 0.001, "M is milli even before Hz" },
        { "1megHz", 1000000.0, "meg before a unit" },
        { "1ms", 0.001, "units" },
        { "1milli", 2.54e-05, "mil wins over m" },
        { "2V", 2, "a unit that is not a scale" },
        { "3x", 3, "an unknown letter is a unit" },
        { "1e3k", 1000000.0, "exponent and scale" },
        { "1.5e3k", 1500000.0, "exponent and scale" },
        { "1e-3meg", 1000.0, "negative exponent and scale" },
        { "1e+2k", 100000.0, "signed exponent" },
        { "1E-2K", 10, "case" },
        { "2.5e-3u", 2.5e-09, "exponent and micro" },
        { "1ea", 1, "an e without digits is a unit letter" },
        { "-1.5k", -1500.0, "sign" },
        { "+2m", 0.002, "sign" },
        { ".5k", 500, "no leading digit" },
        { "5.", 5, "no fraction digits" },
        { "0.3m", 0.0003, "the nearest double to 0.3e-3, not 0.3 times 1e-3" },
        { "4.7nH", 4.7e-09, "units" },
    };

    private static void Near(double expected, double actual, string where) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-15 * Math.Abs(expected), $"{where}: {actual:R}, expected {expected:R}");

    [Theory]
    [MemberData(nameof(Table))]
    public void Number_ReadAsAToken_HasNgspicesValue(string text, double expected, string why)
    {
        Assert.True(EngineeringNumber.TryParse(text, out var value), $"'{text}' ({why}) is not read as a number");
        Near(expected, value, $"'{text}' ({why})");
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Number_AsAnElementValue_HasTheSameValue(string text, double expected, string why) =>
        Near(expected, Read.Component<Resistor>($"numbers\nR1 1 0 {text}\nV1 1 0 1\n.op\n.end\n", "R1").Resistance, $"R1 1 0 {text} ({why})");

    [Theory]
    [MemberData(nameof(Table))]
    public void Number_AsAParameterValue_HasTheSameValue(string text, double expected, string why) =>
        Near(expected, Read.Component<Resistor>($"numbers\n.param p={text}\nR1 1 0 {{p}}\nV1 1 0 1\n.op\n.end\n", "R1").Resistance, $".param p={text} ({why})");

    [Theory]
    [MemberData(nameof(Table))]
    public void Number_InsideAnExpression_HasTheSameValue(string text, double expected, string why) =>
        Near(expected, Read.Component<Resistor>($"numbers\nR1 1 0 {{{text}*1}}\nV1 1 0 1\n.op\n.end\n", "R1").Resistance, $"{{{text}*1}} ({why})");

    [Theory]
    [MemberData(nameof(Table))]
    public void Number_InAMeasure_HasTheSameValue(string text, double expected, string why)
    {
        // before one parser served both, .meas read 1a as 1e-18 and refused 1µ
        var at = MeasureParser.Parse($"tran x FIND v(1) AT={text}").At;
        Assert.NotNull(at);
        Assert.True(at.Value.HasValue, $"AT={text} ({why}) was not read as a number");
        Near(expected, at.Value!.Value, $"AT={text} ({why})");
    }

    [Fact]
    public void Number_IsTheDoubleNearestTheDecimalWritten()
    {
        // 0.3 × 1e-3 rounds twice (3.0000000000000003e-4, what ngspice gives); the text means 0.3e-3
        Assert.True(EngineeringNumber.TryParse("0.3m", out var v));
        Assert.Equal(0.3e-3, v);
        Assert.True(EngineeringNumber.TryParse("1g", out v));
        Assert.Equal(1e9, v);
    }

    [NgspiceFact]
    public void Table_MatchesLiveNgspiceElementValues()
    {
        // a 1 A source into each resistor: v(n) is its resistance
        var rows = Table.Select(r => ((string)r[0], (double)r[1])).ToList();
        var deck = new StringBuilder("numbers\n");
        for (var k = 0; k < rows.Count; k++) deck.Append($"I{k} 0 n{k} 1\nR{k} n{k} 0 {rows[k].Item1}\n");
        deck.Append(".control\nset numdgt=16\nop\n");
        for (var k = 0; k < rows.Count; k++) deck.Append($"print v(n{k})\n");
        deck.Append("quit\n.endc\n.end\n");
        var dir = Path.Combine(Path.GetTempPath(), "circuitsim-numbers-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(dir);
        try
        {
            var path = Path.Combine(dir, "numbers.cir");
            File.WriteAllText(path, deck.ToString());
            var output = Ngspice.RunDeck(path);
            for (var k = 0; k < rows.Count; k++) Near(rows[k].Item2, Ngspice.PrintedReal(output, $"v(n{k})"), $"ngspice, R = {rows[k].Item1}");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
