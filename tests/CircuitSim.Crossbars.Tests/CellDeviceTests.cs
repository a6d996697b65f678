using CircuitSim.Spintronics.Amm;
using CircuitSim.Spintronics.DomainWall;
using CircuitSim.Spintronics.Memristors;
using CircuitSim.Spintronics.Mtj;
using System.Reflection;
using CircuitSim.Core.Circuits;
using CircuitSim.Crossbars.Devices;
using CircuitSim.Crossbars.Tests.Support;

namespace CircuitSim.Crossbars.Tests;

/// <summary>Each device type holds the conductance it is programmed to, and its built-in card is the library's.</summary>
public sealed class CellDeviceTests
{
    private static string Models(string file) => Path.Combine(AppContext.BaseDirectory, "models", file);

    /// <summary>The conductance every device reports in the simulation (@dev[g]) at a 1 mV read, against the one it was
    /// programmed to. 1e-9 relative for the memristor (x0 written with 12 digits); 1e-5 for the DW-MTJ, whose G_AP falls
    /// with bias as TMR₀/(1 + (V/V_h)²): (1 mV/0.5 V)² = 4e-6.</summary>
    [Theory]
    [InlineData("ymemristor", 1e-9)]
    [InlineData("ydwmtj", 1e-5)]
    public void MultilevelDevice_HoldsItsProgrammedConductance(string device, double tolerance)
    {
        var design = CrossbarBuilder.Build(new CrossbarRequest
        {
            Rows = 3, Columns = 3, Device = Cells.Get(device), WeightSeed = 11, ReadVoltage = 1e-3, Wires = WireResistances.Ideal,
        });
        var result = VmmAnalysis.Run(design);
        for (var i = 0; i < 3; i++)
            for (var j = 0; j < 3; j++)
                Assert.True(Math.Abs(result.Conductances[i, j] - design.Conductances[i, j]) <= tolerance * design.Conductances[i, j],
                    $"{design.DeviceName(i + 1, j + 1)}: {result.Conductances[i, j]:G10} S programmed as {design.Conductances[i, j]:G10} S");
    }

    /// <summary>An MTJ takes the nearer of its two states: P (G_P = 1/7.96 kΩ) or AP (G_P/(1 + TMR₀) = G_P/2.5).</summary>
    [Fact]
    public void Mtj_TakesTheNearerOfItsTwoStates()
    {
        var mtj = MtjCell.Pmtj40(Cells.Devices);
        var (gap, gp) = mtj.DefaultRange;
        Assert.Equal(gp / 2.5, gap, 1e-15);
        Assert.Equal(gp, mtj.Realize(0.6 * gp + 0.4 * gap));
        Assert.Equal(gap, mtj.Realize(0.4 * gp + 0.6 * gap));
    }

    /// <summary>The MTJ states as the simulation sees them at a 1 mV read. 1 %: the macrospin starts tilted by its
    /// thermal angle θ₀ = 1/√(2Δ) = 0.091 rad (Δ = 60), which mixes (1 − cos θ₀)/2 = 0.2 % of the other state into the
    /// conductance (−0.12 % for P, +0.4 % for AP); the bias dependence, (1 mV/0.5 V)² = 4e-6, is negligible.</summary>
    [Fact]
    public void MtjArray_HoldsItsBinaryPattern()
    {
        var design = CrossbarBuilder.Build(new CrossbarRequest
        {
            Device = Cells.Mtj, Weights = new[,] { { 1.0, 0 }, { 0, 1 } }, ReadVoltage = 1e-3, Wires = WireResistances.Ideal,
        });
        var result = VmmAnalysis.Run(design);
        foreach (var (i, j) in new[] { (0, 0), (0, 1), (1, 0), (1, 1) })
            Assert.True(Math.Abs(result.Conductances[i, j] - design.Conductances[i, j]) <= 1e-2 * design.Conductances[i, j],
                $"{design.DeviceName(i + 1, j + 1)}: {result.Conductances[i, j]:G6} S, programmed {design.Conductances[i, j]:G6} S");
        Assert.True(result.Conductances[0, 0] > 2 * result.Conductances[0, 1]);
    }

    [Fact]
    public void AmmRing_IsWrittenAsVortexOrWallState()
    {
        var amm = AmmCell.PermalloyRing(Cells.Devices);
        var (lo, hi) = amm.DefaultRange;
        Assert.EndsWith("state=vortex", amm.ElementLine("a1_1", "r1", "c1", lo, 0, null));
        Assert.EndsWith("state=2dw", amm.ElementLine("a1_1", "r1", "c1", hi, 0, null));
    }

    public static IEnumerable<object[]> BuiltInCards() => new[]
    {
        new object[] { MemristorCell.Biolek(Cells.Devices).Card, "memristor_hp_tio2.lib", "biolek", "tio2" },
        new object[] { DomainWallMtjCell.Lequeux(Cells.Devices).Card, "dwmtj_lequeux2016.lib", "lequeux", "lequeux" },
        new object[] { MtjCell.Pmtj40(Cells.Devices).Card, "mtj_cofeb_40nm.lib", "typical", "pmtj40" },
    };

    /// <summary>A built-in card sets every model parameter to the value the library section gives it.</summary>
    [Theory]
    [MemberData(nameof(BuiltInCards))]
    public void BuiltInCard_IsTheLibrarySection(ModelCard card, string library, string section, string model)
    {
        var fromLibrary = ModelCard.FromLibrary(Models(library), section, model, Cells.Devices);
        Assert.Equal(Parameters(fromLibrary.Model), Parameters(card.Model));
    }

    /// <summary>The AMM library has no sections; its first card is read with .include.</summary>
    [Fact]
    public void BuiltInAmmCard_IsTheLibraryCard()
    {
        var text = File.ReadAllText(Models("amm_permalloy_ring.lib"));
        var fromFile = ModelCard.Inline("pyring", text, Cells.Devices);
        Assert.Equal(Parameters(fromFile.Model), Parameters(AmmCell.PermalloyRing(Cells.Devices).Card.Model));
    }

    [Fact]
    public void LibraryModel_IsReferencedRelativeToTheNetlist()
    {
        var card = ModelCard.FromLibrary(Models("dwmtj_synapse.lib"), "synapse", "synapse", Cells.Devices);
        var line = Assert.Single(card.Lines(AppContext.BaseDirectory));
        Assert.Equal(".lib \"models/dwmtj_synapse.lib\" synapse", line);
    }

    [Fact]
    public void LibraryWithoutTheModel_IsRejected() =>
        Assert.Contains("does not define a model named 'nothere'",
            Assert.Throws<CrossbarInputException>(() => ModelCard.FromLibrary(Models("dwmtj_synapse.lib"), "synapse", "nothere", Cells.Devices)).Message);

    [Fact]
    public void CardOfTheWrongType_IsRejected() =>
        Assert.Contains("is not a MEMRISTOR model",
            Assert.Throws<CrossbarInputException>(() => new MemristorCell(ModelCard.FromLibrary(Models("dwmtj_synapse.lib"), "synapse", "synapse", Cells.Devices))).Message);

    private static Dictionary<string, string> Parameters(Model model) =>
        model.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<ParameterAttribute>() is not null)
            .ToDictionary(p => p.Name, p => Convert.ToString(p.GetValue(model), System.Globalization.CultureInfo.InvariantCulture) ?? "");
}
