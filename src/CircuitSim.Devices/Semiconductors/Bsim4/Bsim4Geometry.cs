namespace CircuitSim.Devices.Semiconductors.Bsim4;

/// <summary>
/// BSIM4's layout model of the source/drain diffusions (GEOMOD, RGEOMOD): how many end and interior diffusions a
/// multi-finger device has, their areas and perimeters, and the diffusion resistance from the sheet resistance.
/// Lengths in m; DMCG/DMCI/DMDG are the contact-to-gate, contact-to-isolation and merged-diffusion distances.
/// </summary>
internal static class Bsim4Geometry
{
    /// <summary>Numbers of interior and end diffusions on the drain and source sides.</summary>
    private static (double IntD, double EndD, double IntS, double EndS) Diffusions(double nf, int minimizeSource)
    {
        var fingers = (int)nf;
        if (fingers % 2 != 0)
        {
            var interior = 2.0 * Math.Max((nf - 1.0) / 2.0, 0.0);
            return (interior, 1.0, interior, 1.0);
        }
        return minimizeSource == 1
            ? (2.0 * Math.Max(nf / 2.0 - 1.0, 0.0), 2.0, nf, 0.0)
            : (nf, 0.0, 2.0 * Math.Max(nf / 2.0 - 1.0, 0.0), 2.0);
    }

    /// <summary>Source and drain perimeters (m) and areas (m²) of the diffusions for GEOMOD <paramref name="geo"/>.</summary>
    public static (double Ps, double Pd, double As, double Ad) PerimetersAndAreas(
        double nf, int geo, int minSD, double weffcj, double dmcg, double dmci, double dmdg)
    {
        double intD = 0, endD = 0, intS = 0, endS = 0;
        if (geo < 9) (intD, endD, intS, endS) = Diffusions(nf, minSD);
        var t0 = dmcg + dmci;
        var pIso = t0 + t0 + weffcj;
        var pSha = dmcg + dmcg;
        var pMer = dmdg + dmdg;
        var aIso = t0 * weffcj;
        var aSha = dmcg * weffcj;
        var aMer = dmdg * weffcj;
        return geo switch
        {
            0 => (endS * pIso + intS * pSha, endD * pIso + intD * pSha, endS * aIso + intS * aSha, endD * aIso + intD * aSha),
            1 => (endS * pIso + intS * pSha, (endD + intD) * pSha, endS * aIso + intS * aSha, (endD + intD) * aSha),
            2 => ((endS + intS) * pSha, endD * pIso + intD * pSha, (endS + intS) * aSha, endD * aIso + intD * aSha),
            3 => ((endS + intS) * pSha, (endD + intD) * pSha, (endS + intS) * aSha, (endD + intD) * aSha),
            4 => (endS * pIso + intS * pSha, endD * pMer + intD * pSha, endS * aIso + intS * aSha, endD * aMer + intD * aSha),
            5 => ((endS + intS) * pSha, endD * pMer + intD * pSha, (endS + intS) * aSha, endD * aMer + intD * aSha),
            6 => (endS * pMer + intS * pSha, endD * pIso + intD * pSha, endS * aMer + intS * aSha, endD * aIso + intD * aSha),
            7 => (endS * pMer + intS * pSha, (endD + intD) * pSha, endS * aMer + intS * aSha, (endD + intD) * aSha),
            8 => (endS * pMer + intS * pSha, endD * pMer + intD * pSha, endS * aMer + intS * aSha, endD * aMer + intD * aSha),
            9 => (pIso + (nf - 1.0) * pSha, nf * pSha, aIso + (nf - 1.0) * aSha, nf * aSha),
            10 => (nf * pSha, pIso + (nf - 1.0) * pSha, nf * aSha, aIso + (nf - 1.0) * aSha),
            _ => (0, 0, 0, 0),
        };
    }

    /// <summary>Diffusion resistance (Ω) of the source (<paramref name="source"/> true) or drain for GEOMOD/RGEOMOD.</summary>
    public static double Resistance(double nf, int geo, int rgeo, int minSD, double weffcj, double rsh,
        double dmcg, double dmci, double dmdg, bool source)
    {
        double rint = 0, rend = 0;
        double intD = 0, endD = 0, intS = 0, endS = 0;
        if (geo < 9)
        {
            (intD, endD, intS, endS) = Diffusions(nf, minSD);
            var nInt = source ? intS : intD;
            rint = nInt == 0.0 ? 0.0 : rsh * dmcg / (weffcj * nInt);
        }
        var nEnd = source ? endS : endD;
        double Iso() => EndIsolated(weffcj, rsh, dmcg, dmci, nEnd, rgeo, source);
        double Shared() => EndShared(weffcj, rsh, dmcg, nEnd, rgeo, source);
        switch (geo)
        {
            case 0: rend = Iso(); break;
            case 1: rend = source ? Iso() : Shared(); break;
            case 2: rend = source ? Shared() : Iso(); break;
            case 3: rend = Shared(); break;
            case 4: rend = source ? Iso() : rsh * dmdg / weffcj; break;
            case 5: rend = source ? Shared() : rsh * dmdg / (weffcj * nEnd); break;
            case 6: rend = source ? rsh * dmdg / weffcj : Iso(); break;
            case 7: rend = source ? rsh * dmdg / (weffcj * nEnd) : Shared(); break;
            case 8: rend = rsh * dmdg / weffcj; break;
            case 9:
            case 10:
                // all wide contacts; the end diffusion is on the source for GEOMOD 9 and on the drain for 10
                var endSide = source == (geo == 9);
                if (endSide)
                {
                    rend = 0.5 * rsh * dmcg / weffcj;
                    rint = nf == 2.0 ? 0.0 : rsh * dmcg / (weffcj * (nf - 2.0));
                }
                else
                {
                    rend = 0.0;
                    rint = rsh * dmcg / (weffcj * nf);
                }
                break;
        }
        if (rint <= 0.0) return rend;
        if (rend <= 0.0) return rint;
        return rint * rend / (rint + rend);
    }

    private static double EndIsolated(double weffcj, double rsh, double dmcg, double dmci, double nuEnd, int rgeo, bool source)
    {
        var wideContact = source ? rgeo is 1 or 2 or 5 : rgeo is 1 or 3 or 7;
        var pointContact = source ? rgeo is 3 or 4 or 6 : rgeo is 2 or 4 or 8;
        if (wideContact) return nuEnd == 0.0 ? 0.0 : rsh * dmcg / (weffcj * nuEnd);
        if (pointContact) return nuEnd == 0.0 || dmcg + dmci == 0.0 ? 0.0 : rsh * weffcj / (3.0 * nuEnd * (dmcg + dmci));
        return 0.0;
    }

    private static double EndShared(double weffcj, double rsh, double dmcg, double nuEnd, int rgeo, bool source)
    {
        var wideContact = source ? rgeo is 1 or 2 or 5 : rgeo is 1 or 3 or 7;
        var pointContact = source ? rgeo is 3 or 4 or 6 : rgeo is 2 or 4 or 8;
        if (wideContact) return nuEnd == 0.0 ? 0.0 : rsh * dmcg / (weffcj * nuEnd);
        if (pointContact) return nuEnd == 0.0 ? 0.0 : rsh * weffcj / (6.0 * nuEnd * dmcg);
        return 0.0;
    }
}
