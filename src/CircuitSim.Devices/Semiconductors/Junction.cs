using System.Runtime.CompilerServices;
using CircuitSim.Core.Simulations;

namespace CircuitSim.Devices.Semiconductors;

/// <summary>SPICE's junction-voltage limiting and silicon band-gap temperature laws, shared by the diode and the MOSFET.</summary>
public static class Junction
{
    /// <summary>
    /// Limits the change of a pn-junction voltage between Newton iterations (SPICE's DEVpnjlim): above the critical
    /// voltage an exponential step becomes logarithmic. Sets <paramref name="limited"/> when it changed the value.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double LimitPn(double vnew, double vold, double vt, double vcrit, out bool limited)
    {
        if (vnew > vcrit && Math.Abs(vnew - vold) > vt + vt)
        {
            if (vold > 0)
            {
                var arg = (vnew - vold) / vt;
                vnew = arg > 0 ? vold + vt * (2 + Math.Log(arg - 2)) : vold - vt * (2 + Math.Log(2 - arg));
            }
            else vnew = vt * Math.Log(vnew / vt);
            limited = true;
            return vnew;
        }
        if (vnew < 0)
        {
            var arg = vold > 0 ? -1 * vold - 1 : 2 * vold - 1;
            if (vnew < arg)
            {
                limited = true;
                return arg;
            }
        }
        limited = false;
        return vnew;
    }

    /// <summary>Limits the change of a FET gate voltage around threshold (SPICE's DEVfetlim).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double LimitFet(double vnew, double vold, double vto)
    {
        var vtsthi = Math.Abs(2 * (vold - vto)) + 2;
        var vtstlo = Math.Abs(vold - vto) + 1;
        var vtox = vto + 3.5;
        var delv = vnew - vold;
        if (vold >= vto)
        {
            if (vold >= vtox)
            {
                if (delv <= 0)
                {
                    if (vnew >= vtox)
                    {
                        if (-delv > vtstlo) vnew = vold - vtstlo;
                    }
                    else vnew = Math.Max(vnew, vto + 2);
                }
                else if (delv >= vtsthi) vnew = vold + vtsthi;
            }
            else vnew = delv <= 0 ? Math.Max(vnew, vto - .5) : Math.Min(vnew, vto + 4);
        }
        else if (delv <= 0)
        {
            if (-delv > vtsthi) vnew = vold - vtsthi;
        }
        else
        {
            var vtemp = vto + .5;
            if (vnew <= vtemp)
            {
                if (delv > vtstlo) vnew = vold + vtstlo;
            }
            else vnew = vtemp;
        }
        return vnew;
    }

    /// <summary>Limits the change of a FET drain–source voltage (SPICE's DEVlimvds).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double LimitVds(double vnew, double vold)
    {
        if (vold >= 3.5)
            return vnew > vold ? Math.Min(vnew, 3 * vold + 2) : vnew < 3.5 ? Math.Max(vnew, 2) : vnew;
        return vnew > vold ? Math.Min(vnew, 4) : Math.Max(vnew, -.5);
    }

    /// <summary>Silicon band gap at <paramref name="kelvin"/>, eV.</summary>
    public static double BandGap(double kelvin) => 1.16 - 7.02e-4 * kelvin * kelvin / (kelvin + 1108);

    /// <summary>The temperature term of a junction potential (SPICE's pbfact) at <paramref name="kelvin"/>, V.</summary>
    public static double PotentialFactor(double kelvin)
    {
        var vt = Constants.KOverQ * kelvin;
        var fact = kelvin / Constants.ReferenceTemperature;
        var kt = Constants.Boltzmann * kelvin;
        var arg = -BandGap(kelvin) / (kt + kt) + 1.1150877 / (Constants.Boltzmann * (Constants.ReferenceTemperature + Constants.ReferenceTemperature));
        return -2 * vt * (1.5 * Math.Log(fact) + Constants.Charge * arg);
    }
}
