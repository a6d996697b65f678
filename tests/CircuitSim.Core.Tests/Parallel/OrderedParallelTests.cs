using CircuitSim.Core.Parallel;

namespace CircuitSim.Core.Tests.Parallel;

/// <summary>The ordered parallel executor: results reach the caller in job order, on the caller's thread.</summary>
public class OrderedParallelTests
{
    [Fact]
    public void Results_AreDeliveredInJobOrder_OnTheCallersThread()
    {
        var caller = Environment.CurrentManagedThreadId;
        var order = new List<int>();
        var threads = new HashSet<int>();
        // later jobs finish first: job i sleeps (20 − i) ms
        new OrderedParallel(4).Run(20, i =>
            {
                Thread.Sleep(20 - i);
                return i * i;
            },
            (i, r) =>
            {
                Assert.Equal(i * i, r);
                order.Add(i);
                threads.Add(Environment.CurrentManagedThreadId);
            });

        Assert.Equal(Enumerable.Range(0, 20), order);
        Assert.Equal(new[] { caller }, threads);
    }

    [Fact]
    public void Map_OnManyThreads_EqualsOneThread()
    {
        static double Job(int i)
        {
            var rng = new Random(i); // a job depends on its index only
            double sum = 0;
            for (var k = 0; k < 1000; k++) sum += Math.Sin(rng.NextDouble() * k);
            return sum;
        }

        var one = new OrderedParallel(1).Map(50, Job);
        var many = new OrderedParallel(8).Map(50, Job);

        Assert.Equal(one, many);
    }

    [Fact]
    public void FailedJob_IsRethrownWhenItsTurnComes()
    {
        var delivered = new List<int>();
        var e = Assert.Throws<InvalidOperationException>(() => new OrderedParallel(3).Run(10,
            i => i == 5 ? throw new InvalidOperationException("job 5") : i,
            (i, _) => delivered.Add(i)));

        Assert.Equal("job 5", e.Message);
        Assert.Equal(Enumerable.Range(0, 5), delivered);
    }

    [Fact]
    public void Degree_BelowOne_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OrderedParallel(0));
    }
}
