using CircuitSim.Magnetics;

namespace CircuitSim.Tools.Hopfield;

/// <summary>How a recall run ended.</summary>
public enum RecallOutcome { FixedPoint, Cycle, NoConvergence }

/// <summary>The end of one recall run: the outcome and the final (or last) state.</summary>
public sealed record RecallResult(RecallOutcome Outcome, int[] State, int Steps);

/// <summary>
/// The film as a Hopfield network (paper eqs. 6–7): weights W = G' (S, K×K), neuron outputs V_i = s_i V0, inputs
/// I'_i = Σ_j G'_ij V_j, energy E' = −Σ_ij G'_ij V_i V_j (W). Recall updates V_i ← sign(I'_i) V0, synchronously (all at
/// once) or asynchronously (one neuron at a time in a random order); a zero input leaves the neuron as it is.
/// </summary>
public sealed class HopfieldNetwork
{
    private readonly double[] _w;

    public HopfieldNetwork(double[] weights, double v0)
    {
        K = (int)Math.Round(Math.Sqrt(weights.Length));
        if (K * K != weights.Length) throw new ArgumentException("weights must be K×K");
        _w = weights;
        V0 = v0;
    }

    public int K { get; }

    /// <summary>Neuron amplitude V0, V.</summary>
    public double V0 { get; }

    /// <summary>E' = −Σ G'_ij V_i V_j for the pattern <paramref name="s"/>, W.</summary>
    public double Energy(IReadOnlyList<int> s)
    {
        double e = 0;
        for (int i = 0; i < K; i++)
            for (int j = 0; j < K; j++) e -= _w[i * K + j] * s[i] * s[j] * V0 * V0;
        return e;
    }

    /// <summary>I'_i = Σ_j G'_ij V_j, A.</summary>
    public double Input(IReadOnlyList<int> s, int i)
    {
        double sum = 0;
        for (int j = 0; j < K; j++) sum += _w[i * K + j] * s[j] * V0;
        return sum;
    }

    private int Update(IReadOnlyList<int> s, int i)
    {
        double input = Input(s, i);
        double scale = 0;
        for (int j = 0; j < K; j++) scale = Math.Max(scale, Math.Abs(_w[i * K + j]) * V0);
        return Math.Abs(input) <= 1e-12 * scale ? s[i] : Math.Sign(input);
    }

    /// <summary>Synchronous recall from <paramref name="start"/>: stops at a fixed point or when a state repeats.</summary>
    public RecallResult Synchronous(int[] start, int maxSteps = 64)
    {
        var seen = new List<string> { Patterns.Name(start) };
        int[] s = (int[])start.Clone();
        for (int step = 1; step <= maxSteps; step++)
        {
            int[] next = Enumerable.Range(0, K).Select(i => Update(s, i)).ToArray();
            if (next.SequenceEqual(s)) return new RecallResult(RecallOutcome.FixedPoint, s, step - 1);
            string name = Patterns.Name(next);
            if (seen.Contains(name)) return new RecallResult(RecallOutcome.Cycle, next, step);
            seen.Add(name);
            s = next;
        }
        return new RecallResult(RecallOutcome.NoConvergence, s, maxSteps);
    }

    /// <summary>Asynchronous recall: sweeps in a random order until a whole sweep changes nothing.</summary>
    public RecallResult Asynchronous(int[] start, ref Xoshiro256StarStar random, int maxSweeps = 100)
    {
        int[] s = (int[])start.Clone();
        int[] order = Enumerable.Range(0, K).ToArray();
        for (int sweep = 1; sweep <= maxSweeps; sweep++)
        {
            for (int i = K - 1; i > 0; i--) // Fisher–Yates with the seeded generator
            {
                int j = (int)(random.NextDouble() * (i + 1));
                (order[i], order[j]) = (order[j], order[i]);
            }
            bool changed = false;
            foreach (int i in order)
            {
                int v = Update(s, i);
                if (v != s[i]) { s[i] = v; changed = true; }
            }
            if (!changed) return new RecallResult(RecallOutcome.FixedPoint, s, sweep - 1);
        }
        return new RecallResult(RecallOutcome.NoConvergence, s, maxSweeps);
    }
}
