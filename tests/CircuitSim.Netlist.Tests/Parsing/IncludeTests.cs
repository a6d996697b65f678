using CircuitSim.Devices.Passive;
using CircuitSim.Devices.Semiconductors;
using CircuitSim.Netlist.Semantics;

namespace CircuitSim.Netlist.Tests.Parsing;

/// <summary>.include and .lib file section, resolved relative to the including file.</summary>
public sealed class IncludeTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private Netlist ReadMain(string text) => new NetlistReader().ReadFile(_folder.Write("main.cir", text));

    [Fact]
    public void Include_ReadsTheStatementsOfAnotherFileInPlace()
    {
        _folder.Write("models.inc", "* models\n.model DX D(IS=1n)\nR2 a 0 2k\n");

        var netlist = ReadMain("t\nR1 a 0 1k\n.include models.inc\nD1 a 0 DX\n.op\n");

        Assert.Equal(new[] { "R1", "R2", "D1" }, netlist.Circuit.Components.Select(c => c.Name));
    }

    [Fact]
    public void IncludeFile_NameMayBeQuotedAndAbbreviated()
    {
        _folder.Write("my parts.inc", "R2 a 0 2k\n");

        var netlist = ReadMain("t\n.inc \"my parts.inc\"\n.op\n");

        Assert.True(netlist.Circuit.Contains("R2"));
    }

    [Fact]
    public void IncludePath_IsRelativeToTheIncludingFile()
    {
        _folder.Write("lib/outer.inc", ".include inner/inner.inc\n");
        _folder.Write("lib/inner/inner.inc", "R9 a 0 9k\n");

        var netlist = ReadMain("t\n.include lib/outer.inc\n.op\n");

        Assert.Equal(9e3, Assert.IsType<Resistor>(netlist.Circuit["R9"]).Resistance);
    }

    [Fact]
    public void IncludedFile_HasNoTitleLine()
    {
        _folder.Write("parts.inc", "R2 a 0 2k\n");

        Assert.True(ReadMain("t\n.include parts.inc\n").Circuit.Contains("R2"));
    }

    [Fact]
    public void EndInsideAnIncludedFile_DoesNotStopTheIncludingFile()
    {
        _folder.Write("parts.inc", "R2 a 0 2k\n.end\n");

        var netlist = ReadMain("t\n.include parts.inc\nR3 a 0 3k\n");

        Assert.True(netlist.Circuit.Contains("R3"));
    }

    [Fact]
    public void SubcircuitDefinedInAnIncludedFile_CanBeInstantiated()
    {
        _folder.Write("inv.inc", ".subckt buf a b\nR1 a b 1\n.ends buf\n");

        Assert.True(ReadMain("t\n.include inv.inc\nX1 in out buf\n").Circuit.Contains("x1.R1"));
    }

    [Fact]
    public void Lib_ReadsOnlyTheNamedSection()
    {
        _folder.Write("corners.lib", """
            * process corners
            .lib tt
            .model dcorner D(IS=1n)
            .endl tt
            .lib ff
            .model dcorner D(IS=5n)
            .endl ff
            """);

        var netlist = ReadMain("t\n.lib corners.lib ff\nD1 a 0 dcorner\n");

        Assert.True(netlist.Circuit.TryGetModel("dcorner", out var model));
        Assert.Equal(5e-9, Assert.IsType<DiodeModel>(model).SaturationCurrent);
    }

    [Fact]
    public void LibSection_NameIsCaseInsensitive()
    {
        _folder.Write("corners.lib", ".LIB TT\nR1 a 0 1k\n.ENDL\n");

        Assert.True(ReadMain("t\n.lib corners.lib tt\n").Circuit.Contains("R1"));
    }

    [Fact]
    public void LibSection_MayReadAnotherSectionOfTheSameFile()
    {
        _folder.Write("pdk.lib", """
            .lib tt
            .param corner=1
            .lib pdk.lib devices
            .endl tt
            .lib devices
            .model dpdk D(IS=1f)
            .endl devices
            """);

        var netlist = ReadMain("t\n.lib pdk.lib tt\nD1 a 0 dpdk\n");

        Assert.True(netlist.Circuit.TryGetModel("dpdk", out _));
    }

    [Fact]
    public void ErrorsInAnIncludedFile_NameThatFileAndItsLine()
    {
        _folder.Write("bad.inc", "R1 a 0 1k\nR2 a 0 1k bogus=1\n");

        var error = Assert.Single(Assert.Throws<NetlistException>(() => ReadMain("t\n.include bad.inc\n")).Errors);

        Assert.Equal((Path.Combine(_folder.Path, "bad.inc"), 2, 11), (error.Location.File, error.Location.Line, error.Location.Column));
    }
}
