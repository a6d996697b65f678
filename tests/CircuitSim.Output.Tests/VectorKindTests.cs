namespace CircuitSim.Output.Tests;

public class VectorKindTests
{
    [Theory]
    [InlineData("@m1[r]", VectorKind.Resistance)]
    [InlineData("@m1[g]", VectorKind.Conductance)]
    [InlineData("@m1[id]", VectorKind.Current)]
    [InlineData("@d1[q]", VectorKind.Other)]
    [InlineData("v(out)", VectorKind.Voltage)]
    public void Guess_reads_the_kind_from_an_ngspice_vector_name(string name, VectorKind kind)
    {
        Assert.Equal(kind, VectorKinds.Guess(name));
    }

    [Theory]
    [InlineData(VectorKind.Resistance, "impedance", "Ω")]
    [InlineData(VectorKind.Conductance, "admittance", "S")]
    public void ResistanceAndConductance_UseNgspiceRawTypesAndSIUnits(VectorKind kind, string rawType, string unit)
    {
        Assert.Equal((rawType, unit, kind), (VectorKinds.RawTypeName(kind), VectorKinds.Unit(kind), VectorKinds.FromRawTypeName(rawType)));
    }
}
