namespace CircuitSim.Output.Tests;

public class TicksTests
{
    [Fact]
    public void Linear_ZeroToOne_StepsByPointTwo() =>
        Assert.Equal([0, 0.2, 0.4, 0.6, 0.8, 1.0], Ticks.Linear(0, 1, 6));

    [Fact]
    public void Linear_TickValuesAreTheNearestDoublesToTheDecimals()
    {
        var t = Ticks.Linear(0, 0.9, 10, out double step);
        Assert.Equal(0.1, step);
        Assert.Equal(0.3, t[3]); // not 0.30000000000000004
        Assert.Equal(0.7, t[7]);
    }

    [Fact]
    public void Linear_Milliseconds_StepsByOneMillisecond()
    {
        var t = Ticks.Linear(0, 8e-3, 10, out double step);
        Assert.Equal(1e-3, step);
        Assert.Equal(9, t.Length);
        Assert.Equal(8e-3, t[^1]);
    }

    [Fact]
    public void Linear_NegativeToPositive_ChoosesTheSmallestFittingStep()
    {
        var t = Ticks.Linear(-0.35, 1.27, 8, out double step);
        Assert.Equal(0.2, step);
        Assert.Equal([-0.2, 0, 0.2, 0.4, 0.6, 0.8, 1.0, 1.2], t);
    }

    [Theory]
    [InlineData(0, 2.5e-9, 6, 0.5e-9)]
    [InlineData(-0.15, 0.15, 7, 0.05)]
    [InlineData(1.0, 1.02, 5, 0.005)]
    [InlineData(0, 16, 9, 2)]
    [InlineData(0, 1e6, 6, 2e5)]
    [InlineData(-3e-4, 2e-4, 6, 1e-4)]
    public void Linear_StepIsOneTwoOrFiveTimesAPowerOfTen(double min, double max, int maxCount, double expectedStep)
    {
        var t = Ticks.Linear(min, max, maxCount, out double step);
        Assert.Equal(expectedStep, step, expectedStep * 1e-12);
        Assert.InRange(t.Length, 2, maxCount);
        Assert.All(t, v => Assert.InRange(v, min - 1e-12 * Math.Abs(step), max + 1e-12 * Math.Abs(step)));
        double mantissa = step / Math.Pow(10, Math.Floor(Math.Log10(step) + 1e-12));
        Assert.Contains(Math.Round(mantissa, 9), new[] { 1.0, 2.0, 5.0 });
    }

    [Fact]
    public void Linear_DegenerateRange_GivesOneTick() => Assert.Equal([3.3], Ticks.Linear(3.3, 3.3, 5));

    [Fact]
    public void Log_SixDecades_MajorTicksAtDecadesAndMinorsBetween()
    {
        var (major, minor) = Ticks.Log(10, 1e6);
        Assert.Equal([10, 100, 1e3, 1e4, 1e5, 1e6], major);
        Assert.Contains(20.0, minor);
        Assert.Contains(9e5, minor);
        Assert.Equal(8 * 5, minor.Length);
    }

    [Fact]
    public void Log_ManyDecades_LabelsEveryOtherDecade()
    {
        var (major, _) = Ticks.Log(1e-12, 1e3, maxCount: 8);
        Assert.True(major.Length <= 8);
        Assert.Contains(1.0, major);
        Assert.Equal(100.0, major[1] / major[0], 1e-9);
    }

    [Fact]
    public void Log_NarrowRange_UsesOneTwoFiveMajors()
    {
        var (major, _) = Ticks.Log(1.5, 60);
        Assert.Equal([2, 5, 10, 20, 50], major);
    }

    [Fact]
    public void Log_WithinOneStep_FallsBackToLinearTicks()
    {
        var (major, _) = Ticks.Log(2.1, 4.9);
        Assert.True(major.Length >= 2);
        Assert.All(major, v => Assert.InRange(v, 2.1, 4.9));
    }
}
