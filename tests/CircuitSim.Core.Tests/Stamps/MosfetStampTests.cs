using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;
using CircuitSim.Core.Tests.Support;
using CircuitSim.Devices.Semiconductors;
using static CircuitSim.Core.Tests.Support.Models;

namespace CircuitSim.Core.Tests.Stamps;

/// <summary>
/// The level-1 MOSFET's linearization in every region, for both polarities, at DC and with its gate and bulk
/// charges in a transient. Each test also checks (through the device's probes) that the point lies in the region
/// the test is named after, so a test point cannot silently drift into another region.
/// </summary>
public class MosfetStampTests
{
    private static Circuit Build(MosfetModel model, double ad = 0, double @as = 0) => new(model,
        new Mosfet1("M1", "d", "g", "s", "b", model.Name) { Width = 2e-6, Length = 1e-6, DrainArea = ad, SourceArea = @as });

    private static Dictionary<string, double> Terminals(double d, double g, double s, double b) =>
        Point(("d", d), ("g", g), ("s", s), ("b", b));

    /// <summary>A probe of M1 read after loading exactly at <paramref name="point"/>.</summary>
    private static double Read(StampHarness h, string quantity, Dictionary<string, double> point)
    {
        var probe = h.Sim.CreateProbe($"@m1[{quantity}]");
        h.Settle(h.Vector(point));
        return probe.Value;
    }

    [Fact]
    public void NmosCutoff_StampIsTheJacobianOfTheJunctionCurrentsOnly()
    {
        var h = StampHarness.Dc(Build(Nmos()));
        var point = Terminals(d: 2.0, g: 0.3, s: 0, b: 0);
        var a = h.AssertStampIsJacobian(point);

        Assert.Equal(0, Read(h, "gm", point));
        Assert.Equal(0, a[h.Index("d"), h.Index("g")]);
    }

    [Fact]
    public void NmosLinearRegion_StampIsTheJacobianOfTheDrainCurrent()
    {
        var h = StampHarness.Dc(Build(Nmos()));
        var point = Terminals(d: 0.3, g: 2.5, s: 0, b: 0);
        h.AssertStampIsJacobian(point);

        Assert.True(Read(h, "vdsat", point) > 0.3, "vds below vdsat: linear region");
    }

    [Fact]
    public void NmosSaturation_StampIsTheJacobianOfTheDrainCurrent()
    {
        var h = StampHarness.Dc(Build(Nmos()));
        var point = Terminals(d: 2.5, g: 1.5, s: 0, b: 0);
        h.AssertStampIsJacobian(point);

        var vdsat = Read(h, "vdsat", point);
        Assert.InRange(vdsat, 0.01, 2.5); // conducting, vds above vdsat: saturation
    }

    [Theory]
    [InlineData(3.0, 1.0)] // vgd − vt above |vds|: linear in reverse mode
    [InlineData(1.5, 2.5)] // saturated in reverse mode
    public void NmosReverseMode_StampIsTheJacobianWithDrainAndSourceExchanged(double gate, double source)
    {
        var h = StampHarness.Dc(Build(Nmos()));
        var point = Terminals(d: 0, g: gate, s: source, b: 0);
        h.AssertStampIsJacobian(point);

        Assert.True(Read(h, "vds", point) < 0);
        Assert.True(Read(h, "gm", point) > 0, "the channel conducts in reverse mode");
    }

    [Fact]
    public void NmosBodyEffect_StampIsTheJacobianIncludingGmbs()
    {
        var h = StampHarness.Dc(Build(Nmos()));
        var point = Terminals(d: 2.5, g: 2.0, s: 0.5, b: -1.0);
        var a = h.AssertStampIsJacobian(point);

        Assert.True(Read(h, "gmbs", point) > 0);
        Assert.True(a[h.Index("d"), h.Index("b")] > 0, "the bulk controls the drain current");
        Assert.True(Read(h, "vth", point) > 0.8, "a reverse-biased bulk raises the threshold above VTO");
    }

    [Theory]
    [InlineData(3.3, 1.0, 1.5, true)]  // |vgs| − |vt| = 1.0 below |vds| = 2.3: saturation
    [InlineData(3.3, 3.0, 0.0, true)]  // |vds| = 0.3: linear
    [InlineData(3.3, 1.0, 3.0, false)] // |vgs| = 0.3 below |vt|: cutoff
    public void Pmos_StampIsTheJacobianOfTheDrainCurrent(double source, double drain, double gate, bool conducting)
    {
        var h = StampHarness.Dc(Build(Pmos()));
        var point = Terminals(d: drain, g: gate, s: source, b: source);
        h.AssertStampIsJacobian(point);

        Assert.Equal(conducting, Read(h, "gm", point) > 0);
        Assert.True(Read(h, "vds", point) < 0, "a PMOS in normal mode has its drain below its source");
    }

    [Fact]
    public void PmosReverseMode_StampIsTheJacobianWithDrainAndSourceExchanged()
    {
        var h = StampHarness.Dc(Build(Pmos()));
        var point = Terminals(d: 3.3, g: 0, s: 2.0, b: 3.3);
        h.AssertStampIsJacobian(point);

        Assert.True(Read(h, "vds", point) > 0, "a PMOS with its drain above its source runs in reverse mode");
        Assert.True(Read(h, "gm", point) > 0);
    }

    private static MosfetModel WithJunctionCapacitance(MosfetModel m)
    {
        m.Cj = 1e-3;
        m.Mj = 0.5;
        m.BulkJunctionPotential = 0.9;
        return m;
    }

    /// <summary>
    /// Saturation before and at the point: the Meyer capacitances are constant there (Cox/3 to the source, 0 to drain
    /// and bulk), so every charge (gate overlaps, Meyer, CJ·AD/AS bulk junctions) has its exact Jacobian.
    /// </summary>
    [Fact]
    public void SaturatedTransient_StampIsTheJacobianOfGateAndJunctionCharges()
    {
        var h = StampHarness.Transient(Build(WithJunctionCapacitance(Nmos()), ad: 1e-12, @as: 1e-12),
            Terminals(d: 2.3, g: 1.45, s: 0, b: 0), 1e-9, 1e-11);
        var point = Terminals(d: 2.5, g: 1.5, s: 0.05, b: -0.1);
        var a = h.AssertStampIsJacobian(point);

        Assert.True(Read(h, "cbd", point) > 0 && Read(h, "cgs", point) > 0);
        Assert.True(a[h.Index("g"), h.Index("g")] > 0, "the gate row holds the capacitive companion conductances");
    }

    /// <summary>The same saturated point integrated by second-order Gear, whose companion reads three past charges.</summary>
    [Fact]
    public void SaturatedGearTransient_StampIsTheJacobianOfGateAndJunctionCharges()
    {
        var h = StampHarness.Transient(Build(WithJunctionCapacitance(Nmos()), ad: 1e-12, @as: 1e-12),
            Terminals(d: 2.3, g: 1.45, s: 0, b: 0), 1e-9, 1e-11, IntegrationMethodKind.Gear);
        var point = Terminals(d: 2.5, g: 1.5, s: 0.05, b: -0.1);
        var a = h.AssertStampIsJacobian(point);

        Assert.True(a[h.Index("g"), h.Index("g")] > 0, "the gate row holds the capacitive companion conductances");
    }

    /// <summary>Accumulation (vgs − von below −PHI): the Meyer model gives a constant Cox/2 to the bulk.</summary>
    [Fact]
    public void AccumulationTransient_StampIsTheJacobianOfTheGateBulkCharge()
    {
        var h = StampHarness.Transient(Build(WithJunctionCapacitance(Nmos()), ad: 1e-12, @as: 1e-12),
            Terminals(d: 1.0, g: -0.3, s: 0, b: 0), 1e-9, 1e-11);
        var point = Terminals(d: 1.2, g: -0.2, s: 0, b: 0);
        var a = h.AssertStampIsJacobian(point);

        Assert.True(a[h.Index("g"), h.Index("b")] < 0, "gate and bulk are coupled by Cox/2");
    }

    /// <summary>
    /// The Meyer model is not charge-conserving: q_gs = C̄·(v − v_prev) + q_prev with C̄ the average of the
    /// capacitances at both points, and ngspice's Jacobian leaves out ∂C̄/∂v·(v − v_prev). The stamp is exact where
    /// the previous point equals the present one, which is what this linear-region test uses.
    /// </summary>
    [Fact]
    public void LinearRegionTransient_StampIsTheJacobianWhenTheHistoryEqualsThePoint()
    {
        var point = Terminals(d: 0.4, g: 2.5, s: 0, b: -0.5);
        var h = StampHarness.Transient(Build(WithJunctionCapacitance(Nmos()), ad: 1e-12, @as: 1e-12), point, 1e-9, 1e-11);
        h.AssertStampIsJacobian(point);

        Assert.True(Read(h, "cgd", point) > 2.5e-10 * 2e-6, "the channel adds a Meyer gate–drain capacitance in the linear region");
    }

    [Fact]
    public void DrainAndSourceResistances_StampThroughInternalNodes()
    {
        var model = Nmos();
        model.DrainResistance = 200;
        model.SourceResistance = 100;
        var h = StampHarness.Dc(Build(model));
        var a = h.AssertStampIsJacobian(Point(("d", 2.5), ("m1#drain", 2.45), ("g", 1.8), ("s", 0), ("m1#source", 0.02), ("b", 0)));

        Assert.Equal(1.0 / 200, a[h.Index("d"), h.Index("d")], 1e-15);
        Assert.Equal(1.0 / 100, a[h.Index("s"), h.Index("s")], 1e-15);
    }

    [Fact]
    public void SheetResistance_StampsRshTimesSquares()
    {
        var model = Nmos();
        model.SheetResistance = 50;
        var circuit = new Circuit(model,
            new Mosfet1("M1", "d", "g", "s", "b", "nm") { Width = 2e-6, Length = 1e-6, DrainSquares = 4, SourceSquares = 2 });
        var h = StampHarness.Dc(circuit);
        var a = h.AssertStampIsJacobian(Point(("d", 0.5), ("m1#drain", 0.45), ("g", 2.5), ("s", 0), ("m1#source", 0.01), ("b", 0)));

        Assert.Equal(1.0 / 200, a[h.Index("d"), h.Index("d")], 1e-15);
        Assert.Equal(1.0 / 100, a[h.Index("s"), h.Index("s")], 1e-15);
    }

    [Fact]
    public void ForwardBiasedBulkJunctions_StampTheJacobianOfTheirDiodeCurrents()
    {
        var h = StampHarness.Dc(Build(Nmos()));
        var point = Terminals(d: 0.1, g: 0.2, s: 0, b: 0.62);
        var a = h.AssertStampIsJacobian(point);

        Assert.True(a[h.Index("b"), h.Index("b")] > 1e-5, "both bulk diodes conduct");
    }

    /// <summary>CBD/CBS with PD/PS sidewalls, the bulk forward biased above FC·PB (the quadratic continuation of the
    /// depletion charge) on the source side and reverse biased on the drain side. The gate is in accumulation (constant
    /// Meyer Cox/2) so the channel, whose forward-bulk body effect is tested separately, carries no current.</summary>
    [Fact]
    public void ZeroBiasAndSidewallJunctionCharges_StampTheirJacobianInBothRegions()
    {
        var model = Nmos();
        model.Cbd = 2e-15;
        model.Cbs = 3e-15;
        model.Cjsw = 1e-10;
        model.Mjsw = 0.33;
        model.BulkJunctionPotential = 0.8;
        var circuit = new Circuit(model,
            new Mosfet1("M1", "d", "g", "s", "b", "nm") { Width = 2e-6, Length = 1e-6, DrainPerimeter = 5e-6, SourcePerimeter = 5e-6 });
        var h = StampHarness.Transient(circuit, Terminals(d: 2.4, g: -1.1, s: 0.3, b: 0.75), 1e-9, 1e-11);
        var point = Terminals(d: 2.5, g: -1.0, s: 0.3, b: 0.8);
        h.AssertStampIsJacobian(point);

        Assert.Equal(0, Read(h, "gm", point));
        Assert.True(Read(h, "cbs", point) > 3e-15, "forward bias raises the source junction capacitance above CBS");
    }

    /// <summary>
    /// A forward-biased bulk (vbs &gt; 0) with the channel on. There the threshold uses the linear continuation
    /// sarg = √φ − vbs/(2√φ), whose slope is −1/(2√φ), but gmbs is computed as gm·γ/(2·sarg), the slope of the vbs ≤ 0
    /// branch: the stamped ∂Id/∂vbs is wrong by the factor √φ/sarg (ngspice's mos1load has the same approximation).
    /// </summary>
    [Fact]
    public void ForwardBiasedBulkBodyEffect_StampIsTheJacobianOfTheDrainCurrent()
    {
        var h = StampHarness.Dc(Build(Nmos()));
        var point = Terminals(d: 2.5, g: 1.8, s: 0.3, b: 0.6);
        h.AssertStampIsJacobian(point);

        Assert.True(Read(h, "gm", point) > 0 && Read(h, "vbs", point) > 0);
    }

    [Fact]
    public void PmosTransient_StampIsTheJacobianOfItsCharges()
    {
        var model = WithJunctionCapacitance(Pmos());
        var h = StampHarness.Transient(Build(model, ad: 1e-12, @as: 1e-12), Terminals(d: 1.05, g: 1.45, s: 3.3, b: 3.3), 1e-9, 1e-11);
        var a = h.AssertStampIsJacobian(Terminals(d: 1.0, g: 1.5, s: 3.3, b: 3.4));

        Assert.True(a[h.Index("g"), h.Index("g")] > 0);
    }

    [Fact]
    public void ReverseModeTransient_StampSwapsTheMeyerCapacitances()
    {
        // saturated in reverse mode at both points: Cox/3 between gate and the drain terminal (the effective source)
        var h = StampHarness.Transient(Build(WithJunctionCapacitance(Nmos()), ad: 1e-12, @as: 1e-12),
            Terminals(d: 0.05, g: 1.45, s: 2.4, b: 0), 1e-9, 1e-11);
        var point = Terminals(d: 0, g: 1.5, s: 2.5, b: 0);
        var a = h.AssertStampIsJacobian(point);

        Assert.True(-a[h.Index("g"), h.Index("d")] > -a[h.Index("g"), h.Index("s")],
            "the terminal acting as source carries the larger gate capacitance");
    }
}
