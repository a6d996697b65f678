// The engine's types live in CircuitSim.Magnetics.Micromagnetics; a few shared ones come from CircuitSim.Magnetics,
// whose older per-device field terms carry the same names, so only these are imported from there.
global using DormandPrinceOptions = CircuitSim.Magnetics.DormandPrinceOptions;
global using Grid2D = CircuitSim.Magnetics.Grid2D;
global using PhysicalConstants = CircuitSim.Magnetics.PhysicalConstants;
global using Vec3 = CircuitSim.Magnetics.Vec3;
global using Xoshiro256StarStar = CircuitSim.Magnetics.Xoshiro256StarStar;
