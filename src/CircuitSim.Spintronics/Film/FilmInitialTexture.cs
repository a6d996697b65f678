using System.Collections.Concurrent;
using CircuitSim.Magnetics;
using CircuitSim.Magnetics.Film;

namespace CircuitSim.Spintronics.Film;

/// <summary>How a film's texture starts.</summary>
public enum FilmInitialState
{
    /// <summary>Seeded random directions relaxed (with no current) into the DMI maze/stripe state.</summary>
    Maze,
    /// <summary>Uniform along +z (saturated, as under a strong perpendicular field).</summary>
    Up,
    /// <summary>Uniform along −z.</summary>
    Down,
    /// <summary>Uniform along +x (in plane).</summary>
    InPlane,
    /// <summary>A Bloch spiral along x at the helix period 4πA/D (straight stripes along y).</summary>
    Stripes,
    /// <summary>Read from the texture file given by <c>texture=</c>.</summary>
    File,
}

/// <summary>
/// Builds initial textures. Relaxed mazes are cached by every parameter they depend on (grid, material, seed,
/// relaxation settings), so several devices or analyses with the same card do not pay for the relaxation again.
/// </summary>
public static class FilmInitialTexture
{
    private static readonly ConcurrentDictionary<string, double[]> MazeCache = new();

    /// <summary>The initial texture of a film with dynamics <paramref name="dynamics"/> (interleaved unit vectors).</summary>
    /// <exception cref="ArgumentException">state = file without a texture path.</exception>
    /// <exception cref="FileNotFoundException">The texture file does not exist.</exception>
    /// <exception cref="FormatException">The texture file is malformed or for another grid.</exception>
    public static double[] Create(FilmModel model, FilmDynamics dynamics, FilmInitialState state, ulong seed, string? textureFile)
    {
        Grid2D grid = dynamics.Grid;
        switch (state)
        {
            case FilmInitialState.Up: return FilmTextures.Uniform(grid, Vec3.UnitZ);
            case FilmInitialState.Down: return FilmTextures.Uniform(grid, -Vec3.UnitZ);
            case FilmInitialState.InPlane: return FilmTextures.Uniform(grid, Vec3.UnitX);
            case FilmInitialState.Stripes: return FilmTextures.BlochSpiral(grid, dynamics.Material.HelixPeriod, 0, Math.Sign(dynamics.Material.DmiConstant) >= 0 ? -1 : 1);
            case FilmInitialState.File:
                if (string.IsNullOrWhiteSpace(textureFile)) throw new ArgumentException("film: state=file needs texture=<path>.");
                // bounded: a device file or a pipe named as the texture is refused, not read forever
                if (!File.Exists(textureFile)) throw new FileNotFoundException($"film: texture file '{textureFile}' not found.", textureFile);
                using (var reader = new StringReader(Core.Files.InputFile.ReadAllText(textureFile, "film texture file")))
                    return FilmTextureFile.Read(reader, textureFile, grid);
            default:
                return (double[])MazeCache.GetOrAdd(MazeKey(model, seed), _ => RelaxedMaze(model, dynamics, seed)).Clone();
        }
    }

    /// <summary>
    /// Seeded random start relaxed for the card's relax time at its relaxation damping. It runs on a dynamics object of
    /// its own, so the device's solver history (its multigrid hierarchy) is the same whether the maze came from the
    /// cache or not, and a run is reproducible bit for bit.
    /// </summary>
    public static double[] RelaxedMaze(FilmModel model, FilmDynamics dynamics, ulong seed)
    {
        var own = model.CreateDynamics(dynamics.Conduction.Electrodes, temperature: 0);
        var state = own.CreateState(FilmTextures.Random(own.Grid, seed), seed);
        own.Relax(state, model.RelaxTime, model.RelaxDamping);
        return (double[])state.M.Clone();
    }

    private static string MazeKey(FilmModel m, ulong seed) => string.Join("|",
        m.CellsX, m.CellsY, m.LengthX, m.LengthY, m.Thickness, m.SaturationMagnetization, m.ExchangeStiffness, m.AnisotropyConstant,
        m.DmiConstant, m.ThinFilmDemag, m.FieldX, m.FieldY, m.FieldZ, m.RelaxTime, m.RelaxDamping, m.RelativeTolerance, m.AbsoluteTolerance, seed);
}
