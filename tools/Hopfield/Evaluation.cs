using CircuitSim.Magnetics;

namespace CircuitSim.Tools.Hopfield;

/// <summary>Recall statistics over many starts for one weight matrix.</summary>
public sealed record RecallStatistics(int Starts, int Stored, int Trivial, int OtherFixedPoint, int NotConverged)
{
    public double StoredFraction => Starts == 0 ? 0 : (double)Stored / Starts;

    public override string ToString() =>
        $"{Stored}/{Starts} to the stored pattern or its flip ({StoredFraction:P0}), {Trivial} to ++++/----, {OtherFixedPoint} to other fixed points, {NotConverged} cycling or unconverged";
}

/// <summary>E' of every input and recall statistics for a trained film.</summary>
public static class Evaluation
{
    /// <summary>The 16 patterns sorted by E' (lowest first), with their energies (W).</summary>
    public static IReadOnlyList<(int[] Pattern, double Energy)> Ranking(HopfieldNetwork net) =>
        Patterns.All(net.K).Select(p => (p, net.Energy(p))).OrderBy(x => x.Item2).ToList();

    /// <summary>1-based rank of the stored pattern (the better of it and its flip) among all inputs, and among the non-trivial ones.</summary>
    public static (int All, int NonTrivial) RankOf(HopfieldNetwork net, int[] stored)
    {
        var ranking = Ranking(net);
        int all = 1 + ranking.TakeWhile(x => !Patterns.SameUpToSign(x.Pattern, stored)).Count();
        int nonTrivial = 1 + ranking.Where(x => !Patterns.IsTrivial(x.Pattern)).TakeWhile(x => !Patterns.SameUpToSign(x.Pattern, stored)).Count();
        return (all, nonTrivial);
    }

    /// <summary>Synchronous recall from each of the 2^K starts.</summary>
    public static RecallStatistics SynchronousFromAllStarts(HopfieldNetwork net, int[] stored) =>
        Tally(Patterns.All(net.K).Select(p => net.Synchronous(p)), stored);

    /// <summary>Asynchronous recall (random update order) from <paramref name="starts"/> random starts.</summary>
    public static RecallStatistics AsynchronousFromRandomStarts(HopfieldNetwork net, int[] stored, int starts, ulong seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        var results = new List<RecallResult>();
        for (int n = 0; n < starts; n++)
        {
            int[] start = Enumerable.Range(0, net.K).Select(_ => rng.NextDouble() < 0.5 ? 1 : -1).ToArray();
            results.Add(net.Asynchronous(start, ref rng));
        }
        return Tally(results, stored);
    }

    private static RecallStatistics Tally(IEnumerable<RecallResult> results, int[] stored)
    {
        int starts = 0, ok = 0, trivial = 0, other = 0, bad = 0;
        foreach (var r in results)
        {
            starts++;
            if (r.Outcome != RecallOutcome.FixedPoint) bad++;
            else if (Patterns.SameUpToSign(r.State, stored)) ok++;
            else if (Patterns.IsTrivial(r.State)) trivial++;
            else other++;
        }
        return new RecallStatistics(starts, ok, trivial, other, bad);
    }
}
