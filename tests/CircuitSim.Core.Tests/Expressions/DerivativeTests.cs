using CircuitSim.Core.Expressions;

namespace CircuitSim.Core.Tests.Expressions;

/// <summary>
/// Compiled expressions return exact partial derivatives (forward mode) for B-source Jacobians. Each built-in function
/// and operator is checked against central differences at points inside its smooth pieces.
/// </summary>
public class DerivativeTests
{
    /// <summary>Maps v(x), v(y), v(z) to unknowns 1, 2, 3.</summary>
    private sealed class Binder : IExpressionBinder
    {
        public int BindVoltage(string node, int position) => node switch
        {
            "x" => 1, "y" => 2, "z" => 3, "0" => 0, _ => throw new ArgumentException(node),
        };

        public int BindCurrent(string element, int position) => 4;
    }

    /// <summary>Points per function, inside the domain and away from kinks and jumps (so the derivative exists).</summary>
    private static readonly Dictionary<string, double[][]> Domains = new(StringComparer.OrdinalIgnoreCase)
    {
        ["abs"] = [[-0.6], [0.7]], ["sgn"] = [[-0.6], [0.7]], ["sign"] = [[-0.6], [0.7]],
        ["sqrt"] = [[0.7], [2.3]], ["exp"] = [[-0.6], [1.3]], ["ln"] = [[0.7], [2.3]], ["log"] = [[0.7]], ["log10"] = [[0.7], [23]],
        ["sin"] = [[-0.6], [0.7]], ["cos"] = [[-0.6], [0.7]], ["tan"] = [[-0.6], [0.7]],
        ["asin"] = [[-0.6], [0.7]], ["acos"] = [[-0.6], [0.7]], ["atan"] = [[-0.6], [1.3]],
        ["sinh"] = [[-0.6], [1.3]], ["cosh"] = [[-0.6], [1.3]], ["tanh"] = [[-0.6], [1.3]],
        ["asinh"] = [[-0.6], [1.3]], ["acosh"] = [[1.7], [3.1]], ["atanh"] = [[-0.6], [0.7]],
        ["floor"] = [[-0.6], [1.3]], ["ceil"] = [[-0.6], [1.3]], ["nint"] = [[-0.6], [1.3]], ["int"] = [[-0.6], [1.3]],
        ["u"] = [[-0.6], [1.3]], ["stp"] = [[-0.6], [1.3]], ["u2"] = [[-0.6], [0.4], [1.3]], ["uramp"] = [[-0.6], [1.3]],
        ["min"] = [[0.3, 0.8], [0.8, 0.3]], ["max"] = [[0.3, 0.8], [0.8, 0.3]],
        ["pow"] = [[0.7, 1.7], [1.3, -0.6]], ["pwr"] = [[0.7, 1.7], [-0.7, 1.7]], ["pwrs"] = [[0.7, 1.7], [-0.7, 2.3]],
        ["atan2"] = [[0.3, -0.8], [-0.5, 0.4]],
        ["limit"] = [[0.5, 0, 1], [-0.5, 0, 1], [1.5, 0, 1]],
        ["if"] = [[1, 0.3, 0.8], [-1, 0.3, 0.8]], ["ternary_fcn"] = [[1, 0.3, 0.8], [-2, 0.3, 0.8]],
    };

    private static readonly string[] Inputs = ["v(x)", "v(y)", "v(z)"];

    public static TheoryData<string, double[]> BuiltInCalls()
    {
        var data = new TheoryData<string, double[]>();
        foreach (var name in ExpressionFunctions.Names.Order())
        {
            // a function without a domain here fails the test, so a new built-in cannot go unchecked
            var points = Domains.TryGetValue(name, out var p) ? p : [[double.NaN]];
            foreach (var args in points)
                data.Add($"{name}({string.Join(", ", Inputs.Take(args.Length))})", args);
        }
        return data;
    }

    public static TheoryData<string, double[]> OperatorExpressions() => new()
    {
        { "v(x) + v(y)", [0.3, -0.8] },
        { "v(x) - v(y)", [0.3, -0.8] },
        { "v(x) * v(y)", [0.3, -0.8] },
        { "v(x) / v(y)", [0.3, -0.8] },
        { "v(x) % v(y)", [0.37, 0.2] },
        { "v(x) % v(y)", [-0.77, 0.3] },
        { "v(x) ** v(y)", [0.7, 1.7] },
        { "v(x) ** v(y)", [-0.7, 1.7] },   // |x|^y on the negative side
        { "v(x) ^ v(y)", [1.3, -0.6] },
        { "-v(x) * v(y)", [0.3, -0.8] },
        { "!v(x) + v(y)", [0.3, -0.8] },
        { "(v(x) > v(y)) * v(z)", [0.3, -0.8, 0.5] },
        { "(v(x) <= v(y)) + (v(x) == v(y)) + (v(x) != v(y)) + (v(x) >= v(y)) + (v(x) < v(y))", [0.3, -0.8] },
        { "(v(x) && v(y)) + (v(x) || v(y))", [0.3, -0.8] },
        { "v(x) > 0 ? v(y) * v(y) : 3 * v(z)", [0.3, -0.8, 0.5] },
        { "v(x) > 0 ? v(y) * v(y) : 3 * v(z)", [-0.3, -0.8, 0.5] },
        { "v(x, y) * exp(v(z))", [0.3, -0.8, 0.5] },      // v(a,b) is a difference of two unknowns
        { "v(x) * v(x) * sin(v(x))", [0.9] },            // one unknown used several times
        { "v(x) * v(0) + 2", [0.9] },                    // ground reads 0 and has no derivative
        { "tanh(3 * v(x)) * atan2(v(y), v(z)) ** 2 / (1 + u2(v(x)))", [0.3, -0.8, 0.5] },
    };

    [Theory]
    [MemberData(nameof(BuiltInCalls))]
    public void BuiltInFunctionDerivative_MatchesFiniteDifferences(string text, double[] point)
    {
        Assert.False(double.IsNaN(point[0]), $"{text}: add the function's domain to Domains");
        AssertGradient(text, point);
    }

    [Theory]
    [MemberData(nameof(OperatorExpressions))]
    public void OperatorDerivative_MatchesFiniteDifferences(string text, double[] point) => AssertGradient(text, point);

    [Theory]
    [MemberData(nameof(BuiltInCalls))]
    [MemberData(nameof(OperatorExpressions))]
    public void ForwardModeGradient_EqualsReverseMode(string text, double[] point)
    {
        Assert.False(double.IsNaN(point[0]), $"{text}: add the function's domain to Domains");
        var compiled = CompiledExpression.Compile(ExpressionParser.Parse(text), new Binder());
        var solution = new double[5];
        for (var k = 0; k < point.Length; k++) solution[k + 1] = point[k];
        var forward = new double[compiled.Unknowns.Length];
        var reverse = new double[compiled.Unknowns.Length];
        var f = compiled.EvaluateForward(solution, 0, 27, forward);
        var r = compiled.EvaluateReverse(solution, 0, 27, reverse);
        Assert.Equal(BitConverter.DoubleToInt64Bits(r), BitConverter.DoubleToInt64Bits(f)); // the values: the same operations
        // the chain rule's products summed in another order: a few ulps of the largest term
        for (var k = 0; k < forward.Length; k++)
            Assert.True(Math.Abs(forward[k] - reverse[k]) <= 1e-14 * Math.Max(1, Math.Abs(reverse[k])),
                $"{text}: slot {k} forward {forward[k]:R}, reverse {reverse[k]:R}");
    }

    [Fact]
    public void ForwardModeGradient_KeepsZeroWhereAnInfiniteDerivativeMeetsAnIndependentInput()
    {
        // sqrt'(0) = ∞ multiplies sqrt's argument's gradient, whose v(y) lane is 0: that lane must stay 0 (not 0·∞ = NaN),
        // so ∂/∂v(y) is exactly the 1 of the "+ v(y)", as reverse mode gives it
        var compiled = CompiledExpression.Compile(ExpressionParser.Parse("sqrt(v(x)) + v(y)"), new Binder());
        var solution = new double[] { 0, 0, 0.25, 0, 0 };
        var forward = new double[compiled.Unknowns.Length];
        compiled.EvaluateForward(solution, 0, 27, forward);
        var reverse = new double[compiled.Unknowns.Length];
        compiled.EvaluateReverse(solution, 0, 27, reverse);
        var y = Array.IndexOf(compiled.Unknowns, 2);
        Assert.Equal(1.0, forward[y]);
        Assert.Equal(reverse, forward);
    }

    [Fact]
    public void ExpressionOfFiveUnknowns_GradientMatchesFiniteDifferences()
    {
        // more unknowns than a forward-mode vector holds: the reverse-mode path
        const string text = "v(x) * v(y) + v(z) * i(vx) / (2 + v(x, y)) + v(w) * v(w)";
        var compiled = CompiledExpression.Compile(ExpressionParser.Parse(text), new FiveBinder());
        Assert.Equal(5, compiled.Unknowns.Length);
        var solution = new double[] { 0, 0.3, -0.8, 0.5, 0.9, 0.7 };
        var gradient = new double[5];
        compiled.Evaluate(solution, 0, 27, gradient);
        for (var slot = 0; slot < 5; slot++)
        {
            var unknown = compiled.Unknowns[slot];
            const double h = 1e-6;
            var plus = (double[])solution.Clone();
            var minus = (double[])solution.Clone();
            plus[unknown] += h;
            minus[unknown] -= h;
            var fd = (compiled.Evaluate(plus, 0, 27) - compiled.Evaluate(minus, 0, 27)) / (2 * h);
            Assert.True(Math.Abs(gradient[slot] - fd) <= 1e-7, $"slot {slot}: {gradient[slot]:R} against {fd:R}"); // as AssertGradient
        }
    }

    /// <summary>v(x), v(y), v(z), i(vx) to unknowns 1–4 and v(w) to 5, for an expression of five unknowns.</summary>
    private sealed class FiveBinder : IExpressionBinder
    {
        public int BindVoltage(string node, int position) => node switch
        {
            "x" => 1, "y" => 2, "z" => 3, "w" => 5, "0" => 0, _ => throw new ArgumentException(node),
        };

        public int BindCurrent(string element, int position) => 4;
    }

    /// <summary>
    /// Central differences with h = 1e-6·max(1, |x|): truncation h²·f‴/6 ≈ 1e-12·f‴ and round-off ε·|f|/h ≈ 1e-10·|f|
    /// for the O(1) values used here, so 1e-7·max(1, |f|, |∂f|) is a 1000× margin that still catches any wrong factor.
    /// </summary>
    private static void AssertGradient(string text, double[] point)
    {
        var compiled = CompiledExpression.Compile(ExpressionParser.Parse(text), new Binder());
        var solution = new double[5];
        for (var k = 0; k < point.Length; k++) solution[k + 1] = point[k];
        var gradient = new double[compiled.Unknowns.Length];
        var value = compiled.Evaluate(solution, 0, 27, gradient);

        var tree = new ExpressionEvaluator(_ => null, dialect: ExpressionDialect.BehavioralSource).Evaluate(Substitute(text, point));
        Assert.Equal(value, tree, 1e-14 * Math.Max(1, Math.Abs(value)));
        for (var unknown = 1; unknown <= point.Length; unknown++)
        {
            var h = 1e-6 * Math.Max(1, Math.Abs(solution[unknown]));
            var plus = (double[])solution.Clone();
            var minus = (double[])solution.Clone();
            plus[unknown] += h;
            minus[unknown] -= h;
            var fd = (compiled.Evaluate(plus, 0, 27) - compiled.Evaluate(minus, 0, 27)) / (plus[unknown] - minus[unknown]);
            var slot = Array.IndexOf(compiled.Unknowns, unknown);
            var exact = slot >= 0 ? gradient[slot] : 0;
            var tol = 1e-7 * Math.Max(1, Math.Max(Math.Abs(value), Math.Max(Math.Abs(exact), Math.Abs(fd))));
            Assert.True(Math.Abs(exact - fd) <= tol, $"{text} at ({string.Join(", ", point)}): ∂/∂{Inputs[unknown - 1]} = {exact:R}, finite difference {fd:R}");
        }
    }

    /// <summary>The same expression with the inputs as numbers, for the tree evaluator (value cross-check).</summary>
    private static Expression Substitute(string text, double[] point)
    {
        if (text.Contains("v(x, y)")) text = text.Replace("v(x, y)", "(v(x) - v(y))");
        for (var k = 0; k < point.Length; k++)
            text = text.Replace(Inputs[k], $"({point[k].ToString("R", System.Globalization.CultureInfo.InvariantCulture)})");
        return ExpressionParser.Parse(text.Replace("v(0)", "0"));
    }
}
