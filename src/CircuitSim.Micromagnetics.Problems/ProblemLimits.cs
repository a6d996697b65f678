using System.Globalization;

namespace CircuitSim.Micromagnetics.Problems;

/// <summary>
/// How large a micromagnetic problem may be, checked before anything is allocated: a mesh with more cells than this
/// machine's memory holds, or a run stage with more table rows than a table should have, is refused with what was
/// asked, the cap, the memory it would need and what to do (docs/robustness.md).
/// </summary>
public static class ProblemLimits
{
    /// <summary>Peak memory of one cell, bytes: the demag kernel being built (the zero-padded 2Nx × 2Ny tensor and
    /// FFT buffers, four cells' worth per cell) plus the state, field, integrator and minimizer vectors. Measured as
    /// the peak resident set of <c>magnet sp5</c> on 256 × 256 and 512 × 512 cells, rounded up (docs/robustness.md).</summary>
    public const long BytesPerCell = 1536;

    /// <summary>Most cells whatever the memory: 2^26 (8192 × 8192, about 96 GiB at the peak).</summary>
    public const long MaxCells = 1L << 26;

    /// <summary>Most table rows (run time / sample interval) in one run stage: 10^7 rows are about 600 MB of CSV.</summary>
    public const long MaxSamplesPerStage = 10_000_000;

    /// <summary>The memory this process may use, bytes: the machine's, or a container's or batch job's limit.</summary>
    public static long AvailableBytes => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>The largest mesh, in cells, that fits <paramref name="availableBytes"/>.</summary>
    public static long CellCap(long availableBytes) => Math.Max(1, Math.Min(MaxCells, availableBytes / BytesPerCell));

    /// <summary>Null when <paramref name="nx"/> × <paramref name="ny"/> cells fit, else the message saying why not.
    /// Doubles, so that a cell size of 1e-15 m (10^15 cells along a side) is measured before any count overflows.</summary>
    public static string? MeshRefusal(double nx, double ny, long? availableBytes = null)
    {
        long available = availableBytes ?? AvailableBytes;
        double cells = nx * ny;
        long cap = CellCap(available);
        if (cells <= cap) return null;
        return Invariant($"the mesh of {Count(nx)} × {Count(ny)} = {Count(cells)} cells is too large: it would need about {Bytes(cells * BytesPerCell)} of memory, ") +
            Invariant($"and the limit here is {cap:N0} cells (at most {MaxCells:N0}, at {BytesPerCell} bytes per cell within the {Bytes(available)} available); ") +
            "use larger cells or a smaller film";
    }

    /// <summary>Null when a run stage of <paramref name="duration"/> s sampled every <paramref name="interval"/> s
    /// fits, else the message saying why not.</summary>
    public static string? SampleRefusal(double duration, double interval)
    {
        double rows = duration / interval;
        if (rows <= MaxSamplesPerStage) return null;
        return Invariant($"a run of {duration:G4} s sampled every {interval:G4} s would write {Count(rows)} table rows; at most {MaxSamplesPerStage:N0} per stage: ") +
            "sample less often or split the run into stages";
    }

    /// <summary>Throws when the problem's mesh or a stage's table is too large.</summary>
    /// <exception cref="ProblemException">What is too large and what to do.</exception>
    public static void Check(MagnetProblem problem)
    {
        if (MeshRefusal(problem.Grid.Nx, problem.Grid.Ny) is { } mesh) throw new ProblemException(mesh);
        foreach (var stage in problem.Stages.Where(s => s.Kind == "run"))
            if (SampleRefusal(stage.Duration, stage.SampleInterval) is { } samples) throw new ProblemException($"stage at line {stage.Line}: {samples}");
    }

    private static string Count(double n) => n < 1e9 ? n.ToString("N0", CultureInfo.InvariantCulture) : n.ToString("G3", CultureInfo.InvariantCulture);

    private static string Bytes(double b) => b >= 1L << 30
        ? (b / (1L << 30)).ToString(b >= 1e15 ? "G3" : "N1", CultureInfo.InvariantCulture) + " GiB"
        : (b / (1 << 20)).ToString("N0", CultureInfo.InvariantCulture) + " MiB";

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
