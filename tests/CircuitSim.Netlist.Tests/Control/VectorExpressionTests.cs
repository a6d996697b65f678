using System.Numerics;
using CircuitSim.Netlist.Control;

namespace CircuitSim.Netlist.Tests.Control;

/// <summary>The expressions of print, let, if and while: precedence, ngspice's way of splitting a list, vectors,
/// indexing, and the limits that keep the parser and evaluator off the stack's end.</summary>
public class VectorExpressionTests
{
    private static readonly VectorValue Time = new("time", [0.0, 1, 2, 3]);

    private static VectorValue? Lookup(string name) => name.ToLowerInvariant() switch
    {
        "time" => Time,
        "v(a)" => new VectorValue("v(a)", [1.0, 2, 3, 4], Time),
        "v(b)" => new VectorValue("v(b)", [0.5, 0.5, 0.5, 0.5], Time),
        "v(c)" => new VectorValue("v(c)", [new Complex(3, 4)]),
        "i(v1)" => new VectorValue("i(v1)", [-1e-3, -2e-3, -3e-3, -4e-3], Time),
        _ => null,
    };

    private static VectorValue Evaluate(string text) => new VectorEvaluator(Lookup, text).Evaluate(VectorExpressionParser.Parse(text));

    [Theory]
    [InlineData("1 + 2 * 3", 7)]
    [InlineData("(1 + 2) * 3", 9)]
    [InlineData("2 ^ 3 ^ 2", 512)]
    [InlineData("-2 ^ 2", -4)]
    [InlineData("2 ** 3", 8)]
    [InlineData("7 % 4", 3)]
    [InlineData("1k / 2", 500)]
    [InlineData("3 > 2 && 1 < 0", 0)]
    [InlineData("3 > 2 or 1 < 0", 1)]
    [InlineData("2 = 2", 1)]
    [InlineData("2 <> 2", 0)]
    [InlineData("4 ge 5", 0)]
    [InlineData("not 0", 1)]
    public void Operators_FollowCPrecedence(string text, double expected)
    {
        Assert.Equal(expected, Evaluate(text).RealAt(0), 12);
    }

    [Fact]
    public void List_IsSplitWhereTheGrammarAllows()
    {
        var text = "v(a) v(b) v(a) -v(b) db(v(a))[1] i(v1)*2";
        var parts = VectorExpressionParser.ParseList(text).Select(n => text[n.Start..n.End].Trim());

        Assert.Equal(new[] { "v(a)", "v(b)", "v(a) -v(b)", "db(v(a))[1]", "i(v1)*2" }, parts);
    }

    [Fact]
    public void Vectors_CombineElementByElementAndKeepTheirScale()
    {
        var d = Evaluate("v(a) - v(b)");

        Assert.Equal(new[] { 0.5, 1.5, 2.5, 3.5 }, d.Real);
        Assert.Same(Time, d.Scale);
        Assert.Equal(new[] { 2.0, 4, 6, 8 }, Evaluate("2*v(a)").Real);
    }

    [Fact]
    public void NodeDifferenceAccessor_IsTheDifference()
    {
        Assert.Equal(new[] { 0.5, 1.5, 2.5, 3.5 }, Evaluate("v(a,b)").Real);
        Assert.Equal(new[] { 1.0, 2, 3, 4 }, Evaluate("v(a,0)").Real);
    }

    [Fact]
    public void AcAccessors_TakeMagnitudeDbPhaseAndParts()
    {
        Assert.Equal(5, Evaluate("vm(c)").RealAt(0), 12);
        Assert.Equal(20 * Math.Log10(5), Evaluate("vdb(c)").RealAt(0), 12);
        Assert.Equal(Math.Atan2(4, 3), Evaluate("vp(c)").RealAt(0), 12);
        Assert.Equal((3.0, 4.0), (Evaluate("vr(c)").RealAt(0), Evaluate("vi(c)").RealAt(0)));
    }

    [Fact]
    public void Indexing_TakesAnElementOrARange()
    {
        Assert.Equal(3, Evaluate("v(a)[2]").RealAt(0));
        Assert.Equal(new[] { 2.0, 3, 4 }, Evaluate("v(a)[1,3]").Real);
        Assert.Equal(new[] { 2.0, 3 }, Evaluate("v(a)[1:2]").Real);
    }

    [Fact]
    public void IndexOutsideTheVector_IsAnError()
    {
        var e = Assert.Throws<ControlEvaluationException>(() => Evaluate("v(a)[4]"));

        Assert.Equal("index 4 is outside 'v(a)' (0 to 3)", e.Message);
    }

    [Fact]
    public void UnknownName_IsAnError()
    {
        Assert.Equal("no such vector 'zz'", Assert.Throws<ControlEvaluationException>(() => Evaluate("zz + 1")).Message);
    }

    [Fact]
    public void NestingDeeperThanTheLimit_IsASyntaxErrorNotAStackOverflow()
    {
        var text = new string('(', 10_000) + "1" + new string(')', 10_000);

        var e = Assert.Throws<VectorSyntaxException>(() => VectorExpressionParser.Parse(text));

        Assert.Equal($"expression nested more than {VectorExpressionParser.MaxNesting} deep", e.Message);
    }

    [Fact]
    public void ChainLongerThanTheLimit_IsASyntaxErrorNotAStackOverflow()
    {
        var text = string.Join("+", Enumerable.Repeat("1", 100_000));

        var e = Assert.Throws<VectorSyntaxException>(() => VectorExpressionParser.Parse(text));

        Assert.Equal($"expression longer than {VectorExpressionParser.MaxTerms} terms", e.Message);
    }
}
