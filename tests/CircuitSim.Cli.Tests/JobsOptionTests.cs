using System.CommandLine;

namespace CircuitSim.Cli.Tests;

/// <summary><c>-j N</c> on the command line: a bad value is a parse error with a message, never an exception.</summary>
public sealed class JobsOptionTests
{
    private static ParseResult Parse(params string[] args)
    {
        var command = new RootCommand { JobsOption.Create("test") };
        return command.Parse(args);
    }

    [Fact]
    public void JobsOption_ThatIsNotANumber_IsAParseErrorNamingTheValue()
    {
        var result = Parse("-j", "abc");

        var error = Assert.Single(result.Errors);
        Assert.Contains("--jobs needs a whole number, not 'abc'", error.Message);
    }

    [Fact]
    public void JobsOption_BelowOne_IsAParseError()
    {
        var result = Parse("--jobs", "0");

        Assert.Contains(result.Errors, e => e.Message.Contains("--jobs must be at least 1"));
    }

    [Fact]
    public void JobsOption_WhenAbsent_IsOnePerCore()
    {
        var command = new RootCommand();
        var option = JobsOption.Create("test");
        command.Options.Add(option);

        var result = command.Parse([]);

        Assert.Empty(result.Errors);
        Assert.Equal(CircuitSim.Core.Parallel.OrderedParallel.DefaultDegree, result.GetValue(option));
    }
}
