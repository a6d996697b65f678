using System.Numerics;
using System.Runtime.CompilerServices;
using CircuitSim.Core.Behaviors;
using CircuitSim.Core.Simulations;

namespace CircuitSim.Devices.Semiconductors;

/// <summary>
/// Level-1 MOSFET as ngspice 39 loads it: drain current from the square law with body effect and λ, bulk junctions
/// with depletion charges, Meyer gate capacitances (half of each evaluated per point and averaged with the previous
/// point, not charge-conserving) plus overlaps, fetlim/limvds/pnjlim limiting, and the predictor on the first
/// iteration of each time point.
/// </summary>
internal sealed class Mosfet1Behavior : Behavior, IBatchMember, IFrequencyBehavior,
    ITemperatureBehavior, IInitialConditionBehavior, IProbeSource
{
    private const int Vbd = 0, Vbs = 1, Vgs = 2, Vds = 3, Capgs = 4, Qgs = 5, Capgd = 7, Qgd = 8, Capgb = 10, Qgb = 11, Qbd = 13, Qbs = 15, Count = 17;

    private readonly Mosfet1 _d;
    private readonly MosfetModel _m;
    private readonly SimulationState _s;
    private readonly MnaSystem _mna;
    private readonly double _type;
    private StampBatch _stamps = null!;
    private int _slot;
    private readonly int _dNode, _gNode, _sNode, _bNode, _dPrime, _sPrime;
    private int _st;
    private int _hDd, _hGg, _hSs, _hBb, _hDPdp, _hSPsp, _hDdp, _hGb, _hGdp, _hGsp, _hSsp, _hBdp, _hBsp, _hDPsp, _hDPd, _hBg, _hDPg, _hSPg, _hSPs, _hDPb, _hSPb, _hSPdp;

    // model values after defaulting
    private double _oxideCapFactor, _kp, _phi, _gamma, _vto;
    // temperature-adjusted instance values
    private double _vt, _tKp, _tPhi, _tVbi, _tVto, _tSatCur, _tSatCurDens, _tBulkPot, _tDepCap;
    private double _cbdZero, _cbdSw, _cbsZero, _cbsSw, _f2d, _f3d, _f4d, _f2s, _f3s, _f4s, _drainVcrit, _sourceVcrit;
    private double _drainConductance, _sourceConductance;
    // instance constants of the load (geometry × model), fixed once the temperature is
    private double _drainSatCur, _sourceSatCur, _gsOverlap, _gdOverlap, _gbOverlap, _beta, _oxideCap;
    // operating point
    private double _von, _vdsat, _cd, _cbs, _cbd, _gm, _gds, _gmbs, _gbd, _gbs, _capbd, _capbs;
    private int _mode = 1;
    private double _icVds, _icVgs, _icVbs;

    public Mosfet1Behavior(Mosfet1 d, MosfetModel m, BindingContext context) : base(d.Name)
    {
        _d = d;
        _m = m;
        _s = context.State;
        _mna = context.Mna;
        _type = (int)m.Type;
        var n = context.Nodes(d);
        _dNode = n[0]; _gNode = n[1]; _sNode = n[2]; _bNode = n[3];
        _dPrime = m.DrainResistance != 0 || (m.SheetResistance != 0 && d.DrainSquares != 0) ? context.CreateInternalNode(d.Name, "drain") : _dNode;
        _sPrime = m.SourceResistance != 0 || (m.SheetResistance != 0 && d.SourceSquares != 0) ? context.CreateInternalNode(d.Name, "source") : _sNode;
        _icVds = d.IcVds ?? 0;
        _icVgs = d.IcVgs ?? 0;
        _icVbs = d.IcVbs ?? 0;
        DefaultModel();
    }

    /// <summary>Model preprocessing of SPICE's MOS1temp: Cox from TOX, KP from U0·Cox, and PHI/GAMMA/VTO from NSUB when not given.</summary>
    private void DefaultModel()
    {
        var m = _m;
        var tnom = m.NominalTemperature.HasValue ? m.NominalTemperature.Value + Constants.CelsiusToKelvin : _s.NominalTemperature;
        var vtnom = tnom * Constants.KOverQ;
        var egfet1 = Junction.BandGap(tnom);
        _phi = m.Phi ?? 0.6;
        _gamma = m.Gamma ?? 0;
        _vto = m.Vto ?? 0;
        _kp = m.Kp ?? 2e-5;
        if (m.Tox is not { } tox || tox == 0)
        {
            _oxideCapFactor = 0;
            return;
        }
        _oxideCapFactor = Constants.EpsilonOxide / tox;
        if (!m.Kp.HasValue) _kp = (m.SurfaceMobility ?? 600) * _oxideCapFactor * 1e-4;
        if (m.Nsub is not { } nsub) return;
        if (nsub * 1e6 <= 1.45e16) throw new CircuitException($"{m.Name}: NSUB = {nsub} is below the intrinsic carrier density", _d.Name);
        if (!m.Phi.HasValue) _phi = Math.Max(.1, 2 * vtnom * Math.Log(nsub * 1e6 / 1.45e16));
        var fermis = _type * .5 * _phi;
        var wkfng = 3.2;
        var gateType = m.GateType ?? 1;
        if (gateType != 0)
        {
            var fermig = _type * gateType * .5 * egfet1;
            wkfng = 3.25 + .5 * egfet1 - fermig;
        }
        var wkfngs = wkfng - (3.25 + .5 * egfet1 + fermis);
        if (!m.Gamma.HasValue) _gamma = Math.Sqrt(2 * Constants.EpsilonSilicon * Constants.Charge * nsub * 1e6) / _oxideCapFactor;
        if (!m.Vto.HasValue)
        {
            var vfb = wkfngs - (m.Nss ?? 0) * 1e4 * Constants.Charge / _oxideCapFactor;
            _vto = vfb + _type * (_gamma * Math.Sqrt(_phi) + _phi);
        }
    }

    public override void Setup(BindingContext context)
    {
        var m = _mna;
        int H(int r, int c) => m.GetHandle(r, c);
        _hDd = H(_dNode, _dNode); _hGg = H(_gNode, _gNode); _hSs = H(_sNode, _sNode); _hBb = H(_bNode, _bNode);
        _hDPdp = H(_dPrime, _dPrime); _hSPsp = H(_sPrime, _sPrime); _hDdp = H(_dNode, _dPrime); _hGb = H(_gNode, _bNode);
        _hGdp = H(_gNode, _dPrime); _hGsp = H(_gNode, _sPrime); _hSsp = H(_sNode, _sPrime); _hBdp = H(_bNode, _dPrime);
        _hBsp = H(_bNode, _sPrime); _hDPsp = H(_dPrime, _sPrime); _hDPd = H(_dPrime, _dNode); _hBg = H(_bNode, _gNode);
        _hDPg = H(_dPrime, _gNode); _hSPg = H(_sPrime, _gNode); _hSPs = H(_sPrime, _sNode); _hDPb = H(_dPrime, _bNode);
        _hSPb = H(_sPrime, _bNode); _hSPdp = H(_sPrime, _dPrime);
        // one batch for every level-1 model, in netlist order: one fork and join per load, not one per model, and a
        // thread's range of an inverter chain is a run of stages whose states lie together
        var batch = context.GetShared("mos1", () => new Mosfet1Batch(context));
        _stamps = batch.Stamps;
        // without a drain (source) resistance its three entries are always 0: they go to the trash, so applying the
        // slot skips them (adding 0 changes no sum)
        var (dd, ddp, dpd) = _dPrime == _dNode ? (MnaSystem.Trash, MnaSystem.Trash, MnaSystem.Trash) : (_hDd, _hDdp, _hDPd);
        var (ss, ssp, sps) = _sPrime == _sNode ? (MnaSystem.Trash, MnaSystem.Trash, MnaSystem.Trash) : (_hSs, _hSsp, _hSPs);
        _slot = _stamps.Add(
            new[] { dd, _hGg, ss, _hBb, _hDPdp, _hSPsp, ddp, _hGb, _hGdp, _hGsp, ssp, _hBg, _hBdp, _hBsp, dpd, _hDPg, _hDPb, _hDPsp, _hSPg, sps, _hSPb, _hSPdp },
            new[] { _gNode, _bNode, _dPrime, _sPrime });
        batch.Add(this);
        // the states lie with the batch's (it may evaluate on other threads); the gate charges' truncation error
        // limits the step (the batch checks all members' at once)
        context.AllocateGroupedStates(batch, Count, st =>
        {
            _st = st;
            batch.AddTruncatedCharges(st + Qgs, st + Qgd, st + Qgb);
        });
    }

    public void UpdateTemperature()
    {
        var m = _m;
        var d = _d;
        var tnom = m.NominalTemperature.HasValue ? m.NominalTemperature.Value + Constants.CelsiusToKelvin : _s.NominalTemperature;
        var temp = d.Temperature.HasValue ? d.Temperature.Value + Constants.CelsiusToKelvin : _s.Temperature;
        var fact1 = tnom / Constants.ReferenceTemperature;
        var vtnom = tnom * Constants.KOverQ;
        var egfet1 = Junction.BandGap(tnom);
        var pbfact1 = Junction.PotentialFactor(tnom);
        _vt = temp * Constants.KOverQ;
        var ratio = temp / tnom;
        var fact2 = temp / Constants.ReferenceTemperature;
        var egfet = Junction.BandGap(temp);
        var pbfact = Junction.PotentialFactor(temp);

        var ratio4 = ratio * Math.Sqrt(ratio);
        _tKp = _kp / ratio4;
        var phio = (_phi - pbfact1) / fact1;
        _tPhi = fact2 * phio + pbfact;
        _tVbi = _vto - _type * (_gamma * Math.Sqrt(_phi)) + .5 * (egfet1 - egfet) + _type * .5 * (_tPhi - _phi);
        _tVto = _tVbi + _type * _gamma * Math.Sqrt(_tPhi);
        var satFactor = Math.Exp(-egfet / _vt + egfet1 / vtnom);
        _tSatCur = m.JunctionSatCurrent * satFactor;
        _tSatCurDens = m.JunctionSatCurrentDensity * satFactor;
        var pbo = (m.BulkJunctionPotential - pbfact1) / fact1;
        var gmaold = (m.BulkJunctionPotential - pbo) / pbo;
        var capfact = 1 / (1 + m.Mj * (4e-4 * (tnom - Constants.ReferenceTemperature) - gmaold));
        var tCbd = (m.Cbd ?? 0) * capfact;
        var tCbs = (m.Cbs ?? 0) * capfact;
        var tCj = (m.Cj ?? 0) * capfact;
        capfact = 1 / (1 + m.Mjsw * (4e-4 * (tnom - Constants.ReferenceTemperature) - gmaold));
        var tCjsw = (m.Cjsw ?? 0) * capfact;
        _tBulkPot = fact2 * pbo + pbfact;
        var gmanew = (_tBulkPot - pbo) / pbo;
        capfact = 1 + m.Mj * (4e-4 * (temp - Constants.ReferenceTemperature) - gmanew);
        tCbd *= capfact;
        tCbs *= capfact;
        tCj *= capfact;
        tCjsw *= 1 + m.Mjsw * (4e-4 * (temp - Constants.ReferenceTemperature) - gmanew);
        _tDepCap = m.Fc * _tBulkPot;

        var mult = d.Multiplier;
        if (_tSatCurDens == 0 || d.DrainArea == 0 || d.SourceArea == 0)
            _sourceVcrit = _drainVcrit = _vt * Math.Log(_vt / (Constants.Sqrt2 * mult * _tSatCur));
        else
        {
            _drainVcrit = _vt * Math.Log(_vt / (Constants.Sqrt2 * mult * _tSatCurDens * d.DrainArea));
            _sourceVcrit = _vt * Math.Log(_vt / (Constants.Sqrt2 * mult * _tSatCurDens * d.SourceArea));
        }

        var czbd = m.Cbd.HasValue ? tCbd * mult : m.Cj.HasValue ? tCj * mult * d.DrainArea : 0;
        var czbdsw = m.Cjsw.HasValue ? tCjsw * d.DrainPerimeter * mult : 0;
        var czbs = m.Cbs.HasValue ? tCbs * mult : m.Cj.HasValue ? tCj * d.SourceArea * mult : 0;
        var czbssw = m.Cjsw.HasValue ? tCjsw * d.SourcePerimeter * mult : 0;
        var arg = 1 - m.Fc;
        var sarg = Math.Exp(-m.Mj * Math.Log(arg));
        var sargsw = Math.Exp(-m.Mjsw * Math.Log(arg));
        (_cbdZero, _cbdSw) = (czbd, czbdsw);
        (_cbsZero, _cbsSw) = (czbs, czbssw);
        (_f2d, _f3d, _f4d) = Linearization(czbd, czbdsw, sarg, sargsw, arg);
        (_f2s, _f3s, _f4s) = Linearization(czbs, czbssw, sarg, sargsw, arg);

        _drainConductance = m.DrainResistance != 0 ? mult / m.DrainResistance
            : m.SheetResistance != 0 && d.DrainSquares != 0 ? mult / (m.SheetResistance * d.DrainSquares) : 0;
        _sourceConductance = m.SourceResistance != 0 ? mult / m.SourceResistance
            : m.SheetResistance != 0 && d.SourceSquares != 0 ? mult / (m.SheetResistance * d.SourceSquares) : 0;

        var effectiveLength = d.Length - 2 * m.LateralDiffusion;
        if (_tSatCurDens == 0 || d.DrainArea == 0 || d.SourceArea == 0)
            _drainSatCur = _sourceSatCur = d.Multiplier * _tSatCur;
        else
        {
            _drainSatCur = _tSatCurDens * d.Multiplier * d.DrainArea;
            _sourceSatCur = _tSatCurDens * d.Multiplier * d.SourceArea;
        }
        _gsOverlap = m.Cgso * d.Multiplier * d.Width;
        _gdOverlap = m.Cgdo * d.Multiplier * d.Width;
        _gbOverlap = m.Cgbo * d.Multiplier * effectiveLength;
        _beta = _tKp * d.Multiplier * d.Width / effectiveLength;
        _oxideCap = _oxideCapFactor * effectiveLength * d.Multiplier * d.Width;
    }

    /// <summary>Coefficients of the junction charge above FC·PB, where it is continued as a quadratic.</summary>
    private (double F2, double F3, double F4) Linearization(double cz, double czsw, double sarg, double sargsw, double arg)
    {
        var m = _m;
        var f2 = cz * (1 - m.Fc * (1 + m.Mj)) * sarg / arg + czsw * (1 - m.Fc * (1 + m.Mjsw)) * sargsw / arg;
        var f3 = cz * m.Mj * sarg / arg / _tBulkPot + czsw * m.Mjsw * sargsw / arg / _tBulkPot;
        var f4 = cz * _tBulkPot * (1 - arg * sarg) / (1 - m.Mj) + czsw * _tBulkPot * (1 - arg * sargsw) / (1 - m.Mjsw)
                 - f3 / 2 * (_tDepCap * _tDepCap) - _tDepCap * f2;
        return (f2, f3, f4);
    }

    /// <summary>Without IC values the device starts from the .ic node voltages (SPICE's MOS1getic).</summary>
    public void SetInitialConditions(ReadOnlySpan<double> x)
    {
        if (!_d.IcVbs.HasValue) _icVbs = x[_bNode] - x[_sNode];
        if (!_d.IcVds.HasValue) _icVds = x[_dNode] - x[_sNode];
        if (!_d.IcVgs.HasValue) _icVgs = x[_gNode] - x[_sNode];
    }

    /// <summary>Evaluates the device at the present iterate into its slot of the batch's stamps (SPICE's MOS1load);
    /// the <see cref="Mosfet1Batch"/> applies them.</summary>
    public LoadOutcome Evaluate()
    {
        var s = _s;
        var s0 = s.States.State0;
        var s1 = s.States.State1;
        var st = _st;
        // this device's states: constant indices into spans of known length, so no bounds check per access
        var q0 = s0.AsSpan(st, Count);
        var q1 = s1.AsSpan(st, Count);
        var m = _m;
        var d = _d;
        var type = _type;
        var vt = _vt;
        var check = true;

        double vbs, vgs, vds, xfact = 0;
        var init = s.Init;
        var predicting = init is InitMode.Predict or InitMode.Transient;
        if (init is InitMode.Float or InitMode.Predict or InitMode.SmallSignal or InitMode.Transient || (init == InitMode.Fix && !d.Off))
        {
            if (predicting)
            {
                xfact = s.Delta / s.DeltaOld[1];
                var q2 = s.States.State2.AsSpan(st, Count);
                q0[Vbs] = q1[Vbs];
                vbs = (1 + xfact) * q1[Vbs] - xfact * q2[Vbs];
                q0[Vgs] = q1[Vgs];
                vgs = (1 + xfact) * q1[Vgs] - xfact * q2[Vgs];
                q0[Vds] = q1[Vds];
                vds = (1 + xfact) * q1[Vds] - xfact * q2[Vds];
                q0[Vbd] = q0[Vbs] - q0[Vds];
            }
            else
            {
                var x = s.Solution;
                vbs = type * (x[_bNode] - x[_sPrime]);
                vgs = type * (x[_gNode] - x[_sPrime]);
                vds = type * (x[_dPrime] - x[_sPrime]);
                if (Bypass.Allowed(s) && CanBypass(vbs, vgs, vds, s0)) return LoadOutcome.Bypassed;
            }
            var vgd0 = vgs - vds;
            // SPICE limits the bulk–drain junction from the iterate's own vbs − vds, taken before the FET limiting
            // below changes vds (ngspice's mos1load): with the limited vds a reverse-mode step sees another junction
            // voltage, and Newton takes another path to the same solution
            var vbd0 = vbs - vds;
            var vgdo = q0[Vgs] - q0[Vds];
            var vonLimit = type * _von;
            if (q0[Vds] >= 0)
            {
                vgs = Junction.LimitFet(vgs, q0[Vgs], vonLimit);
                vds = vgs - vgd0;
                vds = Junction.LimitVds(vds, q0[Vds]);
            }
            else
            {
                var vgd = Junction.LimitFet(vgd0, vgdo, vonLimit);
                vds = vgs - vgd;
                vds = -Junction.LimitVds(-vds, -q0[Vds]);
                vgs = vgd + vds;
            }
            if (vds >= 0)
                vbs = Junction.LimitPn(vbs, q0[Vbs], vt, _sourceVcrit, out check);
            else
            {
                var vbd = Junction.LimitPn(vbd0, q0[Vbd], vt, _drainVcrit, out check);
                vbs = vbd + vds;
            }
        }
        else if (init == InitMode.Junction && !d.Off)
        {
            vds = type * _icVds;
            vgs = type * _icVgs;
            vbs = type * _icVbs;
            if (vds == 0 && vgs == 0 && vbs == 0 && ((s.Mode & (AnalysisMode.Transient | AnalysisMode.DcOp | AnalysisMode.DcSweep)) != 0 || !s.UseInitialConditions))
            {
                vbs = -1;
                vgs = type * _tVto;
                vds = 0;
            }
        }
        else vbs = vgs = vds = 0;

        var vbdNow = vbs - vds;
        var vgdNow = vgs - vds;
        var vgb = vgs - vbs;

        // bulk junction diodes (the operating point in locals, stored into the fields once below: a field read after
        // a store into the state spans would be read again from memory)
        double gbs, cbs, gbd, cbd, gm, gds, gmbs;
        var gmin = s.Gmin;
        if (vbs <= -3 * vt)
        {
            gbs = gmin;
            cbs = gbs * vbs - _sourceSatCur;
        }
        else
        {
            // a bulk tied to its source (most circuits) sits at exactly 0 V: e⁰ = 1 without the call
            var evbs = vbs == 0 ? 1 : Math.Exp(Math.Min(Constants.MaxExpArg, vbs / vt));
            gbs = _sourceSatCur * evbs / vt + gmin;
            cbs = _sourceSatCur * (evbs - 1) + gmin * vbs;
        }
        if (vbdNow <= -3 * vt)
        {
            gbd = gmin;
            cbd = gbd * vbdNow - _drainSatCur;
        }
        else
        {
            var evbd = vbdNow == 0 ? 1 : Math.Exp(Math.Min(Constants.MaxExpArg, vbdNow / vt));
            gbd = _drainSatCur * evbd / vt + gmin;
            cbd = _drainSatCur * (evbd - 1) + gmin * vbdNow;
        }

        var mode = vds >= 0 ? 1 : -1;
        double cdrain;
        {
            var vbsMode = mode == 1 ? vbs : vbdNow;
            double sarg;
            if (vbsMode <= 0) sarg = Math.Sqrt(_tPhi - vbsMode);
            else
            {
                sarg = Math.Sqrt(_tPhi);
                sarg = Math.Max(0, sarg - vbsMode / (sarg + sarg));
            }
            var von = _tVbi * type + _gamma * sarg;
            var vgst = (mode == 1 ? vgs : vgdNow) - von;
            var vdsat = Math.Max(vgst, 0);
            // ∂sarg/∂vbs is −1/(2·sarg) on the square-root branch but −1/(2·√φ) on the linear continuation for a
            // forward-biased bulk (where SPICE keeps γ/(2·sarg), so its gmbs there is not the Jacobian)
            var arg = sarg <= 0 ? 0 : vbsMode <= 0 ? _gamma / (sarg + sarg) : _gamma / (2 * Math.Sqrt(_tPhi));
            var vdsMode = vds * mode;
            if (vgst <= 0)
            {
                cdrain = 0;
                gm = gds = gmbs = 0;
            }
            else
            {
                var betap = _beta * (1 + m.Lambda * vdsMode);
                if (vgst <= vdsMode)
                {
                    cdrain = betap * vgst * vgst * .5;
                    gm = betap * vgst;
                    gds = m.Lambda * _beta * vgst * vgst * .5;
                }
                else
                {
                    cdrain = betap * vdsMode * (vgst - .5 * vdsMode);
                    gm = betap * vdsMode;
                    gds = betap * (vgst - vdsMode) + m.Lambda * _beta * vdsMode * (vgst - .5 * vdsMode);
                }
                gmbs = gm * arg;
            }
            _von = type * von;
            _vdsat = type * vdsat;
        }
        var cd = mode * cdrain - cbd;

        var chargeStorage = s.IsTransient || s.IsTranOp || init == InitMode.SmallSignal;
        // a junction without capacitance (no CBD/CBS/CJ/CJSW) keeps charge, capacitance and current 0: adding their
        // zeros would change nothing
        if (chargeStorage && (_cbdZero != 0 || _cbdSw != 0))
        {
            (q0[Qbd], _capbd) = JunctionCharge(vbdNow, _cbdZero, _cbdSw, _f2d, _f3d, _f4d);
            if (s.IsTransient)
            {
                s.Integrate(q0, q1, st, Qbd, _capbd, out var geq, out _);
                gbd += geq;
                cbd += q0[Qbd + 1];
                cd -= q0[Qbd + 1];
            }
        }
        if (chargeStorage && (_cbsZero != 0 || _cbsSw != 0))
        {
            (q0[Qbs], _capbs) = JunctionCharge(vbs, _cbsZero, _cbsSw, _f2s, _f3s, _f4s);
            if (s.IsTransient)
            {
                s.Integrate(q0, q1, st, Qbs, _capbs, out var geq, out _);
                gbs += geq;
                cbs += q0[Qbs + 1];
            }
        }

        (_gbs, _cbs, _gbd, _cbd, _cd) = (gbs, cbs, gbd, cbd, cd);
        (_gm, _gds, _gmbs, _mode) = (gm, gds, gmbs, mode);

        var outcome = (!d.Off || init is not (InitMode.Fix or InitMode.SmallSignal)) && check ? LoadOutcome.Limited : LoadOutcome.Evaluated;

        q0[Vbs] = vbs;
        q0[Vbd] = vbdNow;
        q0[Vgs] = vgs;
        q0[Vds] = vds;

        double capgs = 0, capgd = 0, capgb = 0;
        if (chargeStorage)
        {
            var vonLocal = _von * type;
            var vdsatLocal = _vdsat * type;
            if (mode > 0) Meyer(vgs, vgdNow, vonLocal, vdsatLocal, out q0[Capgs], out q0[Capgd], out q0[Capgb], _tPhi, _oxideCap);
            else Meyer(vgdNow, vgs, vonLocal, vdsatLocal, out q0[Capgd], out q0[Capgs], out q0[Capgb], _tPhi, _oxideCap);
            var vgs1 = q1[Vgs];
            var vgd1 = vgs1 - q1[Vds];
            var vgb1 = vgs1 - q1[Vbs];
            if (s.IsTranOp || init == InitMode.SmallSignal)
            {
                capgs = 2 * q0[Capgs] + _gsOverlap;
                capgd = 2 * q0[Capgd] + _gdOverlap;
                capgb = 2 * q0[Capgb] + _gbOverlap;
            }
            else
            {
                capgs = q0[Capgs] + q1[Capgs] + _gsOverlap;
                capgd = q0[Capgd] + q1[Capgd] + _gdOverlap;
                capgb = q0[Capgb] + q1[Capgb] + _gbOverlap;
            }
            if (predicting)
            {
                var q2 = s.States.State2.AsSpan(st, Count);
                q0[Qgs] = (1 + xfact) * q1[Qgs] - xfact * q2[Qgs];
                q0[Qgd] = (1 + xfact) * q1[Qgd] - xfact * q2[Qgd];
                q0[Qgb] = (1 + xfact) * q1[Qgb] - xfact * q2[Qgb];
            }
            else if (s.IsTransient)
            {
                q0[Qgs] = (vgs - vgs1) * capgs + q1[Qgs];
                q0[Qgd] = (vgdNow - vgd1) * capgd + q1[Qgd];
                q0[Qgb] = (vgb - vgb1) * capgb + q1[Qgb];
            }
            else
            {
                q0[Qgs] = vgs * capgs;
                q0[Qgd] = vgdNow * capgd;
                q0[Qgb] = vgb * capgb;
            }
        }
        if (init == InitMode.SmallSignal) return outcome | LoadOutcome.Stored; // the AC load reads the stored small-signal values

        double gcgs = 0, ceqgs = 0, gcgd = 0, ceqgd = 0, gcgb = 0, ceqgb = 0;
        if (init != InitMode.Transient && s.IsTransient)
        {
            if (capgs == 0) q0[Qgs + 1] = 0;
            if (capgd == 0) q0[Qgd + 1] = 0;
            if (capgb == 0) q0[Qgb + 1] = 0;
            s.Integrate(q0, q1, st, Qgs, capgs, out gcgs, out ceqgs);
            s.Integrate(q0, q1, st, Qgd, capgd, out gcgd, out ceqgd);
            s.Integrate(q0, q1, st, Qgb, capgb, out gcgb, out ceqgb);
            var ag0 = s.Ag[0];
            ceqgs = ceqgs - gcgs * vgs + ag0 * q0[Qgs];
            ceqgd = ceqgd - gcgd * vgdNow + ag0 * q0[Qgd];
            ceqgb = ceqgb - gcgb * vgb + ag0 * q0[Qgb];
        }

        var ceqbs = type * (cbs - gbs * vbs);
        var ceqbd = type * (cbd - gbd * vbdNow);
        double xnrm, xrev, cdreq;
        if (mode >= 0)
        {
            xnrm = 1; xrev = 0;
            cdreq = type * (cdrain - gds * vds - gm * vgs - gmbs * vbs);
        }
        else
        {
            xnrm = 0; xrev = 1;
            cdreq = -type * (cdrain - gds * -vds - gm * vgdNow - gmbs * vbdNow);
        }
        var r = _stamps.Rhs.AsSpan(_slot * 4, 4);
        r[0] = -type * (ceqgs + ceqgb + ceqgd);
        r[1] = -(ceqbs + ceqbd - type * ceqgb);
        r[2] = ceqbd - cdreq + type * ceqgd;
        r[3] = cdreq + ceqbs + type * ceqgs;

        var v = _stamps.Matrix.AsSpan(_slot * 22, 22);
        v[0] = _drainConductance;
        v[1] = gcgd + gcgs + gcgb;
        v[2] = _sourceConductance;
        v[3] = gbd + gbs + gcgb;
        v[4] = _drainConductance + gds + gbd + xrev * (gm + gmbs) + gcgd;
        v[5] = _sourceConductance + gds + gbs + xnrm * (gm + gmbs) + gcgs;
        v[6] = -_drainConductance;
        v[7] = -gcgb;
        v[8] = -gcgd;
        v[9] = -gcgs;
        v[10] = -_sourceConductance;
        v[11] = -gcgb;
        v[12] = -gbd;
        v[13] = -gbs;
        v[14] = -_drainConductance;
        v[15] = (xnrm - xrev) * gm - gcgd;
        v[16] = -gbd + (xnrm - xrev) * gmbs;
        v[17] = -(gds + xnrm * (gm + gmbs));
        v[18] = -((xnrm - xrev) * gm + gcgs);
        v[19] = -_sourceConductance;
        v[20] = -(gbs + (xnrm - xrev) * gmbs);
        v[21] = -(gds + xrev * (gm + gmbs));
        return outcome;
    }

    /// <summary>
    /// ngspice's MOS1 bypass test (in <see cref="Bypass.Window"/>): every junction voltage within RELTOL·max(|v|, |v₀|)
    /// + VNTOL of the last evaluation's, and the drain and bulk currents the last linearization predicts within RELTOL
    /// of the last ones (+ ABSTOL).
    /// </summary>
    private bool CanBypass(double vbs, double vgs, double vds, double[] s0)
    {
        var st = _st;
        var o = _s.Options;
        var vbd = vbs - vds;
        var vgd = vgs - vds;
        var vbs0 = s0[st + Vbs];
        var vbd0 = s0[st + Vbd];
        var vgs0 = s0[st + Vgs];
        var vds0 = s0[st + Vds];
        if (!Bypass.VoltageHeld(vbs, vbs0, o) || !Bypass.VoltageHeld(vbd, vbd0, o) ||
            !Bypass.VoltageHeld(vgs, vgs0, o) || !Bypass.VoltageHeld(vds, vds0, o)) return false;
        var delvbs = vbs - vbs0;
        var delvbd = vbd - vbd0;
        var delvgs = vgs - vgs0;
        var delvds = vds - vds0;
        var delvgd = vgd - (vgs0 - vds0);
        var cdhat = _mode >= 0
            ? _cd - _gbd * delvbd + _gmbs * delvbs + _gm * delvgs + _gds * delvds
            : _cd - (_gbd - _gmbs) * delvbd - _gm * delvgd + _gds * delvds;
        var cbhat = _cbs + _cbd + _gbs * delvbs + _gbd * delvbd;
        // ngspice scales ABSTOL by RELTOL in the bulk-current test
        var cb = _cbs + _cbd;
        return Math.Abs(cbhat - cb) < Bypass.Window * o.RelTol * (Math.Max(Math.Abs(cbhat), Math.Abs(cb)) + o.AbsTol) && Bypass.CurrentHeld(cdhat, _cd, o);
    }

    /// <summary>Depletion charge and capacitance of a bulk junction (bottom + sidewall), continued as a quadratic above FC·PB.</summary>
    private (double Charge, double Capacitance) JunctionCharge(double v, double cz, double czsw, double f2, double f3, double f4)
    {
        if (v < _tDepCap)
        {
            var arg = 1 - v / _tBulkPot;
            // at 0 V (a bulk tied to its source) both powers of 1 are exactly 1
            var sarg = arg == 1 ? 1 : _m.Mj == .5 ? 1 / Math.Sqrt(arg) : Math.Exp(-_m.Mj * Math.Log(arg));
            var sargsw = arg == 1 ? 1 : _m.Mjsw == .5 ? 1 / Math.Sqrt(arg) : Math.Exp(-_m.Mjsw * Math.Log(arg));
            var q = _tBulkPot * (cz * (1 - arg * sarg) / (1 - _m.Mj) + czsw * (1 - arg * sargsw) / (1 - _m.Mjsw));
            return (q, cz * sarg + czsw * sargsw);
        }
        return (f4 + v * (f2 + v * f3 / 2), f2 + f3 * v);
    }

    /// <summary>
    /// Meyer's gate capacitances (half of each, SPICE's DEVqmeyer): accumulation gives Cox to the bulk, depletion a
    /// linear fall, saturation 2/3·Cox to the source, the linear region a smooth split between source and drain.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Meyer(double vgs, double vgd, double von, double vdsat, out double capgs, out double capgd, out double capgb, double phi, double cox)
    {
        const double magicVds = 0.025;
        var vgst = vgs - von;
        vdsat = Math.Max(vdsat, magicVds);
        if (vgst <= -phi)
        {
            capgb = cox / 2; capgs = 0; capgd = 0;
        }
        else if (vgst <= -phi / 2)
        {
            capgb = -vgst * cox / (2 * phi); capgs = 0; capgd = 0;
        }
        else if (vgst <= 0)
        {
            capgb = -vgst * cox / (2 * phi);
            capgs = vgst * cox / (1.5 * phi) + cox / 3;
            var vds = vgs - vgd;
            if (vds >= vdsat) capgd = 0;
            else
            {
                var vddif = 2.0 * vdsat - vds;
                var vddif1 = vdsat - vds;
                var vddif2 = vddif * vddif;
                capgd = capgs * (1.0 - vdsat * vdsat / vddif2);
                capgs *= 1.0 - vddif1 * vddif1 / vddif2;
            }
        }
        else
        {
            var vds = vgs - vgd;
            capgb = 0;
            if (vdsat <= vds)
            {
                capgs = cox / 3; capgd = 0;
            }
            else
            {
                var vddif = 2.0 * vdsat - vds;
                var vddif1 = vdsat - vds;
                var vddif2 = vddif * vddif;
                capgd = cox * (1.0 - vdsat * vdsat / vddif2) / 3;
                capgs = cox * (1.0 - vddif1 * vddif1 / vddif2) / 3;
            }
        }
    }

    public void LoadAc()
    {
        var s0 = _s.States.State0;
        var st = _st;
        var d = _d;
        var m = _m;
        var effectiveLength = d.Length - 2 * m.LateralDiffusion;
        var capgs = 2 * s0[st + Capgs] + m.Cgso * d.Multiplier * d.Width;
        var capgd = 2 * s0[st + Capgd] + m.Cgdo * d.Multiplier * d.Width;
        var capgb = 2 * s0[st + Capgb] + m.Cgbo * d.Multiplier * effectiveLength;
        var w = _s.Omega;
        var xgs = capgs * w;
        var xgd = capgd * w;
        var xgb = capgb * w;
        var xbd = _capbd * w;
        var xbs = _capbs * w;
        double xnrm = _mode < 0 ? 0 : 1, xrev = _mode < 0 ? 1 : 0;
        var v = _mna.ComplexValues;
        v[_hGg] += new Complex(0, xgd + xgs + xgb);
        v[_hBb] += new Complex(_gbd + _gbs, xgb + xbd + xbs);
        v[_hDPdp] += new Complex(_drainConductance + _gds + _gbd + xrev * (_gm + _gmbs), xgd + xbd);
        v[_hSPsp] += new Complex(_sourceConductance + _gds + _gbs + xnrm * (_gm + _gmbs), xgs + xbs);
        v[_hGb] -= new Complex(0, xgb);
        v[_hGdp] -= new Complex(0, xgd);
        v[_hGsp] -= new Complex(0, xgs);
        v[_hBg] -= new Complex(0, xgb);
        v[_hBdp] -= new Complex(_gbd, xbd);
        v[_hBsp] -= new Complex(_gbs, xbs);
        v[_hDPg] += new Complex((xnrm - xrev) * _gm, -xgd);
        v[_hDPb] += new Complex(-_gbd + (xnrm - xrev) * _gmbs, -xbd);
        v[_hSPg] -= new Complex((xnrm - xrev) * _gm, xgs);
        v[_hSPb] -= new Complex(_gbs + (xnrm - xrev) * _gmbs, xbs);
        v[_hDd] += _drainConductance;
        v[_hSs] += _sourceConductance;
        v[_hDdp] -= _drainConductance;
        v[_hSsp] -= _sourceConductance;
        v[_hDPd] -= _drainConductance;
        v[_hSPs] -= _sourceConductance;
        v[_hDPsp] -= _gds + xnrm * (_gm + _gmbs);
        v[_hSPdp] -= _gds + xrev * (_gm + _gmbs);
    }

    public IEnumerable<string> ProbeNames => new[] { "id", "gm", "gds", "gmbs", "vth", "vdsat", "vgs", "vds", "vbs", "cgs", "cgd", "cbd", "cbs" };

    public Func<double>? GetProbe(string quantity) => quantity.ToLowerInvariant() switch
    {
        "id" => () => _type * _cd,
        "gm" => () => _gm,
        "gds" => () => _gds,
        "gmbs" => () => _gmbs,
        "vth" or "von" => () => _von,
        "vdsat" => () => _vdsat,
        "vgs" => () => _type * _s.States.State0[_st + Vgs],
        "vds" => () => _type * _s.States.State0[_st + Vds],
        "vbs" => () => _type * _s.States.State0[_st + Vbs],
        "cgs" => () => 2 * _s.States.State0[_st + Capgs] + _m.Cgso * _d.Multiplier * _d.Width,
        "cgd" => () => 2 * _s.States.State0[_st + Capgd] + _m.Cgdo * _d.Multiplier * _d.Width,
        "cbd" => () => _capbd,
        "cbs" => () => _capbs,
        _ => null,
    };
}
