using CircuitSim.Core.Expressions;

namespace CircuitSim.Core.Tests.Expressions;

/// <summary>ngspice's meaning of numbers, operators and built-in functions.</summary>
public class SemanticsTests
{
    private static double Eval(string text) => new ExpressionEvaluator(_ => null).Evaluate(ExpressionParser.Parse(text));

    [Theory]
    [InlineData("1meg", 1e6)]
    [InlineData("1MEG", 1e6)]     // suffixes are case-insensitive
    [InlineData("1m", 1e-3)]
    [InlineData("1M", 1e-3)]      // M is milli, as in SPICE
    [InlineData("10uF", 10e-6)]   // letters after the scale are ignored
    [InlineData("4.7kOhm", 4.7e3)]
    [InlineData("3f", 3e-15)]
    [InlineData("2p", 2e-12)]
    [InlineData("5n", 5e-9)]
    [InlineData("1g", 1e9)]
    [InlineData("1t", 1e12)]
    [InlineData("10mil", 254e-6)]
    [InlineData("1.5e3k", 1.5e6)] // exponent and scale
    [InlineData("2V", 2)]         // a unit that is not a scale
    [InlineData(".5", 0.5)]
    public void Numbers_take_spice_scale_suffixes(string text, double expected)
    {
        Assert.Equal(expected, Eval(text), 1e-12 * Math.Abs(expected));
        Assert.True(EngineeringNumber.TryParse(text, out var direct));
        Assert.Equal(expected, direct, 1e-12 * Math.Abs(expected));
    }

    [Theory]
    [InlineData("1k5")]
    [InlineData("k")]
    [InlineData("1.2.3")]
    public void Malformed_numbers_are_not_numbers(string text) => Assert.False(EngineeringNumber.TryParse(text, out _));

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
    [InlineData("pwr(-8, 1/3)", -2)] // sign(x)·|x|^y
    [InlineData("pwrs(-2, 2)", -4)]
    [InlineData("pow(2, 10)", 1024)]
    [InlineData("nint(2.5)", 3)]     // half away from zero
    [InlineData("nint(-2.5)", -3)]
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
    public void Pow_of_a_negative_base_and_fractional_exponent_is_nan()
    {
        // unlike ** and pwr, pow is the C library's: undefined for x < 0 and non-integer y
        Assert.True(double.IsNaN(Eval("pow(-8, 1/3)")));
    }

    [Fact]
    public void User_functions_override_and_extend_the_built_ins()
    {
        var evaluator = new ExpressionEvaluator(_ => null, (name, args) => name == "twice" ? 2 * args[0] : null);
        Assert.Equal(6, evaluator.Evaluate(ExpressionParser.Parse("twice(3)")));
        Assert.Equal(1, evaluator.Evaluate(ExpressionParser.Parse("cos(0)")));
    }

    [Fact]
    public void Every_documented_function_is_built_in()
    {
        var documented = new[] { "abs", "sgn", "sign", "sqrt", "exp", "ln", "log", "log10", "sin", "cos", "tan", "asin", "acos",
            "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "floor", "ceil", "nint", "int", "u", "stp", "u2",
            "uramp", "min", "max", "pow", "pwr", "pwrs", "atan2", "limit", "if", "ternary_fcn" };
        foreach (var f in documented) Assert.True(ExpressionFunctions.IsBuiltIn(f), f);
        Assert.Equal(documented.Order(), ExpressionFunctions.Names.Order(StringComparer.OrdinalIgnoreCase));
    }
}
