using CircuitSim.Spintronics.Amm;
using CircuitSim.Spintronics.DomainWall;
using CircuitSim.Spintronics.Memristors;
using CircuitSim.Spintronics.Mtj;
using CircuitSim.Crossbars.Tests.Support;
using CircuitSim.Crossbars.Devices;

namespace CircuitSim.Crossbars.Tests;

/// <summary>Seeded log-normal device-to-device variability.</summary>
public sealed class VariabilityTests
{
    private static double[,] Uniform(int n, double g)
    {
        var m = new double[n, n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++) m[i, j] = g;
        return m;
    }

    [Fact]
    public void SameSeed_GivesTheSameArray()
    {
        var target = Uniform(8, 5e-5);
        Assert.Equal(new DeviceVariability(0.1, 42).Apply(target, new ResistorCell()), new DeviceVariability(0.1, 42).Apply(target, new ResistorCell()));
    }

    [Fact]
    public void DifferentSeeds_GiveDifferentArrays()
    {
        var target = Uniform(8, 5e-5);
        Assert.NotEqual(new DeviceVariability(0.1, 1).Apply(target, new ResistorCell()), new DeviceVariability(0.1, 2).Apply(target, new ResistorCell()));
    }

    /// <summary>ln(G/G₀) over 64×64 devices has mean 0 and standard deviation σ; with n = 4096 samples the standard errors
    /// are σ/√n = 0.0016 for the mean and σ/√(2n) = 0.0011 for the deviation; 4 standard errors are allowed.</summary>
    [Fact]
    public void LogConductanceSpread_IsSigma()
    {
        const double sigma = 0.1, g0 = 5e-5;
        var g = new DeviceVariability(sigma, 5).Apply(Uniform(64, g0), new ResistorCell());
        var logs = g.Cast<double>().Select(x => Math.Log(x / g0)).ToList();
        var mean = logs.Average();
        var sd = Math.Sqrt(logs.Sum(x => (x - mean) * (x - mean)) / (logs.Count - 1));
        Assert.InRange(mean, -4 * sigma / 64, 4 * sigma / 64);
        Assert.InRange(sd, sigma - 4 * sigma / Math.Sqrt(2 * 4096), sigma + 4 * sigma / Math.Sqrt(2 * 4096));
    }

    [Fact]
    public void Conductances_StayWithinWhatTheDeviceHolds()
    {
        var device = MemristorCell.Biolek(Cells.Devices);
        var g = new DeviceVariability(1.0, 3).Apply(Uniform(16, device.DefaultRange.Max), device);
        Assert.All(g.Cast<double>(), x => Assert.InRange(x, device.DefaultRange.Min, device.DefaultRange.Max));
    }

    [Fact]
    public void BinaryDevices_RefuseVariability() =>
        Assert.Throws<CrossbarInputException>(() => new DeviceVariability(0.1, 1).Apply(Uniform(2, 1e-4), MtjCell.Pmtj40(Cells.Devices)));
}
