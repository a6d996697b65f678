namespace CircuitSim.Magnetics.Film;

/// <summary>
/// Everything a film carries from one time point to the next: the texture m, the basis potentials of the last
/// conduction solve (the warm start of the next), the basis current densities and the conductance matrix they give,
/// the texture they were computed for, and the integrators' memories. A circuit device keeps a committed and a trial
/// copy; <see cref="CopyFrom"/> copies in place without allocating.
/// </summary>
public sealed class FilmState
{
    public FilmState(int cellCount, int electrodeCount, int potentialLength, ulong seed)
    {
        M = new double[3 * cellCount];
        ReferenceM = new double[3 * cellCount];
        Potentials = new double[potentialLength];
        CurrentBasis = new double[2 * cellCount * (electrodeCount - 1)];
        Conductance = new double[electrodeCount * electrodeCount];
        Heun = new StochasticHeunState(seed);
    }

    /// <summary>Texture, interleaved unit vectors per cell (dimensionless).</summary>
    public double[] M { get; }

    /// <summary>The texture the conduction quantities below were solved for.</summary>
    public double[] ReferenceM { get; }

    /// <summary>Basis potentials φ_k (V per V), (K − 1) padded node vectors.</summary>
    public double[] Potentials { get; }

    /// <summary>Basis current densities J_k (A/m² per V), (j_x, j_y) per cell, K − 1 blocks.</summary>
    public double[] CurrentBasis { get; }

    /// <summary>Conductance matrix G (S), K×K row-major.</summary>
    public double[] Conductance { get; }

    /// <summary>Step-size memory of the deterministic integrator.</summary>
    public AdaptiveStepState Adaptive;

    /// <summary>Random generator of the thermal field.</summary>
    public StochasticHeunState Heun;

    public void CopyFrom(FilmState other)
    {
        Array.Copy(other.M, M, M.Length);
        Array.Copy(other.ReferenceM, ReferenceM, M.Length);
        Array.Copy(other.Potentials, Potentials, Potentials.Length);
        Array.Copy(other.CurrentBasis, CurrentBasis, CurrentBasis.Length);
        Array.Copy(other.Conductance, Conductance, Conductance.Length);
        Adaptive = other.Adaptive;
        Heun = other.Heun;
    }
}
