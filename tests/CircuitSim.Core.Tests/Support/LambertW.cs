namespace CircuitSim.Core.Tests.Support;

/// <summary>The principal branch W₀ of the Lambert W function (w·e^w = z) for z ≥ 0, by Halley's iteration.</summary>
internal static class LambertW
{
    public static double W0(double z)
    {
        if (z < 0 || double.IsNaN(z)) throw new ArgumentOutOfRangeException(nameof(z), "only z ≥ 0 is needed here");
        if (z == 0) return 0;
        // starting guess: log(1 + z) is close for small z; ln z − ln ln z for large z
        var w = z < Math.E ? Math.Log(1 + z) : Math.Log(z) - Math.Log(Math.Log(z));
        for (var k = 0; k < 100; k++)
        {
            var ew = Math.Exp(w);
            var f = w * ew - z;
            var wp1 = w + 1;
            var step = f / (ew * wp1 - (w + 2) * f / (2 * wp1));
            w -= step;
            if (Math.Abs(step) <= 1e-15 * Math.Max(1, Math.Abs(w))) return w;
        }
        throw new InvalidOperationException($"Lambert W did not converge for z = {z}");
    }
}
