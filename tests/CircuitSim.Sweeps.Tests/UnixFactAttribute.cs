namespace CircuitSim.Sweeps.Tests;

/// <summary>A fact that needs a POSIX shell and Unix file modes (a stand-in sbatch script): skipped with a visible
/// reason elsewhere instead of passing without checking anything.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) Skip = "needs a POSIX shell to run the stand-in sbatch script";
    }
}
