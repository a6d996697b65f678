namespace CircuitSim.Spintronics.Tests.Support;

/// <summary>
/// The stateful-device contract's rollback: a device that tried a step, was rejected, retried a smaller step with
/// two Newton iterates (the second at another voltage) and went on must end bit for bit where a fresh device that
/// only took the accepted steps ends. At T &gt; 0 that includes the random generator of the thermal noise.
/// </summary>
public static class RollbackCheck
{
    /// <param name="netlist">A netlist with the device m1 between node a and ground.</param>
    /// <param name="probes">State quantities compared bit for bit.</param>
    public static void RejectedStepLeavesNoTrace(string netlist, params string[] probes)
    {
        const double v = 0.3;
        var retried = new DeviceStepper(netlist, "m1", "a");
        var fresh = new DeviceStepper(netlist, "m1", "a");

        retried.Trial(100e-12, v);
        retried.Reject();
        retried.Trial(50e-12, 0.9 * v);
        retried.Trial(50e-12, v);
        retried.Accept();
        retried.Trial(150e-12, v);
        retried.Accept();

        fresh.Trial(50e-12, v);
        fresh.Accept();
        fresh.Trial(150e-12, v);
        fresh.Accept();

        foreach (var p in probes)
        {
            var a = retried.Probe(p)();
            var b = fresh.Probe(p)();
            Assert.True(a.Equals(b), $"{p} = {a:R} after the rejected step, {b:R} without it");
        }
        // the state did move, so the comparison is not between two untouched states
        var untouched = new DeviceStepper(netlist, "m1", "a");
        Assert.Contains(probes, p => untouched.Probe(p)() != fresh.Probe(p)());
    }
}
