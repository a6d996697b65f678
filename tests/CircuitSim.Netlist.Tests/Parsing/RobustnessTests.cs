using CircuitSim.Netlist.Semantics;

namespace CircuitSim.Netlist.Tests.Parsing;

/// <summary>
/// Input that once crashed or hung the reader (found by <see cref="FuzzTests"/> and by review) is now an ordinary
/// netlist error: a <see cref="NetlistException"/> with a located diagnostic.
/// </summary>
public class RobustnessTests
{
    [Fact]
    public void Statement_starting_with_a_parenthesis_is_an_error_not_a_crash()
    {
        var error = Read.Error("t\n(R1 a 0 1k)");

        Assert.Equal(("expected an element name or a dot command, got '(R1 a 0 1k)'", 2, 1), (error.Message, error.Location.Line, error.Location.Column));
    }

    [Theory]
    [InlineData("{x} a 0 1")]
    [InlineData("'r' a 0 1")]
    [InlineData("= a 0 1")]
    public void Statement_starting_with_a_non_name_token_is_an_error(string line)
    {
        var error = Read.Error("t\n.param x=1\n" + line);

        Assert.StartsWith("expected an element name or a dot command, got ", error.Message);
        Assert.Equal((3, 1), (error.Location.Line, error.Location.Column));
    }

    [Theory]
    [InlineData(".step param p dec 0 1 100", "the number of points must be a positive integer", 19)]
    [InlineData(".step param p lin -3 0 1", "the number of points must be a positive integer", 19)]
    [InlineData(".step param p dec 2.5 1 100", "the number of points must be a positive integer", 19)]
    [InlineData(".step param p dec 5 0 100", "start must be above 0 for a logarithmic sweep", 21)]
    [InlineData(".step param p oct 5 10 1", "stop must be a finite number not below start", 24)]
    [InlineData(".step param p dec 5 1 1e999", "stop must be a finite number not below start", 23)]
    [InlineData(".step param p dec 10000000 1 1e300", ".step dec would have more than 10000000 points", 19)]
    public void Step_with_a_bad_point_count_or_range_is_an_error(string line, string message, int column)
    {
        var error = Read.Error("t\n.param p=1\n" + line);

        Assert.Equal((message, 3, column), (error.Message, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Step_of_a_parameter_whose_definition_fails_reports_only_the_definition()
    {
        var error = Read.Error("t\n.param p={q}\n.step param p list 1 2");

        Assert.Equal(("undefined parameter 'q' in 'q'", 2, 11), (error.Message, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Sweep_with_too_many_points_is_an_error_instead_of_gigabytes_of_values()
    {
        var error = Read.Error("t\nV1 a 0 1\n.dc V1 -2 1.5 10n");

        Assert.Equal(("sweep of V1 from -2 to 1.5 by 1E-08 would have more than 10000000 points", 3, 15),
            (error.Message, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Step_start_stop_increment_with_too_many_points_is_an_error()
    {
        var error = Read.Error("t\n.param p=1\n.step param p 0 1 1e-9");

        Assert.Equal(("sweep of p from 0 to 1 by 1E-09 would have more than 10000000 points", 3, 19),
            (error.Message, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Dc_list_without_values_is_an_error()
    {
        var error = Read.Error("t\nV1 a 0 1\n.dc V1 list");

        Assert.Equal((".dc: list of V1 has no values", 3, 12), (error.Message, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Function_calling_itself_in_a_parameter_is_an_error_not_a_stack_overflow()
    {
        var error = Read.Error("t\n.func f(x) {f(x)}\n.param p={f(1)}");

        Assert.Equal(("function 'f' calls itself", 2, 13), (error.Message, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Functions_calling_each_other_in_a_parameter_are_an_error()
    {
        var error = Read.Error("t\n.func f(x) {g(x)}\n.func g(x) {f(x)}\n.param p={f(1)}");

        Assert.EndsWith("calls itself", error.Message);
    }

    [Fact]
    public void Function_calling_itself_in_a_b_source_is_an_error()
    {
        var error = Read.Error("t\n.func f(x) {f(x)}\nB1 a 0 V=f(v(a))");

        Assert.Equal("function 'f' calls itself", error.Message);
    }

    [Fact]
    public void Subcircuit_instantiating_itself_is_reported_at_once_even_when_it_branches()
    {
        var failure = Read.Failure("""
            t
            .subckt s a b
            X1 a b s
            X2 a b s
            .ends
            X1 1 0 s
            """);

        Assert.Equal(new[] { 3, 4 }, failure.Errors.Select(e => e.Location.Line));
        Assert.All(failure.Errors, e => Assert.Equal("subcircuit 's' instantiates itself (directly or indirectly)", e.Message));
    }

    [Fact]
    public void Subcircuits_instantiating_each_other_are_reported()
    {
        var failure = Read.Failure("""
            t
            .subckt a p
            X1 p b
            .ends
            .subckt b p
            X1 p a
            .ends
            X1 n a
            """);

        Assert.Equal("subcircuit 'a' instantiates itself (directly or indirectly)", Assert.Single(failure.Errors).Message);
    }

    [Fact]
    public void Include_name_that_is_not_a_valid_path_is_an_error()
    {
        var error = Read.Error("t\n.include \"a\0b\"");

        Assert.StartsWith("bad file name 'a\0b'", error.Message);
        Assert.Equal((2, 10), (error.Location.Line, error.Location.Column));
    }

    [Theory]
    [InlineData('(', ')')]
    [InlineData('{', '}')]
    public void Deep_nesting_is_an_error_not_a_stack_overflow(char open, char close)
    {
        var depth = 5000;
        var error = Read.Error($"t\nR1 a 0 {new string(open, depth)}1{new string(close, depth)}");

        Assert.Equal(("parentheses and braces nested more than 200 deep", "less nesting", 2, 208),
            (error.Message, error.Expected, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_read()
    {
        var r = Read.Component<CircuitSim.Devices.Passive.Resistor>($"t\nR1 a 0 {{{new string('(', 199)}7{new string(')', 199)}}}", "R1");

        Assert.Equal(7, r.Resistance);
    }

    [Theory]
    [InlineData(".model nm nmos level=1e20")]
    [InlineData(".model nm nmos level={0/0}")]
    public void Integer_parameter_out_of_range_is_an_error(string card)
    {
        var error = Read.Error("t\n" + card);

        Assert.Equal(("value of parameter 'level' is out of range for an integer", "an integer", 2, 22),
            (error.Message, error.Expected, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Continuation_line_with_nothing_to_continue_is_not_read_as_a_statement()
    {
        var failure = Read.Failure("t\n+ R1 a 0 1k\n.op");

        Assert.Equal("continuation line '+' with no statement before it", Assert.Single(failure.Errors).Message);
    }

    [Fact]
    public void Continuation_after_leading_comments_has_nothing_to_continue()
    {
        var error = Read.Error("t\n* a comment\n  + 1k");

        Assert.Equal((3, 3), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Empty_text_reads_as_an_empty_netlist()
    {
        var netlist = Read.Text("");

        Assert.Empty(netlist.Circuit.Components);
    }

    [Fact]
    public void Same_error_reached_from_several_uses_is_reported_once()
    {
        var error = Read.Error("t\n.param p={q}\nR1 a 0 {p}\nR2 a 0 {p}");

        Assert.Equal((2, "undefined parameter 'q' in 'q'"), (error.Location.Line, error.Message));
    }

    [Fact]
    public void Reader_can_be_reused_after_a_failure()
    {
        var reader = new NetlistReader();
        Assert.Throws<NetlistException>(() => reader.ReadText("t\nR1 a"));

        Assert.Single(reader.ReadText("t\nR1 a 0 1").Circuit.Components);
    }
}
