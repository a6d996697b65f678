namespace CircuitSim.Numerics;

/// <summary>The threshold partial-pivoting test, shared by pivot search and by the check of reused pivots.</summary>
internal readonly struct PivotThreshold
{
    public PivotThreshold(SparseLUOptions options)
    {
        if (!(options.PivotRelTol > 0 && options.PivotRelTol <= 1))
            throw new ArgumentOutOfRangeException(nameof(options), options.PivotRelTol, "PivotRelTol must lie in (0, 1].");
        if (!(options.PivotAbsTol >= 0))
            throw new ArgumentOutOfRangeException(nameof(options), options.PivotAbsTol, "PivotAbsTol must be non-negative.");
        Relative = options.PivotRelTol;
        Absolute = options.PivotAbsTol;
    }

    public double Relative { get; }

    public double Absolute { get; }

    /// <summary>Whether a pivot of magnitude <paramref name="candidate"/> is acceptable in a column whose largest candidate has magnitude <paramref name="columnMaximum"/>.</summary>
    public bool Accepts(double candidate, double columnMaximum) => candidate > Absolute && candidate >= Relative * columnMaximum;
}
