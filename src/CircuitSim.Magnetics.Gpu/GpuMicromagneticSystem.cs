using ILGPU;
using ILGPU.Algorithms;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;

namespace CircuitSim.Magnetics.Micromagnetics.Gpu;

/// <summary>
/// The right-hand side of a <see cref="MicromagneticSystem"/> evaluated with ILGPU, behind the same
/// <see cref="IOdeSystem"/> interface, so the same integrators drive it. It copies the managed system's terms
/// (exchange, uniaxial anisotropy, bulk and interfacial DMI, Zeeman, demag, Zhang–Li, Slonczewski, thermal sample) and
/// reads their time-dependent parts (uniform field, current scales, damping, precession) from it at every evaluation.
/// <para>
/// The demagnetizing field uses the managed <see cref="DemagKernel"/>'s spectra and an FFT of our own (bit reversal and
/// one kernel per radix-2 stage, batched over rows or columns); every kernel is a grid-stride loop. Each evaluation
/// uploads m and downloads ṁ: the integrators stay on the host. On ILGPU's CPU accelerator this is a slow but exact
/// check of the kernels; on a GPU it is the fast path. Not thread-safe; dispose to free the device memory.
/// </para>
/// </summary>
public sealed class GpuMicromagneticSystem : IStochasticOdeSystem, IStateProjection, IDisposable
{
    private readonly MicromagneticSystem _managed;
    private readonly Accelerator _accelerator;
    private readonly Context? _ownedContext;
    private readonly int _nx, _ny, _px, _py;
    private readonly MemoryBuffer1D<double, Stride1D.Dense> _m, _ms, _dm, _extra, _j, _zlB, _stA;
    private readonly MemoryBuffer1D<double, Stride1D.Dense>? _aRe, _aIm, _bRe, _bIm, _sum, _dif, _cross, _zz, _cosX, _sinX, _cosY, _sinY;
    private readonly MemoryBuffer1D<int, Stride1D.Dense>? _revX, _revY;
    private readonly double[] _extraHost, _zeemanPerCell;
    private readonly ZeemanField? _zeeman;
    private readonly ZhangLiTorque? _zhangLi;
    private readonly SlonczewskiTorque? _slonczewski;
    private CellParameters _parameters;
    private readonly Action<Index1D, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, int, int, int, int, int> _load;
    private readonly Action<Index1D, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<int>, int, int, int, int, int> _reverse;
    private readonly Action<Index1D, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, int, int, int, int, int, double, int> _butterfly;
    private readonly Action<Index1D, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, int, int, int> _multiply;
    private readonly Action<Index1D, CellParameters, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, int> _cell;

    /// <param name="managed">The system whose terms to copy (it keeps ownership of its terms and threads).</param>
    /// <param name="accelerator">The accelerator to use; null creates ILGPU's CPU accelerator (owned and disposed here).</param>
    public GpuMicromagneticSystem(MicromagneticSystem managed, Accelerator? accelerator = null)
    {
        _managed = managed;
        if (accelerator is null)
        {
            _ownedContext = Context.Create(b => b.CPU().EnableAlgorithms());
            accelerator = _ownedContext.CreateCPUAccelerator(0);
        }
        _accelerator = accelerator;
        Magnet magnet = managed.Magnet;
        _nx = magnet.Nx;
        _ny = magnet.Ny;
        int cells = magnet.CellCount;
        int sawExchange = 0, sawAnisotropy = 0, sawBulk = 0, sawInterfacial = 0, sawZeeman = 0;
        var q = new CellParameters { Nx = _nx, Ny = _ny, Dx = magnet.Grid.Dx, Dy = magnet.Grid.Dy, Mu0 = PhysicalConstants.Mu0, Gamma0 = managed.Gamma0 };
        foreach (var term in managed.FieldTerms)
        {
            switch (term)
            {
                case ExchangeField e: q.ExchangeStiffness = e.ExchangeStiffness; sawExchange++; break;
                case UniaxialAnisotropyField a: q.AnisotropyConstant = a.AnisotropyConstant; (q.AxisX, q.AxisY, q.AxisZ) = (a.Axis.X, a.Axis.Y, a.Axis.Z); sawAnisotropy++; break;
                case BulkDmiField b: q.BulkDmi = b.DmiConstant; sawBulk++; break;
                case InterfacialDmiField i: q.InterfacialDmi = i.DmiConstant; sawInterfacial++; break;
                case ZeemanField z: _zeeman = z; sawZeeman++; break;
                default: throw new NotSupportedException($"The GPU path has no '{term.Name}' term.");
            }
        }
        if (sawExchange > 1 || sawAnisotropy > 1 || sawBulk > 1 || sawInterfacial > 1 || sawZeeman > 1)
            throw new NotSupportedException("The GPU path takes at most one term of each kind.");
        foreach (var torque in managed.TorqueTerms)
        {
            switch (torque)
            {
                case ZhangLiTorque z when _zhangLi is null: _zhangLi = z; break;
                case SlonczewskiTorque s when _slonczewski is null: _slonczewski = s; break;
                default: throw new NotSupportedException($"The GPU path takes one Zhang–Li and one Slonczewski torque; '{torque.Name}' is extra.");
            }
        }

        _m = _accelerator.Allocate1D<double>(3 * cells);
        _dm = _accelerator.Allocate1D<double>(3 * cells);
        _ms = _accelerator.Allocate1D(magnet.SaturationMagnetization.ToArray());
        _extraHost = new double[3 * cells];
        _zeemanPerCell = _zeeman is null || _zeeman.PerCell.IsEmpty ? new double[3 * cells] : _zeeman.PerCell.ToArray();
        _extra = _accelerator.Allocate1D<double>(3 * cells);
        var zlB = new double[cells];
        var jHost = new double[2 * cells];
        if (_zhangLi is not null)
        {
            for (int c = 0; c < cells; c++) zlB[c] = _zhangLi.DriftPerCurrentDensity(c);
            _zhangLi.CurrentDensity.CopyTo(jHost);
            q.HasZhangLi = 1;
            q.Xi = _zhangLi.NonAdiabaticity;
        }
        _zlB = _accelerator.Allocate1D(zlB);
        _j = _accelerator.Allocate1D(jHost);
        var stA = new double[cells];
        if (_slonczewski is not null)
        {
            for (int c = 0; c < cells; c++)
                if (magnet.Contains(c))
                    stA[c] = managed.Gamma0 * SpinTransfer.SlonczewskiField(_slonczewski.CurrentDensity[c], _slonczewski.Efficiency, magnet.Ms(c), magnet.Grid.Thickness);
            q.HasSlonczewski = 1;
            (q.PolarizerX, q.PolarizerY, q.PolarizerZ) = (_slonczewski.FixedLayer.X, _slonczewski.FixedLayer.Y, _slonczewski.FixedLayer.Z);
            q.FieldLikeRatio = _slonczewski.FieldLikeRatio;
        }
        _stA = _accelerator.Allocate1D(stA);

        if (managed.Demag is { } demag)
        {
            DemagKernel k = demag.Kernel;
            _px = k.Px;
            _py = k.Py;
            int n = _px * _py;
            _aRe = _accelerator.Allocate1D<double>(n);
            _aIm = _accelerator.Allocate1D<double>(n);
            _bRe = _accelerator.Allocate1D<double>(n);
            _bIm = _accelerator.Allocate1D<double>(n);
            _sum = _accelerator.Allocate1D(k.SumSpectrum);
            _dif = _accelerator.Allocate1D(k.DifferenceSpectrum);
            _cross = _accelerator.Allocate1D(k.CrossSpectrum);
            _zz = _accelerator.Allocate1D(k.ZzSpectrum);
            var (rx, cx, sx) = Fft2D.Tables(_px);
            var (ry, cy, sy) = Fft2D.Tables(_py);
            (_revX, _cosX, _sinX) = (_accelerator.Allocate1D(rx), _accelerator.Allocate1D(cx), _accelerator.Allocate1D(sx));
            (_revY, _cosY, _sinY) = (_accelerator.Allocate1D(ry), _accelerator.Allocate1D(cy), _accelerator.Allocate1D(sy));
            q.HasDemag = 1;
            q.Px = _px;
        }
        else
        {
            _px = _py = 1;
            _aRe = _accelerator.Allocate1D<double>(1);
            _aIm = _accelerator.Allocate1D<double>(1);
            _bRe = _accelerator.Allocate1D<double>(1);
            q.Px = 1;
        }
        _parameters = q;

        _load = _accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, int, int, int, int, int>(GpuKernels.Load);
        _reverse = _accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<int>, int, int, int, int, int>(GpuKernels.BitReverse);
        _butterfly = _accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, int, int, int, int, int, double, int>(GpuKernels.Butterfly);
        _multiply = _accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, int, int, int>(GpuKernels.Multiply);
        _cell = _accelerator.LoadAutoGroupedStreamKernel<Index1D, CellParameters, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, int>(GpuKernels.Cell);
        UploadExtraField();
    }

    /// <summary>A short description of the accelerator ("CPU accelerator", a GPU's name).</summary>
    public string Device => _accelerator.Name;

    public MicromagneticSystem Managed => _managed;

    public int Dimension => _managed.Dimension;

    public int NoiseDimension => _managed.NoiseDimension;

    /// <summary>Samples the managed thermal field and uploads it with the per-cell Zeeman field.</summary>
    public void SetNoise(ReadOnlySpan<double> standardNormals, double dt)
    {
        _managed.SetNoise(standardNormals, dt);
        UploadExtraField();
    }

    public void Project(Span<double> y) => _managed.Project(y);

    public void Derivative(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        _m.View.AsContiguous().CopyFromCPU(y);
        var q = _parameters;
        Vec3 field = _zeeman?.UniformAt(t) ?? Vec3.Zero;
        (q.FieldX, q.FieldY, q.FieldZ) = (field.X, field.Y, field.Z);
        q.Alpha = _managed.Alpha;
        q.Precession = _managed.Precession ? 1.0 : 0.0;
        bool torques = _managed.SpinTorques;
        q.ZhangLiScale = torques && _zhangLi is not null ? _zhangLi.TimeScale?.Invoke(t) ?? 1.0 : 0.0;
        q.SlonczewskiScale = torques && _slonczewski is not null ? _slonczewski.TimeScale?.Invoke(t) ?? 1.0 : 0.0;
        if (q.HasDemag != 0) Demagnetize();
        int cells = _nx * _ny;
        int items = WorkItems(cells);
        _cell(items, q, _m.View, _ms.View, _aRe!.View, _aIm!.View, _bRe!.View, _extra.View, _j.View, _zlB.View, _stA.View, _dm.View, items);
        _accelerator.Synchronize();
        _dm.View.AsContiguous().CopyToCPU(dydt);
    }

    /// <summary>Load, forward FFT (rows of the magnet, then all columns), products, inverse FFT (all columns, then the magnet's rows).</summary>
    private void Demagnetize()
    {
        int total = _px * _py;
        int items = WorkItems(total);
        _load(items, _m.View, _ms.View, _aRe!.View, _aIm!.View, _bRe!.View, _bIm!.View, _nx, _ny, _px, total, items);
        Transform(_px, 1, _px, _ny, _revX!, _cosX!, _sinX!, -1.0);
        Transform(_py, _px, 1, _px, _revY!, _cosY!, _sinY!, -1.0);
        _multiply(items, _aRe.View, _aIm.View, _bRe.View, _bIm.View, _sum!.View, _dif!.View, _cross!.View, _zz!.View, _px, _py, items);
        Transform(_py, _px, 1, _px, _revY!, _cosY!, _sinY!, 1.0);
        Transform(_px, 1, _px, _ny, _revX!, _cosX!, _sinX!, 1.0);
    }

    private void Transform(int n, int elementStride, int batchStride, int batches, MemoryBuffer1D<int, Stride1D.Dense> reverse,
        MemoryBuffer1D<double, Stride1D.Dense> cos, MemoryBuffer1D<double, Stride1D.Dense> sin, double sign)
    {
        if (n == 1) return;
        int items = WorkItems(n * batches);
        _reverse(items, _aRe!.View, _aIm!.View, _bRe!.View, _bIm!.View, reverse.View, n, elementStride, batchStride, batches, items);
        int halfItems = WorkItems(n / 2 * batches);
        for (int size = 2; size <= n; size <<= 1)
            _butterfly(halfItems, _aRe.View, _aIm.View, _bRe.View, _bIm.View, cos.View, sin.View, n, size, elementStride, batchStride, batches, sign, halfItems);
    }

    /// <summary>Work items to launch for <paramref name="elements"/>: at most what the accelerator runs at once (grid-stride beyond that).</summary>
    private int WorkItems(int elements) =>
        Math.Max(1, Math.Min(elements, _accelerator is CPUAccelerator ? _accelerator.NumMultiprocessors * 32 : _accelerator.MaxNumThreads));

    private void UploadExtraField()
    {
        var thermal = _managed.Thermal;
        bool any = false;
        for (int k = 0; k < _extraHost.Length; k++)
        {
            double v = _zeemanPerCell[k] + (thermal is null ? 0.0 : thermal.Field[k]);
            _extraHost[k] = v;
            any |= v != 0;
        }
        _parameters.HasExtraField = any ? 1 : 0;
        _extra.View.AsContiguous().CopyFromCPU(_extraHost);
    }

    public void Dispose()
    {
        foreach (var b in new MemoryBuffer?[] { _m, _ms, _dm, _extra, _j, _zlB, _stA, _aRe, _aIm, _bRe, _bIm, _sum, _dif, _cross, _zz, _cosX, _sinX, _cosY, _sinY, _revX, _revY })
            b?.Dispose();
        if (_ownedContext is not null)
        {
            _accelerator.Dispose();
            _ownedContext.Dispose();
        }
    }
}
