using CircuitSim.Crossbars.Tests.Support;
using CircuitSim.Netlist.Semantics;

namespace CircuitSim.Crossbars.Tests;

/// <summary>What a generated netlist contains, and that every kind of array reads as an ordinary netlist.</summary>
public sealed class NetlistWriterTests
{
    private static string[] Lines(CrossbarRequest r) => CrossbarNetlistWriter.Write(CrossbarBuilder.Build(r)).Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

    private static int Count(string[] lines, string prefix) => lines.Count(l => l.StartsWith(prefix, StringComparison.Ordinal));

    [Fact]
    public void OneRArray_HasADeviceAtEveryCrossPointAndASegmentBetweenNeighbours()
    {
        var lines = Lines(new CrossbarRequest { Rows = 3, Columns = 5, Device = Cells.Memristor, Wires = new(1, 2, 10), Readout = new Readout(5) });
        Assert.Equal(15, Count(lines, "YMEMRISTOR m"));
        Assert.Equal(3 * 4, Count(lines, "RWR"));
        Assert.Equal(5 * 2, Count(lines, "RWC"));
        Assert.Equal(3, Count(lines, "RD"));
        Assert.Equal(5, Count(lines, "RS"));
        Assert.Equal(3, Count(lines, "VR"));
        Assert.Equal(5, Count(lines, "VS"));
        Assert.Contains("YMEMRISTOR m2_4 r2_4 c2_4 tio2 x0=", string.Join('\n', lines));
    }

    [Fact]
    public void Ideal_WiresShareOneNodePerRowAndColumn()
    {
        var lines = Lines(new CrossbarRequest { Rows = 2, Columns = 3, Wires = WireResistances.Ideal });
        Assert.Equal(0, Count(lines, "RW"));
        Assert.Equal(0, Count(lines, "RD"));
        Assert.Contains(lines, l => l.StartsWith("rx2_3 r2 c3 ", StringComparison.Ordinal));
        Assert.Contains("VR2 r2 0 DC 0.2", lines);
        Assert.Contains("VS3 c3 0 DC 0", lines);
    }

    [Fact]
    public void OneTransistorCells_PutAnAccessNmosUnderEveryDeviceAndAWordLinePerRow()
    {
        var lines = Lines(new CrossbarRequest { Rows = 2, Columns = 2, Device = Cells.Mtj, Cell = CellStructure.OneTransistorOneR });
        Assert.Contains("YMTJ t1_2 r1_2 m1_2 pmtj40 state=", string.Join('\n', lines));
        Assert.Contains("MA1_2 m1_2 wl1 c1_2 0 nacc W=1E-06 L=1E-07", lines);
        Assert.Equal(4, Count(lines, "MA"));
        Assert.Contains("VWL2 wl2 0 DC 1.2", lines);
    }

    [Fact]
    public void DifferentialArray_HasTwoPhysicalColumnsPerOutput()
    {
        var design = CrossbarBuilder.Build(new CrossbarRequest { Rows = 2, Columns = 3, Differential = true });
        Assert.Equal(6, design.PhysicalColumns);
        Assert.Equal((5, 6), (design.Layout.Plus(3), design.Layout.Minus(3)!.Value));
    }

    public static IEnumerable<object[]> AllDevicesAndCells() =>
        from d in Cells.Catalog.Types.Select(t => t.Name)
        from c in Enum.GetValues<CellStructure>()
        select new object[] { d, c };

    /// <summary>Every device in both cell structures gives a netlist the reader accepts, with one element per device.</summary>
    [Theory]
    [MemberData(nameof(AllDevicesAndCells))]
    public void GeneratedNetlist_Reads(string device, CellStructure cell)
    {
        var design = CrossbarBuilder.Build(new CrossbarRequest { Rows = 3, Columns = 2, Device = Cells.Get(device), Cell = cell, Wires = new(1, 1, 5) });
        var netlist = new NetlistReader(Cells.Devices).ReadText(CrossbarNetlistWriter.Write(design), "<generated>");
        var perCell = cell == CellStructure.OneR ? 1 : 2;
        var expected = 6 * perCell + 3 * 1 + 2 * 2 + 3 + 3 + 2 + (cell == CellStructure.OneR ? 0 : 3);
        Assert.Equal(expected, netlist.Circuit.Components.Count);
    }

    [Fact]
    public void DeviceVariability_GivesDwMtjsTheirOwnPinningLandscapes()
    {
        var lines = Lines(new CrossbarRequest
        {
            Rows = 2, Columns = 2, Device = Cells.DomainWallMtj, Variability = new DeviceVariability(0.05, 9),
        }).Where(l => l.StartsWith("YDWMTJ", StringComparison.Ordinal)).ToList();
        var seeds = lines.Select(l => l.Split("pinseed=")[1]).ToList();
        Assert.Equal(4, seeds.Distinct().Count());
    }

    [Fact]
    public void RowWaveforms_MakeATransientWithThoseSources()
    {
        var lines = Lines(new CrossbarRequest
        {
            Rows = 2, Columns = 2, RowWaveforms = new[] { "SIN(0 1 1k)", "PULSE(0 1 0 1n 1n 1u 2u)" }, Transient = "1u 2m",
        });
        Assert.Contains("VR2 r2_1 0 PULSE(0 1 0 1n 1n 1u 2u)", lines);
        Assert.Contains(".tran 1u 2m", lines);
    }

    [Fact]
    public void WrongNumberOfRowWaveforms_IsRejected() =>
        Assert.Contains("1 row waveform given for 2 rows", Assert.Throws<CrossbarInputException>(() =>
            CrossbarBuilder.Build(new CrossbarRequest { Rows = 2, Columns = 2, RowWaveforms = new[] { "DC 1" }, Transient = "1u 1m" })).Message);
}
