using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CircuitSim.Core.Behaviors;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;
using CircuitSim.Magnetics;

namespace CircuitSim.Spintronics.Amm;

/// <summary>
/// Anisotropic magneto-memristance ring YAMM (n+, n−, model) (docs/physics.md §7): a permalloy ring of N cells whose
/// resistance R(m) = (2πr/(wt))[ρ0 + Δρ⟨(m·T)²⟩] follows its magnetization, which the element's own current drives
/// through the Zhang–Li torque. The element is V = R(m)·I; a positive current (into n+) flows round the ring along +T.
/// <para>
/// Before the analysis the initial state is relaxed with the paper's protocol (model parameters relax1…3,
/// relaxalpha1, relaxalpha2) and the result is cached on disk (<see cref="RelaxedStateCache"/>), keyed by every
/// parameter it depends on; <c>relax=0</c> starts from the ideal texture, <c>cache=0</c> bypasses the cache.
/// </para>
/// </summary>
public sealed class AmmRing : Component
{
    public AmmRing(string name, string pos, string neg, string model) : base(name, pos, neg) => ModelName = model;

    public string ModelName { get; }

    /// <summary>Initial state (see <see cref="AmmState"/>): vortex, vortex-, inplane, oop, 2dw, 4dw, ndw, 2dwh, superflow2, profile, …</summary>
    [Parameter("state", "init")]
    public string State { get; set; } = "vortex";

    /// <summary>Number of walls for ndw, winding for superflow.</summary>
    [Parameter("nwall")] public int? WallCount { get; set; }
    /// <summary>Sense of rotation of homochiral walls: +1 (onion-like, winding 1 − n/2) or −1 (winding 1 + n/2).</summary>
    [Parameter("chirality")] public int Chirality { get; set; } = 1;
    /// <summary>Width Δ of the initial wall profiles, m (default √(2A/(μ0 Ms² N_hard)) of the cross-section).</summary>
    [Parameter("wallwidth")] public double? WallWidth { get; set; }
    /// <summary>Texture file for state=profile (see <see cref="AmmProfileFile"/>).</summary>
    [Parameter("profile")] public string? ProfilePath { get; set; }
    /// <summary>Number of cells (overrides the model's).</summary>
    [Parameter("ncell")] public int? CellCount { get; set; }
    /// <summary>Magnetostatics, local or full (overrides the model's).</summary>
    [Parameter("demag", Description = "local or full")] public RingMagnetostatics? Magnetostatics { get; set; }
    /// <summary>Seed of the thermal field.</summary>
    [Parameter("seed")] public double Seed { get; set; } = 1;
    /// <summary>Temperature, K (overrides the model's).</summary>
    [Parameter("temp")] public double? Temperature { get; set; }
    /// <summary>Run the relaxation protocol before the analysis.</summary>
    [Parameter("relax")] public bool Relax { get; set; } = true;
    /// <summary>Use the relaxed-state cache.</summary>
    [Parameter("cache")] public bool UseCache { get; set; } = true;

    public override IEnumerable<(int, int)> DcPaths => new[] { (0, 1) };

    public override Behavior CreateBehavior(BindingContext context)
    {
        var model = context.GetModel<AmmModel>(ModelName, Name);
        var setup = Prepare(model, UseCache ? RelaxedStateCache.For(context.Options.DeviceFiles) : null, context.Options.Cancellation);
        return new AmmRingBehavior(Name, context.Nodes(this), model, setup) { Cancellation = context.Options.Cancellation };
    }

    /// <summary>Checks the parameters, builds the ring and its (relaxed) initial texture.</summary>
    /// <exception cref="CircuitException">Bad parameters, or a missing or malformed profile file.</exception>
    internal AmmSetup Prepare(AmmModel model, RelaxedStateCache? cache = null, CancellationToken cancellation = default)
    {
        AmmState state;
        try
        {
            state = AmmState.Parse(State, WallCount);
        }
        catch (ArgumentException e)
        {
            throw new CircuitException($"{Name}: {e.Message}", Name);
        }
        int n = CellCount ?? model.CellCount;
        if (n < 8) throw new CircuitException($"{Name}: ncell = {n} is too few cells (at least 8)", Name);
        if (!(model.Radius > 0 && model.Width > 0 && model.Thickness > 0 && model.Width < 2 * model.Radius))
            throw new CircuitException($"{Name}: model '{model.Name}' needs r, w, t > 0 and w < 2r", Name);
        if (!(model.SaturationMagnetization > 0 && model.ExchangeStiffness > 0 && model.Damping > 0 && model.Resistivity > 0 && model.AmrRatio >= 0))
            throw new CircuitException($"{Name}: model '{model.Name}' needs ms, aex, alpha, rho0 > 0 and amr ≥ 0", Name);
        if (Chirality is not (1 or -1)) throw new CircuitException($"{Name}: chirality must be +1 or −1, got {Chirality}", Name);
        var ring = new RingGeometry(n, model.Radius, model.Width, model.Thickness);
        var material = model.Material;
        var demag = Magnetostatics ?? model.Magnetostatics;
        var field = model.AppliedField + state.HoldingField(model.HoldingFieldTesla);
        var temperature = Temperature ?? model.Temperature;
        var dynamics = new RingDynamics(ring, material, demag, field, temperature);

        string? profileText = null;
        if (state.Kind == AmmStateKind.Profile)
        {
            if (string.IsNullOrWhiteSpace(ProfilePath)) throw new CircuitException($"{Name}: state=profile needs profile=<file>", Name);
            try
            {
                var initial = AmmProfileFile.Load(ProfilePath, ring);
                profileText = CircuitSim.Core.Files.InputFile.ReadAllText(ProfilePath, "profile file");
                return Finish(initial);
            }
            catch (Exception e) when (e is FormatException or IOException)
            {
                throw new CircuitException($"{Name}: {e.Message}", Name);
            }
        }
        return Finish(InitialTexture(state, ring, model));

        AmmSetup Finish(double[] m)
        {
            double relaxSeconds = 0;
            bool fromCache = false;
            if (Relax)
            {
                var key = CacheKey(model, state, ring, demag, field, profileText);
                cache ??= UseCache ? new RelaxedStateCache() : null;
                var cached = cache?.TryLoad(key, m.Length);
                if (cached is not null)
                {
                    m = cached;
                    fromCache = true;
                }
                else
                {
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    try
                    {
                        RingRelaxation.Run(dynamics, m, Protocol(model), Tolerances(model), model.RelaxRateTolerance, cancellation: cancellation);
                    }
                    catch (InvalidOperationException e)
                    {
                        throw new CircuitException($"{Name}: {e.Message}", Name);
                    }
                    relaxSeconds = clock.Elapsed.TotalSeconds;
                    cache?.Store(key, m);
                }
            }
            return new AmmSetup(ring, dynamics, state, m, (ulong)Seed, temperature, relaxSeconds, fromCache);
        }
    }

    private double[] InitialTexture(AmmState state, RingGeometry ring, AmmModel model) => state.Kind switch
    {
        AmmStateKind.Vortex => RingTextures.Vortex(ring, state.Circulation),
        AmmStateKind.InPlane => RingTextures.Uniform(ring, Vec3.UnitX),
        AmmStateKind.OutOfPlane => RingTextures.Uniform(ring, Vec3.UnitZ),
        AmmStateKind.Superflow => RingTextures.Superflow(ring, state.Count),
        AmmStateKind.DomainWalls => RingTextures.DomainWalls(ring, state.Count, WallWidth ?? DefaultWallWidth(ring, model), state.Homochiral, Chirality),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>Δ = √(2A/(μ0 Ms² N_hard)), N_hard the smaller cross-section factor (m).</summary>
    internal static double DefaultWallWidth(RingGeometry ring, AmmModel model)
    {
        var (_, nr, nz) = ring.CrossSectionFactors;
        double k = 0.5 * PhysicalConstants.Mu0 * model.SaturationMagnetization * model.SaturationMagnetization * Math.Min(nr, nz);
        return Math.Sqrt(model.ExchangeStiffness / k);
    }

    internal static RelaxationPhase[] Protocol(AmmModel m) => new[]
    {
        new RelaxationPhase(m.RelaxDamping1, m.RelaxDuration1),
        new RelaxationPhase(m.RelaxDamping2, m.RelaxDuration2),
        new RelaxationPhase(m.Damping, m.RelaxDuration3),
    };

    internal static DormandPrinceOptions Tolerances(AmmModel m) =>
        new() { RelativeTolerance = m.RelativeTolerance, AbsoluteTolerance = m.AbsoluteTolerance };

    /// <summary>Everything the relaxed texture depends on (the current, ρ, P, ξ, seed and temperature do not: the
    /// relaxation runs without current at T = 0).</summary>
    private string CacheKey(AmmModel m, AmmState state, RingGeometry ring, RingMagnetostatics demag, Vec3 field, string? profile)
    {
        static string F(double x) => x.ToString("R", CultureInfo.InvariantCulture);
        var sb = new StringBuilder("amm-relaxed-v1");
        sb.Append(";N=").Append(ring.CellCount)
          .Append(";r=").Append(F(m.Radius)).Append(";w=").Append(F(m.Width)).Append(";t=").Append(F(m.Thickness))
          .Append(";ms=").Append(F(m.SaturationMagnetization)).Append(";aex=").Append(F(m.ExchangeStiffness))
          .Append(";alpha=").Append(F(m.Damping)).Append(";demag=").Append(demag)
          .Append(";h=").Append(F(field.X)).Append(',').Append(F(field.Y)).Append(',').Append(F(field.Z))
          .Append(";state=").Append(state).Append(";chirality=").Append(Chirality)
          .Append(";wallwidth=").Append(WallWidth is { } ww ? F(ww) : "default")
          .Append(";relax=").Append(F(m.RelaxDamping1)).Append(',').Append(F(m.RelaxDuration1)).Append(',')
          .Append(F(m.RelaxDamping2)).Append(',').Append(F(m.RelaxDuration2)).Append(',').Append(F(m.RelaxDuration3))
          .Append(";relaxtol=").Append(F(m.RelaxRateTolerance))
          .Append(";tol=").Append(F(m.RelativeTolerance)).Append(',').Append(F(m.AbsoluteTolerance));
        if (profile is not null) sb.Append(";profile=").Append(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(profile))));
        return sb.ToString();
    }
}

/// <summary>A prepared ring: geometry, dynamics, the parsed state and the (relaxed) texture to start from.</summary>
internal sealed record AmmSetup(RingGeometry Ring, RingDynamics Dynamics, AmmState State, double[] Texture, ulong Seed,
    double Temperature, double RelaxationSeconds, bool FromCache);
