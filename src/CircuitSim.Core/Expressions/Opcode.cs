namespace CircuitSim.Core.Expressions;

/// <summary>Operations of compiled expressions (see <see cref="CompiledExpression"/>).</summary>
internal enum Opcode : byte
{
    Constant, Input, Time, Temperature,
    Negate, Not,
    Add, Subtract, Multiply, Divide, Modulo, Power,
    Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual, And, Or, Select,
    // one argument
    Abs, Sign, Sqrt, Exp, Ln, Log10, Sin, Cos, Tan, Asin, Acos, Atan, Sinh, Cosh, Tanh, Asinh, Acosh, Atanh,
    Floor, Ceil, Nint, Int, Step, Step2, Ramp,
    // two arguments
    Min, Max, Pow, Pwr, Atan2,
    // three arguments
    Limit,
    // fused by the compiler, never parsed: v(a,b), a + b·x (constants a, b), x·x
    InputDifference, Affine, Square,
    // time derivative and integral of the argument (state kept by the caller; C: the call), table lookup (C: the table)
    Ddt, Idt, Table,
}

/// <summary>Where an expression is evaluated: ngspice 39 has two expression languages that disagree on powers.</summary>
public enum ExpressionDialect
{
    /// <summary>.param and {…} (ngspice's numparam): pow(x, y) is the real power (NaN for x &lt; 0 and a fractional y),
    /// pwr(x, y) is |x|^y.</summary>
    Parameter,
    /// <summary>B sources (ngspice's parse trees): pow(x, y) is |x|^y, like x**y and x^y; pwr(x, y) is sgn(x)·|x|^y.</summary>
    BehavioralSource,
}

/// <summary>
/// The built-in functions of B sources and parameter expressions, with ngspice 39's semantics where it has the
/// function (tests/CircuitSim.Netlist.Tests/Parsing/ExpressionFunctionTableTests.cs checks each against it):
/// nint rounds half to even (nint(2.5) = 2), x**y and x^y are |x|^y in both languages, pow and pwr depend on the
/// <see cref="ExpressionDialect"/>. Beyond ngspice 39's set: sign, stp, pwrs, atan2, if, and int, % in B sources, u,
/// u2, uramp in parameters; limit(x, lo, hi) clamps (LTspice's; ngspice's limit(nom, var) is a Monte Carlo draw).
/// </summary>
public static class ExpressionFunctions
{
    /// <summary>−1, 0 or 1, and NaN for NaN (Math.Sign throws on NaN, and a NaN reaches here from an overflowed
    /// operand; the Newton step then reports the non-finite value instead of the process ending on an exception).</summary>
    internal static double Signum(double x) => x > 0 ? 1 : x < 0 ? -1 : x == 0 ? 0 : double.NaN;

    private static readonly Dictionary<string, (Opcode Op, int Arity)> Table = new(StringComparer.OrdinalIgnoreCase)
    {
        ["abs"] = (Opcode.Abs, 1), ["sgn"] = (Opcode.Sign, 1), ["sign"] = (Opcode.Sign, 1), ["sqrt"] = (Opcode.Sqrt, 1),
        ["exp"] = (Opcode.Exp, 1), ["ln"] = (Opcode.Ln, 1), ["log"] = (Opcode.Ln, 1), ["log10"] = (Opcode.Log10, 1),
        ["sin"] = (Opcode.Sin, 1), ["cos"] = (Opcode.Cos, 1), ["tan"] = (Opcode.Tan, 1), ["asin"] = (Opcode.Asin, 1),
        ["acos"] = (Opcode.Acos, 1), ["atan"] = (Opcode.Atan, 1), ["sinh"] = (Opcode.Sinh, 1), ["cosh"] = (Opcode.Cosh, 1),
        ["tanh"] = (Opcode.Tanh, 1), ["asinh"] = (Opcode.Asinh, 1), ["acosh"] = (Opcode.Acosh, 1), ["atanh"] = (Opcode.Atanh, 1),
        ["floor"] = (Opcode.Floor, 1), ["ceil"] = (Opcode.Ceil, 1), ["nint"] = (Opcode.Nint, 1), ["int"] = (Opcode.Int, 1),
        ["u"] = (Opcode.Step, 1), ["stp"] = (Opcode.Step, 1), ["u2"] = (Opcode.Step2, 1), ["uramp"] = (Opcode.Ramp, 1),
        ["min"] = (Opcode.Min, 2), ["max"] = (Opcode.Max, 2), ["pow"] = (Opcode.Pow, 2), ["pwr"] = (Opcode.Pwr, 2),
        ["pwrs"] = (Opcode.Pwr, 2), ["atan2"] = (Opcode.Atan2, 2), ["limit"] = (Opcode.Limit, 3),
        ["if"] = (Opcode.Select, 3), ["ternary_fcn"] = (Opcode.Select, 3),
    };

    /// <summary>Functions with their own arity rules and no parameter-expression value: <c>ddt(x)</c>,
    /// <c>idt(x [, ic])</c> (also <c>sdt</c>), <c>pwl(x, x1, y1, …)</c> and <c>table(x, x1, y1, …)</c>.</summary>
    private static readonly HashSet<string> Special = new(StringComparer.OrdinalIgnoreCase) { "ddt", "idt", "sdt", "pwl", "table" };

    public static bool IsBuiltIn(string name) => Table.ContainsKey(name) || Special.Contains(name);

    internal static bool TryGet(string name, ExpressionDialect dialect, out Opcode op, out int arity)
    {
        if (Table.TryGetValue(name, out var e))
        {
            op = (e.Op, dialect) switch
            {
                (Opcode.Pow, ExpressionDialect.BehavioralSource) => Opcode.Power,
                (Opcode.Pwr, ExpressionDialect.Parameter) when name.Equals("pwr", StringComparison.OrdinalIgnoreCase) => Opcode.Power,
                _ => e.Op,
            };
            arity = e.Arity;
            return true;
        }
        op = default; arity = 0;
        return false;
    }

    public static IEnumerable<string> Names => Table.Keys;

    /// <summary>Value of a one-argument function.</summary>
    internal static double Unary(Opcode op, double x) => op switch
    {
        Opcode.Abs => Math.Abs(x),
        Opcode.Sign => Signum(x),
        Opcode.Sqrt => Math.Sqrt(x),
        Opcode.Exp => Math.Exp(x),
        Opcode.Ln => Math.Log(x),
        Opcode.Log10 => Math.Log10(x),
        Opcode.Sin => Math.Sin(x),
        Opcode.Cos => Math.Cos(x),
        Opcode.Tan => Math.Tan(x),
        Opcode.Asin => Math.Asin(x),
        Opcode.Acos => Math.Acos(x),
        Opcode.Atan => Math.Atan(x),
        Opcode.Sinh => Math.Sinh(x),
        Opcode.Cosh => Math.Cosh(x),
        Opcode.Tanh => Math.Tanh(x),
        Opcode.Asinh => Math.Asinh(x),
        Opcode.Acosh => Math.Acosh(x),
        Opcode.Atanh => Math.Atanh(x),
        Opcode.Floor => Math.Floor(x),
        Opcode.Ceil => Math.Ceiling(x),
        Opcode.Nint => Math.Round(x, MidpointRounding.ToEven),
        Opcode.Int => Math.Truncate(x),
        Opcode.Step => x > 0 ? 1 : x < 0 ? 0 : 0.5,
        Opcode.Step2 => x <= 0 ? 0 : x >= 1 ? 1 : x,
        Opcode.Ramp => x > 0 ? x : 0,
        Opcode.Negate => -x,
        Opcode.Not => x == 0 ? 1 : 0,
        _ => throw new InvalidOperationException($"{op} is not a one-argument function"),
    };

    /// <summary>Derivative of a one-argument function at <paramref name="x"/> (its value is <paramref name="f"/>).</summary>
    internal static double UnaryDerivative(Opcode op, double x, double f) => op switch
    {
        Opcode.Abs => Signum(x),
        Opcode.Sqrt => 0.5 / f,
        Opcode.Exp => f,
        Opcode.Ln => 1 / x,
        Opcode.Log10 => 1 / (x * Math.Log(10)),
        Opcode.Sin => Math.Cos(x),
        Opcode.Cos => -Math.Sin(x),
        Opcode.Tan => 1 + f * f,
        Opcode.Asin => 1 / Math.Sqrt(1 - x * x),
        Opcode.Acos => -1 / Math.Sqrt(1 - x * x),
        Opcode.Atan => 1 / (1 + x * x),
        Opcode.Sinh => Math.Cosh(x),
        Opcode.Cosh => Math.Sinh(x),
        Opcode.Tanh => 1 - f * f,
        Opcode.Asinh => 1 / Math.Sqrt(x * x + 1),
        Opcode.Acosh => 1 / Math.Sqrt(x * x - 1),
        Opcode.Atanh => 1 / (1 - x * x),
        Opcode.Step2 => x > 0 && x < 1 ? 1 : 0,
        Opcode.Ramp => x > 0 ? 1 : 0,
        Opcode.Negate => -1,
        _ => 0, // piecewise constant: sign, floor, ceil, nint, int, u, !
    };

    /// <summary>Value of a two-argument operator or function.</summary>
    internal static double Binary(Opcode op, double a, double b) => op switch
    {
        Opcode.Add => a + b,
        Opcode.Subtract => a - b,
        Opcode.Multiply => a * b,
        Opcode.Divide => a / b,
        Opcode.Modulo => a % b,
        Opcode.Power => Math.Pow(Math.Abs(a), b),
        Opcode.Equal => a == b ? 1 : 0,
        Opcode.NotEqual => a != b ? 1 : 0,
        Opcode.Less => a < b ? 1 : 0,
        Opcode.LessEqual => a <= b ? 1 : 0,
        Opcode.Greater => a > b ? 1 : 0,
        Opcode.GreaterEqual => a >= b ? 1 : 0,
        Opcode.And => a != 0 && b != 0 ? 1 : 0,
        Opcode.Or => a != 0 || b != 0 ? 1 : 0,
        Opcode.Min => Math.Min(a, b),
        Opcode.Max => Math.Max(a, b),
        Opcode.Pow => Math.Pow(a, b),
        Opcode.Pwr => Signum(a) * Math.Pow(Math.Abs(a), b),
        Opcode.Atan2 => Math.Atan2(a, b),
        _ => throw new InvalidOperationException($"{op} is not a two-argument function"),
    };

    /// <summary>Partial derivatives of a two-argument operator at (a, b), value f.</summary>
    internal static (double Da, double Db) BinaryDerivative(Opcode op, double a, double b, double f)
    {
        switch (op)
        {
            case Opcode.Add: return (1, 1);
            case Opcode.Subtract: return (1, -1);
            case Opcode.Multiply: return (b, a);
            case Opcode.Divide: return (1 / b, -f / b);
            case Opcode.Modulo: return (1, -Math.Truncate(a / b));
            case Opcode.Power:
            {
                var abs = Math.Abs(a);
                var da = abs == 0 ? (b == 1 ? Signum(a) : 0) : b * f / abs * Signum(a);
                var db = abs == 0 ? 0 : f * Math.Log(abs);
                return (da, db);
            }
            case Opcode.Pow:
                return (a == 0 ? (b == 1 ? 1 : 0) : b * f / a, a > 0 ? f * Math.Log(a) : 0);
            case Opcode.Pwr:
            {
                var abs = Math.Abs(a);
                return (abs == 0 ? (b == 1 ? 1 : 0) : b * Math.Pow(abs, b - 1), abs == 0 ? 0 : f * Math.Log(abs));
            }
            case Opcode.Min: return a <= b ? (1, 0) : (0, 1);
            case Opcode.Max: return a >= b ? (1, 0) : (0, 1);
            case Opcode.Atan2:
            {
                var r2 = a * a + b * b;
                return r2 == 0 ? (0, 0) : (b / r2, -a / r2);
            }
            default: return (0, 0); // comparisons and logic are piecewise constant
        }
    }
}
