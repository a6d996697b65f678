namespace CircuitSim.Core.Simulations;

/// <summary>Integration methods for charges and fluxes in a transient.</summary>
public enum IntegrationMethodKind { Trapezoidal, Gear }

/// <summary>
/// Tolerances and limits, with ngspice 39's defaults and names (the netlist's <c>.options</c> set them by these names).
/// </summary>
public sealed class SimulationOptions
{
    /// <summary>Relative tolerance of Newton convergence and truncation error (RELTOL).</summary>
    public double RelTol { get; set; } = 1e-3;
    /// <summary>Absolute current tolerance, A (ABSTOL).</summary>
    public double AbsTol { get; set; } = 1e-12;
    /// <summary>Absolute voltage tolerance, V (VNTOL).</summary>
    public double VnTol { get; set; } = 1e-6;
    /// <summary>Charge tolerance of the truncation-error estimate, C (CHGTOL).</summary>
    public double ChgTol { get; set; } = 1e-14;
    /// <summary>Truncation-error overestimation factor (TRTOL).</summary>
    public double TrTol { get; set; } = 7;
    /// <summary>Conductance added across every pn junction, S (GMIN).</summary>
    public double Gmin { get; set; } = 1e-12;
    /// <summary>Conductance from every node to ground, S (GSHUNT); 0 by default.</summary>
    public double Gshunt { get; set; } = 0;
    /// <summary>A resistor from every node to ground in every analysis, Ω (ngspice's RSHUNT); null for none. It gives
    /// nodes that only capacitors or current sources reach a defined DC voltage.</summary>
    public double? Rshunt { get; set; }
    /// <summary>Newton iteration limit of an operating point (ITL1).</summary>
    public int Itl1 { get; set; } = 100;
    /// <summary>Newton iteration limit per DC-sweep point (ITL2); as in ngspice, limits below
    /// <see cref="NewtonSolver.IterationFloor"/> act as that floor (ITL2 still scales the gmin-stepping heuristics).</summary>
    public int Itl2 { get; set; } = 50;
    /// <summary>Newton iteration limit per transient time point (ITL4); as in ngspice, limits below
    /// <see cref="NewtonSolver.IterationFloor"/> act as that floor.</summary>
    public int Itl4 { get; set; } = 10;
    /// <summary>Relative pivot threshold of the sparse LU (PIVREL).</summary>
    public double PivRel { get; set; } = 1e-3;
    /// <summary>Absolute pivot threshold of the sparse LU (PIVTOL).</summary>
    public double PivTol { get; set; } = 1e-13;
    /// <summary>Circuit temperature, °C (TEMP).</summary>
    public double Temperature { get; set; } = 27;
    /// <summary>Temperature at which model parameters were measured, °C (TNOM).</summary>
    public double NominalTemperature { get; set; } = 27;
    /// <summary>Transient integration method (METHOD=trap|gear).</summary>
    public IntegrationMethodKind Method { get; set; } = IntegrationMethodKind.Trapezoidal;
    /// <summary>Highest integration order (MAXORD): 2 for trap, up to 6 for gear.</summary>
    public int MaxOrder { get; set; } = 2;
    /// <summary>Maximum transient step, s (MAXSTEP); overrides the analysis default when set.</summary>
    public double? MaxStep { get; set; }
    /// <summary>Gmin steps tried when the plain operating point fails (GMINSTEPS); 0 disables gmin stepping.</summary>
    public int GminSteps { get; set; } = 1;
    /// <summary>Source steps tried when gmin stepping fails (SRCSTEPS); 0 disables source stepping.</summary>
    public int SourceSteps { get; set; } = 1;
    /// <summary>Skip the plain Newton attempt and go straight to gmin stepping (NOOPITER).</summary>
    public bool NoOpIter { get; set; }
    /// <summary>Device bypass (BYPASS): a nonlinear device whose voltages and predicted current stayed within the
    /// bypass windows re-stamps its last linearization instead of evaluating again. On by default, with windows a
    /// thousandth of ngspice's (<see cref="Behaviors.Bypass.Window"/>), so every reference still matches ngspice 39
    /// (whose own default is off); <c>.options bypass=0</c> turns it off (docs/performance.md).</summary>
    public bool Bypass { get; set; } = true;
    /// <summary>Threads that evaluate the devices of one batch in a load (<c>.options threads=N</c>): 0, the
    /// default, uses every core for batches large enough to pay for the fork and join and one thread otherwise; 1 keeps
    /// every load on one thread; N ≥ 2 uses N. Results are the same bit for bit for every value (docs/performance.md).</summary>
    public int Threads { get; set; }
    /// <summary>Run the pre-solve topology checks (floating nodes, voltage loops).</summary>
    public bool TopologyChecks { get; set; } = true;

    /// <summary>Where devices may write files of their own (see <see cref="Files.DeviceFiles"/>).</summary>
    public Files.DeviceFiles DeviceFiles { get; set; } = Files.DeviceFiles.Unrestricted;

    /// <summary>Stops long device computations (LLG integrations, relaxations) of a run that is being interrupted;
    /// they throw <see cref="OperationCanceledException"/>.</summary>
    public CancellationToken Cancellation { get; set; }

    public SimulationOptions Clone() => (SimulationOptions)MemberwiseClone();

    /// <summary>Temperature in kelvin.</summary>
    public double TemperatureKelvin => Temperature + Constants.CelsiusToKelvin;
    public double NominalTemperatureKelvin => NominalTemperature + Constants.CelsiusToKelvin;
}
