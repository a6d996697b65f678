using CircuitSim.Core.Expressions;

namespace CircuitSim.Core.Tests.Expressions;

/// <summary>The expression grammar: precedence, associativity, and syntax errors that point at the problem.</summary>
public class ParserTests
{
    private static double Eval(string text, Func<string, double?>? variables = null) =>
        new ExpressionEvaluator(variables ?? (_ => null)).Evaluate(ExpressionParser.Parse(text));

    [Theory]
    [InlineData("1 + 2 * 3", 7)]             // * before +
    [InlineData("(1 + 2) * 3", 9)]
    [InlineData("10 - 4 - 3", 3)]            // left-associative
    [InlineData("8 / 2 / 2", 2)]
    [InlineData("2 * 3 / 4", 1.5)]
    [InlineData("7 % 4 * 2", 6)]             // % at the level of *
    [InlineData("2 ** 3 ** 2", 64)]          // power groups from the left, as in ngspice 39
    [InlineData("2 ^ 3 ^ 2", 64)]            // ^ is **
    [InlineData("2 ^ -1", 0.5)]              // an exponent may carry a sign
    [InlineData("-2 ** 3", -8)]              // power binds tighter than unary minus: −(2³), not |−2|³
    [InlineData("2 ** -1", 0.5)]             // a unary exponent
    [InlineData("- -1", 1)]
    [InlineData("!0 + 1", 2)]                // unary ! before +
    [InlineData("1 + 2 > 2", 1)]             // arithmetic before comparison
    [InlineData("1 < 2 == 1", 1)]            // comparisons chain left to right: (1 < 2) == 1
    [InlineData("1 || 0 && 0", 1)]           // && before ||
    [InlineData("0 && 1 || 1", 1)]
    [InlineData("1 + 2 > 2 ? 10 : 20", 10)]  // ?: lowest
    [InlineData("0 ? 1 : 2 ? 3 : 4", 3)]     // right-associative ?:
    [InlineData("2 * (3 + 4) ** 2 - 1", 97)]
    public void Operators_follow_c_precedence(string text, double expected) =>
        Assert.Equal(expected, Eval(text)); // every case is exact in binary floating point

    [Fact]
    public void NamesAndCalls_ParseWhateverLetterTheyStartWith()
    {
        // v( and i( are circuit quantities, but vdd, int() and if() are a variable and functions
        Assert.Equal(5, Eval("vdd + int(2.7)", n => n == "vdd" ? 3 : null));
        Assert.Equal(4, Eval("if(1, 4, 5)"));
        var tree = ExpressionParser.Parse("v(a, b) * i(vx)");
        var product = Assert.IsType<BinaryExpression>(tree);
        var voltage = Assert.IsType<VoltageExpression>(product.Left);
        Assert.Equal(("a", "b"), (voltage.Node, voltage.Reference));
        Assert.Equal("vx", Assert.IsType<CurrentExpression>(product.Right).Element);
    }

    [Fact]
    public void Positions_PointIntoTheSourceText()
    {
        var tree = Assert.IsType<BinaryExpression>(ExpressionParser.Parse("1 + foo(2)"));
        Assert.Equal(4, Assert.IsType<CallExpression>(tree.Right).Position);
    }

    [Theory]
    [InlineData("(1 + 2", 6)]  // the missing ) is at the end
    [InlineData("1 + 2)", 5)]  // the stray )
    [InlineData("2 $ 3", 2)]
    [InlineData("3 4", 2)]
    [InlineData("", 0)]
    public void Syntax_error_reports_the_offset_of_the_problem(string text, int position)
    {
        var e = Assert.Throws<ExpressionSyntaxException>(() => ExpressionParser.Parse(text));
        Assert.Equal(position, e.Position);
        Assert.Contains("unexpected", e.Message);
    }

    /// <summary>An operator or call whose operand is missing: the error must point at what follows the operator (or
    /// the end of the text), and expect an operand, not "end of input".</summary>
    [Theory]
    [InlineData("1 + * 2", 4)]
    [InlineData("sin(1,)", 6)]
    [InlineData("2**", 3)]
    [InlineData("v(a", 3)]
    [InlineData("1 > 0 ? 1", 9)]
    public void Syntax_error_after_an_operator_points_past_the_operator(string text, int position)
    {
        var e = Assert.Throws<ExpressionSyntaxException>(() => ExpressionParser.Parse(text));
        Assert.Equal(position, e.Position);
        Assert.DoesNotContain("end of input", e.Expected);
    }

    [Fact]
    public void UnknownFunction_IsReportedAtItsCall()
    {
        var e = Assert.Throws<ExpressionEvaluationException>(() => Eval("1 + frob(2)"));
        Assert.Equal(4, e.Position);
        Assert.Contains("frob", e.Message);
    }

    [Fact]
    public void WrongArgument_CountNamesTheFunctionAndTheCount()
    {
        var e = Assert.Throws<ExpressionEvaluationException>(() => Eval("2 * atan2(1)"));
        Assert.Equal(4, e.Position);
        Assert.Contains("atan2() takes 2 arguments, got 1", e.Message);
    }

    [Fact]
    public void UndefinedParameter_IsReportedAtItsPosition()
    {
        var e = Assert.Throws<ExpressionEvaluationException>(() => Eval("3 * rload"));
        Assert.Equal(4, e.Position);
        Assert.Contains("rload", e.Message);
    }

    [Fact]
    public void CircuitQuantities_AreRefusedInParameterExpressions()
    {
        var e = Assert.Throws<ExpressionEvaluationException>(() => Eval("2 + v(out)"));
        Assert.Equal(4, e.Position);
        Assert.Contains("v(out)", e.Message);
    }

    /// <summary>Issue 13, defect 2: these overflowed the stack of the recursive parser (exit 134, nothing reported).
    /// They are refused with a message, on a thread with a 1 MiB stack (smaller than any the CLI or a test runs on).</summary>
    [Theory]
    [InlineData("minus", 10_000)]
    [InlineData("sum", 10_000)]
    [InlineData("power", 5000)]
    [InlineData("parentheses", 5000)]
    [InlineData("calls", 5000)]
    [InlineData("conditional", 5000)]
    public void Expression_nested_beyond_the_limit_is_refused_with_a_message(string form, int n)
    {
        var text = form switch
        {
            "minus" => new string('-', n) + "1",
            "sum" => string.Join("+", Enumerable.Repeat("1", n)),
            "power" => string.Join("^", Enumerable.Repeat("1", n)),
            "parentheses" => new string('(', n) + "1" + new string(')', n),
            "calls" => string.Concat(Enumerable.Repeat("sin(", n)) + "1" + new string(')', n),
            _ => string.Concat(Enumerable.Repeat("1?", n)) + "1" + string.Concat(Enumerable.Repeat(":1", n)),
        };
        ExpressionSyntaxException? error = null;
        var thread = new Thread(() => error = Assert.Throws<ExpressionSyntaxException>(() => ExpressionParser.Parse(text)), 1 << 20);

        thread.Start();
        thread.Join();

        Assert.NotNull(error);
        Assert.Equal(ExpressionParser.LessNesting, error.Expected);
        Assert.StartsWith("expression nested too deeply", error.Message);
    }

    [Fact]
    public void SumOfAThousandTerms_ParsesAndEvaluatesLeftToRight()
    {
        var text = string.Join("+", Enumerable.Repeat("0.1", 1000));

        var value = Eval(text);

        var expected = 0.0;
        for (var k = 0; k < 1000; k++) expected += 0.1; // the same rounding, term by term
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Deepest_AcceptedTreeEvaluatesOnASmallStack()
    {
        var text = new string('-', ExpressionParser.MaxDepth - 1) + "1"; // MaxDepth − 1 negations: depth MaxDepth
        double value = 0;
        var thread = new Thread(() => value = Eval(text), 1 << 20);

        thread.Start();
        thread.Join();

        Assert.Equal(-1, value); // an odd number of minus signs
    }
}
