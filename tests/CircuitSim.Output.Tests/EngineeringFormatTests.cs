namespace CircuitSim.Output.Tests;

public class EngineeringFormatTests
{
    [Theory]
    [InlineData(1.5e-9, "", "1.5n")]
    [InlineData(2.5e-9, "s", "2.5 ns")]
    [InlineData(0.1, "V", "100 mV")]
    [InlineData(1.2e-3, "A", "1.2 mA")]
    [InlineData(4.7e-6, "F", "4.7 µF")]
    [InlineData(3.3e-15, "F", "3.3 fF")]
    [InlineData(22e-12, "", "22p")]
    [InlineData(1e3, "Hz", "1 kHz")]
    [InlineData(-4.7e3, "", "-4.7k")]
    [InlineData(2.2e6, "", "2.2M")]
    [InlineData(1e9, "Hz", "1 GHz")]
    [InlineData(3.3, "V", "3.3 V")]
    [InlineData(0.0, "V", "0 V")]
    [InlineData(0.0, "", "0")]
    public void Format_UsesSiPrefixes(double value, string unit, string expected) =>
        Assert.Equal(expected, EngineeringFormat.Format(value, unit));

    [Theory]
    [InlineData(1.23456e-12, 4, "1.235p")]
    [InlineData(12345.0, 4, "12.35k")]
    [InlineData(999.96e-9, 4, "1µ")]
    [InlineData(999.4e-9, 3, "999n")]
    [InlineData(0.99999, 3, "1")]
    [InlineData(1.0 / 3, 6, "333.333m")]
    public void Format_RoundsToSignificantDigitsAndCarriesIntoTheNextPrefix(double value, int digits, string expected) =>
        Assert.Equal(expected, EngineeringFormat.Format(value, "", digits));

    [Fact]
    public void Format_AsciiMicro_WritesU() => Assert.Equal("10u", EngineeringFormat.Format(1e-5, asciiMicro: true));

    [Theory]
    [InlineData(1e-18, "1e-18")]
    [InlineData(2.5e15, "2.5e+15")]
    public void Format_OutsideThePrefixRange_UsesExponentNotation(double value, string expected) =>
        Assert.Equal(expected, EngineeringFormat.Format(value));

    // Far below f the rounding in units of f once asked Math.Round for more than 15 decimals and threw
    // (a 1.6e-30 W loop area from the run summary).
    [Theory]
    [InlineData(1.5549365330413587e-30, "W", "1.555e-30 W")]
    [InlineData(-5.0486294413586246e-20, "V", "-5.049e-20 V")]
    [InlineData(1e-300, "", "1e-300")]
    public void Format_FarBelowTheSmallestPrefix_DoesNotThrow(double value, string unit, string expected) =>
        Assert.Equal(expected, EngineeringFormat.Format(value, unit));

    [Fact]
    public void Format_NonFiniteValues()
    {
        Assert.Equal("NaN", EngineeringFormat.Format(double.NaN));
        Assert.Equal("Inf V", EngineeringFormat.Format(double.PositiveInfinity, "V"));
        Assert.Equal("-Inf", EngineeringFormat.Format(double.NegativeInfinity));
    }

    [Theory]
    [InlineData(1.5e-9, -9)]
    [InlineData(1e-3, -3)]
    [InlineData(999e-3, -3)]
    [InlineData(1000.0, 3)]
    [InlineData(-47e3, 3)]
    [InlineData(1e-20, -15)]
    public void Exponent3_IsTheEngineeringExponent(double value, int expected) =>
        Assert.Equal(expected, EngineeringFormat.Exponent3(value));

    [Fact]
    public void FormatFixed_SharesAPrefixWithFixedDecimals()
    {
        Assert.Equal("1.5 ms", EngineeringFormat.FormatFixed(1.5e-3, -3, 1, "s"));
        Assert.Equal("0.0 ms", EngineeringFormat.FormatFixed(-1e-20, -3, 1, "s"));
        Assert.Equal("250 mV", EngineeringFormat.FormatFixed(0.25, -3, 0, "V"));
    }
}
