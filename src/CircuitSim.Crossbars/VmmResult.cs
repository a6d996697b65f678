namespace CircuitSim.Crossbars;

/// <summary>
/// One column's read: the simulated current, the ideal Σᵢ Gᵢⱼ·Vᵢ, and the scale the error is measured against,
/// Σᵢ Gᵢⱼ·|Vᵢ| (the current the column would carry with every input positive; for a differential pair both devices
/// count). With all inputs ≥ 0 on a single-ended column the relative error is (I − I_ideal)/I_ideal.
/// </summary>
public sealed record ColumnReading(int Column, double Measured, double Ideal, double Scale)
{
    public double RelativeError => Scale > 0 ? (Measured - Ideal) / Scale : Measured - Ideal == 0 ? 0 : double.PositiveInfinity;
}

/// <summary>What a VMM read gave: per physical and per logical column, and the device conductances used as G.</summary>
public sealed class VmmResult
{
    public required IReadOnlyList<ColumnReading> Physical { get; init; }

    /// <summary>The outputs: the physical columns again (single-ended) or I⁺ − I⁻ of each pair (differential).</summary>
    public required IReadOnlyList<ColumnReading> Logical { get; init; }

    /// <summary>The conductances of the ideal G·V, S: the simulation's own (its @dev[g] vectors at the read) where the
    /// device has them, else the programmed ones.</summary>
    public required double[,] Conductances { get; init; }

    /// <summary>Where the conductances came from ("simulation" or "programmed").</summary>
    public required string ConductanceSource { get; init; }

    public required double[] ReadVoltages { get; init; }

    /// <summary>When the read was taken (transients), s.</summary>
    public double? ReadTime { get; init; }

    public required double SimulationSeconds { get; init; }

    public double WorstRelativeError => Logical.Max(c => Math.Abs(c.RelativeError));

    public double RmsRelativeError => Math.Sqrt(Logical.Average(c => c.RelativeError * c.RelativeError));
}
