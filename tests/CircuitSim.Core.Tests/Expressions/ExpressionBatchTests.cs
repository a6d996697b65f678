using CircuitSim.Core.Expressions;
using CircuitSim.Testing;

namespace CircuitSim.Core.Tests.Expressions;

/// <summary>
/// A batch evaluates one program for many members at once; each member's value and gradient are those of its own
/// forward-mode evaluation, bit for bit.
/// </summary>
public class ExpressionBatchTests
{
    private const int Unknowns = 200;

    /// <summary>Binds v(a), v(b), v(c) of member <c>m</c> to its own unknowns (ground is 0); ddt and idt pass their
    /// argument through.</summary>
    private sealed class MemberBinder(int member) : IExpressionBinder, IStatefulCallHandler
    {
        public double Evaluate(int call, double argument, out double derivative)
        {
            derivative = 1;
            return argument;
        }

        public int BindVoltage(string node, int position) => node switch
        {
            "a" => 1 + 3 * member % (Unknowns - 3),
            "b" => 2 + 3 * member % (Unknowns - 3),
            "c" => 3 + 3 * member % (Unknowns - 3),
            "0" => 0,
            _ => throw new ArgumentException(node),
        };

        public int BindCurrent(string element, int position) => throw new ArgumentException(element);
    }

    public static TheoryData<string> Programs() => new()
    {
        // a Biolek memristor's state source, as a crossbar's subcircuit writes it
        "v(a,b) / (16000 - v(c)*15900) * (1 - (v(c) - u(-v(a,b)))*(v(c) - u(-v(a,b))))",
        "exp(v(a)) * sin(v(b)) + max(v(a), v(c)) - min(v(b), 0.2)",
        "if(v(a) > 0, v(b)*v(b), -v(c)) + limit(v(a), -0.5, 0.5)",
        "sqrt(abs(v(b))) + atan2(v(a), v(c)) + pow(v(a), 2) + v(a)**3 + 2*v(b) + 1 + time + temper",
        "tanh(v(a)*10) * (v(b) - v(c)) / (1 + v(a)*v(a))",
        "-v(a) * 3 - v(b,0)",
    };

    private static double[] Solution(int seed)
    {
        var random = new Random(seed);
        var x = new double[Unknowns];
        // every fifth unknown exactly 0: products with a zero operand and zero gradient lanes are exercised
        for (var i = 1; i < Unknowns; i++) x[i] = i % 5 == 0 ? 0 : 2 * random.NextDouble() - 1;
        return x;
    }

    private static CompiledExpression Compile(string text, int member) =>
        CompiledExpression.Compile(ExpressionParser.Parse(text), new MemberBinder(member));

    [Theory]
    [MemberData(nameof(Programs))]
    public void Evaluate_GivesEachMemberItsOwnForwardModeValueAndGradientBitForBit(string text)
    {
        // 70 members: a whole chunk of 64 and a part chunk whose size is not a multiple of the vector width
        var members = Enumerable.Range(0, 70).Select(m => Compile(text, m)).ToArray();
        var batch = new ExpressionBatch(members[0]);
        foreach (var m in members) batch.Add(m);
        var x = Solution(seed: 3);

        batch.Evaluate(x, 1e-3, 27);

        var k = members[0].Unknowns.Length;
        var gradient = new double[k];
        for (var m = 0; m < members.Length; m++)
        {
            var f = members[m].EvaluateForward(x, 1e-3, 27, gradient);
            Assert.Equal(BitConverter.DoubleToInt64Bits(f), BitConverter.DoubleToInt64Bits(batch.Values[m]));
            for (var j = 0; j < k; j++)
                Assert.Equal(BitConverter.DoubleToInt64Bits(gradient[j]), BitConverter.DoubleToInt64Bits(batch.Gradient(j)[m]));
        }
    }

    [Fact]
    public void Linear_IsTheValueLessEachLaneTimesItsUnknownInLaneOrder()
    {
        const string text = "v(a,b) / (16000 - v(c)*15900)";
        var members = Enumerable.Range(0, 9).Select(m => Compile(text, m)).ToArray();
        var batch = new ExpressionBatch(members[0]);
        foreach (var m in members) batch.Add(m);
        var x = Solution(seed: 4);

        batch.Evaluate(x, 0, 27);

        for (var m = 0; m < members.Length; m++)
        {
            var linear = batch.Values[m];
            for (var j = 0; j < members[m].Unknowns.Length; j++) linear -= batch.Gradient(j)[m] * x[members[m].Unknowns[j]];
            Assert.Equal(BitConverter.DoubleToInt64Bits(linear), BitConverter.DoubleToInt64Bits(batch.Linear[m]));
        }
    }

    [Fact]
    public void Add_RefusesAMemberRunningAnotherProgram()
    {
        var batch = new ExpressionBatch(Compile("v(a) * 2", 0));

        Assert.Throws<ArgumentException>(() => batch.Add(Compile("v(a) * 3", 1)));
    }

    [Fact]
    public void KeyOf_TellsConstantsApartByTheirBits()
    {
        // 0.0 == -0.0, but a member running the other program would get the wrong constant's sign
        var plus = ExpressionBatch.KeyOf(Compile("v(a) + 0.0 * v(b) + 1", 0));
        var minus = ExpressionBatch.KeyOf(Compile("v(a) + -0.0 * v(b) + 1", 0));

        Assert.NotEqual(plus, minus);
        Assert.Equal(ExpressionBatch.KeyOf(Compile("v(a) * 2", 0)), ExpressionBatch.KeyOf(Compile("v(a) * 2", 5)));
    }

    [Fact]
    public void Supports_LeavesOutTables()
    {
        Assert.True(ExpressionBatch.Supports(Compile("v(a) * v(b)", 0)));
        Assert.False(ExpressionBatch.Supports(Compile("pwl(v(a), 0, 0, 1, 1)", 0)));
    }

    [Fact]
    public void Supports_LeavesOutSourcesThatKeepState()
    {
        // ddt and idt keep their history in the source's own states, and their truncation error limits the step: such a
        // source loads and truncates on its own
        Assert.False(ExpressionBatch.Supports(Compile("1e-12 * ddt(v(a))", 0)));
        Assert.False(ExpressionBatch.Supports(Compile("idt(v(a), 0)", 0)));
    }

    [Fact]
    public void Evaluate_AllocatesNothingAfterTheFirstCall()
    {
        const string text = "v(a,b) / (16000 - v(c)*15900) * (1 - (v(c) - u(-v(a,b)))*(v(c) - u(-v(a,b))))";
        var batch = new ExpressionBatch(Compile(text, 0));
        for (var m = 0; m < 100; m++) batch.Add(Compile(text, m));
        var x = Solution(seed: 5);
        batch.Evaluate(x, 0, 27);
        batch.Evaluate(x, 0, 27);

        Assert.Equal(0, SteadyStateAllocation.FewestBytes(() =>
        {
            for (var i = 0; i < 10; i++) batch.Evaluate(x, 0, 27);
        }));
    }
}
