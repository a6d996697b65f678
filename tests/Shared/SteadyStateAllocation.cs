namespace CircuitSim.Testing;

/// <summary>The bytes a warmed-up hot path allocates on the current thread, as the allocation tests measure them.</summary>
/// <remarks>
/// The measure is the fewest bytes over <see cref="Rounds"/> rounds of the same work. A hot path that allocates does so
/// in every round. Twice in full suite runs (one of them the CI's), a single window of a test whose code allocates
/// nothing saw one block of 6.6 KB or 8.2 KB. Neither came back in isolation or in repeated runs under load, which points
/// to the runtime at that moment rather than to the work measured.
/// </remarks>
internal static class SteadyStateAllocation
{
    public const int Rounds = 3;

    /// <summary>Runs <paramref name="round"/> <see cref="Rounds"/> times; returns the fewest bytes one run allocated on
    /// this thread. Warm the path up before: the first calls JIT-compile and size buffers.</summary>
    public static long FewestBytes(Action round)
    {
        var fewest = long.MaxValue;
        for (var r = 0; r < Rounds; r++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            round();
            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        return fewest;
    }
}
