using Spectre.Console;

namespace CircuitSim.Cli;

/// <summary>
/// The CLI's two consoles (standard output and error), set up for where they go: colours and cursor codes only on a
/// terminal and never with <c>NO_COLOR</c> set (any value; no-color.org), whatever <c>TERM</c> says; lines as wide as
/// the terminal, and when redirected as wide as <c>COLUMNS</c> says or else wide enough that tables are never wrapped.
/// </summary>
internal static class Terminal
{
    /// <summary>The width of redirected output without <c>COLUMNS</c>: wide enough for any table the CLI prints.</summary>
    public const int RedirectedWidth = 400;

    public static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var plain = redirected || NoColor;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
            // the profile is set above; Spectre's enrichers (CI-service detection from the environment) would only
            // cost start-up time, and so would the copy of the whole environment it makes for them when given none
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
            EnvironmentVariables = new Dictionary<string, string>(),
        });
        console.Profile.Width = Width(redirected);
        return console;
    }

    public static bool NoColor => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    private static int Width(bool redirected)
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 0) return columns;
        if (redirected) return RedirectedWidth;
        try
        {
            var width = Console.WindowWidth;
            return width > 0 ? width : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }
}
