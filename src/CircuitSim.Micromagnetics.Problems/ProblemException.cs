namespace CircuitSim.Micromagnetics.Problems;

/// <summary>Bad input: a problem file or command-line value that cannot be used. The message names where and what was expected.</summary>
public sealed class ProblemException : Exception
{
    public ProblemException(string message) : base(message)
    {
    }

    /// <summary>An error at a place in a file: "file:line:column: message".</summary>
    public static ProblemException At(string file, long line, long column, string message) =>
        new($"{file}:{line}:{column}: {message}");
}
