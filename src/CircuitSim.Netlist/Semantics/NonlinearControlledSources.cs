using CircuitSim.Core.Expressions;
using CircuitSim.Devices.Behavioral;
using CircuitSim.Netlist.Syntax;

namespace CircuitSim.Netlist.Semantics;

/// <summary>
/// The nonlinear forms of the controlled sources, built as B sources: <c>E/G … TABLE {expr} = (x1,y1) (x2,y2) …</c>
/// (ngspice's table: linear between the points with the corners rounded, flat beyond the ends) and
/// <c>E/G … POLY(n) nc1+ nc1- … p0 p1 …</c>, <c>F/H … POLY(n) v1 … p0 p1 …</c> (SPICE2 polynomials).
/// </summary>
internal sealed partial class CircuitBuilder
{
    /// <summary><c>Ename n+ n- TABLE {expression} [=] (x1, y1) (x2, y2) …</c> (pairs may also be written without parentheses).</summary>
    private void ReadTable(Statement s, ExpansionContext ctx, bool voltageOutput)
    {
        var kind = voltageOutput ? 'E' : 'G';
        var syntax = $"{kind}name n+ n- TABLE {{expression}} = (x1, y1) (x2, y2) …";
        var t = s.Tokens;
        var pos = Node(ctx, s, t[1]);
        var neg = Node(ctx, s, t[2]);
        if (t.Count < 5 || t[4].Kind is not (TokenKind.Brace or TokenKind.Quoted))
            throw new StatementException(t.Count > 4 ? s.At(t[4]) : s.End, $"{s.Name}: TABLE needs its input as {{expression}} or 'expression'", syntax);
        var (input, _) = InstanceExpression(s, t[4], ctx);
        var i = 5;
        if (i < t.Count && t[i].Kind == TokenKind.Equals) i++;
        var values = new List<double>();
        var first = i;
        for (; i < t.Count; i++)
        {
            if (t[i].Kind == TokenKind.Group)
            {
                if (t[i].Children.Count != 2)
                    throw new StatementException(s.At(t[i]), $"{s.Name}: a TABLE point is (x, y), got '{t[i]}'", syntax);
                values.AddRange(t[i].Children.Select(c => Number(s, c, ctx.Scope)));
            }
            else values.Add(Number(s, t[i], ctx.Scope));
        }
        if (values.Count < 4 || values.Count % 2 != 0)
            throw new StatementException(first < t.Count ? s.At(t[first]) : s.End,
                $"{s.Name}: TABLE needs at least two (x, y) points, got {values.Count} number{(values.Count == 1 ? "" : "s")}", syntax);
        var xs = values.Where((_, k) => k % 2 == 0).ToList();
        var ys = values.Where((_, k) => k % 2 == 1).ToList();
        try
        {
            _ = new PiecewiseLinearTable(xs, ys, PiecewiseLinearKind.Smoothed);
        }
        catch (ArgumentException e)
        {
            throw new StatementException(s.At(t[first]), $"{s.Name}: {e.Message}", syntax);
        }
        var arguments = new List<Expression> { input };
        for (var k = 0; k < xs.Count; k++)
        {
            arguments.Add(new NumberExpression(xs[k]));
            arguments.Add(new NumberExpression(ys[k]));
        }
        var table = new CallExpression("table", arguments);
        Add(s, new BehavioralSource(ElementName(ctx, s.Name), pos, neg, voltageOutput ? BehavioralKind.Voltage : BehavioralKind.Current,
            table, s.TextFrom(t[3])));
    }

    /// <summary><c>POLY(n)</c> followed by n controls (node pairs for E/G, voltage sources for F/H) and the
    /// coefficients p0 p1 … in SPICE2 order; <paramref name="at"/> indexes the POLY token in the positional arguments.</summary>
    private void ReadPoly(Statement s, ExpansionContext ctx, ElementArgs args, int at, bool voltageOutput, bool currentControlled)
    {
        var kind = currentControlled ? voltageOutput ? 'H' : 'F' : voltageOutput ? 'E' : 'G';
        var controls = currentControlled ? "v1 v2 …" : "nc1+ nc1- nc2+ nc2- …";
        var syntax = $"{kind}name n+ n- POLY(n) {controls} p0 p1 …";
        var p = args.Positional;
        var pos = Node(ctx, s, p[0]);
        var neg = Node(ctx, s, p[1]);
        if (at + 1 >= p.Count || p[at + 1].Kind != TokenKind.Group || p[at + 1].Children.Count != 1)
            throw new StatementException(at + 1 < p.Count ? s.At(p[at + 1]) : s.End, $"{s.Name}: POLY needs its dimension in parentheses", syntax);
        var dimension = Number(s, p[at + 1].Children[0], ctx.Scope);
        if (!(dimension >= 1 && dimension <= 20) || dimension != Math.Floor(dimension))
            throw new StatementException(s.At(p[at + 1]), $"{s.Name}: POLY dimension must be an integer from 1 to 20", syntax);
        var n = (int)dimension;
        var i = at + 2;
        var perControl = currentControlled ? 1 : 2;
        if (p.Count < i + n * perControl + 1)
            throw new StatementException(s.End, $"{s.Name}: POLY({n}) needs {n} control{(n == 1 ? "" : "s")} ({controls}) and at least one coefficient", syntax);
        var inputs = new List<Expression>();
        for (var k = 0; k < n; k++)
        {
            if (currentControlled)
            {
                var source = p[i++];
                if (!source.IsWord) throw new StatementException(s.At(source), "expected the name of a controlling voltage source", syntax);
                inputs.Add(new CurrentExpression(ElementName(ctx, source.Text)));
            }
            else
            {
                var plus = Node(ctx, s, p[i++]);
                var minus = Node(ctx, s, p[i++]);
                inputs.Add(new VoltageExpression(plus, Core.Circuits.Circuit.IsGround(minus) ? null : minus));
            }
        }
        var coefficients = p.Skip(i).Select(c => Number(s, c, ctx.Scope)).ToList();
        // SPICE2: a one-dimensional POLY with a single coefficient is the gain p1
        if (n == 1 && coefficients.Count == 1) coefficients.Insert(0, 0);
        var polynomial = Polynomial(inputs, coefficients);
        var name = ElementName(ctx, s.Name);
        var source2 = new BehavioralSource(name, pos, neg, voltageOutput ? BehavioralKind.Voltage : BehavioralKind.Current,
            polynomial, s.TextFrom(p[at]));
        SetParameters(source2, s, args.Named, ctx.Scope, s.Name);
        Add(s, source2);
    }

    /// <summary>Σ p_t · Π x over the SPICE2 terms: the constant, then each degree in turn with the index
    /// combinations i1 ≤ i2 ≤ … in lexicographic order (x1, x2, x1², x1·x2, x2², x1³, …).</summary>
    internal static Expression Polynomial(IReadOnlyList<Expression> inputs, IReadOnlyList<double> coefficients)
    {
        Expression? sum = null;
        var term = 0;
        foreach (var monomial in Monomials(inputs.Count))
        {
            if (term == coefficients.Count) break;
            var c = coefficients[term++];
            if (c == 0) continue;
            Expression product = new NumberExpression(c);
            foreach (var index in monomial) product = new BinaryExpression(BinaryOperator.Multiply, product, inputs[index]);
            sum = sum is null ? product : new BinaryExpression(BinaryOperator.Add, sum, product);
        }
        return sum ?? new NumberExpression(0);
    }

    /// <summary>The index lists of the SPICE2 polynomial terms, degree 0 upwards (never ends).</summary>
    private static IEnumerable<int[]> Monomials(int n)
    {
        yield return Array.Empty<int>();
        for (var degree = 1; ; degree++)
        {
            var index = new int[degree];
            while (true)
            {
                yield return (int[])index.Clone();
                // next non-decreasing combination
                var k = degree - 1;
                while (k >= 0 && index[k] == n - 1) k--;
                if (k < 0) break;
                index[k]++;
                for (var j = k + 1; j < degree; j++) index[j] = index[k];
            }
        }
    }
}
