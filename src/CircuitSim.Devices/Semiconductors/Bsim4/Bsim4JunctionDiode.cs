using static CircuitSim.Devices.Semiconductors.Bsim4.Bsim4Temperature;

namespace CircuitSim.Devices.Semiconductors.Bsim4;

/// <summary>
/// A source/drain–bulk junction of BSIM4: the diode current (DIOMOD 0 with breakdown, 1 with the forward current
/// continued linearly above IJTH, 2 with both directions continued), trap-assisted tunnelling in reverse bias, gmin,
/// and the depletion charge of the bottom, sidewall and gate-edge sidewall components (linear in forward bias).
/// </summary>
internal static class Bsim4JunctionDiode
{
    /// <summary>Current from bulk into the junction's source/drain (A) and its conductance (S) at bulk-side voltage
    /// <paramref name="v"/>.</summary>
    public static (double I, double G) Current(Bsim4JunctionConstants j, double v, double gmin)
    {
        double i, g;
        var isb = j.SaturationCurrent;
        var nvtm = j.Nvtm;
        if (isb <= 0.0)
        {
            g = gmin;
            i = g * v;
        }
        else
        {
            switch (j.DioMod)
            {
                case 0:
                {
                    var ev = Math.Exp(v / nvtm);
                    var t1 = j.Xjbv * Math.Exp(-(j.Bv + v) / nvtm);
                    g = isb * (ev + t1) / nvtm + gmin;
                    i = isb * (ev + j.XExpBv - t1 - 1.0) + gmin * v;
                    break;
                }
                case 1:
                {
                    var t2 = v / nvtm;
                    if (t2 < -ExpThreshold)
                    {
                        g = gmin;
                        i = isb * (MinExp - 1.0) + gmin * v;
                    }
                    else if (v <= j.VjmFwd)
                    {
                        // a bulk tied to its source sits at exactly 0 V: e⁰ = 1 without the call
                        var ev = t2 == 0.0 ? 1.0 : Math.Exp(t2);
                        g = isb * ev / nvtm + gmin;
                        i = isb * (ev - 1.0) + gmin * v;
                    }
                    else
                    {
                        var t0 = j.IVjmFwd / nvtm;
                        g = t0 + gmin;
                        i = j.IVjmFwd - isb + t0 * (v - j.VjmFwd) + gmin * v;
                    }
                    break;
                }
                default:
                {
                    if (v < j.VjmRev)
                    {
                        var (ev, dev) = LimitedExp(v / nvtm, nvtm);
                        var t1 = ev - 1.0;
                        var t2 = j.IVjmRev + j.SlopeRev * (v - j.VjmRev);
                        g = dev * t2 + t1 * j.SlopeRev + gmin;
                        i = t1 * t2 + gmin * v;
                    }
                    else if (v <= j.VjmFwd)
                    {
                        var (ev, dev) = LimitedExp(v / nvtm, nvtm);
                        var t1 = (j.Bv + v) / nvtm;
                        double t2, t3;
                        if (t1 > ExpThreshold)
                        {
                            t2 = MinExp;
                            t3 = 0.0;
                        }
                        else
                        {
                            t2 = Math.Exp(-t1);
                            t3 = -t2 / nvtm;
                        }
                        g = isb * (dev - j.Xjbv * t3) + gmin;
                        i = isb * (ev + j.XExpBv - 1.0 - j.Xjbv * t2) + gmin * v;
                    }
                    else
                    {
                        g = j.SlopeFwd + gmin;
                        i = j.IVjmFwd + j.SlopeFwd * (v - j.VjmFwd) + gmin * v;
                    }
                    break;
                }
            }
        }

        // trap-assisted tunnelling, reverse bias (absent unless the card sets JTSS/JTSSWS/JTSSWGS or their drain twins)
        if (j.HasTunnelling)
        {
            var (tb, gb) = Tunnelling(j.VtsBottom, j.NvtmTatBottom, v);
            var (ts, gs) = Tunnelling(j.VtsSidewall, j.NvtmTatSidewall, v);
            var (tg, gg) = Tunnelling(j.VtsGateSidewall, j.NvtmTatGateSidewall, v);
            g += j.TatBottom * gb + j.TatSidewall * gs + j.TatGateSidewall * gg;
            i -= j.TatBottom * (tb - 1.0) + j.TatSidewall * (ts - 1.0) + j.TatGateSidewall * (tg - 1.0);
        }
        return (i, g);
    }

    private static (double E, double Slope) LimitedExp(double x, double nvtm) =>
        x < -ExpThreshold ? (MinExp, 0.0) : (Math.Exp(x), Math.Exp(x) / nvtm);

    /// <summary>exp(−V/(NVt0)·VTS/(VTS − V)) and its slope in V (flattened near V = VTS).</summary>
    private static (double T, double Slope) Tunnelling(double vts, double nvtm, double v)
    {
        double t0, dt0;
        if (vts - v < vts * 1e-3)
        {
            const double t9 = 1.0e3;
            t0 = -v / nvtm * t9;
            dt0 = -t9 / nvtm;
        }
        else
        {
            var t9 = 1.0 / (vts - v);
            t0 = -v / nvtm * vts * t9;
            dt0 = -vts / nvtm * (t9 + v * t9 * t9);
        }
        double t, dt;
        if (t0 > ExpThreshold)
        {
            t = MaxExp * (1.0 + t0 - ExpThreshold);
            dt = MaxExp;
        }
        else if (t0 < -ExpThreshold)
        {
            t = MinExp;
            dt = 0.0;
        }
        else
        {
            t = Math.Exp(t0);
            dt = t;
        }
        // the current falls as e^t0 rises: d(−(t − 1))/dV = −dt·dt0 is returned as a conductance with BSIM4's sign
        return (t, -dt * dt0);
    }

    /// <summary>Depletion charge (C, on the bulk side) and capacitance (F) of the junction at bulk-side voltage <paramref name="v"/>.</summary>
    public static (double Q, double C) Charge(Bsim4JunctionConstants j, double v)
    {
        double czb = j.CzBottom, czsw = j.CzSidewall, czswg = j.CzGateSidewall;
        if (v == 0.0) return (0.0, czb + czsw + czswg);
        if (v < 0.0)
        {
            double q = 0, cap = 0;
            Reverse(czb, j.MjBottom, j.PhiBottom, v, ref q, ref cap);
            if (j.SidewallsAlike && czsw > 0.0 && czswg > 0.0)
            {
                // same grading and potential: one power law for both sidewalls (the sum is computed as BSIM4 does)
                var arg = 1.0 - v / j.PhiSidewall;
                var sarg = Grading(j.MjSidewall, arg);
                q += j.PhiSidewall * czsw * (1.0 - arg * sarg) / (1.0 - j.MjSidewall);
                cap += czsw * sarg;
                q += j.PhiGateSidewall * czswg * (1.0 - arg * sarg) / (1.0 - j.MjGateSidewall);
                cap += czswg * sarg;
                return (q, cap);
            }
            Reverse(czsw, j.MjSidewall, j.PhiSidewall, v, ref q, ref cap);
            Reverse(czswg, j.MjGateSidewall, j.PhiGateSidewall, v, ref q, ref cap);
            return (q, cap);
        }
        var t0 = czb + czsw + czswg;
        var t1 = v * (czb * j.MjBottom / j.PhiBottom + czsw * j.MjSidewall / j.PhiSidewall + czswg * j.MjGateSidewall / j.PhiGateSidewall);
        return (v * (t0 + 0.5 * t1), t0 + t1);
    }

    private static void Reverse(double cz, double mj, double phi, double v, ref double q, ref double cap)
    {
        if (cz <= 0.0) return;
        var arg = 1.0 - v / phi;
        var sarg = Grading(mj, arg);
        q += phi * cz * (1.0 - arg * sarg) / (1.0 - mj);
        cap += cz * sarg;
    }

    /// <summary>arg^−mj, with a square root for the abrupt junction (exactly 1 at 0 V, where arg is 1).</summary>
    private static double Grading(double mj, double arg) =>
        arg == 1.0 ? 1.0 : mj == 0.5 ? 1.0 / Math.Sqrt(arg) : Math.Exp(-mj * Math.Log(arg));
}
