using CircuitSim.Magnetics.Micromagnetics;

namespace CircuitSim.Micromagnetics.Problems;

/// <summary>Turns a <see cref="MagnetProblem"/> into the engine's objects: the magnet, its LLG system and the initial state.</summary>
public static class ProblemSetup
{
    public static Magnet Magnet(MagnetProblem p) => p.Shape switch
    {
        ShapeKind.Disk => CircuitSim.Magnetics.Micromagnetics.Magnet.Disk(p.Grid, p.Ms),
        ShapeKind.Annulus => p.OuterRadius > 0
            ? CircuitSim.Magnetics.Micromagnetics.Magnet.Annulus(p.Grid, p.Ms, p.InnerRadius, p.OuterRadius)
            : CircuitSim.Magnetics.Micromagnetics.Magnet.Annulus(p.Grid, p.Ms, p.InnerRadius),
        ShapeKind.Mask => CircuitSim.Magnetics.Micromagnetics.Magnet.FromMask(p.Grid, p.Mask!, p.Ms),
        _ => CircuitSim.Magnetics.Micromagnetics.Magnet.Rectangle(p.Grid, p.Ms),
    };

    /// <summary>The LLG system with every term the problem asks for (the caller disposes it).</summary>
    public static MicromagneticSystem System(MagnetProblem p, Magnet magnet, int threads = 0)
    {
        var sys = new MicromagneticSystem(magnet, p.Alpha, p.Gamma0, threads);
        sys.Add(new ExchangeField(magnet, p.ExchangeStiffness));
        if (p.AnisotropyConstant != 0) sys.Add(new UniaxialAnisotropyField(magnet, p.AnisotropyConstant, p.AnisotropyAxis));
        if (p.BulkDmi != 0) sys.Add(new BulkDmiField(magnet, p.BulkDmi));
        if (p.InterfacialDmi != 0) sys.Add(new InterfacialDmiField(magnet, p.InterfacialDmi));
        var zeeman = ZeemanField.FromTesla(magnet, p.Field);
        if (p.FieldFrequency > 0 && p.FieldAmplitude.Norm > 0)
        {
            Vec3 amplitude = p.FieldAmplitude / PhysicalConstants.Mu0;
            double w = 2 * Math.PI * p.FieldFrequency;
            zeeman.TimeDependence = t => zeeman.Uniform + Math.Sin(w * t) * amplitude;
        }
        sys.Add(zeeman);
        if (p.Demag) sys.Demag = new DemagField(magnet);
        var c = p.Current;
        if (c.InPlane)
        {
            var zl = new ZhangLiTorque(magnet, c.Polarization, c.NonAdiabaticity, c.MumaxConvention);
            FillCurrent(magnet, c, zl.CurrentDensity);
            if (c.Frequency > 0)
            {
                double w = 2 * Math.PI * c.Frequency;
                zl.TimeScale = t => Math.Sin(w * t);
            }
            sys.Add(zl);
        }
        if (c.Perpendicular != 0)
        {
            var st = new SlonczewskiTorque(magnet, c.FixedLayer, c.Efficiency, c.FieldLikeRatio, p.Gamma0);
            st.SetUniform(c.Perpendicular);
            sys.Add(st);
        }
        if (p.Temperature > 0) sys.Thermal = new ThermalField(magnet, p.Temperature);
        return sys;
    }

    /// <summary>
    /// Writes the in-plane current density (A/m², (jx, jy) per cell): uniform, or azimuthal about the grid's centre with
    /// magnitude Jx (counter-clockwise for Jx &gt; 0), the current of a ring fed around its circumference.
    /// </summary>
    public static void FillCurrent(Magnet magnet, CurrentSettings c, Span<double> j)
    {
        Grid2D g = magnet.Grid;
        double cx = 0.5 * g.Nx * g.Dx, cy = 0.5 * g.Ny * g.Dy;
        for (int iy = 0; iy < g.Ny; iy++)
            for (int ix = 0; ix < g.Nx; ix++)
            {
                int cell = g.Index(ix, iy);
                if (!magnet.Contains(cell)) continue;
                if (c.Pattern == CurrentPattern.Uniform)
                {
                    j[2 * cell] = c.Jx;
                    j[2 * cell + 1] = c.Jy;
                    continue;
                }
                double x = (ix + 0.5) * g.Dx - cx, y = (iy + 0.5) * g.Dy - cy, r = Math.Sqrt(x * x + y * y);
                if (r == 0) continue;
                j[2 * cell] = -c.Jx * y / r;
                j[2 * cell + 1] = c.Jx * x / r;
            }
    }

    public static double[] InitialState(MagnetProblem p, Magnet magnet) => p.Initial.Kind switch
    {
        "vortex" => Textures.Vortex(magnet, p.Initial.Circulation, p.Initial.Polarity, p.Initial.CoreRadius),
        "random" => Random(magnet, p.Initial.RandomSeed),
        _ => Textures.Uniform(magnet, p.Initial.Direction),
    };

    private static double[] Random(Magnet magnet, ulong seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        var m = new double[3 * magnet.CellCount];
        for (int i = 0; i < m.Length; i++) m[i] = rng.NextGaussian();
        return m;
    }
}
