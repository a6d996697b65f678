namespace CircuitSim.Netlist.Tests.Parsing;

/// <summary>
/// Every class of netlist error: its message, what was expected, and where (file:line:column and the caret under the
/// offending text), as <see cref="NetlistDiagnostic.Format"/> shows it.
/// </summary>
public class ErrorTests
{
    [Fact]
    public void Unknown_ElementLetter()
    {
        var error = Read.Error("""
            t
            Q1 c b e qmod
            """);

        Assert.Equal("""
            test.cir:2:1: error: unknown element type 'Q' in 'Q1' (expected an element (R C L K V I E F G H B D M S W X Y…) or a dot command)
                Q1 c b e qmod
                ^
            """, error.Shown());
    }

    [Fact]
    public void Too_FewFields()
    {
        var error = Read.Error("""
            t
            R1 a
            """);

        Assert.Equal("""
            test.cir:2:5: error: R1: too few fields (expected Rname n+ n- resistance)
                R1 a
                    ^
            """, error.Shown());
    }

    [Fact]
    public void Missing_Value()
    {
        var error = Read.Error("""
            t
            C1 a 0
            """);

        Assert.Equal("""
            test.cir:2:7: error: C1: missing capacitance (expected Cname n+ n- capacitance)
                C1 a 0
                      ^
            """, error.Shown());
    }

    [Fact]
    public void Bad_Value()
    {
        var error = Read.Error("""
            t
            R1 a 0 1k5x
            """);

        Assert.Equal("""
            test.cir:2:10: error: bad expression '1k5x': unexpected '5' (expected end of input)
                R1 a 0 1k5x
                         ^
            """, error.Shown());
    }

    [Fact]
    public void UnknownParameter_NameListsTheValidNames()
    {
        var error = Read.Error("""
            t
            C1 a 0 1n icc=2
            """);

        Assert.Equal("""
            test.cir:2:11: error: unknown parameter 'icc' for C1 (expected one of c, ic, m)
                C1 a 0 1n icc=2
                          ^
            """, error.Shown());
    }

    /// <summary>What the element lines of the next two tests refer to.</summary>
    private const string ElementPreamble = "t\nVC x 0 0\nL1 a 0 1\nL2 b 0 1\n.model swm sw\n.model cswm csw\n.model dm d\n.model nm nmos\n";

    /// <summary>Every element kind rejects a misspelled parameter instead of ignoring it.</summary>
    [Theory]
    [InlineData("F1 0 fo VC 3 bogus=1", 14, "one of gain")]
    [InlineData("H1 0 ho VC 3 bogus=1", 14, "one of gain")]
    [InlineData("K1 L1 L2 0.5 bogus=1", 14, "one of k")]
    [InlineData("S1 a b c d swm bogus=1", 16, "one of on")]
    [InlineData("W1 a b VC cswm bogus=1", 16, "one of on")]
    [InlineData("E1 a 0 value={1} bogus=2", 18, "no parameters")]
    [InlineData("G1 a 0 cur={1} gain=2", 16, "no parameters")]
    [InlineData("E1 a 0 b 0 2 bogus=1", 14, "one of gain")]
    [InlineData("D1 a 0 dm bogus=1", 11, "one of area, ic, m, off, temp")]
    [InlineData("M1 d g 0 0 nm wl=1", 15, "one of ad, as, icvbs, icvds, icvgs, l, m, nrd, nrs, off, pd, ps, temp, w")]
    [InlineData("V1 a 0 1 bogus=1", 10, "dc, ac, or r/td after pwl")]
    public void Unknown_parameter_of_any_element_is_an_error_at_its_name(string line, int column, string expected)
    {
        var error = Read.Error(ElementPreamble + line);

        Assert.StartsWith("unknown parameter '", error.Message);
        Assert.Equal((expected, column), (error.Expected, error.Location.Column));
    }

    /// <summary>A field too many is an error at that field, not silently dropped.</summary>
    [Theory]
    [InlineData("H1 0 ho VC 3 7", 14)]
    [InlineData("F1 0 fo VC 3 7", 14)]
    [InlineData("K1 L1 L2 0.5 0.7", 14)]
    [InlineData("E1 a 0 b c value={1}", 8)]
    [InlineData("E1 a 0 b c 2 3", 14)]
    [InlineData("D1 a 0 dm 2 3", 13)]
    [InlineData("R1 a 0 1k 2k", 11)]
    [InlineData("S1 a b c d swm on 5", 19)]
    [InlineData("V1 a 0 1 2", 10)]
    public void Extra_field_is_an_error_at_that_field(string line, int column)
    {
        var error = Read.Error(ElementPreamble + line);

        Assert.Equal(column, error.Location.Column);
    }

    [Fact]
    public void Undefined_ParameterInABSourceExpression()
    {
        var error = Read.Error("""
            t
            B1 a 0 V = gain*v(b)
            """);

        Assert.Equal("""
            test.cir:2:12: error: undefined parameter 'gain' in 'gain*v(b)' (expected a parameter, time, temper, pi or e)
                B1 a 0 V = gain*v(b)
                           ^
            """, error.Shown());
    }

    [Fact]
    public void Unknown_FunctionInABSourceExpression()
    {
        var error = Read.Error("""
            t
            B1 a 0 I = 1m*tanhh(v(b))
            """);

        Assert.Equal("""
            test.cir:2:15: error: unknown function 'tanhh' in '1m*tanhh(v(b))' (expected a built-in function or one defined with .func)
                B1 a 0 I = 1m*tanhh(v(b))
                              ^
            """, error.Shown());
    }

    [Fact]
    public void Undefined_NameInsideAFunctionUsedByABSourceIsLocatedInTheFunction()
    {
        var error = Read.Error("""
            t
            .func scale(x) {k*x}
            B1 a 0 V = scale(v(b))
            """);

        Assert.Equal(("undefined parameter 'k' in '(k * x)'", 2, 17), (error.Message, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void UnknownModelParameter_ListsTheValidNames()
    {
        var error = Read.Error("""
            t
            .model sx sw (vt=1 ronn=2)
            """);

        Assert.Equal("""
            test.cir:2:20: error: unknown parameter 'ronn' for model sx (sw) (expected one of roff, ron, vh, vt)
                .model sx sw (vt=1 ronn=2)
                                   ^
            """, error.Shown());
    }

    [Fact]
    public void Unknown_Model()
    {
        var error = Read.Error("""
            t
            .model DX D
            D1 a 0 DY
            """);

        Assert.Equal("""
            test.cir:3:8: error: unknown model 'DY' (expected a model defined with .model)
                D1 a 0 DY
                       ^
            """, error.Shown());
    }

    [Fact]
    public void ModelDefinedOnlyInsideASubcircuit_IsUnknownOutside()
    {
        var error = Read.Error("""
            t
            .subckt s a
            .model dl D
            .ends
            D1 a 0 dl
            """);

        Assert.Equal("unknown model 'dl'", error.Message);
    }

    [Fact]
    public void Unknown_ModelType()
    {
        // the standard registry, so that the list does not change whenever a magnetic device type is added
        var error = Read.Error("""
            t
            .model QX NPN (BF=100)
            """, new CircuitSim.Netlist.Semantics.DeviceRegistry());

        Assert.Equal("""
            test.cir:2:11: error: unknown model type 'NPN' (expected one of csw, d, nmos, pmos, sw)
                .model QX NPN (BF=100)
                          ^
            """, error.Shown());
    }

    [Fact]
    public void ElementUsingAModelWhoseCard_HasAnErrorIsNotReportedAsWell()
    {
        var failure = Read.Failure("""
            t
            .model QX NPN (BF=100)
            .model DX D (ISS=1)
            S1 a b c d QX
            D1 a 0 DX
            """);

        Assert.Equal(new[] { 2, 3 }, failure.Errors.Select(e => e.Location.Line));
    }

    [Fact]
    public void WrongNode_CountForASubcircuit()
    {
        var error = Read.Error("""
            t
            .subckt inv in out vdd
            R1 in out 1
            .ends
            X1 a b inv
            """);

        Assert.Equal("""
            test.cir:5:8: error: subcircuit 'inv' has 3 ports (in out vdd), X1 connects 2 (expected 3 nodes)
                X1 a b inv
                       ^
            """, error.Shown());
    }

    [Fact]
    public void Unknown_Subcircuit()
    {
        var error = Read.Error("""
            t
            X1 a b opamp
            """);

        Assert.Equal("""
            test.cir:2:8: error: unknown subcircuit 'opamp' (expected a subcircuit defined with .subckt)
                X1 a b opamp
                       ^
            """, error.Shown());
    }

    [Fact]
    public void UnknownInstanceParameter_ListsTheSubcircuitParameters()
    {
        var error = Read.Error("""
            t
            .subckt rc a b r=1k c=1n
            R1 a b {r}
            .ends
            X1 in out rc rr=2k
            """);

        Assert.Equal("""
            test.cir:5:14: error: subcircuit 'rc' has no parameter 'rr' (expected one of r, c)
                X1 in out rc rr=2k
                             ^
            """, error.Shown());
    }

    [Fact]
    public void SubcircuitParameterWithoutDefault_MustBeGiven()
    {
        var error = Read.Error("""
            t
            .subckt load a params: r
            R1 a 0 {r}
            .ends
            X1 n load
            """);

        Assert.Equal("""
            test.cir:5:1: error: X1: parameter 'r' of subcircuit 'load' has no default and is not given
                X1 n load
                ^
            """, error.Shown());
    }

    [Fact]
    public void Undefined_ParameterInAnExpression()
    {
        var error = Read.Error("""
            t
            .param gain=2
            R1 a 0 {gain*rload}
            """);

        Assert.Equal("""
            test.cir:3:14: error: undefined parameter 'rload' in 'gain*rload'
                R1 a 0 {gain*rload}
                             ^
            """, error.Shown());
    }

    [Fact]
    public void UndefinedParameterInAParamThatNothing_Uses()
    {
        var error = Read.Error("""
            t
            .param a=1 b='a+c'
            """);

        Assert.Equal("""
            test.cir:2:17: error: undefined parameter 'c' in 'a+c'
                .param a=1 b='a+c'
                                ^
            """, error.Shown());
    }

    [Fact]
    public void RecursiveParameterDefinition_IsReportedOnceForEachParameterOfTheCycle()
    {
        var failure = Read.Failure("""
            t
            .param a={b+1}
            .param b={2*a}
            R1 x 0 {a}
            """);

        Assert.Equal("""
            test.cir:2:11: error: recursive definition of parameter 'a'
                .param a={b+1}
                          ^
            test.cir:3:11: error: recursive definition of parameter 'b'
                .param b={2*a}
                          ^
            """, failure.Message.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Parameter_DefinedByItself()
    {
        var error = Read.Error("""
            t
            .param a={a}
            """);

        Assert.Equal("recursive definition of parameter 'a'", error.Message);
    }

    [Fact]
    public void Recursive_Function()
    {
        var error = Read.Error("""
            t
            .func f(x) {f(x)+1}
            .param p={f(1)}
            """);

        Assert.Equal("""
            test.cir:2:13: error: function 'f' calls itself
                .func f(x) {f(x)+1}
                            ^
            """, error.Shown());
    }

    [Fact]
    public void WrongArgumentCount_AfterANestedParameterEvaluation_IsLocatedAtTheElement()
    {
        // evaluating {a+f(1)} first evaluates the subcircuit's a, at a's own location; the call f(1) after it is
        // reported at the element again
        var error = Read.Error("""
            t
            .func f(x, y) {x+y}
            .subckt sub n
            .param a={f(1, 2)}
            R1 n 0 {a+f(1)}
            .ends
            X1 1 sub
            """);

        Assert.Equal(("function 'f' takes 2 arguments, got 1", 5, 9), (error.Message, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void WrongArgumentCount_InsideANestedParameterEvaluation_IsLocatedAtTheParameter()
    {
        var error = Read.Error("""
            t
            .func f(x, y) {x+y}
            .subckt sub n
            .param a={f(1)}
            R1 n 0 {a+1}
            .ends
            X1 1 sub
            """);

        Assert.Equal(("function 'f' takes 2 arguments, got 1", 4, 11), (error.Message, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Unbalanced_ParenthesesOpened()
    {
        var error = Read.Error("""
            t
            V1 a 0 PULSE(0 1 1n
            """);

        Assert.Equal("""
            test.cir:2:13: error: unbalanced parentheses: a '(' is never closed (expected ')')
                V1 a 0 PULSE(0 1 1n
                            ^
            """, error.Shown());
    }

    [Fact]
    public void Unbalanced_ParenthesesClosed()
    {
        var error = Read.Error("""
            t
            V1 a 0 SIN 0 1 1k)
            """);

        Assert.Equal("unbalanced parentheses: ')' without '('", error.Message);
        Assert.Equal((2, 18), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Unbalanced_Braces()
    {
        var error = Read.Error("""
            t
            R1 a 0 {2*(1+3)
            """);

        Assert.Equal("""
            test.cir:2:8: error: unbalanced braces in an expression (expected '}')
                R1 a 0 {2*(1+3)
                       ^
            """, error.Shown());
    }

    [Fact]
    public void Unbalanced_Quotes()
    {
        var error = Read.Error("""
            t
            .param p='1+2
            """);

        Assert.Equal("""
            test.cir:2:10: error: unterminated quote (expected a closing quote)
                .param p='1+2
                         ^
            """, error.Shown());
    }

    [Fact]
    public void Ends_WithoutSubckt()
    {
        var error = Read.Error("""
            t
            R1 a 0 1
            .ends
            """);

        Assert.Equal("""
            test.cir:3:1: error: .ends without .subckt
                .ends
                ^
            """, error.Shown());
    }

    [Fact]
    public void Ends_NamingAnotherSubcircuit()
    {
        var error = Read.Error("""
            t
            .subckt inv a b
            R1 a b 1
            .ends buf
            """);

        Assert.Equal("""
            test.cir:4:7: error: .ends buf closes subcircuit 'inv' (expected .ends inv)
                .ends buf
                      ^
            """, error.Shown());
    }

    [Fact]
    public void Unclosed_Subckt()
    {
        var error = Read.Error("""
            t
            .subckt inv a b
            R1 a b 1
            .op
            """);

        Assert.Equal("""
            test.cir:2:1: error: subcircuit 'inv' is not closed (expected .ends inv)
                .subckt inv a b
                ^
            """, error.Shown());
    }

    [Fact]
    public void Subcircuit_DefinedTwice()
    {
        var error = Read.Error("""
            t
            .subckt inv a
            .ends
            .subckt INV a
            .ends
            """);

        Assert.Equal("""
            test.cir:4:9: error: subcircuit 'INV' is defined twice (expected a unique subcircuit name)
                .subckt INV a
                        ^
            """, error.Shown());
    }

    [Fact]
    public void Dot_CommandInsideASubcircuitThatBelongsAtTopLevel()
    {
        var error = Read.Error("""
            t
            .subckt s a
            .tran 1n 1u
            .ends
            X1 n s
            """);

        Assert.Equal("""
            test.cir:3:1: error: .tran is not allowed inside a subcircuit (expected .param, .model or elements)
                .tran 1n 1u
                ^
            """, error.Shown());
    }

    [Fact]
    public void Include_FileMissing()
    {
        using var folder = new TempFolder();
        var main = folder.Write("main.cir", "t\n.include parts/missing.inc\n");

        var error = Assert.Single(Assert.Throws<NetlistException>(() => new Semantics.NetlistReader().ReadFile(main)).Errors);

        var looked = Path.Combine(folder.Path, "parts", "missing.inc");
        Assert.Equal($"""
            {main}:2:10: error: included file not found: parts/missing.inc (looked for {looked})
                .include parts/missing.inc
                         ^
            """, error.Shown());
    }

    [Fact]
    public void Include_Cycle()
    {
        using var folder = new TempFolder();
        folder.Write("a.inc", "R1 a 0 1\n.include b.inc\n");
        var b = folder.Write("b.inc", "R2 a 0 1\n.include a.inc\n");
        var main = folder.Write("main.cir", "t\n.include a.inc\n");

        var error = Assert.Single(Assert.Throws<NetlistException>(() => new Semantics.NetlistReader().ReadFile(main)).Errors);

        Assert.Equal($"""
            {b}:2:10: error: include cycle: main.cir -> a.inc -> b.inc -> a.inc
                .include a.inc
                         ^
            """, error.Shown());
    }

    [Fact]
    public void LibSectionReadingItself_IsACycle()
    {
        using var folder = new TempFolder();
        var lib = folder.Write("pdk.lib", ".lib tt\n.lib pdk.lib tt\n.endl tt\n");
        var main = folder.Write("main.cir", "t\n.lib pdk.lib tt\n");

        var error = Assert.Single(Assert.Throws<NetlistException>(() => new Semantics.NetlistReader().ReadFile(main)).Errors);

        Assert.Equal($"""
            {lib}:2:6: error: include cycle: main.cir -> pdk.lib tt -> pdk.lib tt
                .lib pdk.lib tt
                     ^
            """, error.Shown());
    }

    [Fact]
    public void Lib_SectionMissing()
    {
        using var folder = new TempFolder();
        folder.Write("corners.lib", ".lib tt\nR1 a 0 1\n.endl\n.lib ff\nR1 a 0 2\n.endl\n");
        var main = folder.Write("main.cir", "t\n.lib corners.lib ss\n");

        var error = Assert.Single(Assert.Throws<NetlistException>(() => new Semantics.NetlistReader().ReadFile(main)).Errors);

        Assert.Equal($"""
            {main}:2:18: error: section 'ss' not found in {Path.Combine(folder.Path, "corners.lib")} (expected one of tt, ff)
                .lib corners.lib ss
                                 ^
            """, error.Shown());
    }

    [Fact]
    public void LibWithoutASection_Name()
    {
        var error = Read.Error("""
            t
            .lib corners.lib
            """);

        Assert.Equal("""
            test.cir:2:1: error: .lib needs a file and a section name (expected .lib file section)
                .lib corners.lib
                ^
            """, error.Shown());
    }

    [Fact]
    public void Unknown_DotCommand()
    {
        var error = Read.Error("""
            t
            .tarn 1n 1u
            """);

        Assert.Equal("""
            test.cir:2:1: error: unknown command '.tarn' (expected .op, .dc, .tran, .ac, .tf, .four, .param, .model, .subckt, .options, .ic, .nodeset, .save, .print, .plot, .meas, .step, .include, .lib, .func, .global, .temp, .control or .end)
                .tarn 1n 1u
                ^
            """, error.Shown());
    }

    [Fact]
    public void DuplicateElement_Name()
    {
        var error = Read.Error("""
            t
            R1 a 0 1k
            r1 b 0 2k
            """);

        Assert.Equal("""
            test.cir:3:1: error: duplicate element name 'r1' (expected a unique element name)
                r1 b 0 2k
                ^
            """, error.Shown());
    }

    [Fact]
    public void DuplicateModel_Name()
    {
        var error = Read.Error("""
            t
            .model DX D
            .model dx D
            """);

        Assert.Equal("""
            test.cir:3:8: error: model 'dx' is defined twice (expected a unique model name)
                .model dx D
                       ^
            """, error.Shown());
    }

    [Fact]
    public void Bad_MeasSyntax()
    {
        var error = Read.Error("""
            t
            .meas tran t1 TRIG v(in) RISE=1 TARG v(out) VAL=1
            """);

        Assert.Equal("""
            test.cir:2:32: error: TRIG v(in) needs VAL= (expected VAL=)
                .meas tran t1 TRIG v(in) RISE=1 TARG v(out) VAL=1
                                               ^
            """, error.Shown());
    }

    [Fact]
    public void Meas_OfAnUnknownAnalysis()
    {
        var error = Read.Error("""
            t
            .meas noise n1 max v(a)
            """);

        Assert.Equal("""
            test.cir:2:7: error: unknown .meas analysis 'noise' (expected tran, dc or ac)
                .meas noise n1 max v(a)
                      ^
            """, error.Shown());
    }

    [Fact]
    public void Step_OfAnUndefinedParameter()
    {
        var error = Read.Error("""
            t
            .param rload=1k
            .step param rlaod list 1k 2k
            """);

        Assert.Equal("""
            test.cir:3:1: error: .step: parameter 'rlaod' is not defined by a .param (expected a parameter defined with .param)
                .step param rlaod list 1k 2k
                ^
            """, error.Shown());
    }

    [Fact]
    public void Second_StepIsAnError()
    {
        var error = Read.Error("""
            t
            .param a=1 b=2
            .step param a list 1 2
            .step param b list 1 2
            """);

        Assert.Equal(("only one .step is supported", 4, 1), (error.Message, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void TranWithout_StopTime()
    {
        var error = Read.Error("""
            t
            .tran 1n
            """);

        Assert.Equal("""
            test.cir:2:9: error: .tran needs tstep and tstop (expected .tran tstep tstop [tstart [tmax]] [uic])
                .tran 1n
                        ^
            """, error.Shown());
    }

    [Fact]
    public void Dc_SweepWithMissingValues()
    {
        var error = Read.Error("""
            t
            V1 a 0 1
            .dc V1 0 1
            """);

        Assert.Equal(".dc: sweep of V1 needs start, stop and step", error.Message);
        Assert.Equal((3, 11), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Ac_WithUnknownSweepKind()
    {
        var error = Read.Error("""
            t
            .ac log 10 1 1k
            """);

        Assert.Equal("""
            test.cir:2:5: error: unknown AC sweep 'log' (expected dec, oct or lin)
                .ac log 10 1 1k
                    ^
            """, error.Shown());
    }

    [Fact]
    public void Unknown_IntegrationMethod()
    {
        var error = Read.Error("""
            t
            .options method=euler
            """);

        Assert.Equal(("unknown integration method 'euler'", "trap or gear", 2, 17),
            (error.Message, error.Expected, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Ic_NotWrittenAsVOfNode()
    {
        var error = Read.Error("""
            t
            .ic a=1
            """);

        Assert.Equal("""
            test.cir:2:5: error: expected v(node)=value, got 'a' (expected v(node)=value)
                .ic a=1
                    ^
            """, error.Shown());
    }

    [Fact]
    public void Unknown_SourceKeyword()
    {
        var error = Read.Error("""
            t
            V1 a 0 square(0 1 1k)
            """);

        Assert.Equal("""
            test.cir:2:8: error: V1: unknown source keyword 'square' (expected dc, ac, pulse, sin, exp, pwl or sffm)
                V1 a 0 square(0 1 1k)
                       ^
            """, error.Shown());
    }

    [Fact]
    public void Pulse_WithTooManyValues()
    {
        var error = Read.Error("""
            t
            V1 a 0 pulse(0 1 1n 1n 1n 1n 1n 1 9)
            """);

        Assert.Equal("""
            test.cir:2:8: error: PULSE takes 2–8 values, got 9 (expected PULSE(V1 V2 TD TR TF PW PER [NP]))
                V1 a 0 pulse(0 1 1n 1n 1n 1n 1n 1 9)
                       ^
            """, error.Shown());
    }

    [Fact]
    public void Pwl_WithAnOddNumberOfValues()
    {
        var error = Read.Error("""
            t
            V1 a 0 PWL(0 0 1u)
            """);

        Assert.Equal(("PWL needs time/value pairs, got 3 numbers", "PWL(t1 v1 t2 v2 …)"), (error.Message, error.Expected));
    }

    [Fact]
    public void PolyWithoutEnoughControls_NamesWhatItNeeds()
    {
        var error = Read.Error("""
            t
            E1 a 0 POLY(2) b 0 0.5
            """);

        Assert.Equal("E1: POLY(2) needs 2 controls (nc1+ nc1- nc2+ nc2- …) and at least one coefficient", error.Message);
        Assert.Equal(2, error.Location.Line);
    }

    [Fact]
    public void TableWhoseXValues_DoNotIncreasePointsAtThePoints()
    {
        var error = Read.Error("""
            t
            E1 a 0 TABLE {v(b)} = (0,0) (1,1) (0.5,2)
            R1 b 0 1
            """);

        Assert.Equal("E1: table x values must increase: 1 is followed by 0.5", error.Message);
        Assert.Equal((2, 23), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void TableWithAnOdd_CountOfNumbersIsAnError()
    {
        var error = Read.Error("""
            t
            G1 a 0 TABLE {v(b)} = 0 0 1
            """);

        Assert.Equal("G1: TABLE needs at least two (x, y) points, got 3 numbers", error.Message);
    }

    [Fact]
    public void B_SourceWithoutVOrI()
    {
        var error = Read.Error("""
            t
            B1 a 0 X = v(b)
            """);

        Assert.Equal("""
            test.cir:2:8: error: B1: 'X=' is neither V= nor I= (expected Bname n+ n- V={expression} or I={expression})
                B1 a 0 X = v(b)
                       ^
            """, error.Shown());
    }

    [Fact]
    public void Node_VoltageInAParameterExpression()
    {
        var error = Read.Error("""
            t
            R1 a 0 {v(a)*2}
            """);

        Assert.Equal("v(a) cannot be used in a parameter expression (only in B sources) in 'v(a)*2'", error.Message);
        Assert.Equal((2, 9), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void CouplingOfSomethingThat_IsNotAnInductor()
    {
        var error = Read.Error("""
            t
            K1 L1 R2 0.5
            """);

        Assert.Equal("""
            test.cir:2:7: error: K1: 'R2' is not an inductor name (expected an inductor name (L…))
                K1 L1 R2 0.5
                      ^
            """, error.Shown());
    }

    [Fact]
    public void Orphan_ContinuationLine()
    {
        var error = Read.Error("""
            t
            + R1 a 0 1k
            """);

        Assert.Equal("""
            test.cir:2:1: error: continuation line '+' with no statement before it
                + R1 a 0 1k
                ^
            """, error.Shown());
    }

    [Fact]
    public void SeveralErrors_AreAllReportedInOneException()
    {
        var failure = Read.Failure("""
            t
            R1 a
            Q1 c b e
            .param p={q}
            X1 a b nosuch
            .tarn 1n
            R2 a 0 (1
            .ends
            """);

        Assert.Equal(
            new[] { (7, "unbalanced parentheses: a '(' is never closed"), (8, ".ends without .subckt"), (4, "undefined parameter 'q' in 'q'"),
                (2, "R1: too few fields"), (3, "unknown element type 'Q' in 'Q1'"), (5, "unknown subcircuit 'nosuch'"), (6, "unknown command '.tarn'") },
            failure.Errors.Select(e => (e.Location.Line, e.Message)));
    }

    [Fact]
    public void ExceptionMessage_ShowsEveryError()
    {
        var failure = Read.Failure("""
            t
            R1 a
            R2 b
            """);

        Assert.Equal("""
            test.cir:2:5: error: R1: too few fields (expected Rname n+ n- resistance)
                R1 a
                    ^
            test.cir:3:5: error: R2: too few fields (expected Rname n+ n- resistance)
                R2 b
                    ^
            """, failure.Message.ReplaceLineEndings("\n"));
    }
}
