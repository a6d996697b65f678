using CircuitSim.Core.Expressions;

namespace CircuitSim.Core.Tests.Expressions;

/// <summary>
/// The expression compiler shares repeated subexpressions, folds constant ones and fuses common shapes, and the
/// compiled program still returns the tree's value and exact gradient.
/// </summary>
public class CompilerTests
{
    private sealed class Binder : IExpressionBinder
    {
        public int BindVoltage(string node, int position) => node switch { "p" => 1, "m" => 2, "x" => 3, "0" => 0, _ => throw new ArgumentException(node) };
        public int BindCurrent(string element, int position) => 4;
    }

    private static CompiledExpression Compile(string text) => CompiledExpression.Compile(ExpressionParser.Parse(text), new Binder(), text);

    /// <summary>The Biolek state equation of shared/bench's memristor crossbar after parameter substitution.</summary>
    private const string BiolekRate = "1e-3 * v(p,m)/(16000 - v(x)*(16000-100)) * (1 - (v(x)-u(-v(p,m)))*(v(x)-u(-v(p,m))))";

    [Fact]
    public void RepeatedSubexpressions_AreComputedOnce()
    {
        // v(p,m), v(x), u(-v(p,m)) and the window's difference appear 3, 3, 2 and 2 times, and 16000 - v(x)*15900
        // is one affine instruction: v(p,m), 1e-3·v(p,m), v(x), 16000 − 15900·v(x), the quotient, −v(p,m), u(),
        // v(x) − u(), its square, 1 − square, the product: 11 registers
        Assert.Equal(11, Compile(BiolekRate).InstructionCount);
    }

    [Fact]
    public void ConstantSubexpressions_AreFolded()
    {
        // (2*3 + 1) + v(x) is one instruction on top of the input: c + x
        Assert.Equal(2, Compile("(2*3 + 1) + v(x)").InstructionCount);
        Assert.Equal(1, Compile("sqrt(16)*pi").InstructionCount);
    }

    [Theory]
    [InlineData(0.3, 0.1, 0.4)]
    [InlineData(-0.7, 0.2, 0.9)]
    public void BiolekRate_ValueAndGradient_MatchTheTreeAndCentralDifferences(double p, double m, double x)
    {
        var f = Compile(BiolekRate);
        var solution = new[] { 0, p, m, x, 0 };
        var gradient = new double[f.Unknowns.Length];
        var value = f.Evaluate(solution, 0, 27, gradient);

        double u(double y) => y > 0 ? 1 : y < 0 ? 0 : 0.5;
        double Tree(double vp, double vm, double vx) =>
            1e-3 * (vp - vm) / (16000 - vx * (16000 - 100)) * (1 - (vx - u(-(vp - vm))) * (vx - u(-(vp - vm))));
        // same operations in the same order: equal to the last bit but for the fused constant products
        Assert.Equal(Tree(p, m, x), value, 1e-15);
        const double h = 1e-6;
        var expected = new[]
        {
            (Tree(p + h, m, x) - Tree(p - h, m, x)) / (2 * h),
            (Tree(p, m + h, x) - Tree(p, m - h, x)) / (2 * h),
            (Tree(p, m, x + h) - Tree(p, m, x - h)) / (2 * h),
        };
        for (var k = 0; k < 3; k++)
        {
            var unknown = f.Unknowns[k];
            // central differences of a smooth function: error O(h²) ≈ 1e-12 relative
            Assert.Equal(expected[unknown - 1], gradient[k], 1e-9 * Math.Max(1e-12, Math.Abs(expected[unknown - 1])));
        }
    }

    /// <summary>Found by the fuzz campaign (seed 13, case 1472): abs() of an overflowed operand threw from Math.Sign in
    /// its derivative and ended the run with a stack trace.</summary>
    [Theory]
    [InlineData("abs(v(x))")]
    [InlineData("sgn(v(x))")]
    [InlineData("pwr(v(x), 2)")]
    [InlineData("pow(v(x), 3)")]
    public void SignedFunctions_OfNaN_GiveNaNInsteadOfThrowing(string text)
    {
        var f = Compile(text);
        var gradient = new double[f.Unknowns.Length];

        var value = f.Evaluate(new[] { 0, 0, 0, double.NaN, 0 }, 0, 27, gradient);

        Assert.True(double.IsNaN(value));
    }

    [Fact]
    public void Square_OfASharedOperand_HasTheProductRuleDerivative()
    {
        var f = Compile("v(x)*v(x)");
        var gradient = new double[1];

        Assert.Equal(2, f.InstructionCount);
        Assert.Equal(0.25, f.Evaluate(new[] { 0, 0, 0, 0.5 }, 0, 27, gradient));
        Assert.Equal(1.0, gradient[0]);
    }
}
