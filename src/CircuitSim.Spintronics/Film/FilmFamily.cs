using CircuitSim.Netlist.Semantics;

namespace CircuitSim.Spintronics.Film;

/// <summary>The multi-terminal magnetic film: the <c>FILM</c> model type and the <c>YFILM</c> element (2 to 64
/// electrodes). It has no crossbar cell.</summary>
public sealed class FilmFamily : IDeviceFamily
{
    public string Name => "YFILM";

    public void Register(DeviceRegistry registry) => registry
        .RegisterModel("film", n => new FilmModel(n))
        .RegisterDevice(new YDeviceRegistration("film", 2, 64, (name, nodes, model) => new MagneticFilm(name, nodes, model)));
}
