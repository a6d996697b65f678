using System.Runtime.InteropServices;

namespace CircuitSim.Cli;

/// <summary>
/// SIGINT (Ctrl-C) and SIGTERM (what <c>kill</c> and a batch system's time limit send) during a run: the first one
/// asks the run to stop after the point it is computing, so the files are completed and renamed as usual; a second one
/// ends the process at once (the next run into the folder removes its temporary files).
/// </summary>
public sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly List<PosixSignalRegistration> _registrations = new();
    private int _signal;

    private Interruption() { }

    /// <summary>Listens for SIGINT and SIGTERM until disposed.</summary>
    /// <param name="stopping">What the first signal does, for the line it prints.</param>
    public static Interruption Listen(TextWriter messages, string stopping = "stopping after the present point")
    {
        var interruption = new Interruption();
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            try
            {
                interruption._registrations.Add(PosixSignalRegistration.Create(signal, context =>
                {
                    if (Interlocked.CompareExchange(ref interruption._signal, (int)context.Signal, 0) != 0) return; // second signal: default action
                    context.Cancel = true;
                    try { messages.WriteLine($"{Name(context.Signal)} received: {stopping} (send it again to stop at once)"); }
                    catch (IOException) { }
                    interruption._source.Cancel();
                }));
            }
            catch (PlatformNotSupportedException) { }
        }
        return interruption;
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>The signal received (SIGINT or SIGTERM), or null.</summary>
    public PosixSignal? Signal => _signal == 0 ? null : (PosixSignal)_signal;

    /// <summary>The exit code of a run stopped by <paramref name="signal"/>: 128 + the signal number, as shells report it.</summary>
    public static int ExitCode(PosixSignal? signal) => signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Interrupted;

    private static string Name(PosixSignal signal) => signal == PosixSignal.SIGTERM ? "SIGTERM" : "SIGINT";

    public void Dispose()
    {
        foreach (var r in _registrations) r.Dispose();
        _source.Dispose();
    }
}
