using System.Numerics;
using CircuitSim.Magnetics;
using MathNet.Numerics.IntegralTransforms;

namespace CircuitSim.Magnetics.Micromagnetics.Tests;

/// <summary>
/// Our radix-2 FFTs (the ring's 1D one and the film's 2D one, both behind the demagnetizing convolutions) against
/// MathNet.Numerics' FFT, an independent implementation, on random complex data. MathNet's Matlab convention is
/// ours: forward e^(−2πi qk/N) unscaled. Tolerance: 1e-12 of the data's total magnitude Σ|x|, which bounds every
/// output; a radix-2 FFT's rounding error grows as ε·log2 N (here ~1e-15), so the margin is wide, while any wrong
/// twiddle or permutation gives errors of order Σ|x|/N ≫ 1e-12·Σ|x|.
/// </summary>
public sealed class FftCrossCheckTests
{
    private const double Tolerance = 1e-12;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(64)]
    [InlineData(1024)]
    public void RadixTwoFft_AgreesWithMathNetForwardAndInverse(int n)
    {
        var data = RandomComplex(n, seed: n);
        var (re, im) = Split(data);
        var fft = new RadixTwoFft(n);

        fft.Transform(re, im, inverse: false);
        var expected = (Complex[])data.Clone();
        Fourier.Forward(expected, FourierOptions.Matlab);
        AssertClose(expected, re, im, Scale(data));

        fft.Transform(re, im, inverse: true); // Matlab convention: the inverse divides by N, as ours does
        AssertClose(data, re, im, Scale(data));
    }

    [Fact]
    public void Fft2D_RowsThenColumns_AgreesWithMathNetRowAndColumnTransforms()
    {
        const int px = 32, py = 8;
        var data = RandomComplex(px * py, seed: 7);
        var (re, im) = Split(data);
        var fft = new Fft2D(px, py);

        fft.TransformRows(re, im, 0, py, inverse: false);
        fft.TransformColumns(re, im, 0, px, inverse: false);

        // the 2D DFT is separable: MathNet's 1D transform of every row (py rows of px values, row-major like ours),
        // then of every column (MathNet's managed provider has no multidimensional transform)
        var expected = (Complex[])data.Clone();
        for (int r = 0; r < py; r++)
        {
            var row = expected.AsSpan(r * px, px).ToArray();
            Fourier.Forward(row, FourierOptions.Matlab);
            row.CopyTo(expected, r * px);
        }
        for (int c = 0; c < px; c++)
        {
            var column = Enumerable.Range(0, py).Select(r => expected[r * px + c]).ToArray();
            Fourier.Forward(column, FourierOptions.Matlab);
            for (int r = 0; r < py; r++) expected[r * px + c] = column[r];
        }
        AssertClose(expected, re, im, Scale(data));
    }

    private static Complex[] RandomComplex(int n, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => new Complex(random.NextDouble() - 0.5, random.NextDouble() - 0.5)).ToArray();
    }

    private static (double[] Re, double[] Im) Split(Complex[] data) =>
        (data.Select(c => c.Real).ToArray(), data.Select(c => c.Imaginary).ToArray());

    private static double Scale(Complex[] data) => data.Sum(c => c.Magnitude);

    private static void AssertClose(Complex[] expected, double[] re, double[] im, double scale)
    {
        Assert.Equal(expected.Length, re.Length);
        var worst = expected.Select((e, k) => Complex.Abs(e - new Complex(re[k], im[k]))).Max();
        Assert.True(worst <= Tolerance * scale, $"largest difference {worst:G3} exceeds {Tolerance * scale:G3}");
    }
}
