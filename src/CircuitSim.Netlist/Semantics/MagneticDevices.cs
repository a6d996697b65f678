using CircuitSim.Spintronics.Amm;
using CircuitSim.Spintronics.DomainWall;
using CircuitSim.Spintronics.Film;
using CircuitSim.Spintronics.Memristors;
using CircuitSim.Spintronics.Mtj;

namespace CircuitSim.Netlist.Semantics;

/// <summary>Registers the magnetic and memristive Y devices and their model types (one line each: no grammar change).</summary>
public static class MagneticDevices
{
    public static DeviceRegistry Register(DeviceRegistry registry) => registry
        .RegisterModel("memristor", n => new MemristorModel(n))
        .RegisterDevice(new YDeviceRegistration("memristor", 2, 2, (name, nodes, model) => new Memristor(name, nodes[0], nodes[1], model)))
        .RegisterModel("mtj", n => new MtjModel(n))
        .RegisterDevice(new YDeviceRegistration("mtj", 2, 2, (name, nodes, model) => new MacrospinMtj(name, nodes[0], nodes[1], model)))
        .RegisterModel("dwmtj", n => new DomainWallMtjModel(n))
        .RegisterDevice(new YDeviceRegistration("dwmtj", 2, 2, (name, nodes, model) => new DomainWallMtj(name, nodes[0], nodes[1], model)))
        .RegisterModel("amm", n => new AmmModel(n))
        .RegisterDevice(new YDeviceRegistration("amm", 2, 2, (name, nodes, model) => new AmmRing(name, nodes[0], nodes[1], model)))
        .RegisterModel("film", n => new FilmModel(n))
        .RegisterDevice(new YDeviceRegistration("film", 2, 64, (name, nodes, model) => new MagneticFilm(name, nodes, model)));
}
