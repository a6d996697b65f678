namespace CircuitSim.Numerics.Tests.Support;

/// <summary>
/// A resistive crossbar (as in memristor arrays): N row wires and N column wires, each a chain of N wire-segment
/// resistors, coupled by a device resistor at every crosspoint. Each row wire is driven at its start by a voltage source
/// and each column wire ends in a 0 V source that senses its current, so the system is a double 2D mesh with
/// 2·N² node unknowns plus 2·N voltage-source branch rows with zero diagonals.
/// </summary>
public static class CrossbarCircuit
{
    public static SparseSystem<double> Build(int n, int seed = 1)
    {
        var random = new Random(seed);
        int RowWire(int i, int j) => i * n + j;        // node of row wire i at column position j
        int ColumnWire(int i, int j) => n * n + j * n + i; // node of column wire j at row position i
        int RowDriver(int i) => 2 * n * n + i;
        int ColumnSense(int j) => 2 * n * n + n + j;

        const double wireConductance = 1.0 / 2.5;   // 2.5 ohm segments
        var system = new SparseSystem<double>(2 * n * n + 2 * n);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (j + 1 < n) system.StampAdmittance(RowWire(i, j), RowWire(i, j + 1), wireConductance);
                if (i + 1 < n) system.StampAdmittance(ColumnWire(i, j), ColumnWire(i + 1, j), wireConductance);
                double deviceResistance = Math.Pow(10, 3 + 3 * random.NextDouble()); // 1 kohm .. 1 Mohm
                system.StampAdmittance(RowWire(i, j), ColumnWire(i, j), 1 / deviceResistance);
            }
        }

        for (int i = 0; i < n; i++)
        {
            system.StampVoltageSource(RowDriver(i), RowWire(i, 0), MnaStamps.Ground, 0.2 + 0.8 * random.NextDouble());
            system.StampVoltageSource(ColumnSense(i), ColumnWire(n - 1, i), MnaStamps.Ground, 0.0);
        }

        return system;
    }
}
