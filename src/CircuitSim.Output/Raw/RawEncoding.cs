namespace CircuitSim.Output;

/// <summary>Data section of a SPICE3 raw file.</summary>
public enum RawEncoding
{
    /// <summary><c>Binary:</c> little-endian IEEE doubles, point by point (complex: re, im).</summary>
    Binary = 0,
    /// <summary><c>Values:</c> text, <c>%.15e</c> like ngspice (16 significant digits).</summary>
    Ascii = 1,
}
