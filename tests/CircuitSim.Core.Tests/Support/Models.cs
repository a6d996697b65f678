using CircuitSim.Devices.Semiconductors;

namespace CircuitSim.Core.Tests.Support;

/// <summary>Model cards shared by the tests (the level-1 pair of the ngspice reference netlists and a plain diode).</summary>
internal static class Models
{
    /// <summary>NM of /work/shared/reference/ngspice (VTO=0.7 KP=120u GAMMA=0.45 PHI=0.7 LAMBDA=0.05, TOX=9n, overlaps).</summary>
    public static MosfetModel Nmos(string name = "nm") => new(name, MosfetType.Nmos)
    {
        Vto = 0.7, Kp = 120e-6, Gamma = 0.45, Phi = 0.7, Lambda = 0.05, Cgso = 2.5e-10, Cgdo = 2.5e-10, Tox = 9e-9,
    };

    /// <summary>PM of the same netlists (VTO=-0.8 KP=40u GAMMA=0.5 PHI=0.7 LAMBDA=0.06).</summary>
    public static MosfetModel Pmos(string name = "pm") => new(name, MosfetType.Pmos)
    {
        Vto = -0.8, Kp = 40e-6, Gamma = 0.5, Phi = 0.7, Lambda = 0.06, Cgso = 2.5e-10, Cgdo = 2.5e-10, Tox = 9e-9,
    };

    /// <summary>A square-law device without body effect or channel-length modulation (closed-form circuits).</summary>
    public static MosfetModel Ideal(string name, MosfetType type, double vto, double kp) => new(name, type)
    {
        Vto = vto, Kp = kp, Gamma = 0, Lambda = 0, Phi = 0.7,
    };

    public static Dictionary<string, double> Point(params (string Unknown, double Value)[] values) =>
        values.ToDictionary(v => v.Unknown, v => v.Value, StringComparer.OrdinalIgnoreCase);
}
