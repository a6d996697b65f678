using CircuitSim.Core.Behaviors;
using CircuitSim.Core.Simulations;

namespace CircuitSim.Core.Tests.Parallel;

/// <summary>
/// A batch's slots reach the system through a dense copy of their live entries: the evaluating thread gathers every
/// entry not in ground's row or column, and the apply adds those, device after device in slot order.
/// </summary>
public class StampBatchTests
{
    /// <summary>Two unknowns; handles of (1,1), (1,2), (2,2) in that order.</summary>
    private static (MnaSystem Mna, int H11, int H12, int H22) System()
    {
        var mna = new MnaSystem();
        mna.Resize(2);
        var handles = (mna.GetHandle(1, 1), mna.GetHandle(1, 2), mna.GetHandle(2, 2));
        mna.Freeze();
        return (mna, handles.Item1, handles.Item2, handles.Item3);
    }

    /// <summary>Two devices of three matrix and two right-hand-side entries each; the first device's second matrix
    /// entry and first right-hand-side entry land in ground.</summary>
    private static StampBatch Batch(int h11, int h12, int h22)
    {
        var b = new StampBatch(3, 2);
        b.Add(new[] { h11, MnaSystem.Trash, h22 }, new[] { 0, 2 });
        b.Add(new[] { h12, h22, h11 }, new[] { 1, 2 });
        double[] matrix = { 1, 100, 2, 3, 4, 5 }, rhs = { 100, 6, 7, 8 };
        matrix.CopyTo(b.Matrix, 0);
        rhs.CopyTo(b.Rhs, 0);
        b.Prepare();
        return b;
    }

    [Fact]
    public void Apply_AddsTheGatheredEntries_AndNothingOfGround()
    {
        var (mna, h11, h12, h22) = System();
        var b = Batch(h11, h12, h22);

        b.Gather(default, 0, 2);
        b.Apply(mna);

        Assert.Equal(1 + 5, mna.Values[h11]);
        Assert.Equal(3, mna.Values[h12]);
        Assert.Equal(2 + 4, mna.Values[h22]);
        Assert.Equal(0, mna.Values[MnaSystem.Trash]);
        Assert.Equal(new double[] { 0, 7, 6 + 8 }, mna.Rhs);
    }

    [Fact]
    public void Apply_AddsOnlyWhatWasGathered()
    {
        var (mna, h11, h12, h22) = System();
        var b = Batch(h11, h12, h22);

        b.Gather(default, 1, 2);
        b.Matrix[3] = 1000; // a slot written after its gather
        b.Apply(mna, default, 1, 2);

        Assert.Equal(3, mna.Values[h12]);
        Assert.Equal(5, mna.Values[h11]);
    }

    [Fact]
    public void Apply_SkipsDevicesNotMarkedAsStamped()
    {
        var (mna, h11, h12, h22) = System();
        var b = Batch(h11, h12, h22);
        var stamped = new[] { false, true };

        b.Gather(stamped, 0, 2);
        b.Apply(mna, stamped, 0, 2);

        Assert.Equal(5, mna.Values[h11]);
        Assert.Equal(4, mna.Values[h22]);
        Assert.Equal(new double[] { 0, 7, 8 }, mna.Rhs);
    }

    [Fact]
    public void Apply_SumsEachEntryInDeviceOrder()
    {
        // 1 + 1e16 − 1e16 is 0 in this order and 1 in any other that adds the two large values first
        var mna = new MnaSystem();
        mna.Resize(1);
        var h = mna.GetHandle(1, 1);
        mna.Freeze();
        var b = new StampBatch(1, 1);
        for (var k = 0; k < 3; k++) b.Add(new[] { h }, new[] { 1 });
        double[] values = { 1, 1e16, -1e16 };
        values.CopyTo(b.Matrix, 0);
        b.Prepare();

        b.Gather(default, 0, 3);
        b.Apply(mna);

        Assert.Equal(0, mna.Values[h]);
    }

    [Fact]
    public void Gather_BeforePrepare_Throws()
    {
        var b = new StampBatch(1, 1);
        b.Add(new[] { 1 }, new[] { 1 });

        Assert.Throws<InvalidOperationException>(() => b.Gather(default, 0, 1));
    }

    [Fact]
    public void Apply_BeforePrepare_Throws()
    {
        var (mna, h11, _, _) = System();
        var b = new StampBatch(1, 1);
        b.Add(new[] { h11 }, new[] { 1 });

        Assert.Throws<InvalidOperationException>(() => b.Apply(mna));
    }

    [Fact]
    public void ApplySlots_AddsWhatGatherAndApplyAdd()
    {
        var (direct, h11, h12, h22) = System();
        var (gathered, _, _, _) = System();
        var b = Batch(h11, h12, h22);
        var stamped = new[] { true, true };

        b.ApplySlots(direct, stamped, 0, 2);
        b.Gather(stamped, 0, 2);
        b.Apply(gathered, stamped, 0, 2);

        Assert.Equal(gathered.Values, direct.Values);
        Assert.Equal(gathered.Rhs, direct.Rhs);
        Assert.Equal(1 + 5, direct.Values[h11]);
    }
}
