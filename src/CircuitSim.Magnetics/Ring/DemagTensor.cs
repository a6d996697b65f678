namespace CircuitSim.Magnetics;

/// <summary>
/// A symmetric 3×3 demagnetizing (interaction) tensor, dimensionless: the mean field over a target cell due to a
/// uniformly magnetized source cell is H = −Ms N m (A/m).
/// </summary>
public readonly record struct DemagTensor(double Xx, double Yy, double Zz, double Xy, double Xz, double Yz)
{
    public double Trace => Xx + Yy + Zz;

    /// <summary>N·v.</summary>
    public Vec3 Apply(Vec3 v) => new(
        Xx * v.X + Xy * v.Y + Xz * v.Z,
        Xy * v.X + Yy * v.Y + Yz * v.Z,
        Xz * v.X + Yz * v.Y + Zz * v.Z);

    public static DemagTensor operator +(DemagTensor a, DemagTensor b) =>
        new(a.Xx + b.Xx, a.Yy + b.Yy, a.Zz + b.Zz, a.Xy + b.Xy, a.Xz + b.Xz, a.Yz + b.Yz);

    public static DemagTensor operator *(double s, DemagTensor a) =>
        new(s * a.Xx, s * a.Yy, s * a.Zz, s * a.Xy, s * a.Xz, s * a.Yz);

    /// <summary>
    /// The tensor expressed in the frame whose axes (in this tensor's coordinates) are <paramref name="e1"/>,
    /// <paramref name="e2"/>, <paramref name="e3"/>: Qᵀ N Q with Q = [e1 e2 e3].
    /// </summary>
    public DemagTensor InFrame(Vec3 e1, Vec3 e2, Vec3 e3)
    {
        Vec3 n1 = Apply(e1), n2 = Apply(e2), n3 = Apply(e3);
        return new(e1.Dot(n1), e2.Dot(n2), e3.Dot(n3), e1.Dot(n2), e1.Dot(n3), e2.Dot(n3));
    }

    /// <summary>The tensor given in the frame [e1 e2 e3] brought back to the outer coordinates: Q N Qᵀ.</summary>
    public DemagTensor FromFrame(Vec3 e1, Vec3 e2, Vec3 e3)
    {
        // columns of N Qᵀ applied to the unit vectors of the outer frame
        Vec3 Row(Vec3 u) => new(u.Dot(e1), u.Dot(e2), u.Dot(e3));
        Vec3 ux = Row(Vec3.UnitX), uy = Row(Vec3.UnitY), uz = Row(Vec3.UnitZ);
        return new(ux.Dot(Apply(ux)), uy.Dot(Apply(uy)), uz.Dot(Apply(uz)), ux.Dot(Apply(uy)), ux.Dot(Apply(uz)), uy.Dot(Apply(uz)));
    }
}
