using System.Globalization;
using System.Text.RegularExpressions;
using CircuitSim.Cli.Tests.ToyFamily;
using CircuitSim.Netlist.Semantics;
using CircuitSim.Spintronics;

namespace CircuitSim.Cli.Tests;

/// <summary>
/// A device family added through its registrar alone (<see cref="RelaxorFamily"/>, defined in this test project) works
/// in a netlist run and in <c>circuitsim crossbar generate</c>: nothing in Netlist, Crossbars or Cli names it.
/// </summary>
public sealed class ToyFamilyTests : IDisposable
{
    private const double G0 = 1e-3, Gain = 0.5, Tau = 1e-6, Drive = 2;

    private static readonly IReadOnlyList<IDeviceFamily> WithRelaxor = SpintronicFamilies.All.Append(new RelaxorFamily()).ToList();

    private const string Step = """
        relaxor under a constant drive
        .model rm RELAX (g0=1m gain=0.5 tau=1u)
        V1 a 0 2
        YRELAX y1 a 0 rm
        .tran 50n 5u
        .save @y1[x] i(v1)
        .end
        """;

    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>Under a constant drive the device's steps follow x(t) = gain·V·(1 − e^(−t/τ)) exactly (the
    /// linear-in-time drive of the stateful-device contract is exact for a constant). The CSV holds the tstep grid,
    /// interpolated linearly between accepted points no more than tmax = 50 ns apart, so x may differ by the
    /// interpolation bound h²/8·max|x''| = (50 ns)²/8·(gain·V/τ²)·e^(−(t − h)/τ) (1.2e-4 measured at 50 ns against a
    /// bound of 3.1e-4); the current is affine in x, so I = −G0·(1 + x)·V holds at the interpolated points to round-off
    /// (1e-12 relative).</summary>
    [Fact]
    public void ToyFamily_RunsInANetlistThroughItsRegistrarAlone()
    {
        _cli.Write("relax.cir", Step);

        Assert.Equal(ExitCodes.Success, _cli.Run("relax.cir", format: "csv", quiet: true, families: WithRelaxor));

        var lines = File.ReadAllLines(_cli.Output("relax.tran.csv"));
        var header = lines[0].Split(',');
        int x = Array.IndexOf(header, "@y1[x]"), i = Array.IndexOf(header, "i(v1)");
        Assert.True(x > 0 && i > 0, $"columns: {lines[0]}");
        var rows = lines.Skip(1).Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
        Assert.True(rows.Count > 50, $"{rows.Count} time points");
        Assert.Equal(5e-6, rows[^1][0], 1e-15);
        foreach (var r in rows)
        {
            var expected = Gain * Drive * (1 - Math.Exp(-r[0] / Tau));
            var h = 50e-9;
            Assert.InRange(r[x] - expected, -h * h / 8 * Gain * Drive / (Tau * Tau) * Math.Exp(-(r[0] - h) / Tau), 1e-12);
            Assert.Equal(-G0 * (1 + r[x]) * Drive, r[i], 1e-12 * G0 * 2 * Drive);
        }
    }

    [Fact]
    public void ToyDevice_IsUnknownWithoutItsRegistrar()
    {
        _cli.Write("relax.cir", Step);

        Assert.Equal(ExitCodes.BadInput, _cli.Run("relax.cir", quiet: true));
        Assert.Contains("unknown", _cli.Stderr);
    }

    /// <summary><c>crossbar generate --device yrelax</c> writes the toy's cells (x0 from the registrar's cell), and the
    /// netlist runs: with ideal wires into virtual grounds each column current is Σ_i G_ij·V_i, with G_ij = G0·(1 + x0)
    /// read back from the written element lines. 1e-9 relative: x0 is written with 15 digits, the rest is LU round-off.</summary>
    [Fact]
    public void ToyFamily_CellIsGeneratedAndItsReadIsGTimesV()
    {
        var weights = _cli.Write("w.csv", "0.5,1\n0.25,0\n");
        var netlist = Path.Combine(_cli.Folder, "xbar.cir");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var parse = CrossbarCommand.Create(CliRun.Console(stdout), CliRun.Console(stderr), WithRelaxor)
            .Parse(new[] { "generate", "--device", "yrelax", "--weights", weights, "--wire", "0", "--inputs", "0.1,0.2", "-o", netlist });

        Assert.Empty(parse.Errors);
        Assert.Equal(ExitCodes.Success, parse.Invoke());
        var g = new double[2, 2];
        foreach (Match m in Regex.Matches(File.ReadAllText(netlist), @"^YRELAX x(\d)_(\d) \S+ \S+ toy x0=(\S+)$", RegexOptions.Multiline))
            g[int.Parse(m.Groups[1].Value) - 1, int.Parse(m.Groups[2].Value) - 1] = 100e-6 * (1 + double.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture));
        Assert.DoesNotContain(0.0, g.Cast<double>()); // all four cells were written

        Assert.Equal(ExitCodes.Success, _cli.Run("xbar.cir", format: "csv", quiet: true, families: WithRelaxor));
        var currents = File.ReadLines(_cli.Output("xbar.op.csv")).Skip(1).Single().Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        double[] v = { 0.1, 0.2 };
        for (var j = 0; j < 2; j++)
        {
            var ideal = g[0, j] * v[0] + g[1, j] * v[1];
            Assert.Equal(ideal, currents[j], 1e-9 * ideal);
        }
    }

    [Fact]
    public void CrossbarDeviceHelp_ListsTheToyCell()
    {
        var generate = CrossbarCommand.Create(CliRun.Console(new StringWriter()), CliRun.Console(new StringWriter()), WithRelaxor).Subcommands.Single(c => c.Name == "generate");

        Assert.EndsWith("ymtj, yamm or yrelax.", generate.Options.Single(o => o.Name == "--device").Description);
    }
}
