namespace CircuitSim.Crossbars;

/// <summary>How a cross-point is built.</summary>
public enum CellStructure
{
    /// <summary>The device alone between the row and the column wire (passive array).</summary>
    OneR,
    /// <summary>The device in series with a MOS1 NMOS access transistor whose gate is the row's word line.</summary>
    OneTransistorOneR,
}
