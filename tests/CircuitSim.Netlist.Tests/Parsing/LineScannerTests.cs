using CircuitSim.Netlist.Syntax;

namespace CircuitSim.Netlist.Tests.Parsing;

/// <summary>The hand-written line scanner gives exactly the grammar's tokens, and leaves malformed lines to it.</summary>
public class LineScannerTests
{
    [Theory]
    [InlineData("R1 in n1 0.01")]
    [InlineData("V1 a 0 PULSE(0, 1, 0 10n 10n 2u 4u)")]
    [InlineData("B1 a 0 I = {v(a)*(1 - {k})} ")]
    [InlineData("E1 o 0 VALUE='v(a)*\"x\"' \t")]
    [InlineData(".param a={b} c = 3*a d=\"text, with (stuff)\"")]
    [InlineData("X1 a b sub params: w={ {w0} * 2 } l=1u")]
    [InlineData(".model m nmos ( level=1 ( nested , group ) )")]
    [InlineData("(  )")]
    [InlineData("{}=''\"\"")]
    [InlineData(",,, a,,b ,")]
    public void Scanner_GivesTheGrammarsTokensForWellFormedLines(string line)
    {
        var expected = LineGrammar.TokenizeWithGrammar(line);
        Assert.NotNull(expected);
        AssertSame(expected!, LineScanner.TryScan(line), line);
    }

    [Theory]
    [InlineData("R1 a (b")]
    [InlineData("R1 a b)")]
    [InlineData("B1 a 0 I={v(a)")]
    [InlineData("B1 a 0 I=v(a)}")]
    [InlineData("E1 o 0 'v(a)")]
    [InlineData("R1 a\u00a0b 1k")]
    [InlineData("R1 a b 1k\n")]
    public void Scanner_LeavesLinesItCannotScanToTheGrammar(string line)
    {
        Assert.Null(LineScanner.TryScan(line));
    }

    [Theory]
    [InlineData("R1 in n1 0.01", true)]
    [InlineData("V1 a 0 PULSE(0, 1, 0 10n 10n 2u 4u)", true)]
    [InlineData("B1 a 0 I = {v(a)*(1 - {k})} ", true)]
    [InlineData(",,, a,,b ,", true)]
    [InlineData(", ,\t", false)]
    [InlineData("", false)]
    [InlineData("R1 a (b", false)]
    [InlineData("B1 a 0 I={v(a)", false)]
    [InlineData("E1 o 0 'v(a)", false)]
    public void HasTokens_TellsWhetherTokenizeGivesTokensWithoutAnError(string line, bool expected)
    {
        List<Token>? tokens;
        try
        {
            tokens = LineGrammar.Tokenize(line);
        }
        catch (LineSyntaxException)
        {
            tokens = null;
        }

        Assert.Equal(expected, tokens is { Count: > 0 }); // the cases say what Tokenize does
        Assert.Equal(expected, LineGrammar.HasTokens(line));
    }

    [Fact]
    public void HasTokens_IsFalseForALineNestedTooDeep_WithoutRecursingThroughIt()
    {
        var line = "R1 a 0 " + new string('(', 5000) + "1" + new string(')', 5000);

        Assert.False(LineGrammar.HasTokens(line));
    }

    [Fact]
    public void Scanner_GivesTheGrammarsTokensForEveryLineOfTheRepositorysNetlists()
    {
        var root = RepositoryRoot();
        var extensions = new[] { ".cir", ".sp", ".spi", ".lib", ".net", ".inc", ".mod" };
        var compared = 0;
        foreach (var dir in new[] { "netlists", "models", "tests/references" })
        {
            var path = Path.Combine(root, dir);
            if (!Directory.Exists(path)) continue;
            foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                         .Where(f => extensions.Contains(Path.GetExtension(f).ToLowerInvariant())))
                foreach (var line in LineJoiner.Join(file, File.ReadAllText(file)))
                {
                    var expected = LineGrammar.TokenizeWithGrammar(line.Text);
                    if (expected is null) Assert.Null(LineScanner.TryScan(line.Text));
                    else AssertSame(expected, LineScanner.TryScan(line.Text), $"{file}:{line.FirstLine}");
                    compared++;
                }
        }
        // the repository holds thousands of netlist lines; far fewer means the files were not found
        Assert.True(compared > 1000, $"only {compared} lines compared");
    }

    [Fact]
    public void Statement_ForgottenTokens_AreMadeAgainEqual()
    {
        var line = LineJoiner.Join("t", "V1 a 0 PULSE(0 1 {t0} 1n)")[0];
        var statement = new Statement(line, LineGrammar.Tokenize(line.Text));
        var before = statement.Tokens.ToList();

        statement.ForgetTokens();

        AssertSame(before, statement.Tokens, line.Text);
        Assert.Equal("v1", statement.Keyword);
    }

    [Theory]
    [InlineData("R1 a b 1k")]                 // one whole physical line: kept without its LogicalLine
    [InlineData("   R1 a b 1k ; a comment")]  // indented, with a comment: kept with it
    [InlineData("R1 a b\n+ 1k")]              // continued
    public void Statement_LocatesEveryTokenAsItsLogicalLineDoes(string text)
    {
        var line = LineJoiner.Join("t.cir", text)[0];
        var statement = new Statement(line, LineGrammar.Tokenize(line.Text));

        foreach (var token in statement.Tokens)
            Assert.Equal(line.Locate(token.Offset), statement.At(token));
        Assert.Equal(line.Locate(0), statement.Start);
        Assert.Equal(line.Locate(line.Text.Length), statement.End);
        Assert.Equal(line.Text, statement.Line.Text);
        Assert.Equal(line.Locate(3), statement.Line.Locate(3));
    }

    private static void AssertSame(IReadOnlyList<Token> expected, IReadOnlyList<Token>? actual, string where)
    {
        Assert.True(actual is not null, $"scanner refused {where}");
        Assert.Equal(expected.Count, actual!.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            Assert.True(e.Kind == a.Kind && e.Text == a.Text && e.Offset == a.Offset && e.Length == a.Length,
                $"{where}: token {i} is {a.Kind} '{a.Text}' @{a.Offset}+{a.Length}, grammar says {e.Kind} '{e.Text}' @{e.Offset}+{e.Length}");
            AssertSame(e.Children, a.Children, where);
        }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CircuitSim.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("CircuitSim.sln not found above " + AppContext.BaseDirectory);
    }
}
