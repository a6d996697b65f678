using System.Numerics;

namespace CircuitSim.Netlist.Control;

/// <summary>
/// The functions of control-language expressions (ngspice's names and meanings): element-wise mag/abs, ph/phase
/// (radians), cph (unwrapped phase), db, real/re, imag/im, conj, sqrt, exp, ln and log (both natural, as in
/// ngspice), log10, the trigonometric and hyperbolic functions, floor, ceil, pos, norm; over the whole vector mean,
/// vecmax/maximum, vecmin/minimum, length, stddev, avg (running mean), deriv and integ (against the scale); and
/// vector(n), unitvec(n). Not in ngspice but accepted: max, min, rms (over the scale), sgn.
/// </summary>
internal static class VectorFunctions
{
    private delegate VectorValue Function(VectorValue x, string name);

    private static readonly Dictionary<string, Function> Table = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mag"] = (x, n) => Real(x, n, c => c.Magnitude),
        ["abs"] = (x, n) => Real(x, n, c => c.Magnitude),
        ["ph"] = (x, n) => Real(x, n, c => c.Phase),
        ["phase"] = (x, n) => Real(x, n, c => c.Phase),
        ["cph"] = ContinuousPhase,
        ["db"] = (x, n) => Real(x, n, c => 20 * Math.Log10(c.Magnitude)),
        ["real"] = (x, n) => Real(x, n, c => c.Real),
        ["re"] = (x, n) => Real(x, n, c => c.Real),
        ["imag"] = (x, n) => Real(x, n, c => c.Imaginary),
        ["im"] = (x, n) => Real(x, n, c => c.Imaginary),
        ["conj"] = (x, n) => x.IsComplex ? Map(x, n, Complex.Conjugate) : x.Named(n),
        ["sqrt"] = (x, n) => x.IsComplex || x.Real.Any(v => v < 0) ? Map(x, n, Complex.Sqrt) : RealOf(x, n, Math.Sqrt),
        ["exp"] = (x, n) => Either(x, n, Complex.Exp, Math.Exp),
        ["ln"] = (x, n) => x.IsComplex || x.Real.Any(v => v < 0) ? Map(x, n, Complex.Log) : RealOf(x, n, Math.Log),
        ["log"] = (x, n) => x.IsComplex || x.Real.Any(v => v < 0) ? Map(x, n, Complex.Log) : RealOf(x, n, Math.Log),
        ["log10"] = (x, n) => x.IsComplex || x.Real.Any(v => v < 0) ? Map(x, n, Complex.Log10) : RealOf(x, n, Math.Log10),
        ["sin"] = (x, n) => Either(x, n, Complex.Sin, Math.Sin),
        ["cos"] = (x, n) => Either(x, n, Complex.Cos, Math.Cos),
        ["tan"] = (x, n) => Either(x, n, Complex.Tan, Math.Tan),
        ["atan"] = (x, n) => Either(x, n, Complex.Atan, Math.Atan),
        ["asin"] = (x, n) => Either(x, n, Complex.Asin, Math.Asin),
        ["acos"] = (x, n) => Either(x, n, Complex.Acos, Math.Acos),
        ["sinh"] = (x, n) => Either(x, n, Complex.Sinh, Math.Sinh),
        ["cosh"] = (x, n) => Either(x, n, Complex.Cosh, Math.Cosh),
        ["tanh"] = (x, n) => Either(x, n, Complex.Tanh, Math.Tanh),
        ["floor"] = (x, n) => RealOf(x, n, Math.Floor),
        ["ceil"] = (x, n) => RealOf(x, n, Math.Ceiling),
        ["sgn"] = (x, n) => RealOf(x, n, v => v > 0 ? 1 : v < 0 ? -1 : v == 0 ? 0 : double.NaN), // Math.Sign throws on NaN
        ["pos"] = (x, n) => RealOf(x, n, v => v > 0 ? 1 : 0),
        ["norm"] = Normalize,
        ["mean"] = (x, n) => Whole(x, n, c => c.Aggregate(Complex.Zero, (a, b) => a + b) / c.Length),
        ["rms"] = RootMeanSquare,
        ["max"] = (x, n) => Extreme(x, n, +1),
        ["min"] = (x, n) => Extreme(x, n, -1),
        ["vecmax"] = (x, n) => Extreme(x, n, +1),
        ["vecmin"] = (x, n) => Extreme(x, n, -1),
        ["maximum"] = (x, n) => Extreme(x, n, +1),
        ["minimum"] = (x, n) => Extreme(x, n, -1),
        ["length"] = (x, n) => VectorValue.Scalar(n, x.Length),
        ["stddev"] = StandardDeviation,
        ["avg"] = RunningMean,
        ["deriv"] = Derivative,
        ["integ"] = Integral,
        ["vector"] = (x, n) => new VectorValue(n, Enumerable.Range(0, Count(x, n)).Select(i => (double)i).ToArray()),
        ["unitvec"] = (x, n) => new VectorValue(n, Enumerable.Repeat(1.0, Count(x, n)).ToArray()),
    };

    public static IEnumerable<string> Names => Table.Keys;

    public static bool Exists(string name) => Table.ContainsKey(name);

    /// <summary>Applies function <paramref name="function"/> to <paramref name="argument"/>; the result is named
    /// <paramref name="name"/>.</summary>
    /// <exception cref="ControlEvaluationException">The function does not exist or cannot apply.</exception>
    public static VectorValue Apply(string function, VectorValue argument, string name)
    {
        if (!Table.TryGetValue(function, out var f))
            throw new ControlEvaluationException($"unknown function '{function}' (known: {string.Join(", ", Table.Keys.Order())})");
        if (argument.Length == 0) throw new ControlEvaluationException($"{function}() of an empty vector");
        return f(argument, name);
    }

    private static VectorValue Real(VectorValue x, string name, Func<Complex, double> f) =>
        new(name, Enumerable.Range(0, x.Length).Select(i => f(x[i])).ToArray(), x.Scale);

    private static VectorValue RealOf(VectorValue x, string name, Func<double, double> f) =>
        new(name, x.Real.Select(f).ToArray(), x.Scale);

    private static VectorValue Map(VectorValue x, string name, Func<Complex, Complex> f) =>
        new(name, x.Complex.Select(f).ToArray(), x.Scale);

    private static VectorValue Either(VectorValue x, string name, Func<Complex, Complex> complex, Func<double, double> real) =>
        x.IsComplex ? Map(x, name, complex) : RealOf(x, name, real);

    /// <summary>A single value from the whole vector (real when the vector is real).</summary>
    private static VectorValue Whole(VectorValue x, string name, Func<Complex[], Complex> f)
    {
        var v = f(x.Complex);
        return x.IsComplex ? new VectorValue(name, new[] { v }) : VectorValue.Scalar(name, v.Real);
    }

    private static VectorValue Extreme(VectorValue x, string name, int sign)
    {
        var values = x.IsComplex ? x.Complex.Select(c => c.Magnitude).ToArray() : x.Real;
        return VectorValue.Scalar(name, sign > 0 ? values.Max() : values.Min());
    }

    private static VectorValue Normalize(VectorValue x, string name)
    {
        var largest = Enumerable.Range(0, x.Length).Max(i => x[i].Magnitude);
        if (largest == 0) return x.Named(name);
        return x.IsComplex ? Map(x, name, c => c / largest) : RealOf(x, name, v => v / largest);
    }

    private static VectorValue ContinuousPhase(VectorValue x, string name)
    {
        var result = new double[x.Length];
        double offset = 0, previous = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var p = x[i].Phase;
            if (i > 0)
            {
                var jump = p + offset - previous;
                if (jump > Math.PI) offset -= 2 * Math.PI;
                else if (jump < -Math.PI) offset += 2 * Math.PI;
            }
            result[i] = p + offset;
            previous = result[i];
        }
        return new VectorValue(name, result, x.Scale);
    }

    private static VectorValue StandardDeviation(VectorValue x, string name)
    {
        var v = x.Real;
        if (v.Length < 2) return VectorValue.Scalar(name, 0);
        var mean = v.Average();
        return VectorValue.Scalar(name, Math.Sqrt(v.Sum(a => (a - mean) * (a - mean)) / (v.Length - 1)));
    }

    private static VectorValue RunningMean(VectorValue x, string name)
    {
        var v = x.Real;
        var result = new double[v.Length];
        double sum = 0;
        for (var i = 0; i < v.Length; i++)
        {
            sum += v[i];
            result[i] = sum / (i + 1);
        }
        return new VectorValue(name, result, x.Scale);
    }

    /// <summary>The scale of <paramref name="x"/>, or its indices when it has none.</summary>
    private static double[] Abscissa(VectorValue x) =>
        x.Scale is { } s && s.Length == x.Length ? s.Real : Enumerable.Range(0, x.Length).Select(i => (double)i).ToArray();

    /// <summary>√(∫x² d(scale) / span), the trapezoidal rule over the scale (ngspice's rms).</summary>
    private static VectorValue RootMeanSquare(VectorValue x, string name)
    {
        var v = x.Real;
        var t = Abscissa(x);
        if (v.Length < 2 || t[^1] == t[0]) return VectorValue.Scalar(name, Math.Abs(v[0]));
        double sum = 0;
        for (var i = 1; i < v.Length; i++) sum += 0.5 * (v[i] * v[i] + v[i - 1] * v[i - 1]) * (t[i] - t[i - 1]);
        return VectorValue.Scalar(name, Math.Sqrt(sum / (t[^1] - t[0])));
    }

    /// <summary>d x / d scale as ngspice's deriv: at each point the slope of the parabola through it and its two
    /// neighbours (through the first or last three points at the ends).</summary>
    private static VectorValue Derivative(VectorValue x, string name)
    {
        var v = x.Real;
        var t = Abscissa(x);
        var result = new double[v.Length];
        if (v.Length == 2) result[0] = result[1] = (v[1] - v[0]) / (t[1] - t[0]);
        if (v.Length < 3) return new VectorValue(name, result, x.Scale);
        for (var i = 0; i < v.Length; i++)
        {
            var c = Math.Clamp(i, 1, v.Length - 2);
            double x0 = t[c - 1], x1 = t[c], x2 = t[c + 1], at = t[i];
            result[i] = v[c - 1] * (2 * at - x1 - x2) / ((x0 - x1) * (x0 - x2))
                      + v[c] * (2 * at - x0 - x2) / ((x1 - x0) * (x1 - x2))
                      + v[c + 1] * (2 * at - x0 - x1) / ((x2 - x0) * (x2 - x1));
        }
        return new VectorValue(name, result, x.Scale);
    }

    /// <summary>The running integral over the scale (trapezoidal), 0 at the first point.</summary>
    private static VectorValue Integral(VectorValue x, string name)
    {
        var v = x.Real;
        var t = Abscissa(x);
        var result = new double[v.Length];
        for (var i = 1; i < v.Length; i++) result[i] = result[i - 1] + 0.5 * (v[i] + v[i - 1]) * (t[i] - t[i - 1]);
        return new VectorValue(name, result, x.Scale);
    }

    private static int Count(VectorValue x, string name)
    {
        var n = x.RealAt(0);
        if (!(n >= 0 && n <= 100_000_000)) throw new ControlEvaluationException($"{name}: the length must be from 0 to 1e8, got {n}");
        return (int)Math.Round(n);
    }
}

/// <summary>A control-language expression or command that cannot be carried out (no such vector, lengths that do
/// not match…); the interpreter adds where it happened.</summary>
public sealed class ControlEvaluationException : Exception
{
    public ControlEvaluationException(string message) : base(message) { }
}
