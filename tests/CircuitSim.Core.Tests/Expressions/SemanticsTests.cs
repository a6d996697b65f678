using CircuitSim.Core.Expressions;

namespace CircuitSim.Core.Tests.Expressions;

/// <summary>ngspice's meaning of numbers, operators and built-in functions.</summary>
public class SemanticsTests
{
    private static double Eval(string text) => new ExpressionEvaluator(_ => null).Evaluate(ExpressionParser.Parse(text));

    // the numbers' table (suffixes, case, units, exponents, signs) is tests/CircuitSim.Netlist.Tests/Parsing/NumberTableTests.cs,
    // which reads each one through every place a number is written

    [Theory]
    [InlineData("1k5")]
    [InlineData("k")]
    [InlineData("1.2.3")]
    public void MalformedNumbers_AreNotNumbers(string text) => Assert.False(EngineeringNumber.TryParse(text, out _));

    [Theory]
    [InlineData("u(0)", 0.5)]        // the unit step is ½ at 0
    [InlineData("u(-1e-300)", 0)]
    [InlineData("u(1e-300)", 1)]
    [InlineData("stp(0)", 0.5)]
    [InlineData("u2(0.3)", 0.3)]     // unit ramp clipped to [0, 1]
    [InlineData("u2(2)", 1)]
    [InlineData("uramp(-2)", 0)]
    [InlineData("uramp(2)", 2)]
    [InlineData("(-2) ** 2", 4)]     // x**y = |x|^y
    [InlineData("(-8) ** (1/3)", 2)]
    [InlineData("(-2) ^ 3", 8)]
    [InlineData("pwr(-8, 1/3)", 2)]  // |x|^y in a parameter (ngspice's numparam); sign(x)·|x|^y in a B source
    [InlineData("pwrs(-2, 2)", -4)]
    [InlineData("pow(2, 10)", 1024)]
    [InlineData("nint(2.5)", 2)]     // half to even, as ngspice's nearbyint
    [InlineData("nint(-2.5)", -2)]
    [InlineData("nint(3.5)", 4)]
    [InlineData("int(-2.7)", -2)]    // truncation
    [InlineData("floor(-2.5)", -3)]
    [InlineData("ceil(-2.5)", -2)]
    [InlineData("sgn(-3)", -1)]
    [InlineData("limit(5, 0, 2)", 2)]
    [InlineData("limit(-5, 0, 2)", 0)]
    [InlineData("limit(1.5, 0, 2)", 1.5)]
    [InlineData("log(e)", 1)]        // log is the natural logarithm
    [InlineData("log10(1000)", 3)]
    [InlineData("atan2(1, -1)", 2.356194490192345)]
    [InlineData("min(3, -1) + max(3, -1)", 2)]
    [InlineData("1 ? 2 : 3", 2)]
    [InlineData("0 ? 2 : 3", 3)]
    [InlineData("if(0, 2, 3)", 3)]
    [InlineData("ternary_fcn(1, 2, 3)", 2)]
    [InlineData("7 % 3", 1)]
    [InlineData("-7 % 3", -1)]       // C's remainder: the sign of the dividend
    [InlineData("3 == 3", 1)]
    [InlineData("3 != 3", 0)]
    [InlineData("!2", 0)]
    [InlineData("true + false", 1)]
    public void Functions_and_operators_have_ngspice_semantics(string text, double expected) =>
        Assert.Equal(expected, Eval(text), 1e-14); // one library call on O(1) values: a few ulp

    [Fact]
    public void PowOfANegativeBaseAndFractionalExponent_IsNanInAParameter()
    {
        // in ngspice's parameters pow is the C library's: undefined for x < 0 and non-integer y
        Assert.True(double.IsNaN(Eval("pow(-8, 1/3)")));
    }

    [Theory]
    [InlineData("pow(-2, 3)", -8, 8)]     // the C library's power; |x|^y in a B source
    [InlineData("pow(-8, 1/3)", double.NaN, 2)]
    [InlineData("pwr(-2, 3)", 8, -8)]     // |x|^y; sgn(x)·|x|^y in a B source
    [InlineData("pwrs(-2, 3)", -8, -8)]
    [InlineData("(-2) ** 3", 8, 8)]       // the same in both: |x|^y
    public void Pow_and_pwr_mean_what_they_mean_in_each_of_ngspices_languages(string text, double parameter, double behavioral)
    {
        var e = ExpressionParser.Parse(text);
        Assert.Equal(parameter, new ExpressionEvaluator(_ => null).Evaluate(e), 1e-14);
        Assert.Equal(behavioral, new ExpressionEvaluator(_ => null, dialect: ExpressionDialect.BehavioralSource).Evaluate(e), 1e-14);
    }

    [Fact]
    public void User_FunctionsOverrideAndExtendTheBuiltIns()
    {
        var evaluator = new ExpressionEvaluator(_ => null, (name, args) => name == "twice" ? 2 * args[0] : null);
        Assert.Equal(6, evaluator.Evaluate(ExpressionParser.Parse("twice(3)")));
        Assert.Equal(1, evaluator.Evaluate(ExpressionParser.Parse("cos(0)")));
    }

    [Fact]
    public void EveryDocumentedFunction_IsBuiltIn()
    {
        var documented = new[] { "abs", "sgn", "sign", "sqrt", "exp", "ln", "log", "log10", "sin", "cos", "tan", "asin", "acos",
            "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "floor", "ceil", "nint", "int", "u", "stp", "u2",
            "uramp", "min", "max", "pow", "pwr", "pwrs", "atan2", "limit", "if", "ternary_fcn" };
        foreach (var f in documented) Assert.True(ExpressionFunctions.IsBuiltIn(f), f);
        Assert.Equal(documented.Order(), ExpressionFunctions.Names.Order(StringComparer.OrdinalIgnoreCase));
    }
}
