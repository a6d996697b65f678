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
    public void Include_reads_the_statements_of_another_file_in_place()
    {
        _folder.Write("models.inc", "* models\n.model DX D(IS=1n)\nR2 a 0 2k\n");

        var netlist = ReadMain("t\nR1 a 0 1k\n.include models.inc\nD1 a 0 DX\n.op\n");

        Assert.Equal(new[] { "R1", "R2", "D1" }, netlist.Circuit.Components.Select(c => c.Name));
    }

    [Fact]
    public void Include_file_name_may_be_quoted_and_abbreviated()
    {
        _folder.Write("my parts.inc", "R2 a 0 2k\n");

        var netlist = ReadMain("t\n.inc \"my parts.inc\"\n.op\n");

        Assert.True(netlist.Circuit.Contains("R2"));
    }

    [Fact]
    public void Include_path_is_relative_to_the_including_file()
    {
        _folder.Write("lib/outer.inc", ".include inner/inner.inc\n");
        _folder.Write("lib/inner/inner.inc", "R9 a 0 9k\n");

        var netlist = ReadMain("t\n.include lib/outer.inc\n.op\n");

        Assert.Equal(9e3, Assert.IsType<Resistor>(netlist.Circuit["R9"]).Resistance);
    }

    [Fact]
    public void Included_file_has_no_title_line()
    {
        _folder.Write("parts.inc", "R2 a 0 2k\n");

        Assert.True(ReadMain("t\n.include parts.inc\n").Circuit.Contains("R2"));
    }

    [Fact]
    public void End_inside_an_included_file_does_not_stop_the_including_file()
    {
        _folder.Write("parts.inc", "R2 a 0 2k\n.end\n");

        var netlist = ReadMain("t\n.include parts.inc\nR3 a 0 3k\n");

        Assert.True(netlist.Circuit.Contains("R3"));
    }

    [Fact]
    public void Subcircuit_defined_in_an_included_file_can_be_instantiated()
    {
        _folder.Write("inv.inc", ".subckt buf a b\nR1 a b 1\n.ends buf\n");

        Assert.True(ReadMain("t\n.include inv.inc\nX1 in out buf\n").Circuit.Contains("x1.R1"));
    }

    [Fact]
    public void Lib_reads_only_the_named_section()
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
    public void Lib_section_name_is_case_insensitive()
    {
        _folder.Write("corners.lib", ".LIB TT\nR1 a 0 1k\n.ENDL\n");

        Assert.True(ReadMain("t\n.lib corners.lib tt\n").Circuit.Contains("R1"));
    }

    [Fact]
    public void Lib_section_may_read_another_section_of_the_same_file()
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
    public void Errors_in_an_included_file_name_that_file_and_its_line()
    {
        _folder.Write("bad.inc", "R1 a 0 1k\nR2 a 0 1k bogus=1\n");

        var error = Assert.Single(Assert.Throws<NetlistException>(() => ReadMain("t\n.include bad.inc\n")).Errors);

        Assert.Equal((Path.Combine(_folder.Path, "bad.inc"), 2, 11), (error.Location.File, error.Location.Line, error.Location.Column));
    }
}
