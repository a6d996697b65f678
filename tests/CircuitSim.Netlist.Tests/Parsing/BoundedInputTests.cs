using CircuitSim.Netlist.Semantics;

namespace CircuitSim.Netlist.Tests.Parsing;

/// <summary>
/// Issue 13, defects 2, 3, 4 and 9 at the reader: expressions nested too deeply, files that are not regular files or
/// are too large, overlong lines, .tran and .ac grids too fine to represent, and long lines quoted in messages.
/// Each is a located netlist error instead of a stack overflow, an endless read or an exception.
/// </summary>
public sealed class BoundedInputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // ---- defect 2: expression depth ----

    [Theory]
    [InlineData(0)] // 10 000 minus signs
    [InlineData(1)] // a sum of 10 000 terms
    [InlineData(2)] // 1^1^…^1, 5000 terms
    public void DeepParameterExpression_IsAnErrorNamingTheLimit(int form)
    {
        var expr = form switch
        {
            0 => new string('-', 10_000) + "1",
            1 => string.Join("+", Enumerable.Repeat("1", 10_000)),
            _ => string.Join("^", Enumerable.Repeat("1", 5000)),
        };

        var error = Read.Failure($"t\n.param p={{{expr}}}\nR1 a 0 {{p}}\n.op").Errors.First();

        Assert.StartsWith("expression nested too deeply (at most 1000 operators", error.Message);
        Assert.Equal(2, error.Location.Line);
    }

    [Fact]
    public void SumOf900TermsStill_Reads()
    {
        var r = Read.Component<CircuitSim.Devices.Passive.Resistor>($"t\nR1 a 0 {{{string.Join("+", Enumerable.Repeat("1", 900))}}}", "R1");

        Assert.Equal(900, r.Resistance);
    }

    // ---- defect 3: unbounded reads ----

    [Theory]
    [InlineData("/dev/zero", "a character device")]
    [InlineData("/dev/urandom", "a character device")]
    [InlineData("/proc/self/mem", "a kernel pseudo-file under /proc")]
    [InlineData("/proc/self/status", "a kernel pseudo-file under /proc")]
    public void IncludingAFileThat_IsNotRegularIsAnErrorAtTheInclude(string path, string kind)
    {
        var error = Read.Error($"t\n.include {path}\nR1 a 0 1k");

        Assert.Equal(($"included file '{path}' is {kind}, not a regular file", 2, 10), (error.Message, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void NetlistThat_IsADeviceIsRefusedWithoutReadingIt()
    {
        var failure = Assert.Throws<NetlistException>(() => new NetlistReader().ReadFile("/dev/zero"));

        Assert.Equal("netlist '/dev/zero' is a character device, not a regular file", Assert.Single(failure.Errors).Message);
    }

    [Fact]
    public void NetlistLargerThan256MiB_IsRefusedWithoutReadingIt()
    {
        var path = _folder.Write("huge.cir", "");
        using (var f = new FileStream(path, FileMode.Open)) f.SetLength((256L << 20) + 1); // sparse: nothing is written

        var failure = Assert.Throws<NetlistException>(() => new NetlistReader().ReadFile(path));

        Assert.Contains("is larger than 256 MiB", Assert.Single(failure.Errors).Message);
    }

    [Fact]
    public void LineLongerThanAMillionCharacters_IsAnErrorAndTheRestReads()
    {
        var failure = Read.Failure($"t\nR1 a 0 1k\n* {new string('x', 1_000_001)}\nR2 a 0 {{q}}\n.op");

        Assert.Equal(new[] { 3, 4 }, failure.Errors.Select(e => e.Location.Line));
        Assert.StartsWith("line 3 has 1000003 characters; a line may have at most 1000000", failure.Errors.First().Message);
    }

    // ---- defect 4: .tran grid arithmetic ----

    [Theory]
    [InlineData(".tran 1e-30 1", "tstep 1E-30 s is too small for the span 1 s")]
    [InlineData(".tran 1e-9 1e300", "tstep 1E-09 s is too small for the span 1E+300 s")]
    [InlineData(".tran {1/0} 1", "tstep must be finite, not Infinity")]
    [InlineData(".tran 1 {1/0}", "tstop must be finite, not Infinity")]
    [InlineData(".tran 1n 10n 0 1e-30", "tmax 1E-30 s is too small for the span 1E-08 s")]
    public void Transient_grid_that_cannot_be_represented_is_an_error(string line, string message)
    {
        var error = Read.Error($"t\nR1 a 0 1k\nV1 a 0 1\n{line}");

        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void TransientOfTenToTheThirteenOutput_PointsIsAcceptedAndStreamed()
    {
        var netlist = Read.Text("t\nR1 a 0 1k\nV1 a 0 1\n.tran 1p 10");

        Assert.Equal(10, Assert.IsType<TranSpec>(Assert.Single(netlist.Analyses)).Stop);
    }

    [Fact]
    public void AcSweepOfBillionsOf_PointsIsAnError()
    {
        var error = Read.Error("t\nR1 a 0 1k\nV1 a 0 1 ac 1\n.ac dec 1e9 1 1g");

        Assert.StartsWith(".ac sweep would have 9E+09 points", error.Message);
    }

    // ---- defect 9: long lines in messages ----

    [Fact]
    public void ErrorInA100000CharacterLine_Quotes160CharactersAroundTheColumn()
    {
        var error = Read.Error("t\nR1 a 0 {" + new string('1', 50_000) + "$" + new string('2', 50_000) + "}");

        var lines = error.Shown().Split('\n');
        Assert.All(lines, l => Assert.True(l.Length < 300, $"a line of {l.Length} characters"));
        var (quoted, caret) = (lines[1][4..], lines[2].IndexOf('^') - 4);
        Assert.Equal('$', quoted[caret]);
        Assert.StartsWith("…", quoted);
        Assert.EndsWith("…", quoted);
    }
}
