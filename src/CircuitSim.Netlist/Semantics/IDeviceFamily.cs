namespace CircuitSim.Netlist.Semantics;

/// <summary>
/// A device family's one registration (docs/design.md §6): its <c>.model</c> type(s) and <c>Y</c> element
/// binder(s). A family may also offer a crossbar cell (<c>ICrossbarCellFamily</c> in CircuitSim.Crossbars) and post-run
/// analyses (<see cref="Running.IRunAnalysisFamily"/>) by implementing those interfaces too. Families are composed in
/// an explicit list (no discovery by reflection, so a native-AOT build keeps every family it names).
/// </summary>
public interface IDeviceFamily
{
    /// <summary>The element type as netlists write it, e.g. <c>YMTJ</c>.</summary>
    string Name { get; }

    /// <summary>Adds the family's <c>.model</c> types and <c>Y</c> elements to <paramref name="registry"/>.</summary>
    void Register(DeviceRegistry registry);
}
