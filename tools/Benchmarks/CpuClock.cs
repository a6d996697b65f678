using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CircuitSim.Tools.Benchmarks;

/// <summary>
/// User-mode CPU time of this process, the clock ngspice's <c>.options acct</c> reads (its <c>seconds()</c> is
/// <c>getrusage(RUSAGE_SELF).ru_utime</c>). On a shared machine wall time also counts the time spent waiting for a
/// core, CPU time does not, so the in-process comparison with ngspice uses CPU time on both sides. All threads of the
/// process count (the runtime's background JIT and GC work included), which is the conservative choice for us.
/// </summary>
internal static class CpuClock
{
    private const int RusageSelf = 0;

    // struct rusage on 64-bit Linux: ru_utime and ru_stime (struct timeval: two longs each), then 14 longs
    [DllImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static extern int GetRusage(int who, [Out] long[] usage);

    private static bool _nativeFailed;

    private const int RusageThread = 1;

    /// <summary>User CPU seconds of the calling thread so far (Linux; NaN elsewhere): what one phase of a single-threaded
    /// run costs, whatever else the machine and the runtime's own threads are doing.</summary>
    public static double ThreadSeconds()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture is not (Architecture.X64 or Architecture.Arm64)) return double.NaN;
        var buffer = new long[18];
        return GetRusage(RusageThread, buffer) == 0 ? buffer[0] + buffer[1] * 1e-6 : double.NaN;
    }

    /// <summary>User CPU seconds of the process so far.</summary>
    public static double UserSeconds()
    {
        if (!_nativeFailed && OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64)
        {
            try
            {
                var buffer = new long[18];
                if (GetRusage(RusageSelf, buffer) == 0) return buffer[0] + buffer[1] * 1e-6;
            }
            catch (DllNotFoundException) { }
            catch (EntryPointNotFoundException) { }
            _nativeFailed = true;
        }
        using var p = Process.GetCurrentProcess();
        return p.UserProcessorTime.TotalSeconds;
    }
}
