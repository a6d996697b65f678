using System.Globalization;

namespace CircuitSim.Core.Expressions;

/// <summary>
/// An expression tree as written in B sources (<c>V = 2*tanh(3*v(a))</c>) and parameter expressions
/// (<c>{sqrt(4)*0.75}</c>). Immutable; <see cref="Position"/> is the 0-based offset in the source text for messages.
/// </summary>
public abstract record Expression(int Position)
{
    public abstract T Accept<T>(IExpressionVisitor<T> visitor);
}

public sealed record NumberExpression(double Value, int Position = 0) : Expression(Position)
{
    public override T Accept<T>(IExpressionVisitor<T> v) => v.Visit(this);
    public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>A name: a parameter, <c>time</c>, <c>temper</c>, <c>pi</c>.</summary>
public sealed record VariableExpression(string Name, int Position = 0) : Expression(Position)
{
    public override T Accept<T>(IExpressionVisitor<T> v) => v.Visit(this);
    public override string ToString() => Name;
}

/// <summary><c>v(a)</c> or <c>v(a,b)</c>.</summary>
public sealed record VoltageExpression(string Node, string? Reference, int Position = 0) : Expression(Position)
{
    public override T Accept<T>(IExpressionVisitor<T> v) => v.Visit(this);
    public override string ToString() => Reference is null ? $"v({Node})" : $"v({Node},{Reference})";
}

/// <summary><c>i(vsource)</c>: the branch current of a voltage source (or inductor).</summary>
public sealed record CurrentExpression(string Element, int Position = 0) : Expression(Position)
{
    public override T Accept<T>(IExpressionVisitor<T> v) => v.Visit(this);
    public override string ToString() => $"i({Element})";
}

public enum UnaryOperator { Negate, Plus, Not }

public sealed record UnaryExpression(UnaryOperator Operator, Expression Operand, int Position = 0) : Expression(Position)
{
    public override T Accept<T>(IExpressionVisitor<T> v) => v.Visit(this);
    public override string ToString() => Operator switch { UnaryOperator.Negate => $"(-{Operand})", UnaryOperator.Not => $"(!{Operand})", _ => Operand.ToString()! };
}

public enum BinaryOperator { Add, Subtract, Multiply, Divide, Modulo, Power, Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual, And, Or }

public sealed record BinaryExpression(BinaryOperator Operator, Expression Left, Expression Right, int Position = 0) : Expression(Position)
{
    public override T Accept<T>(IExpressionVisitor<T> v) => v.Visit(this);
    public override string ToString() => $"({Left} {Symbol(Operator)} {Right})";

    public static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "+", BinaryOperator.Subtract => "-", BinaryOperator.Multiply => "*", BinaryOperator.Divide => "/",
        BinaryOperator.Modulo => "%", BinaryOperator.Power => "**", BinaryOperator.Equal => "==", BinaryOperator.NotEqual => "!=",
        BinaryOperator.Less => "<", BinaryOperator.LessEqual => "<=", BinaryOperator.Greater => ">", BinaryOperator.GreaterEqual => ">=",
        BinaryOperator.And => "&&", _ => "||",
    };
}

public sealed record CallExpression(string Function, IReadOnlyList<Expression> Arguments, int Position = 0) : Expression(Position)
{
    public override T Accept<T>(IExpressionVisitor<T> v) => v.Visit(this);
    public override string ToString() => $"{Function}({string.Join(", ", Arguments)})";
}

/// <summary><c>c ? a : b</c>.</summary>
public sealed record ConditionalExpression(Expression Condition, Expression IfTrue, Expression IfFalse, int Position = 0) : Expression(Position)
{
    public override T Accept<T>(IExpressionVisitor<T> v) => v.Visit(this);
    public override string ToString() => $"({Condition} ? {IfTrue} : {IfFalse})";
}

public interface IExpressionVisitor<out T>
{
    T Visit(NumberExpression e);
    T Visit(VariableExpression e);
    T Visit(VoltageExpression e);
    T Visit(CurrentExpression e);
    T Visit(UnaryExpression e);
    T Visit(BinaryExpression e);
    T Visit(CallExpression e);
    T Visit(ConditionalExpression e);
}
