namespace CircuitSim.Core.Expressions;

/// <summary>The random numbers a statistical function reads: the next draws of the value being evaluated.</summary>
public interface IVariationDraws
{
    /// <summary>A standard normal number.</summary>
    double NextGaussian();

    /// <summary>A number uniform on (−1, 1].</summary>
    double NextSymmetricUniform();
}

/// <summary>
/// ngspice's statistical functions for parameter expressions (docs/sweeps.md), as its Monte Carlo examples define them:
/// <list type="bullet">
/// <item><c>agauss(nom, avar, sigma)</c> = nom + avar/sigma·N(0,1): absolute variation avar at <c>sigma</c> standard deviations;</item>
/// <item><c>gauss(nom, rvar, sigma)</c> = nom + nom·rvar/sigma·N(0,1): relative variation;</item>
/// <item><c>aunif(nom, avar)</c> = nom + avar·U(−1,1);</item>
/// <item><c>unif(nom, rvar)</c> = nom + nom·rvar·U(−1,1);</item>
/// <item><c>limit(nom, avar)</c> = nom ± avar, each sign with probability ½ (the three-argument <c>limit(x, lo, hi)</c>
///   is the clamp of B sources and stays so).</item>
/// </list>
/// </summary>
public static class StatisticalFunctions
{
    private static readonly Dictionary<string, int> Arity = new(StringComparer.OrdinalIgnoreCase)
    {
        ["agauss"] = 3, ["gauss"] = 3, ["aunif"] = 2, ["unif"] = 2, ["limit"] = 2,
    };

    public static IEnumerable<string> Names => Arity.Keys;

    /// <summary>True when <paramref name="name"/> applied to <paramref name="argumentCount"/> arguments is a statistical
    /// function (<c>limit</c> only with two).</summary>
    public static bool IsStatistical(string name, int argumentCount) =>
        Arity.TryGetValue(name, out var n) && (n == argumentCount || !name.Equals("limit", StringComparison.OrdinalIgnoreCase));

    /// <summary>The value of a statistical call, or null when <paramref name="name"/> is not one.</summary>
    /// <exception cref="ExpressionEvaluationException">Wrong argument count, or sigma not positive.</exception>
    public static double? TryEvaluate(string name, IReadOnlyList<double> args, IVariationDraws draws, int position = 0)
    {
        if (!IsStatistical(name, args.Count)) return null;
        var arity = Arity[name];
        if (args.Count != arity)
            throw new ExpressionEvaluationException($"{name.ToLowerInvariant()}() takes {arity} arguments, got {args.Count}", position);
        var nom = args[0];
        switch (name.ToLowerInvariant())
        {
            case "agauss":
                return nom + args[1] / Sigma(args[2], name, position) * draws.NextGaussian();
            case "gauss":
                return nom + nom * args[1] / Sigma(args[2], name, position) * draws.NextGaussian();
            case "aunif":
                return nom + args[1] * draws.NextSymmetricUniform();
            case "unif":
                return nom + nom * args[1] * draws.NextSymmetricUniform();
            default: // limit
                return nom + (draws.NextSymmetricUniform() > 0 ? args[1] : -args[1]);
        }
    }

    private static double Sigma(double sigma, string name, int position) =>
        sigma > 0 && double.IsFinite(sigma) ? sigma
            : throw new ExpressionEvaluationException($"{name.ToLowerInvariant()}(): sigma must be a positive number, not {sigma}", position);
}
