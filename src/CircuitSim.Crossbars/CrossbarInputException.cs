namespace CircuitSim.Crossbars;

/// <summary>
/// Bad crossbar input: a malformed weight or input CSV, an unknown device type, a matrix whose size does not match the
/// array, an impossible conductance range. The message is written for the person who typed the command (the CLI prints
/// it and exits with code 2).
/// </summary>
public sealed class CrossbarInputException : Exception
{
    public CrossbarInputException(string message) : base(message) { }
}
