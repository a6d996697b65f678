using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CircuitSim.Core.Expressions;

/// <summary>
/// One compiled program evaluated for many members at once: the B sources of a subcircuit instantiated N times compile
/// to the same program over other unknowns. The program runs instruction by instruction over a chunk of members, each
/// register's values and gradient lanes in contiguous arrays, so the interpreter's dispatch is paid once per instruction
/// and chunk instead of once per member, and the arithmetic runs in vectors across members. Each member's value and
/// gradient are those its own <see cref="CompiledExpression"/> gives in forward mode, bit for bit: the same operations
/// in the same order, no fused multiply-add.
/// </summary>
/// <remarks>Only programs that forward mode evaluates and that keep no state or table of their own can be batched
/// (<see cref="Supports"/>). Evaluation allocates nothing once the first call has made the arrays.</remarks>
public sealed class ExpressionBatch
{
    /// <summary>Members per pass over the program: the registers of a chunk stay in the first-level cache.</summary>
    internal const int Chunk = 64;

    private readonly Instruction[] _code;
    private readonly int _k;
    private readonly List<int[]> _pending = new();
    // the members' unknowns, slot a of member i at [a·capacity + i]; their values and gradients (lane j at
    // [j·capacity + i]); capacity is the member count rounded up to a whole chunk (the padding reads ground)
    private int[] _unknowns = [];
    private double[] _values = [];
    private double[] _gradient = [];
    private double[] _linear = [];
    private int _capacity;
    // one chunk's registers: values of register r at [r·Chunk …], gradient lane j of register r at [(r·k + j)·Chunk …]
    private double[] _v = [];
    private double[] _g = [];
    private readonly double[] _da = new double[Chunk], _db = new double[Chunk];

    /// <param name="template">The program every member runs (<see cref="Supports"/> must hold).</param>
    public ExpressionBatch(CompiledExpression template)
    {
        if (!Supports(template)) throw new ArgumentException("this program cannot be batched", nameof(template));
        _code = template.Code;
        _k = template.Unknowns.Length;
        Key = new ProgramKey(_code, _k);
    }

    /// <summary>Whether <paramref name="expression"/> can be a member of a batch: forward mode, no ddt/idt, no table.</summary>
    public static bool Supports(CompiledExpression expression)
    {
        if (!expression.IsForwardMode) return false;
        foreach (var i in expression.Code)
            if (i.Op is Opcode.Ddt or Opcode.Idt or Opcode.Table) return false;
        return true;
    }

    /// <summary>A key equal for programs that can share a batch (the same instructions, constants compared by their
    /// bits, and the same number of unknowns).</summary>
    public static object KeyOf(CompiledExpression expression) => new ProgramKey(expression.Code, expression.Unknowns.Length);

    /// <summary>This batch's key (<see cref="KeyOf"/>).</summary>
    public object Key { get; }

    /// <summary>Number of members.</summary>
    public int Count => _pending.Count;

    /// <summary>Unknowns each member's gradient has (its lanes).</summary>
    public int Lanes => _k;

    /// <summary>Adds a member running the batch's program (setup only); returns its index.</summary>
    public int Add(CompiledExpression member)
    {
        if (!Key.Equals(KeyOf(member))) throw new ArgumentException("a member must run the batch's program", nameof(member));
        _pending.Add(member.Unknowns);
        return _pending.Count - 1;
    }

    /// <summary>The members' values at the last <see cref="Evaluate"/>.</summary>
    public ReadOnlySpan<double> Values => _values.AsSpan(0, Count);

    /// <summary>∂value/∂(unknown of slot <paramref name="lane"/>) of every member at the last <see cref="Evaluate"/>.</summary>
    public ReadOnlySpan<double> Gradient(int lane) => _gradient.AsSpan(lane * _capacity, Count);

    /// <summary>Every lane's gradient: lane j of member i at [j·<see cref="Stride"/> + i].</summary>
    public ReadOnlySpan<double> Gradients => _gradient;

    /// <summary>The distance between two lanes in <see cref="Gradients"/>.</summary>
    public int Stride => _capacity;

    /// <summary>Each member's value less its linearization's slope terms, f − Σⱼ ∂f/∂xⱼ·xⱼ (the lanes in order): the
    /// constant of its Newton companion model, the right-hand side a current source stamps.</summary>
    public ReadOnlySpan<double> Linear => _linear.AsSpan(0, Count);

    /// <summary>Evaluates every member at the unknowns' values in <paramref name="solution"/>.</summary>
    public void Evaluate(ReadOnlySpan<double> solution, double time, double temperature)
    {
        if (_capacity < Count) Build();
        for (var start = 0; start < Count; start += Chunk)
        {
            // whole vectors: the padding members read ground and their results are never used
            var width = Math.Min(Chunk, (Count - start + 3) & ~3);
            RunChunk(solution, time, temperature, start, width);
        }
    }

    /// <summary>The members' arrays (at the first evaluation after setup).</summary>
    private void Build()
    {
        _capacity = (Count + Chunk - 1) / Chunk * Chunk;
        _unknowns = new int[Math.Max(_k, 1) * _capacity];
        for (var i = 0; i < Count; i++)
            for (var a = 0; a < _k; a++) _unknowns[a * _capacity + i] = _pending[i][a];
        _values = new double[_capacity];
        _linear = new double[_capacity];
        _gradient = new double[Math.Max(_k, 1) * _capacity];
        _v = new double[_code.Length * Chunk];
        _g = new double[_code.Length * Math.Max(_k, 1) * Chunk];
    }

    private Span<double> V(int r, int width) => _v.AsSpan(r * Chunk, width);

    private Span<double> G(int r, int lane, int width) => _g.AsSpan((r * _k + lane) * Chunk, width);

    private void RunChunk(ReadOnlySpan<double> solution, double time, double temperature, int start, int width)
    {
        var code = _code;
        for (var r = 0; r < code.Length; r++)
        {
            ref readonly var i = ref code[r];
            var v = V(r, width);
            switch (i.Op)
            {
                case Opcode.Constant: Leaf(r, width, i.Constant); break;
                case Opcode.Time: Leaf(r, width, time); break;
                case Opcode.Temperature: Leaf(r, width, temperature); break;
                case Opcode.Input:
                {
                    var unknowns = _unknowns.AsSpan(i.A * _capacity + start, width);
                    for (var m = 0; m < width; m++) v[m] = solution[unknowns[m]];
                    for (var j = 0; j < _k; j++) G(r, j, width).Fill(j == i.A ? 1 : 0);
                    break;
                }
                case Opcode.InputDifference:
                {
                    var a = _unknowns.AsSpan(i.A * _capacity + start, width);
                    var b = _unknowns.AsSpan(i.B * _capacity + start, width);
                    for (var m = 0; m < width; m++) v[m] = solution[a[m]] - solution[b[m]];
                    // the lanes of Unit[A] − Unit[B]
                    for (var j = 0; j < _k; j++) G(r, j, width).Fill((j == i.A ? 1.0 : 0.0) - (j == i.B ? 1.0 : 0.0));
                    break;
                }
                case Opcode.Add: Sum(r, i.A, i.B, width, subtract: false); break;
                case Opcode.Subtract: Sum(r, i.A, i.B, width, subtract: true); break;
                case Opcode.Multiply: Multiply(r, i.A, i.B, width); break;
                case Opcode.Divide: Divide(r, i.A, i.B, width); break;
                case Opcode.Negate: Negate(r, i.A, width); break;
                case Opcode.Affine: Affine(r, i.A, i.Constant, i.Slope, width); break;
                case Opcode.Square: Square(r, i.A, width); break;
                case Opcode.Step:
                {
                    var x = V(i.A, width);
                    for (var m = 0; m < width; m++) v[m] = x[m] > 0 ? 1 : x[m] < 0 ? 0 : 0.5;
                    for (var j = 0; j < _k; j++) G(r, j, width).Clear();
                    break;
                }
                case Opcode.Exp:
                {
                    var x = V(i.A, width);
                    for (var m = 0; m < width; m++) v[m] = Math.Exp(x[m]);
                    ScaledInto(r, i.A, v, width);
                    break;
                }
                case Opcode.Select:
                {
                    var c = V(i.A, width);
                    for (var m = 0; m < width; m++) Copy(r, c[m] != 0 ? i.B : i.C, m);
                    break;
                }
                case Opcode.Limit:
                {
                    var x = V(i.A, width);
                    var lo = V(i.B, width);
                    var hi = V(i.C, width);
                    for (var m = 0; m < width; m++) Copy(r, x[m] < lo[m] ? i.B : x[m] > hi[m] ? i.C : i.A, m);
                    break;
                }
                default:
                    if (i.Kind == Shape.Unary)
                    {
                        var x = V(i.A, width);
                        for (var m = 0; m < width; m++)
                        {
                            var f = ExpressionFunctions.Unary(i.Op, x[m]);
                            v[m] = f;
                            _da[m] = ExpressionFunctions.UnaryDerivative(i.Op, x[m], f);
                        }
                        ScaledInto(r, i.A, _da.AsSpan(0, width), width);
                    }
                    else
                    {
                        var x = V(i.A, width);
                        var y = V(i.B, width);
                        for (var m = 0; m < width; m++)
                        {
                            var f = ExpressionFunctions.Binary(i.Op, x[m], y[m]);
                            v[m] = f;
                            (_da[m], _db[m]) = ExpressionFunctions.BinaryDerivative(i.Op, x[m], y[m], f);
                        }
                        Chain(r, i.A, _da.AsSpan(0, width), i.B, _db.AsSpan(0, width), width);
                    }
                    break;
            }
        }

        var last = code.Length - 1;
        var count = Math.Min(width, Count - start);
        V(last, count).CopyTo(_values.AsSpan(start, count));
        for (var j = 0; j < _k; j++) G(last, j, count).CopyTo(_gradient.AsSpan(j * _capacity + start, count));
        LinearPart(solution, start, width);
    }

    /// <summary><see cref="Linear"/> of the chunk's members: x read again through the members' unknowns.</summary>
    private void LinearPart(ReadOnlySpan<double> solution, int start, int width)
    {
        var linear = _linear.AsSpan(start, width);
        V(_code.Length - 1, width).CopyTo(linear);
        var x = _da.AsSpan(0, width);
        for (var j = 0; j < _k; j++)
        {
            var unknowns = _unknowns.AsSpan(j * _capacity + start, width);
            for (var m = 0; m < width; m++) x[m] = solution[unknowns[m]];
            var g = G(_code.Length - 1, j, width);
            for (var m = 0; m < width; m += 4)
            {
                var l = Load(linear, m);
                Store(l - Load(g, m) * Load(x, m), linear, m);
            }
        }
    }

    private void Leaf(int r, int width, double value)
    {
        V(r, width).Fill(value);
        for (var j = 0; j < _k; j++) G(r, j, width).Clear();
    }

    /// <summary>Copies register <paramref name="from"/> of member <paramref name="m"/> into register r (select, limit).</summary>
    private void Copy(int r, int from, int m)
    {
        _v[r * Chunk + m] = _v[from * Chunk + m];
        for (var j = 0; j < _k; j++) _g[(r * _k + j) * Chunk + m] = _g[(from * _k + j) * Chunk + m];
    }

    private void Sum(int r, int a, int b, int width, bool subtract)
    {
        Combine(V(r, width), V(a, width), V(b, width), subtract);
        for (var j = 0; j < _k; j++) Combine(G(r, j, width), G(a, j, width), G(b, j, width), subtract);

        static void Combine(Span<double> target, Span<double> x, Span<double> y, bool subtract)
        {
            for (var m = 0; m < target.Length; m += 4)
            {
                var xv = Load(x, m);
                var yv = Load(y, m);
                Store(subtract ? xv - yv : xv + yv, target, m);
            }
        }
    }

    private void Multiply(int r, int a, int b, int width)
    {
        var x = V(a, width);
        var y = V(b, width);
        var v = V(r, width);
        for (var m = 0; m < width; m += 4)
            Store(Load(x, m) * Load(y, m), v, m);
        Chain(r, a, y, b, x, width);
    }

    private void Divide(int r, int a, int b, int width)
    {
        var x = V(a, width);
        var y = V(b, width);
        var v = V(r, width);
        var da = _da.AsSpan(0, width);
        var db = _db.AsSpan(0, width);
        for (var m = 0; m < width; m += 4)
        {
            var yv = Load(y, m);
            var f = Load(x, m) / yv;
            Store(f, v, m);
            Store(Vector256<double>.One / yv, da, m);
            Store(Negated(f) / yv, db, m);
        }
        Chain(r, a, da, b, db, width);
    }

    private void Negate(int r, int a, int width)
    {
        var x = V(a, width);
        var v = V(r, width);
        for (var m = 0; m < width; m += 4) Store(Negated(Load(x, m)), v, m);
        // the gradient as forward mode negates it: the vector operator
        for (var j = 0; j < _k; j++)
        {
            var g = G(a, j, width);
            var target = G(r, j, width);
            for (var m = 0; m < width; m += 4) Store(-Load(g, m), target, m);
        }
    }

    private void Affine(int r, int a, double constant, double slope, int width)
    {
        var x = V(a, width);
        var v = V(r, width);
        var c = Vector256.Create(constant);
        var s = Vector256.Create(slope);
        for (var m = 0; m < width; m += 4) Store(c + s * Load(x, m), v, m);
        var d = _da.AsSpan(0, width);
        d.Fill(slope);
        ScaledInto(r, a, d, width);
    }

    private void Square(int r, int a, int width)
    {
        var x = V(a, width);
        var v = V(r, width);
        var d = _da.AsSpan(0, width);
        for (var m = 0; m < width; m += 4)
        {
            var xv = Load(x, m);
            Store(xv * xv, v, m);
            Store(Vector256.Create(2.0) * xv, d, m);
        }
        ScaledInto(r, a, d, width);
    }

    /// <summary>Gradient of register r = gradient of a scaled by <paramref name="da"/> (one operand).</summary>
    private void ScaledInto(int r, int a, ReadOnlySpan<double> da, int width)
    {
        for (var j = 0; j < _k; j++)
        {
            var ga = G(a, j, width);
            var target = G(r, j, width);
            for (var m = 0; m < width; m += 4)
                Store(Scaled(Load(ga, m), Load(da, m)), target, m);
        }
    }

    /// <summary>Gradient of register r = gradient of a scaled by <paramref name="da"/> + gradient of b scaled by
    /// <paramref name="db"/> (two operands, the chain rule's terms summed in forward mode's order).</summary>
    private void Chain(int r, int a, ReadOnlySpan<double> da, int b, ReadOnlySpan<double> db, int width)
    {
        for (var j = 0; j < _k; j++)
        {
            var ga = G(a, j, width);
            var gb = G(b, j, width);
            var target = G(r, j, width);
            for (var m = 0; m < width; m += 4)
            {
                var ta = Scaled(Load(ga, m), Load(da, m));
                var tb = Scaled(Load(gb, m), Load(db, m));
                Store(ta + tb, target, m);
            }
        }
    }

    /// <summary>A gradient lane times local derivatives, its zeros kept exactly 0 (as forward mode keeps them).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Scaled(Vector256<double> gradient, Vector256<double> derivative) =>
        Vector256.ConditionalSelect(Vector256.Equals(gradient, Vector256<double>.Zero), Vector256<double>.Zero, gradient * derivative);

    /// <summary>Four members' values from <paramref name="m"/> on (every span here is a whole number of vectors long).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Load(ReadOnlySpan<double> values, int m)
    {
        Debug.Assert(m + 4 <= values.Length);
        return Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(values), (nuint)m);
    }

    /// <summary>Stores four members' values from <paramref name="m"/> on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector256<double> vector, Span<double> values, int m)
    {
        Debug.Assert(m + 4 <= values.Length);
        vector.StoreUnsafe(ref MemoryMarshal.GetReference(values), (nuint)m);
    }

    /// <summary>−x as the scalar negation rounds it: the sign flipped (−0 for +0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Negated(Vector256<double> x) => Vector256.Xor(x, Vector256.Create(-0.0));

    /// <summary>Instructions compared with their constants' bits (0.0 and −0.0 are different programs), and the
    /// number of unknowns.</summary>
    private sealed class ProgramKey(Instruction[] code, int unknowns) : IEquatable<ProgramKey>
    {
        private readonly int _hash = Hash(code, unknowns);

        public bool Equals(ProgramKey? other)
        {
            if (other is null || other._hash != _hash || unknowns != other.Unknowns || code.Length != other.Code.Length) return false;
            for (var r = 0; r < code.Length; r++)
            {
                var (x, y) = (code[r], other.Code[r]);
                if (x.Op != y.Op || x.Kind != y.Kind || x.A != y.A || x.B != y.B || x.C != y.C ||
                    BitConverter.DoubleToInt64Bits(x.Constant) != BitConverter.DoubleToInt64Bits(y.Constant) ||
                    BitConverter.DoubleToInt64Bits(x.Slope) != BitConverter.DoubleToInt64Bits(y.Slope)) return false;
            }
            return true;
        }

        private Instruction[] Code => code;
        private int Unknowns => unknowns;

        public override bool Equals(object? obj) => Equals(obj as ProgramKey);

        public override int GetHashCode() => _hash;

        private static int Hash(Instruction[] code, int unknowns)
        {
            var h = new HashCode();
            h.Add(unknowns);
            foreach (var i in code)
            {
                h.Add(i.Op);
                h.Add(i.A);
                h.Add(i.B);
                h.Add(i.C);
                h.Add(BitConverter.DoubleToInt64Bits(i.Constant));
                h.Add(BitConverter.DoubleToInt64Bits(i.Slope));
            }
            return h.ToHashCode();
        }
    }
}
