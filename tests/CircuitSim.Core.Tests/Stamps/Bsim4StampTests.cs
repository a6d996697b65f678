using CircuitSim.Core.Circuits;
using CircuitSim.Core.Tests.Support;
using CircuitSim.Devices.Semiconductors.Bsim4;
using static CircuitSim.Core.Tests.Support.Models;

namespace CircuitSim.Core.Tests.Stamps;

/// <summary>
/// The BSIM4 linearization (conductances from forward-mode derivatives of the 4.8 equations) against central finite
/// differences of the stamped residual, in every operating region, with the model options switched on one group at a
/// time, and with the charges of a transient. Each test checks through the probes that its point lies in the region it
/// is named after. The tolerance is <see cref="StampHarness.RelativeTolerance"/> (1e-6 of the row's largest entry).
/// </summary>
public class Bsim4StampTests
{
    private static Circuit Build(Bsim4Model model, double w = 90e-9, double l = 45e-9, Action<Bsim4Mosfet>? instance = null)
    {
        var m = new Bsim4Mosfet("M1", "d", "g", "s", "b", model.Name) { Width = w, Length = l };
        instance?.Invoke(m);
        return new Circuit(model, m);
    }

    private static Dictionary<string, double> Terminals(double d, double g, double s, double b) =>
        Point(("d", d), ("g", g), ("s", s), ("b", b));

    private static double Read(StampHarness h, string quantity, Dictionary<string, double> point)
    {
        var probe = h.Sim.CreateProbe($"@m1[{quantity}]");
        h.Settle(h.Vector(point));
        return probe.Value;
    }

    /// <summary>The stamped matrix and right-hand side after settling at <paramref name="point"/>.</summary>
    private static (double[] Values, double[] Rhs) StampAt(StampHarness h, Dictionary<string, double> point)
    {
        h.Settle(h.Vector(point));
        return ((double[])h.Sim.Mna.Values.Clone(), (double[])h.Sim.Mna.Rhs.Clone());
    }

    [Fact]
    public void BodyBiasTermsKeptBetweenEvaluations_GiveTheBitsOfAFreshEvaluation()
    {
        // forward mode keeps the body-bias terms while vbs is unchanged; a device coming back to a point after
        // another body bias (and after reverse mode) must stamp what a fresh device stamps there
        var point = Terminals(d: 0.6, g: 0.9, s: 0, b: 0);
        var fresh = StampAt(StampHarness.Dc(Build(Bsim4Cards.Nmos())), point);

        var h = StampHarness.Dc(Build(Bsim4Cards.Nmos()));
        StampAt(h, Terminals(d: 0.6, g: 0.9, s: 0, b: -0.4));
        var afterBodyBias = StampAt(h, point);
        StampAt(h, Terminals(d: 0, g: 0.9, s: 0.6, b: 0));
        var afterReverseMode = StampAt(h, point);

        Assert.Equal(fresh.Values, afterBodyBias.Values);
        Assert.Equal(fresh.Rhs, afterBodyBias.Rhs);
        Assert.Equal(fresh.Values, afterReverseMode.Values);
        Assert.Equal(fresh.Rhs, afterReverseMode.Rhs);
    }

    [Fact]
    public void NmosCutoff_StampIsTheJacobianOfTheLeakageCurrents()
    {
        var h = StampHarness.Dc(Build(Bsim4Cards.Nmos()));
        var point = Terminals(d: 1.0, g: -0.3, s: 0, b: 0);
        h.AssertStampIsJacobian(point);

        Assert.True(Math.Abs(Read(h, "id", point)) < 1e-9, "the gate is far below threshold: off");
    }

    [Fact]
    public void NmosSubthreshold_StampIsTheJacobianOfTheDiffusionCurrent()
    {
        var h = StampHarness.Dc(Build(Bsim4Cards.Nmos()));
        var point = Terminals(d: 1.0, g: 0.15, s: 0, b: 0);
        var a = h.AssertStampIsJacobian(point);

        Assert.True(Read(h, "vth", point) > 0.3, "the gate is below threshold");
        Assert.True(a[h.Index("d"), h.Index("g")] > 0, "the subthreshold current still depends on the gate");
    }

    [Fact]
    public void NmosLinearRegion_StampIsTheJacobianOfTheDrainCurrent()
    {
        var h = StampHarness.Dc(Build(Bsim4Cards.Nmos()));
        var point = Terminals(d: 0.05, g: 1.0, s: 0, b: 0);
        h.AssertStampIsJacobian(point);

        Assert.True(Read(h, "vdsat", point) > 0.05, "vds below vdsat: linear region");
    }

    [Fact]
    public void NmosSaturation_StampIsTheJacobianOfTheDrainCurrent()
    {
        var h = StampHarness.Dc(Build(Bsim4Cards.Nmos()));
        var point = Terminals(d: 1.0, g: 0.8, s: 0, b: 0);
        h.AssertStampIsJacobian(point);

        Assert.InRange(Read(h, "vdsat", point), 0.01, 1.0);
    }

    [Fact]
    public void NmosReverseMode_StampIsTheJacobianWithDrainAndSourceExchanged()
    {
        var h = StampHarness.Dc(Build(Bsim4Cards.Nmos()));
        var point = Terminals(d: 0, g: 1.0, s: 0.7, b: 0);
        h.AssertStampIsJacobian(point);

        Assert.True(Read(h, "id", point) < 0, "the current flows from source to drain");
    }

    [Fact]
    public void NmosBodyEffect_StampIsTheJacobianIncludingGmbs()
    {
        var h = StampHarness.Dc(Build(Bsim4Cards.Nmos()));
        var point = Terminals(d: 1.0, g: 1.0, s: 0.1, b: -0.4);
        var a = h.AssertStampIsJacobian(point);

        Assert.True(Read(h, "gmbs", point) > 0);
        Assert.True(a[h.Index("d"), h.Index("b")] > 0, "the bulk controls the drain current");
    }

    [Theory]
    [InlineData(0.0, 0.0)]  // |vds| = 1: saturation
    [InlineData(0.0, 0.95)] // |vds| = 0.05: linear
    [InlineData(0.9, 0.0)]  // |vgs| = 0.1, below |vth|: subthreshold
    public void Pmos_StampIsTheJacobianOfTheDrainCurrent(double gate, double drain)
    {
        var h = StampHarness.Dc(Build(Bsim4Cards.Pmos(), w: 270e-9));
        var point = Terminals(d: drain, g: gate, s: 1.0, b: 1.0);
        h.AssertStampIsJacobian(point);

        Assert.True(Read(h, "id", point) < 0, "a PMOS conducts from source to drain");
    }

    [Fact]
    public void PmosReverseMode_StampIsTheJacobianWithDrainAndSourceExchanged()
    {
        var h = StampHarness.Dc(Build(Bsim4Cards.Pmos(), w: 270e-9));
        var point = Terminals(d: 1.0, g: 0.0, s: 0.3, b: 1.0);
        h.AssertStampIsJacobian(point);

        Assert.True(Read(h, "id", point) > 0, "the terminal called drain is the higher one: current flows from drain to source");
    }

    [Fact]
    public void PmosBodyEffect_StampIsTheJacobianIncludingGmbs()
    {
        var h = StampHarness.Dc(Build(Bsim4Cards.Pmos(), w: 270e-9));
        var point = Terminals(d: 0.0, g: 0.0, s: 0.9, b: 1.3);
        var a = h.AssertStampIsJacobian(point);

        Assert.True(Read(h, "id", point) < 0, "a PMOS conducts from source to drain");
        Assert.NotEqual(0.0, a[h.Index("d"), h.Index("b")]);
    }

    [Fact]
    public void ForwardBiasedJunctions_StampTheJacobianOfTheirDiodeCurrents()
    {
        var h = StampHarness.Dc(Build(Bsim4Cards.Nmos(), instance: m =>
        {
            m.DrainArea = 1e-14;
            m.SourceArea = 1e-14;
            m.DrainPerimeter = 4e-7;
            m.SourcePerimeter = 4e-7;
        }));
        var point = Terminals(d: 0.05, g: 0.2, s: 0, b: 0.75);
        var a = h.AssertStampIsJacobian(point);

        Assert.True(Read(h, "gbs", point) > 1e-9, "the source junction conducts");
        Assert.True(a[h.Index("b"), h.Index("b")] > 0);
    }

    private const string Leaky = "igcmod=1 igbmod=1 agidl=1e-9 bgidl=1e9 egidl=0.2 alpha0=1e-6 beta0=20 " +
        "aigc=1.36e-2 bigc=1.71e-3 cigc=0.075 aigsd=1.36e-2 bigsd=1.71e-3 cigsd=0.075 toxref=1.25n";

    /// <summary>Gate tunnelling (igcmod 1, igbmod 1), GIDL/GISL and impact ionisation on at once.</summary>
    [Theory]
    [InlineData(1.0, 0.9, 0.0)] // forward, saturated
    [InlineData(0.1, 1.0, 0.0)] // forward, linear
    [InlineData(0.0, 0.8, 0.9)] // reverse
    public void GateTunnellingAndImpactIonisation_StampTheirJacobian(double drain, double gate, double source)
    {
        var h = StampHarness.Dc(Build(Bsim4Cards.Nmos(extra: Leaky)));
        var point = Terminals(d: drain, g: gate, s: source, b: -0.2);
        h.AssertStampIsJacobian(point);

        Assert.True(Math.Abs(Read(h, "igcs", point)) + Math.Abs(Read(h, "igcd", point)) > 0, "gate-to-channel tunnelling is on");
        Assert.True(Math.Abs(Read(h, "isub", point)) > 0, "impact ionisation is on");
    }

    /// <summary>GIDL needs the drain well above an off gate (Vds − Vgs − EGIDL > 0); both GIDL models. Gate tunnelling
    /// stays off here: at this gate bias IGBMOD's accumulation term is NVt·ln(1 + e^-27), which BSIM4 evaluates with
    /// a relative rounding error of 1e-4 that finite differences cannot see through.</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Gidl_StampIsTheJacobianOfTheGidlCurrent(int gidlmod)
    {
        var h = StampHarness.Dc(Build(Bsim4Cards.Nmos(extra: $"agidl=1e-9 bgidl=1e9 egidl=0.2 gidlmod={gidlmod} rgidl=1 kgidl=0.1 fgidl=0.1")));
        var point = Terminals(d: 1.0, g: -0.3, s: 0, b: 0);
        h.AssertStampIsJacobian(point);

        Assert.True(Read(h, "igidl", point) > 0);
    }

    /// <summary>MOBMOD 1 keeps the card's field coefficients; MOBMOD 2 (a power law in the vertical field) needs its
    /// own UA scale (BSIM4's default 1e-15), or the mobility collapses to 1e-7 m²/Vs.</summary>
    [Theory]
    [InlineData("mobmod=1")]
    [InlineData("mobmod=2 ua=1e-15 uc=0")]
    public void MobilityModels_StampTheirJacobian(string mobility)
    {
        var model = Bsim4Cards.Nmos(extra: mobility + " ud=1e16 up=0.1 lp=1e-8");
        var h = StampHarness.Dc(Build(model));
        h.AssertStampIsJacobian(Terminals(d: 0.3, g: 0.9, s: 0, b: -0.2));
        h.AssertStampIsJacobian(Terminals(d: 1.0, g: 0.5, s: 0, b: 0));
    }

    /// <summary>rdsmod 1: bias-dependent drain and source resistances through internal nodes.</summary>
    [Fact]
    public void ExternalSeriesResistances_StampThroughInternalNodes()
    {
        var model = Bsim4Cards.Nmos(extra: "rdsmod=1 rdw=150 rsw=150 rdwmin=20 rswmin=20 prwg=0.5 prwb=0.1");
        var h = StampHarness.Dc(Build(model));
        var point = Point(("d", 1.0), ("m1#drain", 0.98), ("g", 1.0), ("s", 0), ("m1#source", 0.02), ("b", 0));
        var a = h.AssertStampIsJacobian(point);

        Assert.True(a[h.Index("d"), h.Index("g")] != 0, "the drain resistance depends on the gate bias");
    }

    /// <summary>
    /// capmod 0, 1 and 2 in a transient at trapezoidal order 2, from a nearby previous point: BSIM4's charges are
    /// charge-conserving state variables, so the companion model is the exact Jacobian of the integrated charge
    /// currents, including the junction charges of AS/AD/PS/PD.
    /// </summary>
    [Theory]
    [InlineData(0, 1.0, 0.8)]
    [InlineData(1, 1.0, 0.8)]
    [InlineData(2, 1.0, 0.8)]
    [InlineData(2, 0.05, 1.0)]  // linear region
    [InlineData(2, 0.5, -0.3)]  // accumulation
    [InlineData(1, 0.5, -0.3)]
    [InlineData(2, 0.5, 0.3)]   // depletion / weak inversion
    public void Transient_stamp_is_the_jacobian_of_the_charges(int capmod, double drain, double gate)
    {
        var model = Bsim4Cards.Nmos(extra: $"capmod={capmod}");
        var circuit = Build(model, instance: m =>
        {
            m.DrainArea = 1e-14;
            m.SourceArea = 1e-14;
            m.DrainPerimeter = 4e-7;
            m.SourcePerimeter = 4e-7;
        });
        var h = StampHarness.Transient(circuit, Terminals(d: drain - 0.02, g: gate - 0.03, s: 0, b: 0), 1e-9, 1e-12);
        var point = Terminals(d: drain, g: gate, s: 0.01, b: -0.05);
        var a = h.AssertStampIsJacobian(point);

        Assert.True(a[h.Index("g"), h.Index("g")] > 0, "the gate row holds the capacitive companion conductances");
    }

    [Fact]
    public void PmosTransient_StampIsTheJacobianOfTheCharges()
    {
        var h = StampHarness.Transient(Build(Bsim4Cards.Pmos(), w: 270e-9), Terminals(d: 0.4, g: 0.1, s: 1, b: 1), 1e-9, 1e-12);
        h.AssertStampIsJacobian(Terminals(d: 0.3, g: 0.05, s: 1, b: 1));
    }
}
