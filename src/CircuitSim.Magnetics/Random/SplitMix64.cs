namespace CircuitSim.Magnetics;

/// <summary>
/// SplitMix64 (Steele, Lea &amp; Flood 2014; Vigna's reference constants): a 64-bit generator used here only to
/// expand one seed into the four words of <see cref="Xoshiro256StarStar"/>, as its authors recommend.
/// A value type: copying it saves its state.
/// </summary>
public struct SplitMix64
{
    private ulong _state;

    public SplitMix64(ulong seed)
    {
        _state = seed;
    }

    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
