using CircuitSim.Magnetics.Micromagnetics;

namespace CircuitSim.Micromagnetics.Problems;

/// <summary>The shape of the magnet on its grid.</summary>
public enum ShapeKind
{
    Rectangle,
    Disk,
    Annulus,
    Mask,
}

/// <summary>How the in-plane current density is laid out.</summary>
public enum CurrentPattern
{
    /// <summary>The same (jx, jy) in every cell.</summary>
    Uniform,

    /// <summary>Around the grid's centre, |j| everywhere, counter-clockwise for positive j (a ring's current).</summary>
    Azimuthal,
}

/// <summary>Everything a problem file says, in SI units (see docs/micromagnetics.md for the file format).</summary>
public sealed record MagnetProblem
{
    public string Source { get; init; } = "problem";
    public required Grid2D Grid { get; init; }
    public ShapeKind Shape { get; init; } = ShapeKind.Rectangle;
    /// <summary>Annulus radii in m (outer 0: the largest that fits).</summary>
    public double InnerRadius { get; init; }
    public double OuterRadius { get; init; }
    /// <summary>Mask cells (true inside) when <see cref="Shape"/> is <see cref="ShapeKind.Mask"/>.</summary>
    public bool[]? Mask { get; init; }

    public required double Ms { get; init; }
    public required double ExchangeStiffness { get; init; }
    public double Alpha { get; init; } = 0.02;
    public double Gamma0 { get; init; } = PhysicalConstants.Gamma0;
    public double AnisotropyConstant { get; init; }
    public Vec3 AnisotropyAxis { get; init; } = Vec3.UnitZ;
    public double BulkDmi { get; init; }
    public double InterfacialDmi { get; init; }
    public bool Demag { get; init; } = true;

    /// <summary>Applied field μ0H in T.</summary>
    public Vec3 Field { get; init; }
    /// <summary>Optional sinusoidal part of the field: μ0H amplitude (T) and frequency (Hz).</summary>
    public Vec3 FieldAmplitude { get; init; }
    public double FieldFrequency { get; init; }

    public CurrentSettings Current { get; init; } = new();

    public double Temperature { get; init; }
    public ulong Seed { get; init; } = 1;
    public InitialState Initial { get; init; } = new();
    public IReadOnlyList<Stage> Stages { get; init; } = Array.Empty<Stage>();
    public OutputSettings Outputs { get; init; } = new();
}

/// <summary>In-plane current (Zhang–Li) and perpendicular current (Slonczewski).</summary>
public sealed record CurrentSettings
{
    /// <summary>In-plane current density (A/m²): (jx, jy) for a uniform pattern, |j| in x for azimuthal.</summary>
    public double Jx { get; init; }
    public double Jy { get; init; }
    public CurrentPattern Pattern { get; init; } = CurrentPattern.Uniform;
    public double Polarization { get; init; } = 1.0;
    public double NonAdiabaticity { get; init; }
    public bool MumaxConvention { get; init; } = true;
    /// <summary>Optional sine modulation frequency (Hz): j(t) = j sin(2π f t); 0 means DC.</summary>
    public double Frequency { get; init; }

    /// <summary>Perpendicular current density (A/m²) through a fixed layer along <see cref="FixedLayer"/>.</summary>
    public double Perpendicular { get; init; }
    public Vec3 FixedLayer { get; init; } = Vec3.UnitZ;
    public double Efficiency { get; init; } = 0.5;
    public double FieldLikeRatio { get; init; }

    public bool InPlane => Jx != 0 || Jy != 0;
}

/// <summary>The state the run starts from.</summary>
public sealed record InitialState
{
    public string Kind { get; init; } = "uniform";
    public Vec3 Direction { get; init; } = Vec3.UnitX;
    public int Circulation { get; init; } = 1;
    public int Polarity { get; init; } = 1;
    public double CoreRadius { get; init; } = 10e-9;
    public ulong RandomSeed { get; init; } = 1;
}

/// <summary>A relax or run stage; a stage may override the field and switch the current off.</summary>
public sealed record Stage
{
    public required string Kind { get; init; }   // "relax" or "run"
    public double TorqueTolerance { get; init; } = 1.0;
    public double Duration { get; init; }
    public MicromagneticIntegrator Integrator { get; init; } = MicromagneticIntegrator.DormandPrince54;
    public double Step { get; init; } = 1e-13;
    public double Tolerance { get; init; } = 1e-6;
    public double SampleInterval { get; init; } = 10e-12;
    /// <summary>μ0H in T for this stage, or null to keep the problem's.</summary>
    public Vec3? Field { get; init; }
    /// <summary>False to run this stage with the currents off.</summary>
    public bool Current { get; init; } = true;
    public long Line { get; init; }
}

/// <summary>What to write.</summary>
public sealed record OutputSettings
{
    /// <summary>⟨m⟩(t) table file name (CSV), or null for none.</summary>
    public string? Table { get; init; } = "m.csv";
    /// <summary>Simulated times (s) at which to write texture images.</summary>
    public IReadOnlyList<double> ImageTimes { get; init; } = Array.Empty<double>();
    /// <summary>Simulated times (s) at which to write OVF 2.0 dumps.</summary>
    public IReadOnlyList<double> OvfTimes { get; init; } = Array.Empty<double>();
    /// <summary>Write an image and an OVF of the final state.</summary>
    public bool Final { get; init; } = true;
}
