using System.Numerics;
using CircuitSim.Core.Behaviors;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;

namespace CircuitSim.Devices.Semiconductors;

/// <summary>Junction diode D (anode, cathode, model): the SPICE3 model as ngspice 39 evaluates it.</summary>
public sealed class Diode : Component
{
    public Diode(string name, string anode, string cathode, string model) : base(name, anode, cathode) => ModelName = model;

    public string ModelName { get; set; }

    /// <summary>Area factor (scales IS, CJO, 1/RS).</summary>
    [Parameter("area")] public double Area { get; set; } = 1;
    /// <summary>Parallel multiplier.</summary>
    [Parameter("m")] public double Multiplier { get; set; } = 1;
    /// <summary>Start the operating point with the junction off.</summary>
    [Parameter("off")] public bool Off { get; set; }
    /// <summary>Initial junction voltage for UIC, V.</summary>
    [Parameter("ic")] public double? InitialCondition { get; set; }
    /// <summary>Instance temperature, °C.</summary>
    [Parameter("temp")] public double? Temperature { get; set; }

    public override IEnumerable<(int, int)> DcPaths => new[] { (0, 1) };

    public override Behavior CreateBehavior(BindingContext context) =>
        new DiodeBehavior(this, context.GetModel<DiodeModel>(ModelName, Name), context);
}

/// <summary>
/// i = IS(e^{v/(N·vt)} − 1) + GMIN·v forward, −IS(1 + (3N·vt/(e·v))³) in reverse, exponential breakdown below −BV;
/// depletion charge with the FC linearization plus TT·i diffusion charge; series RS through an internal node.
/// </summary>
internal sealed class DiodeBehavior : Behavior, ILoadBehavior, ITruncateBehavior, IFrequencyBehavior,
    ITemperatureBehavior, IInitialConditionBehavior, IProbeSource
{
    private const int Voltage = 0, Current = 1, Conductance = 2, Charge = 3;
    private readonly Diode _d;
    private readonly DiodeModel _m;
    private readonly SimulationState _s;
    private readonly MnaSystem _mna;
    private readonly SimulationStatistics _stats;
    private readonly int _pos, _neg, _posPrime;
    private int _st;
    private int _posPos, _negNeg, _ppPp, _posPp, _negPp, _ppPos, _ppNeg;
    // temperature-adjusted values
    private double _vt, _satCur, _conductance, _jctCap, _jctPot, _depCap, _f1, _f2, _f3, _vcrit, _breakdown, _transit, _grading;
    private double _capacitance;
    private double _initialCondition;

    public DiodeBehavior(Diode d, DiodeModel m, BindingContext context) : base(d.Name)
    {
        _d = d;
        _m = m;
        _s = context.State;
        _mna = context.Mna;
        _stats = context.Simulation.Statistics;
        _pos = context.Node(d.Nodes[0]);
        _neg = context.Node(d.Nodes[1]);
        _posPrime = m.SeriesResistance != 0 ? context.CreateInternalNode(d.Name, "internal") : _pos;
    }

    public override void Setup(BindingContext context)
    {
        _st = context.AllocateStates(5);
        _posPos = _mna.GetHandle(_pos, _pos);
        _negNeg = _mna.GetHandle(_neg, _neg);
        _ppPp = _mna.GetHandle(_posPrime, _posPrime);
        _posPp = _mna.GetHandle(_pos, _posPrime);
        _negPp = _mna.GetHandle(_neg, _posPrime);
        _ppPos = _mna.GetHandle(_posPrime, _pos);
        _ppNeg = _mna.GetHandle(_posPrime, _neg);
    }

    public void UpdateTemperature()
    {
        var m = _m;
        var t = _d.Temperature.HasValue ? _d.Temperature.Value + Constants.CelsiusToKelvin : _s.Temperature;
        var tnom = m.NominalTemperature.HasValue ? m.NominalTemperature.Value + Constants.CelsiusToKelvin : _s.NominalTemperature;
        _vt = Constants.KOverQ * t;
        var n = m.EmissionCoefficient;
        var scale = _d.Area * _d.Multiplier;

        var fact1 = tnom / Constants.ReferenceTemperature;
        var fact2 = t / Constants.ReferenceTemperature;
        var pbfact1 = Junction.PotentialFactor(tnom);
        var pbfact = Junction.PotentialFactor(t);
        var pbo = (m.JunctionPotential - pbfact1) / fact1;
        var gmaold = (m.JunctionPotential - pbo) / pbo;
        _grading = m.GradingCoefficient;
        _jctCap = m.JunctionCapacitance / (1 + _grading * (4e-4 * (tnom - Constants.ReferenceTemperature) - gmaold));
        _jctPot = pbfact + fact2 * pbo;
        var gmanew = (_jctPot - pbo) / pbo;
        _jctCap *= (1 + _grading * (4e-4 * (t - Constants.ReferenceTemperature) - gmanew)) * scale;

        _satCur = m.SaturationCurrent * Math.Exp((t / tnom - 1) * m.ActivationEnergy / (n * _vt) + m.SaturationCurrentExponent / n * Math.Log(t / tnom)) * scale;
        var fc = m.DepletionCapCoefficient;
        _f1 = _jctPot * (1 - Math.Exp((1 - _grading) * Math.Log(1 - fc))) / (1 - _grading);
        _depCap = fc * _jctPot;
        _f2 = Math.Exp((1 + _grading) * Math.Log(1 - fc));
        _f3 = 1 - fc * (1 + _grading);
        var vte = n * _vt;
        _vcrit = vte * Math.Log(vte / (Constants.Sqrt2 * _satCur));
        _transit = m.TransitTime;
        _conductance = m.SeriesResistance != 0 ? scale / m.SeriesResistance : 0;

        if (m.BreakdownVoltage is { } bv)
        {
            var nbv = m.BreakdownEmissionCoefficient ?? n;
            var cbv = m.BreakdownCurrent * scale;
            double xbv;
            if (cbv < _satCur * bv / _vt)
                xbv = bv;
            else
            {
                var tol = _s.Options.RelTol * cbv;
                xbv = bv - nbv * _vt * Math.Log(1 + cbv / _satCur);
                for (var iter = 0; iter < 25; iter++)
                {
                    xbv = bv - nbv * _vt * Math.Log(cbv / _satCur + 1 - xbv / _vt);
                    var xcbv = _satCur * (Math.Exp((bv - xbv) / (nbv * _vt)) - 1 + xbv / _vt);
                    if (Math.Abs(xcbv - cbv) <= tol) break;
                }
            }
            _breakdown = xbv;
        }
    }

    /// <summary>Without IC= the junction starts at the .ic node voltages (SPICE's DIOgetic).</summary>
    public void SetInitialConditions(ReadOnlySpan<double> solution) =>
        _initialCondition = _d.InitialCondition ?? solution[_pos] - solution[_neg];

    public void Load()
    {
        var s = _s;
        var s0 = s.States.State0;
        var st = _st;
        var n = _m.EmissionCoefficient;
        var vte = n * _vt;
        var hasBv = _m.BreakdownVoltage.HasValue;
        var vtebrk = (_m.BreakdownEmissionCoefficient ?? n) * _vt;
        var check = true;
        double vd;
        _stats.DeviceLoads++;
        switch (s.Init)
        {
            case InitMode.SmallSignal:
                vd = s0[st + Voltage];
                break;
            case InitMode.Transient:
                vd = s.States.State1[st + Voltage];
                break;
            case InitMode.Junction when s.IsTranOp && s.UseInitialConditions:
                vd = _initialCondition;
                break;
            case InitMode.Junction:
                vd = _d.Off ? 0 : _vcrit;
                break;
            case InitMode.Fix when _d.Off:
                vd = 0;
                break;
            default:
                if (s.Init == InitMode.Predict)
                {
                    var s1 = s.States.State1;
                    s0[st + Voltage] = s1[st + Voltage];
                    vd = s.Predict(st + Voltage);
                    s0[st + Current] = s1[st + Current];
                    s0[st + Conductance] = s1[st + Conductance];
                }
                else
                {
                    vd = s.Solution[_posPrime] - s.Solution[_neg];
                    if (Bypass.Allowed(s) && CanBypass(vd, s0))
                    {
                        _stats.DeviceBypasses++;
                        Stamp(s0[st + Voltage], s0[st + Current], s0[st + Conductance]);
                        return;
                    }
                }
                if (hasBv && vd < Math.Min(0, -_breakdown + 10 * vtebrk))
                {
                    var vdtemp = Junction.LimitPn(-(vd + _breakdown), -(s0[st + Voltage] + _breakdown), vtebrk, _vcrit, out check);
                    vd = -(vdtemp + _breakdown);
                }
                else vd = Junction.LimitPn(vd, s0[st + Voltage], vte, _vcrit, out check);
                break;
        }

        double cdb, gdb;
        if (vd >= -3 * vte)
        {
            var evd = Math.Exp(Math.Min(vd / vte, Constants.MaxExpArg));
            cdb = _satCur * (evd - 1);
            gdb = _satCur * evd / vte;
        }
        else if (!hasBv || vd >= -_breakdown)
        {
            var arg = 3 * vte / (vd * Math.E);
            arg = arg * arg * arg;
            cdb = -_satCur * (1 + arg);
            gdb = _satCur * 3 * arg / vd;
        }
        else
        {
            var evrev = Math.Exp(-(_breakdown + vd) / vtebrk);
            cdb = -_satCur * evrev;
            gdb = _satCur * evrev / vtebrk;
        }
        var cd = cdb + s.Gmin * vd;
        var gd = gdb + s.Gmin;

        if (s.IsTransient || s.Init == InitMode.SmallSignal || (s.IsTranOp && s.UseInitialConditions))
        {
            double charge, cap;
            if (vd < _depCap)
            {
                var arg = 1 - vd / _jctPot;
                var sarg = Math.Exp(-_grading * Math.Log(arg));
                charge = _jctPot * _jctCap * (1 - arg * sarg) / (1 - _grading);
                cap = _jctCap * sarg;
            }
            else
            {
                var czof2 = _jctCap / _f2;
                charge = _jctCap * _f1 + czof2 * (_f3 * (vd - _depCap) + _grading / (_jctPot + _jctPot) * (vd * vd - _depCap * _depCap));
                cap = czof2 * (_f3 + _grading * vd / _jctPot);
            }
            s0[st + Charge] = _transit * cdb + charge;
            _capacitance = _transit * gdb + cap;
            if (!(s.IsTranOp && s.UseInitialConditions))
            {
                if (s.Init == InitMode.SmallSignal)
                {
                    s0[st + Charge + 1] = _capacitance;
                    return;
                }
                if (s.Init == InitMode.Transient) s.States.State1[st + Charge] = s0[st + Charge];
                s.Integrate(st + Charge, _capacitance, out var geq, out _);
                gd += geq;
                cd += s0[st + Charge + 1];
                if (s.Init == InitMode.Transient) s.States.State1[st + Charge + 1] = s0[st + Charge + 1];
            }
        }

        if ((s.Init != InitMode.Fix || !_d.Off) && check) s.NonConvergenceCount++;
        s0[st + Voltage] = vd;
        s0[st + Current] = cd;
        s0[st + Conductance] = gd;
        Stamp(vd, cd, gd);
    }

    /// <summary>ngspice's diode bypass test: the junction voltage within RELTOL·max(|v|, |v₀|) + VNTOL of the last
    /// evaluation's, and the current the last linearization predicts there within RELTOL (+ ABSTOL) of the last one.</summary>
    private bool CanBypass(double vd, double[] s0)
    {
        var o = _s.Options;
        var v0 = s0[_st + Voltage];
        if (!Bypass.VoltageHeld(vd, v0, o)) return false;
        var cd = s0[_st + Current];
        return Bypass.CurrentHeld(cd + s0[_st + Conductance] * (vd - v0), cd, o);
    }

    /// <summary>Stamps the junction linearized at <paramref name="vd"/> (current and conductance include the charge's).</summary>
    private void Stamp(double vd, double cd, double gd)
    {
        var cdeq = cd - gd * vd;
        var rhs = _mna.Rhs;
        rhs[_neg] += cdeq;
        rhs[_posPrime] -= cdeq;
        var v = _mna.Values;
        var gspr = _conductance;
        v[_posPos] += gspr;
        v[_negNeg] += gd;
        v[_ppPp] += gd + gspr;
        v[_posPp] -= gspr;
        v[_negPp] -= gd;
        v[_ppPos] -= gspr;
        v[_ppNeg] -= gd;
    }

    public double Truncate() => _s.TruncationStep(_st + Charge);

    public void LoadAc()
    {
        var s0 = _s.States.State0;
        var gd = s0[_st + Conductance];
        var y = new Complex(gd, s0[_st + Charge + 1] * _s.Omega);
        var v = _mna.ComplexValues;
        var gspr = _conductance;
        v[_posPos] += gspr;
        v[_negNeg] += y;
        v[_ppPp] += y + gspr;
        v[_posPp] -= gspr;
        v[_negPp] -= y;
        v[_ppPos] -= gspr;
        v[_ppNeg] -= y;
    }

    public IEnumerable<string> ProbeNames => new[] { "id", "vd", "gd", "cd", "charge" };

    public Func<double>? GetProbe(string quantity) => quantity.ToLowerInvariant() switch
    {
        "id" or "i" => () => _s.States.State0[_st + Current],
        "vd" => () => _s.States.State0[_st + Voltage],
        "gd" => () => _s.States.State0[_st + Conductance],
        "cd" => () => _capacitance,
        "charge" => () => _s.States.State0[_st + Charge],
        _ => null,
    };
}
