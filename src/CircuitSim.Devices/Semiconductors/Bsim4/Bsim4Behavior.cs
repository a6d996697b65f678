using System.Numerics;
using CircuitSim.Core.Behaviors;
using CircuitSim.Core.Simulations;

namespace CircuitSim.Devices.Semiconductors.Bsim4;

/// <summary>
/// A BSIM4 MOSFET in one simulation, loaded as ngspice 39 loads it: initial junction voltages, the predictor,
/// fetlim/limvds/pnjlim limiting around the last evaluation, the device test of SPICE's convergence check, charge
/// integration of the gate, drain and bulk charges (their truncation error limits the step), and the quasi-static
/// small-signal model. Each load evaluates (<see cref="Bsim4Evaluator"/>) and then writes its stamp into its slot of
/// the model's <see cref="Bsim4Batch"/>, which adds the slots to the system; a bypass leaves the slot as it was. The
/// evaluation keeps the voltages it was made at.
/// </summary>
internal sealed class Bsim4Behavior : Behavior, IBatchMember, IFrequencyBehavior,
    ITemperatureBehavior, IInitialConditionBehavior, IProbeSource
{
    private const int Vbd = 0, Vbs = 1, Vgs = 2, Vds = 3, Vses = 4, Vdes = 5, Qb = 6, Qg = 8, Qd = 10, Qbs = 12, Qbd = 13, Qs = 14, Count = 15;

    private readonly Bsim4Mosfet _d;
    private readonly Bsim4Model _model;
    private readonly Bsim4Card _card;
    private readonly SimulationState _s;
    private readonly MnaSystem _mna;
    private readonly int _type;
    private readonly int _dNode, _gNode, _sNode, _bNode, _dPrime, _sPrime;
    private readonly bool _rdsMod;
    private readonly Bsim4Evaluation _e = new();
    private Bsim4InstanceParameters _ip;
    private int _st;
    // handles of the intrinsic 4×4 block (d', g, s', b) and of the series resistances
    private readonly int[] _core = new int[16];
    private int _hDd, _hDdp, _hDpd, _hSs, _hSsp, _hSps;
    private int _hDg, _hDsp, _hDb, _hSdp, _hSg, _hSb;
    // small-signal Jacobians stored at the operating point: conductances and capacitances of the 4×4 block
    private readonly double[] _acG = new double[16], _acC = new double[16];
    private double _acGs, _acGd;
    private double _icVds, _icVgs, _icVbs;
    private double _von;
    // bias-dependent series resistances (RDSMOD = 1) of the last evaluation
    private Dual3 _gstot, _gdtot;
    private StampBatch _stamps = null!;
    private int _slot;
    // the last stamped terminal currents (charge currents included) and the voltages they were linearized at, so a
    // bypass re-stamps exactly the last contribution
    private Dual3 _lastId, _lastIg, _lastIs, _lastIb;
    private double _lastVses, _lastVdes;

    public Bsim4Behavior(Bsim4Mosfet d, Bsim4Model model, BindingContext context) : base(d.Name)
    {
        _d = d;
        _model = model;
        _s = context.State;
        _mna = context.Mna;
        _card = model.CardAt(_s.NominalTemperature);
        _type = _card.Type;
        _rdsMod = _card.RdsMod != 0;
        var n = context.Nodes(d);
        _dNode = n[0]; _gNode = n[1]; _sNode = n[2]; _bNode = n[3];
        _ip = Parameters(_s.Temperature);
        _dPrime = _ip.HasDrainResistance ? context.CreateInternalNode(d.Name, "drain") : _dNode;
        _sPrime = _ip.HasSourceResistance ? context.CreateInternalNode(d.Name, "source") : _sNode;
        _icVds = d.IcVds ?? 0;
        _icVgs = d.IcVgs ?? 0;
        _icVbs = d.IcVbs ?? 0;
    }

    /// <summary>The last evaluation (for tests and a future bypass).</summary>
    internal Bsim4Evaluation LastEvaluation => _e;

    internal Bsim4InstanceParameters InstanceParameters => _ip;

    private Bsim4InstanceParameters Parameters(double kelvin)
    {
        var t = _model.TemperatureAt(_card, kelvin);
        var p = _model.SizeAt(_card, t, _d.Length, _d.Width, _d.Fingers, _d.Name);
        return new Bsim4InstanceParameters(_card, t, p, _d);
    }

    public override void Setup(BindingContext context)
    {
        var m = _mna;
        Span<int> nodes = stackalloc int[] { _dPrime, _gNode, _sPrime, _bNode };
        for (var i = 0; i < 4; i++)
            for (var j = 0; j < 4; j++)
                _core[i * 4 + j] = m.GetHandle(nodes[i], nodes[j]);
        if (_dPrime != _dNode)
        {
            _hDd = m.GetHandle(_dNode, _dNode);
            _hDdp = m.GetHandle(_dNode, _dPrime);
            _hDpd = m.GetHandle(_dPrime, _dNode);
            if (_rdsMod)
            {
                _hDg = m.GetHandle(_dNode, _gNode);
                _hDsp = m.GetHandle(_dNode, _sPrime);
                _hDb = m.GetHandle(_dNode, _bNode);
            }
        }
        if (_sPrime != _sNode)
        {
            _hSs = m.GetHandle(_sNode, _sNode);
            _hSsp = m.GetHandle(_sNode, _sPrime);
            _hSps = m.GetHandle(_sPrime, _sNode);
            if (_rdsMod)
            {
                _hSdp = m.GetHandle(_sNode, _dPrime);
                _hSg = m.GetHandle(_sNode, _gNode);
                _hSb = m.GetHandle(_sNode, _bNode);
            }
        }
        // one batch for every model with this slot layout, in netlist order (see Mosfet1Behavior.Setup)
        var batch = context.GetShared(("bsim4", _rdsMod), () => new Bsim4Batch(_rdsMod, context));
        _stamps = batch.Stamps;
        _slot = _stamps.Add(SlotHandles(), SlotRows());
        batch.Add(this);
        // the states lie with the batch's (see Mosfet1Behavior.Setup); the terminal charges' truncation error limits
        // the step (the batch checks all members' at once)
        context.AllocateGroupedStates(batch, Count, st =>
        {
            _st = st;
            batch.AddTruncatedCharges(st + Qb, st + Qg, st + Qd);
        });
    }

    /// <summary>The matrix handles of a stamp slot, in the order <see cref="Stamp"/> writes them: the four rows of the
    /// intrinsic block, then the series resistances (fixed, or bias-dependent with RDSMOD 1: source side, then
    /// drain side); an absent resistance's entries go to the trash handle with value 0.</summary>
    private int[] SlotHandles()
    {
        var h = _core;
        var list = new List<int>(h);
        if (!_rdsMod)
        {
            list.AddRange(_dPrime != _dNode ? new[] { _hDd, _hDdp, _hDpd, h[0] } : new int[4]);
            list.AddRange(_sPrime != _sNode ? new[] { _hSs, _hSsp, _hSps, h[10] } : new int[4]);
        }
        else
        {
            list.AddRange(new[] { _hSs, _hSsp, _hSg, _hSdp, _hSb, _hSps, h[10], h[9], h[8], h[11] });
            list.AddRange(new[] { _hDd, _hDdp, _hDg, _hDsp, _hDb, _hDpd, h[0], h[1], h[2], h[3] });
        }
        return list.ToArray();
    }

    /// <summary>The right-hand-side rows of a stamp slot, in the order <see cref="Stamp"/> writes them.</summary>
    private int[] SlotRows() => _rdsMod
        ? new[] { _dPrime, _gNode, _sPrime, _bNode, _sNode, _sPrime, _dNode, _dPrime }
        : new[] { _dPrime, _gNode, _sPrime, _bNode };

    public void UpdateTemperature() => _ip = Parameters(_s.Temperature);

    /// <summary>Without IC= values the device starts from the .ic node voltages (BSIM4's getic).</summary>
    public void SetInitialConditions(ReadOnlySpan<double> x)
    {
        if (!_d.IcVds.HasValue) _icVds = x[_dNode] - x[_sNode];
        if (!_d.IcVgs.HasValue) _icVgs = x[_gNode] - x[_sNode];
        if (!_d.IcVbs.HasValue) _icVbs = x[_bNode] - x[_sNode];
    }

    private bool ChargesNeeded
    {
        get
        {
            var s = _s;
            return (s.Mode & (AnalysisMode.DcSweep | AnalysisMode.Ac | AnalysisMode.Transient)) != 0
                   || s.Init == InitMode.SmallSignal
                   || (s.IsTranOp && s.UseInitialConditions);
        }
    }

    /// <summary>Evaluates the device at the present iterate into its slot of the batch's stamps (ngspice's
    /// BSIM4load); the <see cref="Bsim4Batch"/> applies them. Touches only this device's state.</summary>
    public LoadOutcome Evaluate()
    {
        var s = _s;
        var s0 = s.States.State0;
        var s1 = s.States.State1;
        var st = _st;
        var type = _type;
        var init = s.Init;
        var off = _d.Off;
        double vds, vgs, vbs, vses = 0, vdes = 0;
        var limited = true;

        if (init == InitMode.SmallSignal)
        {
            vds = s0[st + Vds]; vgs = s0[st + Vgs]; vbs = s0[st + Vbs];
            vses = s0[st + Vses]; vdes = s0[st + Vdes];
        }
        else if (init == InitMode.Transient)
        {
            vds = s1[st + Vds]; vgs = s1[st + Vgs]; vbs = s1[st + Vbs];
            vses = s1[st + Vses]; vdes = s1[st + Vdes];
        }
        else if (init == InitMode.Junction && !off)
        {
            vds = type * _icVds;
            vgs = type * _icVgs;
            vbs = type * _icVbs;
            vdes = vds > 0.0 ? vds + 0.01 : vds < 0.0 ? vds - 0.01 : 0.0;
            vses = vds > 0.0 ? -0.01 : vds < 0.0 ? 0.01 : 0.0;
            if (vds == 0.0 && vgs == 0.0 && vbs == 0.0
                && ((s.Mode & (AnalysisMode.Transient | AnalysisMode.Ac | AnalysisMode.DcOp | AnalysisMode.DcSweep)) != 0 || !s.UseInitialConditions))
            {
                vds = 0.1;
                vdes = 0.11;
                vses = -0.01;
                vgs = _ip.TypeVth0 + 0.1;
                vbs = 0.0;
            }
        }
        else if (init is InitMode.Junction or InitMode.Fix && off)
        {
            vds = vgs = vbs = vses = vdes = 0.0;
        }
        else
        {
            if (init == InitMode.Predict)
            {
                var s2 = s.States.State2;
                var xfact = s.Delta / s.DeltaOld[1];
                vds = Predict(s0, s1, s2, st + Vds, xfact);
                vgs = Predict(s0, s1, s2, st + Vgs, xfact);
                vbs = Predict(s0, s1, s2, st + Vbs, xfact);
                s0[st + Vbd] = s0[st + Vbs] - s0[st + Vds];
                vses = Predict(s0, s1, s2, st + Vses, xfact);
                vdes = Predict(s0, s1, s2, st + Vdes, xfact);
            }
            else
            {
                var x = s.Solution;
                var sp = x[_sPrime];
                vds = type * (x[_dPrime] - sp);
                vgs = type * (x[_gNode] - sp);
                vbs = type * (x[_bNode] - sp);
                vses = type * (x[_sNode] - sp);
                vdes = type * (x[_dNode] - sp);
                if (Bypass.Allowed(s) && CanBypass(vds, vgs, vbs, vses, vdes)) return LoadOutcome.Bypassed;
            }
            Limit(s0, st, ref vds, ref vgs, ref vbs, ref vses, ref vdes, out limited);
        }

        var charges = ChargesNeeded;
        Bsim4Evaluator.Evaluate(_ip, _e, vgs, vds, vbs, charges, s.Gmin);
        _von = _e.Vth;
        if (_rdsMod) SeriesResistances(vgs, vds, vbs);
        var outcome = limited && !(off && init == InitMode.Fix) ? LoadOutcome.Limited : LoadOutcome.Evaluated;

        s0[st + Vds] = vds;
        s0[st + Vgs] = vgs;
        s0[st + Vbs] = vbs;
        s0[st + Vbd] = vbs - vds;
        s0[st + Vses] = vses;
        s0[st + Vdes] = vdes;

        Bsim4Evaluator.TerminalCurrents(_e, out var id, out var ig, out var isrc, out var ib);
        if (charges)
        {
            var e = _e;
            s0[st + Qg] = e.Qg.V;
            s0[st + Qd] = e.Qd.V;
            s0[st + Qb] = e.Qb.V;
            s0[st + Qs] = e.Qs.V;
            if (init == InitMode.SmallSignal)
            {
                StoreSmallSignal(id, ig, isrc, ib);
                return outcome | LoadOutcome.Stored;
            }
            if (s.IsTransient || (s.IsTranOp && s.UseInitialConditions))
            {
                if (init == InitMode.Transient)
                {
                    s1[st + Qb] = s0[st + Qb];
                    s1[st + Qg] = s0[st + Qg];
                    s1[st + Qd] = s0[st + Qd];
                }
                s.Integrate(st + Qb, 0, out _, out _);
                s.Integrate(st + Qg, 0, out _, out _);
                s.Integrate(st + Qd, 0, out _, out _);
                if (init == InitMode.Transient)
                {
                    s1[st + Qb + 1] = s0[st + Qb + 1];
                    s1[st + Qg + 1] = s0[st + Qg + 1];
                    s1[st + Qd + 1] = s0[st + Qd + 1];
                }
                var ag0 = s.Ag[0];
                var iqg = s0[st + Qg + 1];
                var iqd = s0[st + Qd + 1];
                var iqb = s0[st + Qb + 1];
                ig += ChargeCurrent(iqg, ag0, e.Qg);
                id += ChargeCurrent(iqd, ag0, e.Qd);
                ib += ChargeCurrent(iqb, ag0, e.Qb);
                isrc += ChargeCurrent(-(iqg + iqd + iqb), ag0, e.Qs);
            }
        }
        _lastId = id; _lastIg = ig; _lastIs = isrc; _lastIb = ib;
        _lastVses = vses; _lastVdes = vdes;
        Stamp(id, ig, isrc, ib, vgs, vds, vbs, vses, vdes);
        return outcome;
    }

    /// <summary>
    /// ngspice's BSIM4 bypass test (in <see cref="Bypass.Window"/>, the rule MOS1 follows): every junction voltage
    /// within RELTOL·max(|v|, |v₀|) + VNTOL of the last evaluation, and the drain and bulk currents the last
    /// linearization predicts at the new voltages within RELTOL·max + ABSTOL of the evaluated ones. The voltages
    /// are the unlimited ones of this iterate, so a bypass never skips a limiting step.
    /// </summary>
    private bool CanBypass(double vds, double vgs, double vbs, double vses, double vdes)
    {
        var e = _e;
        var o = _s.Options;
        if (!Bypass.VoltageHeld(vds, e.Vds, o) || !Bypass.VoltageHeld(vgs, e.Vgs, o) || !Bypass.VoltageHeld(vbs, e.Vbs, o)
            || !Bypass.VoltageHeld(vbs - vds, e.Vbs - e.Vds, o)) return false;
        if (_rdsMod && (!Bypass.VoltageHeld(vses, _lastVses, o) || !Bypass.VoltageHeld(vdes, _lastVdes, o))) return false;
        var dvds = vds - e.Vds;
        var dvgs = vgs - e.Vgs;
        var dvbs = vbs - e.Vbs;
        return CurrentHeld(_lastId, dvgs, dvds, dvbs, o) && CurrentHeld(_lastIb, dvgs, dvds, dvbs, o)
               && CurrentHeld(_lastIg, dvgs, dvds, dvbs, o);
    }

    private static bool CurrentHeld(Dual3 i, double dvgs, double dvds, double dvbs, SimulationOptions o) =>
        Bypass.CurrentHeld(i.V + i.G * dvgs + i.D * dvds + i.B * dvbs, i.V, o);

    private static double Predict(double[] s0, double[] s1, double[] s2, int i, double xfact)
    {
        s0[i] = s1[i];
        return (1.0 + xfact) * s1[i] - xfact * s2[i];
    }

    /// <summary>The charge current i (A) with its companion conductances ag0·∂Q/∂V.</summary>
    private static Dual3 ChargeCurrent(double i, double ag0, Dual3 q) => q.Chain(i, ag0);

    /// <summary>SPICE's junction and FET limiting (fetlim on the gate, limvds on the drain, pnjlim on the bulk
    /// junction that is forward in this mode), around the voltages of the previous iteration.</summary>
    private void Limit(double[] s0, int st, ref double vds, ref double vgs, ref double vbs, ref double vses, ref double vdes, out bool limited)
    {
        var vbd = vbs - vds;
        var vgd = vgs - vds;
        var vgdo = s0[st + Vgs] - s0[st + Vds];
        var von = _von;
        if (s0[st + Vds] >= 0.0)
        {
            vgs = Junction.LimitFet(vgs, s0[st + Vgs], von);
            vds = vgs - vgd;
            vds = Junction.LimitVds(vds, s0[st + Vds]);
            if (_rdsMod)
            {
                vdes = Junction.LimitVds(vdes, s0[st + Vdes]);
                vses = -Junction.LimitVds(-vses, -s0[st + Vses]);
            }
        }
        else
        {
            vgd = Junction.LimitFet(vgd, vgdo, von);
            vds = vgs - vgd;
            vds = -Junction.LimitVds(-vds, -s0[st + Vds]);
            vgs = vgd + vds;
            if (_rdsMod)
            {
                vdes = -Junction.LimitVds(-vdes, -s0[st + Vdes]);
                vses = Junction.LimitVds(vses, s0[st + Vses]);
            }
        }
        var vt0 = Constants.KOverQ * Constants.ReferenceTemperature;
        var vcrit = _ip.Temperature.Vcrit;
        if (vds >= 0.0) vbs = Junction.LimitPn(vbs, s0[st + Vbs], vt0, vcrit, out limited);
        else
        {
            vbd = Junction.LimitPn(vbd, s0[st + Vbd], vt0, vcrit, out limited);
            vbs = vbd + vds;
        }
    }

    /// <summary>RDSMOD = 1: the bias-dependent source and drain resistances in series with the diffusion resistances,
    /// as conductances that depend on the internal gate and bulk voltages.</summary>
    private void SeriesResistances(double vgs, double vds, double vbs)
    {
        var p = _ip.Size;
        var vgsExt = new Dual3(vgs, 1, 0, 0);
        var vbsExt = new Dual3(vbs, 0, 0, 1);
        var vgdExt = new Dual3(vgs - vds, 1, -1, 0);
        var vbdExt = new Dual3(vbs - vds, 0, -1, 1);
        _gstot = SeriesConductance(_ip.SourceConductance, p.Rswmin, p.Rs0, p.Prwg, p.Prwb, p.Vfbsd, vgsExt, vbsExt);
        _gdtot = SeriesConductance(_ip.DrainConductance, p.Rdwmin, p.Rd0, p.Prwg, p.Prwb, p.Vfbsd, vgdExt, vbdExt);
    }

    private static Dual3 SeriesConductance(double gdiff, double rmin, double r0, double prwg, double prwb, double vfbsd, Dual3 vg, Dual3 vb)
    {
        var t0 = vg - vfbsd;
        var vgEff = 0.5 * (t0 + Dual3.Sqrt(t0 * t0 + 1.0e-4));
        var t2 = 1.0 / (1.0 + prwg * vgEff) - prwb * vb;
        var t3 = t2 + Dual3.Sqrt(t2 * t2 + 0.01);
        var r = rmin + t3 * (r0 * 0.5);
        return gdiff / (1.0 + gdiff * r);
    }

    /// <summary>Writes the linearized currents I(v) ≈ I₀ + J·(v − v₀) of the internal drain, gate, internal source and
    /// bulk (type-normalized, times M) and the series resistances into this device's stamp slot (see
    /// <see cref="SlotHandles"/> for the order).</summary>
    private void Stamp(Dual3 id, Dual3 ig, Dual3 isrc, Dual3 ib, double vgs, double vds, double vbs, double vses, double vdes)
    {
        var m = _ip.Multiplier;
        var mt = m * _type;
        var v = _stamps.Matrix.AsSpan(_slot * _stamps.MatrixStride, _stamps.MatrixStride);
        var rhs = _stamps.Rhs.AsSpan(_slot * _stamps.RhsStride, _stamps.RhsStride);
        StampRow(v, rhs, 0, id, m, mt, vgs, vds, vbs);
        StampRow(v, rhs, 1, ig, m, mt, vgs, vds, vbs);
        StampRow(v, rhs, 2, isrc, m, mt, vgs, vds, vbs);
        StampRow(v, rhs, 3, ib, m, mt, vgs, vds, vbs);

        if (!_rdsMod)
        {
            if (_dPrime != _dNode) StampConductance(v[16..], m * _ip.DrainConductance);
            if (_sPrime != _sNode) StampConductance(v[20..], m * _ip.SourceConductance);
            return;
        }
        // current from s into s' through Rs: gstot·vses, with gstot a function of the internal Vgs, Vds, Vbs
        var gs = _gstot;
        var ir = new Dual3(gs.V * vses, gs.G * vses, gs.D * vses, gs.B * vses);
        StampSeries(v[16..], rhs[4..], ir, gs.V, m, mt, vgs, vds, vbs, vses, sourceSide: true);
        var gd = _gdtot;
        var vded = vdes - vds;
        var irD = new Dual3(gd.V * vded, gd.G * vded, gd.D * vded, gd.B * vded);
        StampSeries(v[26..], rhs[6..], irD, gd.V, m, mt, vgs, vds, vbs, vded, sourceSide: false);
    }

    private static void StampRow(Span<double> v, Span<double> rhs, int row, Dual3 i, double m, double mt,
        double vgs, double vds, double vbs)
    {
        var k = 4 * row;
        v[k] = m * i.D;
        v[k + 1] = m * i.G;
        v[k + 2] = -(m * (i.G + i.D + i.B));
        v[k + 3] = m * i.B;
        rhs[row] = -(mt * (i.V - i.G * vgs - i.D * vds - i.B * vbs));
    }

    /// <summary>A conductance between a node a and its internal node a′: entries aa, aa′, a′a, a′a′.</summary>
    private static void StampConductance(Span<double> v, double g)
    {
        v[0] = g;
        v[1] = -g;
        v[2] = -g;
        v[3] = g;
    }

    /// <summary>
    /// A bias-dependent series resistance between an external node a and its internal node a′: the current
    /// <paramref name="i"/> = g(Vgs, Vds, Vbs)·(Va − Va′) flows from a to a′, with g depending on the internal voltages
    /// (source prime as reference). Ten matrix entries (row a: columns a, a′, g, the other internal node, b; row a′:
    /// the same columns) and two right-hand-side entries (a, a′).
    /// </summary>
    private static void StampSeries(Span<double> v, Span<double> rhs, Dual3 i, double g, double m, double mt, double vgs, double vds, double vbs,
        double vaa, bool sourceSide)
    {
        var sum = i.G + i.D + i.B;
        // ∂i/∂V of the columns a′, g, the other internal node, b
        var cPrime = -g + (sourceSide ? -sum : i.D);
        var cOther = sourceSide ? i.D : -sum;
        v[0] = m * g;
        v[1] = m * cPrime;
        v[2] = m * i.G;
        v[3] = m * cOther;
        v[4] = m * i.B;
        v[5] = -(m * g);
        v[6] = -(m * cPrime);
        v[7] = -(m * i.G);
        v[8] = -(m * cOther);
        v[9] = -(m * i.B);
        var constant = i.V - g * vaa - i.G * vgs - i.D * vds - i.B * vbs;
        rhs[0] = -(mt * constant);
        rhs[1] = mt * constant;
    }

    private void StoreSmallSignal(Dual3 id, Dual3 ig, Dual3 isrc, Dual3 ib)
    {
        var e = _e;
        Fill(_acG, 0, id);
        Fill(_acG, 4, ig);
        Fill(_acG, 8, isrc);
        Fill(_acG, 12, ib);
        Fill(_acC, 0, e.Qd);
        Fill(_acC, 4, e.Qg);
        Fill(_acC, 8, e.Qs);
        Fill(_acC, 12, e.Qb);
        _acGd = _dPrime != _dNode ? (_rdsMod ? _gdtot.V : _ip.DrainConductance) : 0;
        _acGs = _sPrime != _sNode ? (_rdsMod ? _gstot.V : _ip.SourceConductance) : 0;
    }

    private static void Fill(double[] a, int row, Dual3 f)
    {
        a[row] = f.D;
        a[row + 1] = f.G;
        a[row + 2] = -(f.G + f.D + f.B);
        a[row + 3] = f.B;
    }

    public void LoadAc()
    {
        var m = _ip.Multiplier;
        var w = _s.Omega;
        var v = _mna.ComplexValues;
        for (var k = 0; k < 16; k++) v[_core[k]] += new Complex(m * _acG[k], m * w * _acC[k]);
        if (_dPrime != _dNode)
        {
            var g = m * _acGd;
            v[_hDd] += g; v[_hDdp] -= g; v[_hDpd] -= g; v[_core[0]] += g;
        }
        if (_sPrime != _sNode)
        {
            var g = m * _acGs;
            v[_hSs] += g; v[_hSsp] -= g; v[_hSps] -= g; v[_core[10]] += g;
        }
    }

    public IEnumerable<string> ProbeNames => new[]
    {
        "id", "gm", "gds", "gmbs", "vth", "vdsat", "vgs", "vds", "vbs", "ibd", "ibs", "gbd", "gbs", "isub", "igidl", "igisl",
        "igs", "igd", "igb", "igcs", "igcd", "qg", "qd", "qs", "qb", "cgg", "cgd", "cgs", "cgb", "cdg", "cdd", "cds", "cbg",
        "cbd", "cbs", "capbd", "capbs", "vgsteff", "vdseff", "ueff",
    };

    public Func<double>? GetProbe(string quantity)
    {
        var e = _e;
        return quantity.ToLowerInvariant() switch
        {
            "id" => () => _type * _ip.Multiplier * (e.Mode > 0 ? e.Ids.V : -e.Ids.V),
            "gm" => () => _ip.Multiplier * ModeDerivative(e.Ids, 'g'),
            "gds" => () => _ip.Multiplier * ModeDerivative(e.Ids, 'd'),
            "gmbs" => () => _ip.Multiplier * ModeDerivative(e.Ids, 'b'),
            "vth" or "von" => () => _type * e.Vth,
            "vdsat" => () => _type * e.Vdsat,
            "vgs" => () => _type * e.Vgs,
            "vds" => () => _type * e.Vds,
            "vbs" => () => _type * e.Vbs,
            "ibd" => () => _type * _ip.Multiplier * e.Ibd.V,
            "ibs" => () => _type * _ip.Multiplier * e.Ibs.V,
            "gbd" => () => _ip.Multiplier * e.Ibd.B,
            "gbs" => () => _ip.Multiplier * e.Ibs.B,
            "isub" => () => _type * _ip.Multiplier * e.Isub.V,
            "igidl" => () => _type * _ip.Multiplier * e.Igidl.V,
            "igisl" => () => _type * _ip.Multiplier * e.Igisl.V,
            "igs" => () => _type * _ip.Multiplier * e.Igs.V,
            "igd" => () => _type * _ip.Multiplier * e.Igd.V,
            "igb" => () => _type * _ip.Multiplier * e.Igb.V,
            "igcs" => () => _type * _ip.Multiplier * e.Igcs.V,
            "igcd" => () => _type * _ip.Multiplier * e.Igcd.V,
            "qg" => () => _type * _ip.Multiplier * e.Qg.V,
            "qd" => () => _type * _ip.Multiplier * e.Qd.V,
            "qs" => () => _type * _ip.Multiplier * e.Qs.V,
            "qb" => () => _type * _ip.Multiplier * e.Qb.V,
            "cgg" => () => _ip.Multiplier * e.Qg.G,
            "cgd" => () => _ip.Multiplier * e.Qg.D,
            "cgs" => () => -_ip.Multiplier * (e.Qg.G + e.Qg.D + e.Qg.B),
            "cgb" => () => _ip.Multiplier * e.Qg.B,
            "cdg" => () => _ip.Multiplier * e.Qd.G,
            "cdd" => () => _ip.Multiplier * e.Qd.D,
            "cds" => () => -_ip.Multiplier * (e.Qd.G + e.Qd.D + e.Qd.B),
            "cbg" => () => _ip.Multiplier * e.Qb.G,
            "cbd" => () => _ip.Multiplier * e.Qb.D,
            "cbs" => () => -_ip.Multiplier * (e.Qb.G + e.Qb.D + e.Qb.B),
            "capbd" => () => _ip.Multiplier * e.CapBd,
            "capbs" => () => _ip.Multiplier * e.CapBs,
            "vgsteff" => () => e.Vgsteff,
            "vdseff" => () => e.Vdseff,
            "ueff" => () => e.Ueff,
            _ => null,
        };
    }

    /// <summary>∂Ids/∂V in the mode frame (what ngspice reports as gm, gds, gmbs): with the mode-frame voltages
    /// Vgs' = Vgs − Vds, Vds' = −Vds, Vbs' = Vbs − Vds in reverse mode.</summary>
    private static double ModeDerivative(Dual3 ids, char which)
    {
        // ids carries derivatives in the external frame; in reverse mode ∂/∂Vgs' = ∂/∂Vgs, ∂/∂Vbs' = ∂/∂Vbs and
        // ∂/∂Vds' = −(∂/∂Vds + ∂/∂Vgs + ∂/∂Vbs)
        return which switch
        {
            'g' => ids.G,
            'b' => ids.B,
            _ => ids.D,
        };
    }
}
