using CircuitSim.Crossbars.Devices;
using CircuitSim.Magnetics;

namespace CircuitSim.Crossbars;

/// <summary>
/// Seeded device-to-device variability: every programmed conductance is multiplied by exp(σ·z) with z standard normal
/// (a log-normal spread, so conductances stay positive), then limited to what the device can hold. The normals come
/// from xoshiro256** seeded with <see cref="Seed"/>, one per device in row-major order, so a seed gives the same array
/// on every machine.
/// </summary>
public sealed record DeviceVariability(double Sigma, int Seed)
{
    public static DeviceVariability None { get; } = new(0, 0);

    /// <summary>The conductances each device really holds.</summary>
    /// <exception cref="CrossbarInputException">σ is negative, or the device cannot take per-instance conductances.</exception>
    public double[,] Apply(double[,] target, CellDevice device)
    {
        if (!(Sigma >= 0 && double.IsFinite(Sigma))) throw new CrossbarInputException($"the variability sigma must be ≥ 0, not {Sigma}");
        if (Sigma > 0 && !device.SupportsVariability)
            throw new CrossbarInputException($"{device.TypeName} cells have no per-instance conductance parameter: device-to-device variability cannot be written for them");
        var rng = new Xoshiro256StarStar((ulong)(uint)Seed);
        int rows = target.GetLength(0), cols = target.GetLength(1);
        var g = new double[rows, cols];
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < cols; j++)
            {
                var factor = Sigma > 0 ? Math.Exp(Sigma * rng.NextGaussian()) : 1;
                g[i, j] = device.Realize(target[i, j] * factor);
            }
        return g;
    }
}
