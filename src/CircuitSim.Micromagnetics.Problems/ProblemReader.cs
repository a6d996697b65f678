using System.Globalization;
using CircuitSim.Core.Files;
using CircuitSim.Magnetics.Micromagnetics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CircuitSim.Micromagnetics.Problems;

/// <summary>
/// Reads a problem file (YAML) into a <see cref="MagnetProblem"/>. Every error names the file, the line and column of
/// the offending node and what was expected (docs/micromagnetics.md describes the format). Lengths are in m unless a
/// unit is written ("500 nm"), times in s ("1 ns"), fields in mT ("24.6" or "24.6 mT"), current densities in A/m².
/// </summary>
public sealed class ProblemReader
{
    private readonly string _file;

    private ProblemReader(string file)
    {
        _file = file;
    }

    /// <summary>Largest problem file read, bytes: a problem file is a page of YAML.</summary>
    public const long MaxProblemBytes = 1 << 20;

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    public static MagnetProblem ReadFile(string path)
    {
        if (!File.Exists(path)) throw new ProblemException($"problem file not found: {path}");
        string text;
        try
        {
            // only a regular file of bounded size: /dev/zero or a pipe would read forever
            text = InputFile.ReadAllText(path, "problem file", MaxProblemBytes);
        }
        catch (InputFileException e)
        {
            throw new ProblemException(e.Message);
        }
        return Read(text, path);
    }

    /// <summary>Reads problem text; <paramref name="file"/> names it in messages and anchors relative paths (mask images).</summary>
    public static MagnetProblem Read(string text, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw ProblemException.At(file, e.Start.Line, e.Start.Column, $"not valid YAML: {e.InnerException?.Message ?? e.Message}");
        }
        if (stream.Documents.Count == 0) throw ProblemException.At(file, 1, 1, "the file is empty; expected a mapping with mesh, material and stages");
        return new ProblemReader(file).Problem(stream.Documents[0].RootNode);
    }

    private ProblemException Error(YamlNode node, string message) => ProblemException.At(_file, node.Start.Line, node.Start.Column, message);

    private MagnetProblem Problem(YamlNode root)
    {
        var top = Mapping(root, "the problem", "mesh", "geometry", "material", "field", "current", "temperature", "seed", "initial", "stages", "outputs");
        var meshNode = Required(top, root, "mesh");
        var grid = Mesh(meshNode);
        var problem = new MagnetProblem
        {
            Source = _file,
            Grid = grid,
            Ms = 0,
            ExchangeStiffness = 0,
        };
        problem = Material(Required(top, root, "material"), problem);
        if (top.TryGetValue("geometry", out var geometry)) problem = Geometry(geometry, problem);
        if (top.TryGetValue("field", out var field)) problem = Field(field, problem);
        if (top.TryGetValue("current", out var current)) problem = problem with { Current = Current(current) };
        if (top.TryGetValue("temperature", out var temp)) problem = problem with { Temperature = NonNegative(temp, "K", 1, "temperature") };
        if (top.TryGetValue("seed", out var seed)) problem = problem with { Seed = Unsigned(seed, "seed") };
        if (top.TryGetValue("initial", out var initial)) problem = problem with { Initial = Initial(initial) };
        problem = problem with { Stages = Stages(Required(top, root, "stages")) };
        if (top.TryGetValue("outputs", out var outputs)) problem = problem with { Outputs = Outputs(outputs) };
        return problem;
    }

    private Grid2D Mesh(YamlNode node)
    {
        var map = Mapping(node, "mesh", "cells", "cell", "size", "thickness");
        var cells = Required(map, node, "cells");
        var n = Vector(cells, 2, 2, "", 1, "mesh.cells (nx, ny)");
        int nx = Count(cells, n[0], "mesh.cells nx"), ny = Count(cells, n[1], "mesh.cells ny");
        if (ProblemLimits.MeshRefusal(nx, ny) is { } tooLarge) throw Error(cells, tooLarge);
        double thickness = Positive(Required(map, node, "thickness"), "m", 1, "mesh.thickness");
        double dx, dy;
        if (map.TryGetValue("cell", out var cell))
        {
            var d = Vector(cell, 2, 2, "m", 1, "mesh.cell (dx, dy)");
            (dx, dy) = (d[0], d[1]);
        }
        else if (map.TryGetValue("size", out var size))
        {
            var s = Vector(size, 2, 2, "m", 1, "mesh.size (Lx, Ly)");
            (dx, dy) = (s[0] / nx, s[1] / ny);
        }
        else throw Error(node, "mesh needs 'cell: [dx, dy]' or 'size: [Lx, Ly]'");
        if (!(dx > 0 && dy > 0)) throw Error(node, "mesh cell sizes must be positive");
        return new Grid2D(nx, ny, dx, dy, thickness);
    }

    private MagnetProblem Geometry(YamlNode node, MagnetProblem p)
    {
        var map = Mapping(node, "geometry", "shape", "inner_radius", "outer_radius", "mask", "threshold");
        string shape = Text(Required(map, node, "shape"), "geometry.shape");
        switch (shape)
        {
            case "rectangle": return p with { Shape = ShapeKind.Rectangle };
            case "disk": return p with { Shape = ShapeKind.Disk };
            case "annulus":
                return p with
                {
                    Shape = ShapeKind.Annulus,
                    InnerRadius = NonNegative(Required(map, node, "inner_radius"), "m", 1, "geometry.inner_radius"),
                    OuterRadius = map.TryGetValue("outer_radius", out var o) ? Positive(o, "m", 1, "geometry.outer_radius") : 0,
                };
            case "mask":
                var maskNode = Required(map, node, "mask");
                double threshold = map.TryGetValue("threshold", out var th) ? Number(th, "", 1, "geometry.threshold") : 0.5;
                string path = Text(maskNode, "geometry.mask");
                string full = Path.IsPathRooted(path) ? path : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(_file)) ?? ".", path);
                bool[] mask;
                try
                {
                    mask = PgmMask.Read(full, p.Grid.Nx, p.Grid.Ny, threshold);
                }
                catch (ProblemException e)
                {
                    throw Error(maskNode, e.Message);
                }
                return p with { Shape = ShapeKind.Mask, Mask = mask };
            default:
                throw Error(map["shape"], $"unknown shape '{shape}'; expected rectangle, disk, annulus or mask");
        }
    }

    private MagnetProblem Material(YamlNode node, MagnetProblem p)
    {
        var map = Mapping(node, "material", "Ms", "A", "alpha", "gamma0", "Ku", "anisotropy_axis", "D_bulk", "D_interfacial", "demag");
        return p with
        {
            Ms = Positive(Required(map, node, "Ms"), "A/m", 1, "material.Ms"),
            ExchangeStiffness = NonNegative(Required(map, node, "A"), "J/m", 1, "material.A"),
            Alpha = map.TryGetValue("alpha", out var a) ? NonNegative(a, "", 1, "material.alpha") : p.Alpha,
            Gamma0 = map.TryGetValue("gamma0", out var g) ? Positive(g, "", 1, "material.gamma0") : p.Gamma0,
            AnisotropyConstant = map.TryGetValue("Ku", out var ku) ? Number(ku, "J/m3", 1, "material.Ku") : 0,
            AnisotropyAxis = map.TryGetValue("anisotropy_axis", out var ax) ? Direction(ax, "material.anisotropy_axis") : Vec3.UnitZ,
            BulkDmi = map.TryGetValue("D_bulk", out var db) ? Number(db, "J/m2", 1, "material.D_bulk") : 0,
            InterfacialDmi = map.TryGetValue("D_interfacial", out var di) ? Number(di, "J/m2", 1, "material.D_interfacial") : 0,
            Demag = !map.TryGetValue("demag", out var dm) || Bool(dm, "material.demag"),
        };
    }

    private MagnetProblem Field(YamlNode node, MagnetProblem p)
    {
        var map = Mapping(node, "field", "B", "amplitude", "frequency");
        return p with
        {
            Field = map.TryGetValue("B", out var b) ? Tesla(b, "field.B") : Vec3.Zero,
            FieldAmplitude = map.TryGetValue("amplitude", out var a) ? Tesla(a, "field.amplitude") : Vec3.Zero,
            FieldFrequency = map.TryGetValue("frequency", out var f) ? NonNegative(f, "Hz", 1, "field.frequency") : 0,
        };
    }

    private CurrentSettings Current(YamlNode node)
    {
        var map = Mapping(node, "current", "J", "pattern", "P", "xi", "mumax_convention", "frequency", "J_perpendicular", "fixed_layer", "efficiency", "field_like");
        var c = new CurrentSettings();
        if (map.TryGetValue("J", out var j))
        {
            var v = Vector(j, 1, 2, "A/m2", 1, "current.J");
            c = c with { Jx = v[0], Jy = v.Length > 1 ? v[1] : 0 };
        }
        if (map.TryGetValue("pattern", out var pat))
        {
            string s = Text(pat, "current.pattern");
            c = c with
            {
                Pattern = s switch
                {
                    "uniform" => CurrentPattern.Uniform,
                    "azimuthal" => CurrentPattern.Azimuthal,
                    _ => throw Error(pat, $"unknown current pattern '{s}'; expected uniform or azimuthal"),
                },
            };
        }
        return c with
        {
            Polarization = map.TryGetValue("P", out var pp) ? Number(pp, "", 1, "current.P") : c.Polarization,
            NonAdiabaticity = map.TryGetValue("xi", out var xi) ? Number(xi, "", 1, "current.xi") : 0,
            MumaxConvention = !map.TryGetValue("mumax_convention", out var mc) || Bool(mc, "current.mumax_convention"),
            Frequency = map.TryGetValue("frequency", out var f) ? NonNegative(f, "Hz", 1, "current.frequency") : 0,
            Perpendicular = map.TryGetValue("J_perpendicular", out var jp) ? Number(jp, "A/m2", 1, "current.J_perpendicular") : 0,
            FixedLayer = map.TryGetValue("fixed_layer", out var fl) ? Direction(fl, "current.fixed_layer") : Vec3.UnitZ,
            Efficiency = map.TryGetValue("efficiency", out var eta) ? Number(eta, "", 1, "current.efficiency") : c.Efficiency,
            FieldLikeRatio = map.TryGetValue("field_like", out var z) ? Number(z, "", 1, "current.field_like") : 0,
        };
    }

    private InitialState Initial(YamlNode node)
    {
        var map = Mapping(node, "initial", "uniform", "vortex", "random");
        if (map.Count != 1) throw Error(node, "initial needs exactly one of uniform: [mx, my, mz], vortex: {...} or random: seed");
        var (key, value) = map.First();
        switch (key)
        {
            case "uniform":
                return new InitialState { Kind = "uniform", Direction = Direction(value, "initial.uniform") };
            case "vortex":
                var v = Mapping(value, "initial.vortex", "circulation", "polarity", "core_radius");
                return new InitialState
                {
                    Kind = "vortex",
                    Circulation = v.TryGetValue("circulation", out var c) ? Sign(c, "initial.vortex.circulation") : 1,
                    Polarity = v.TryGetValue("polarity", out var p) ? Sign(p, "initial.vortex.polarity") : 1,
                    CoreRadius = v.TryGetValue("core_radius", out var r) ? Positive(r, "m", 1, "initial.vortex.core_radius") : 10e-9,
                };
            default:
                return new InitialState { Kind = "random", RandomSeed = Unsigned(value, "initial.random") };
        }
    }

    private IReadOnlyList<Stage> Stages(YamlNode node)
    {
        if (node is not YamlSequenceNode seq || seq.Children.Count == 0)
            throw Error(node, "stages must be a list such as '- relax: {torque: 1}' and '- run: {time: 1 ns}'");
        var stages = new List<Stage>();
        foreach (var item in seq.Children)
        {
            var map = Mapping(item, "a stage", "relax", "run");
            if (map.Count != 1) throw Error(item, "each stage is either 'relax:' or 'run:'");
            var (kind, body) = map.First();
            var settings = body is YamlScalarNode { Value: "" or null } ? new Dictionary<string, YamlNode>() : Mapping(body, kind,
                "torque", "time", "integrator", "step", "tolerance", "sample", "field", "current");
            var stage = new Stage { Kind = kind, Line = item.Start.Line };
            if (settings.TryGetValue("field", out var f)) stage = stage with { Field = Tesla(f, $"{kind}.field") };
            if (settings.TryGetValue("current", out var c)) stage = stage with { Current = Bool(c, $"{kind}.current") };
            if (kind == "relax")
            {
                foreach (var k in new[] { "time", "integrator", "step", "sample", "tolerance" })
                    if (settings.ContainsKey(k)) throw Error(settings[k], $"'{k}' belongs to a run stage; a relax stage takes torque, field and current");
                if (settings.TryGetValue("torque", out var t)) stage = stage with { TorqueTolerance = Positive(t, "A/m", 1, "relax.torque") };
            }
            else
            {
                if (settings.ContainsKey("torque")) throw Error(settings["torque"], "'torque' belongs to a relax stage");
                stage = stage with { Duration = Positive(Required(settings, body, "time"), "s", 1, "run.time") };
                if (settings.TryGetValue("integrator", out var i))
                {
                    string s = Text(i, "run.integrator");
                    stage = stage with
                    {
                        Integrator = s switch
                        {
                            "dp54" or "dormand-prince" => MicromagneticIntegrator.DormandPrince54,
                            "rk4" => MicromagneticIntegrator.RungeKutta4,
                            "heun" => MicromagneticIntegrator.Heun,
                            _ => throw Error(i, $"unknown integrator '{s}'; expected dp54, rk4 or heun"),
                        },
                    };
                }
                if (settings.TryGetValue("step", out var st)) stage = stage with { Step = Positive(st, "s", 1, "run.step") };
                if (settings.TryGetValue("tolerance", out var tol)) stage = stage with { Tolerance = Positive(tol, "", 1, "run.tolerance") };
                if (settings.TryGetValue("sample", out var sa)) stage = stage with { SampleInterval = Positive(sa, "s", 1, "run.sample") };
                if (ProblemLimits.SampleRefusal(stage.Duration, stage.SampleInterval) is { } tooMany) throw Error(item, tooMany);
            }
            stages.Add(stage);
        }
        return stages;
    }

    private OutputSettings Outputs(YamlNode node)
    {
        var map = Mapping(node, "outputs", "table", "images", "ovf", "final");
        var o = new OutputSettings();
        if (map.TryGetValue("table", out var t)) o = o with { Table = Text(t, "outputs.table") is var s && s is "none" or "" ? null : InsideOutput(t, s) };
        if (map.TryGetValue("images", out var i)) o = o with { ImageTimes = Times(i, "outputs.images") };
        if (map.TryGetValue("ovf", out var v)) o = o with { OvfTimes = Times(v, "outputs.ovf") };
        if (map.TryGetValue("final", out var f)) o = o with { Final = Bool(f, "outputs.final") };
        return o;
    }

    /// <summary>A plain file name, written in the output directory (no folder, so nothing lands outside it).</summary>
    private string InsideOutput(YamlNode node, string name)
    {
        if (name.IndexOfAny(new[] { '/', '\\', '\0' }) >= 0 || name is "." or "..")
            throw Error(node, $"outputs.table must be a plain file name (it is written in the output directory), not '{name}'");
        return name;
    }

    // ---- node helpers ----

    private Dictionary<string, YamlNode> Mapping(YamlNode node, string what, params string[] keys)
    {
        if (node is not YamlMappingNode map) throw Error(node, $"{what} must be a mapping (key: value lines); expected keys: {string.Join(", ", keys)}");
        var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (k, v) in map.Children)
        {
            string key = (k as YamlScalarNode)?.Value ?? "";
            if (Array.IndexOf(keys, key) < 0) throw Error(k, $"unknown key '{key}' in {what}; expected one of: {string.Join(", ", keys)}");
            result[key] = v;
        }
        return result;
    }

    private YamlNode Required(Dictionary<string, YamlNode> map, YamlNode parent, string key) =>
        map.TryGetValue(key, out var v) ? v : throw Error(parent, $"missing '{key}'");

    private string Text(YamlNode node, string what) =>
        node is YamlScalarNode s ? s.Value ?? "" : throw Error(node, $"{what} must be a single value");

    private double Number(YamlNode node, string unit, double bareScale, string what)
    {
        string text = Text(node, what);
        if (!Quantity.TryParse(text, unit, bareScale, out double v, out string reason)) throw Error(node, $"{what}: {reason}");
        return v;
    }

    private double Positive(YamlNode node, string unit, double bareScale, string what)
    {
        double v = Number(node, unit, bareScale, what);
        return v > 0 ? v : throw Error(node, $"{what} must be positive, got {Text(node, what)}");
    }

    private double NonNegative(YamlNode node, string unit, double bareScale, string what)
    {
        double v = Number(node, unit, bareScale, what);
        return v >= 0 ? v : throw Error(node, $"{what} must be ≥ 0, got {Text(node, what)}");
    }

    private int Count(YamlNode node, double v, string what) =>
        v >= 1 && v <= 1 << 14 && v == Math.Floor(v) ? (int)v : throw Error(node, $"{what} must be a whole number of cells between 1 and 16384");

    private int Sign(YamlNode node, string what)
    {
        double v = Number(node, "", 1, what);
        return v is 1 or -1 ? (int)v : throw Error(node, $"{what} must be 1 or -1");
    }

    private ulong Unsigned(YamlNode node, string what) =>
        ulong.TryParse(Text(node, what), NumberStyles.None, CultureInfo.InvariantCulture, out ulong v) ? v : throw Error(node, $"{what} must be a whole number ≥ 0");

    private bool Bool(YamlNode node, string what) => Text(node, what) switch
    {
        "true" or "yes" or "on" => true,
        "false" or "no" or "off" => false,
        _ => throw Error(node, $"{what} must be true or false"),
    };

    private double[] Vector(YamlNode node, int min, int max, string unit, double bareScale, string what)
    {
        if (node is not YamlSequenceNode seq || seq.Children.Count < min || seq.Children.Count > max)
            throw Error(node, $"{what} must be a list of {(min == max ? min.ToString(CultureInfo.InvariantCulture) : $"{min} to {max}")} numbers, e.g. [{string.Join(", ", Enumerable.Repeat("1", max))}]");
        return seq.Children.Select(c => Number(c, unit, bareScale, what)).ToArray();
    }

    private Vec3 Tesla(YamlNode node, string what)
    {
        var v = Vector(node, 2, 3, "T", 1e-3, what + " (mT)");
        return new Vec3(v[0], v[1], v.Length > 2 ? v[2] : 0);
    }

    private Vec3 Direction(YamlNode node, string what)
    {
        var v = Vector(node, 3, 3, "", 1, what);
        var d = new Vec3(v[0], v[1], v[2]);
        return d.Norm > 0 ? d : throw Error(node, $"{what} must not be the zero vector");
    }

    private IReadOnlyList<double> Times(YamlNode node, string what)
    {
        if (node is YamlSequenceNode seq) return seq.Children.Select(c => NonNegative(c, "s", 1, what)).ToArray();
        return [NonNegative(node, "s", 1, what)];
    }
}
