using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace CircuitSim.Core.Simulations;

/// <summary>
/// SPICE's local truncation error test (CKTterr) for charges of the first or second order method: divided differences
/// of a charge's history estimate its next derivative, and RELTOL, ABSTOL, CHGTOL and TRTOL turn that into the largest
/// step, here before the order's root is taken (the caller takes it once, of the smallest). Four charges go through
/// the same operations at once in 256-bit vectors: every lane divides, compares and rounds exactly as the scalar code
/// does (IEEE division; <see cref="Vector256.Max{T}(Vector256{T}, Vector256{T})"/> and Min propagate NaN as Math.Max and
/// Math.Min do), so the result is the same bits.
/// </summary>
internal readonly ref struct TruncationError
{
    private readonly double[] _s0, _s1, _s2, _s3;
    private readonly int _order;
    private readonly double _d0, _d1, _d2, _delta, _absTol, _relTol, _chargeFloor, _trTol, _factor;

    /// <param name="s0">The present states (charge in slot q, its current in q+1); <paramref name="s1"/>…<paramref name="s3"/> the earlier ones.</param>
    /// <param name="d0">The last three steps, s (DeltaOld).</param>
    /// <param name="delta">The present step, s.</param>
    /// <param name="factor">The method's error constant.</param>
    public TruncationError(double[] s0, double[] s1, double[] s2, double[] s3, int order, double d0, double d1, double d2,
        double delta, double absTol, double relTol, double chargeFloor, double trTol, double factor)
    {
        (_s0, _s1, _s2, _s3, _order) = (s0, s1, s2, s3, order);
        (_d0, _d1, _d2, _delta, _absTol, _relTol, _chargeFloor, _trTol, _factor) = (d0, d1, d2, delta, absTol, relTol, chargeFloor, trTol, factor);
    }

    /// <summary>The step bound of charge slot <paramref name="q"/> (to the power of the order), given its divided difference.</summary>
    public double Bound(int q, double divided)
    {
        var volttol = _absTol + _relTol * Math.Max(Math.Abs(_s0[q + 1]), Math.Abs(_s1[q + 1]));
        var chargetol = _relTol * Math.Max(Math.Max(Math.Abs(_s0[q]), Math.Abs(_s1[q])), _chargeFloor) / _delta;
        var tol = Math.Max(volttol, chargetol);
        return _trTol * tol / Math.Max(_absTol, _factor * Math.Abs(divided));
    }

    /// <summary>The divided difference of order + 1 of charge slot <paramref name="q"/> (order 1 or 2).</summary>
    private double Divided(int q)
    {
        if (_order == 1) return ((_s0[q] - _s1[q]) / _d0 - (_s1[q] - _s2[q]) / _d1) / (_d1 + _d0);
        var a = (_s0[q] - _s1[q]) / _d0;
        var b = (_s1[q] - _s2[q]) / _d1;
        var c = (_s2[q] - _s3[q]) / _d2;
        return ((a - b) / (_d1 + _d0) - (b - c) / (_d2 + _d1)) / (_d2 + _d1 + _d0);
    }

    /// <summary>The smallest bound over <paramref name="charges"/> (order 1 or 2); a NaN bound (a diverged charge) wins.</summary>
    public double SmallestBound(ReadOnlySpan<int> charges)
    {
        var k = 0;
        var smallest = double.PositiveInfinity;
        if (Vector256.IsHardwareAccelerated && charges.Length >= 4)
        {
            var least = Vector256.Create(double.PositiveInfinity);
            for (; k + 4 <= charges.Length; k += 4) least = Vector256.Min(least, Bounds(charges.Slice(k, 4)));
            for (var lane = 0; lane < 4; lane++) smallest = Math.Min(smallest, least.GetElement(lane));
        }
        for (; k < charges.Length; k++) smallest = Math.Min(smallest, Bound(charges[k], Divided(charges[k])));
        return smallest;
    }

    /// <summary><see cref="Bound"/> of four charge slots at once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector256<double> Bounds(ReadOnlySpan<int> q)
    {
        var q0 = Gather(_s0, q, 0);
        var q1 = Gather(_s1, q, 0);
        var q2 = Gather(_s2, q, 0);
        Vector256<double> divided;
        if (_order == 1)
            divided = ((q0 - q1) / Vector256.Create(_d0) - (q1 - q2) / Vector256.Create(_d1)) / Vector256.Create(_d1 + _d0);
        else
        {
            var q3 = Gather(_s3, q, 0);
            var a = (q0 - q1) / Vector256.Create(_d0);
            var b = (q1 - q2) / Vector256.Create(_d1);
            var c = (q2 - q3) / Vector256.Create(_d2);
            divided = ((a - b) / Vector256.Create(_d1 + _d0) - (b - c) / Vector256.Create(_d2 + _d1)) / Vector256.Create(_d2 + _d1 + _d0);
        }
        var relTol = Vector256.Create(_relTol);
        var absTol = Vector256.Create(_absTol);
        var volttol = absTol + relTol * Vector256.Max(Vector256.Abs(Gather(_s0, q, 1)), Vector256.Abs(Gather(_s1, q, 1)));
        var chargetol = relTol * Vector256.Max(Vector256.Max(Vector256.Abs(q0), Vector256.Abs(q1)), Vector256.Create(_chargeFloor)) / Vector256.Create(_delta);
        var tol = Vector256.Max(volttol, chargetol);
        return Vector256.Create(_trTol) * tol / Vector256.Max(absTol, Vector256.Create(_factor) * Vector256.Abs(divided));
    }

    /// <summary>Slot <paramref name="offset"/> past each of four charge slots (0: the charge, 1: its current).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Gather(double[] s, ReadOnlySpan<int> q, int offset) =>
        Vector256.Create(s[q[0] + offset], s[q[1] + offset], s[q[2] + offset], s[q[3] + offset]);
}
