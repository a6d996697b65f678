using CircuitSim.Core.Simulations;

namespace CircuitSim.Core.Behaviors;

/// <summary>
/// A device's last contributions to the MNA system, by matrix handle and right-hand-side row: the device evaluates
/// into <see cref="Matrix"/> and <see cref="Rhs"/>, then <see cref="Apply"/> adds them. Applying again without
/// evaluating is the bypass (<see cref="Bypass"/>).
/// </summary>
public sealed class StampCache
{
    private readonly int[] _handles;
    private readonly int[] _rows;

    /// <param name="handles">Matrix handles, in the order the device writes <see cref="Matrix"/>.</param>
    /// <param name="rows">Right-hand-side rows (unknown indices; 0 is ground), in the order of <see cref="Rhs"/>.</param>
    public StampCache(int[] handles, int[] rows)
    {
        _handles = handles;
        _rows = rows;
        Matrix = new double[handles.Length];
        Rhs = new double[rows.Length];
    }

    /// <summary>The values added at each handle.</summary>
    public double[] Matrix { get; }

    /// <summary>The values added to each right-hand-side row.</summary>
    public double[] Rhs { get; }

    public void Apply(MnaSystem mna)
    {
        var values = mna.Values;
        var handles = _handles;
        var matrix = Matrix;
        for (var k = 0; k < handles.Length; k++) values[handles[k]] += matrix[k];
        var rhs = mna.Rhs;
        var rows = _rows;
        var r = Rhs;
        for (var k = 0; k < rows.Length; k++) rhs[rows[k]] += r[k];
    }
}
