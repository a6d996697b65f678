namespace CircuitSim.Cli;

/// <summary>
/// Whether a command line could ask for help or the version. System.CommandLine's help and version options read their
/// descriptions from its resources, and setting up its resource manager costs a native executable about 1 ms of
/// reflection, so the root command gets them only when an argument could name one: <c>-h</c>, <c>/h</c>,
/// <c>--help</c>, <c>-?</c>, <c>/?</c>, <c>--version</c>, or a bundle of short options with <c>h</c> or <c>?</c> in it.
/// </summary>
internal static class HelpRequest
{
    public static bool MayAsk(IEnumerable<string> args)
    {
        foreach (var a in args)
        {
            if (a is "--help" or "--version" or "/h" or "/?") return true;
            if (a.Length >= 2 && a[0] == '-' && a[1] != '-' && (a.Contains('h') || a.Contains('?'))) return true;
        }
        return false;
    }
}
