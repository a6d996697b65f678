using CircuitSim.Core.Analyses;
using CircuitSim.Core.Simulations;
using CircuitSim.Netlist.Measurements;

namespace CircuitSim.Netlist.Tests.Parsing;

/// <summary>Analyses, options and output requests.</summary>
public class ControlStatementTests
{
    /// <summary>The lines in a netlist that has every node and element they name (the reader checks those names; the
    /// elements after the lines keep the lines' numbers).</summary>
    private static Netlist Lines(string lines) => Read.Text("t\nV1 a 0 1\nR1 a 0 1k\n" + lines +
        "\nRb b 0 1k\nRin in 0 1k\nRout out 0 1k\nVAM p a 0\nM1 out in 0 0 nm\n.model nm nmos\n");

    private static T Analysis<T>(string line) where T : AnalysisSpec => Assert.IsType<T>(Assert.Single(Lines(line).Analyses));

    [Theory]
    [InlineData("reltol", nameof(SimulationOptions.RelTol))]
    [InlineData("abstol", nameof(SimulationOptions.AbsTol))]
    [InlineData("vntol", nameof(SimulationOptions.VnTol))]
    [InlineData("chgtol", nameof(SimulationOptions.ChgTol))]
    [InlineData("trtol", nameof(SimulationOptions.TrTol))]
    [InlineData("gmin", nameof(SimulationOptions.Gmin))]
    [InlineData("gshunt", nameof(SimulationOptions.Gshunt))]
    [InlineData("itl1", nameof(SimulationOptions.Itl1))]
    [InlineData("itl2", nameof(SimulationOptions.Itl2))]
    [InlineData("itl4", nameof(SimulationOptions.Itl4))]
    [InlineData("pivrel", nameof(SimulationOptions.PivRel))]
    [InlineData("pivtol", nameof(SimulationOptions.PivTol))]
    [InlineData("temp", nameof(SimulationOptions.Temperature))]
    [InlineData("tnom", nameof(SimulationOptions.NominalTemperature))]
    [InlineData("maxord", nameof(SimulationOptions.MaxOrder))]
    [InlineData("maxstep", nameof(SimulationOptions.MaxStep))]
    [InlineData("gminsteps", nameof(SimulationOptions.GminSteps))]
    [InlineData("srcsteps", nameof(SimulationOptions.SourceSteps))]
    [InlineData("threads", nameof(SimulationOptions.Threads))]
    [InlineData("RELTOL", nameof(SimulationOptions.RelTol))]
    public void Numeric_option_sets_its_simulation_option(string option, string property)
    {
        var options = Lines($".options {option}=3").Options;

        Assert.Equal(3.0, Convert.ToDouble(typeof(SimulationOptions).GetProperty(property)!.GetValue(options)));
    }

    [Theory]
    [InlineData(".option")]
    [InlineData(".opt")]
    [InlineData(".OPTIONS")]
    public void OptionsCommand_HasShortSpellings(string command)
    {
        Assert.Equal(0.01, Lines($"{command} reltol=0.01").Options.RelTol);
    }

    [Fact]
    public void SeveralOptionsOnOneLine_AreAllSet()
    {
        var options = Lines(".options reltol=1e-4 abstol=1e-9, vntol = 1e-5").Options;

        Assert.Equal((1e-4, 1e-9, 1e-5), (options.RelTol, options.AbsTol, options.VnTol));
    }

    [Theory]
    [InlineData("trap", IntegrationMethodKind.Trapezoidal)]
    [InlineData("trapezoidal", IntegrationMethodKind.Trapezoidal)]
    [InlineData("gear", IntegrationMethodKind.Gear)]
    [InlineData("GEAR", IntegrationMethodKind.Gear)]
    public void MethodOption_SelectsTheIntegrationMethod(string method, IntegrationMethodKind kind)
    {
        Assert.Equal(kind, Lines($".options method={method}").Options.Method);
    }

    [Theory]
    [InlineData(".options bypass=0", false)]
    [InlineData(".options bypass=1", true)]
    [InlineData(".options reltol=1e-4", true)]
    public void BypassOption_TurnsDeviceBypassOffOrLeavesItOn(string line, bool bypass)
    {
        Assert.Equal(bypass, Lines(line).Options.Bypass);
    }

    [Fact]
    public void NoopiterFlag_IsSet()
    {
        Assert.True(Lines(".options noopiter").Options.NoOpIter);
    }

    [Theory]
    [InlineData("acct")]
    [InlineData("noacct")]
    [InlineData("post")]
    [InlineData("list")]
    [InlineData("nomod")]
    [InlineData("node")]
    [InlineData("nopage")]
    [InlineData("opts")]
    [InlineData("savecurrents")]
    [InlineData("norefvalue")]
    [InlineData("noinit")]
    [InlineData("keepopinfo")]
    [InlineData("klu")]
    [InlineData("sparse")]
    [InlineData("post=1")]
    public void Harmless_ngspice_option_is_accepted_silently(string option)
    {
        var netlist = Lines($".options {option}\n.op");

        Assert.Empty(netlist.Warnings);
    }

    [Fact]
    public void UnknownOption_IsAWarningAtItsName()
    {
        var netlist = Lines(".options reltol=1e-4 frobnicate=2\n.op");

        var warning = Assert.Single(netlist.Warnings);
        Assert.Equal("option 'frobnicate' is not known and is ignored", warning.Message);
        Assert.Equal((4, 22), (warning.Location.Line, warning.Location.Column));
    }

    [Fact]
    public void Temp_SetsTheCircuitTemperature()
    {
        Assert.Equal(85, Lines(".temp 85").Options.Temperature);
    }

    [Fact]
    public void Ic_SetsInitialNodeVoltages()
    {
        var netlist = Lines(".ic v(cap)=5 V(Out)=-1");

        Assert.Equal(new Dictionary<string, double> { ["cap"] = 5, ["out"] = -1 }, netlist.InitialConditions);
    }

    [Fact]
    public void Nodeset_SetsNodeVoltageGuesses()
    {
        var netlist = Lines(".nodeset v(a)=0.7");

        Assert.Equal(new Dictionary<string, double> { ["a"] = 0.7 }, netlist.Nodesets);
    }

    [Fact]
    public void Op_AddsAnOperatingPoint()
    {
        var op = Analysis<OpSpec>(".op");

        Assert.Equal("op", op.Kind);
        Assert.Equal((Read.FileName, 4, 1), (op.At.File, op.At.Line, op.At.Column));
    }

    [Fact]
    public void DcSingleSweep_ListsItsValues()
    {
        var sweep = Assert.Single(Analysis<DcSpec>(".dc V1 -1 1 0.5").Sweeps);

        Assert.Equal("V1", sweep.Target);
        Assert.Equal(new[] { -1, -0.5, 0, 0.5, 1 }, sweep.Values);
    }

    [Fact]
    public void DcNestedSweep_ListsTheFirstWrittenSweepFirst()
    {
        var sweeps = Analysis<DcSpec>(".dc V1 0 1 0.5 V2 0 2 1").Sweeps;

        Assert.Equal(new[] { "V1", "V2" }, sweeps.Select(s => s.Target));
        Assert.Equal(new[] { 0, 1.0, 2 }, sweeps[1].Values);
    }

    [Fact]
    public void Dc_ListSweepTakesTheListedValues()
    {
        var sweep = Assert.Single(Analysis<DcSpec>(".dc V1 list 1 5 2").Sweeps);

        Assert.Equal(new[] { 1.0, 5, 2 }, sweep.Values);
    }

    [Fact]
    public void Dc_ListSweepMayBeFollowedByANestedSweep()
    {
        var sweeps = Analysis<DcSpec>(".dc V1 list 1 2 R1 1k 2k 1k").Sweeps;

        Assert.Equal(new[] { 1.0, 2 }, sweeps[0].Values);
        Assert.Equal("R1", sweeps[1].Target);
        Assert.Equal(new[] { 1e3, 2e3 }, sweeps[1].Values);
    }

    [Fact]
    public void Dc_SweepOfTempSweepsTheTemperature()
    {
        var sweep = Assert.Single(Analysis<DcSpec>(".dc temp 0 100 50").Sweeps);

        Assert.Equal("temp", sweep.Target);
        Assert.Equal(new[] { 0.0, 50, 100 }, sweep.Values);
    }

    [Fact]
    public void Dc_SweepOfAResistorSweepsItsResistance()
    {
        var sweep = Assert.Single(Analysis<DcSpec>(".dc R1 1k 3k 1k").Sweeps);

        Assert.Equal("R1", sweep.Target);
        Assert.Equal(new[] { 1e3, 2e3, 3e3 }, sweep.Values);
    }

    [Theory]
    [InlineData(".tran 1u 1m", 1e-6, 1e-3, 0, null, false)]
    [InlineData(".tran 1u 1m 0.5m", 1e-6, 1e-3, 0.5e-3, null, false)]
    [InlineData(".tran 1u 1m 0 10n", 1e-6, 1e-3, 0, 10e-9, false)]
    [InlineData(".tran 1u 1m uic", 1e-6, 1e-3, 0, null, true)]
    [InlineData(".tran 0.5u 400u 0 0.1u uic", 0.5e-6, 400e-6, 0, 0.1e-6, true)]
    [InlineData(".TRAN 1U 1M UIC", 1e-6, 1e-3, 0, null, true)]
    public void Tran_reads_step_stop_start_maxstep_and_uic(string line, double step, double stop, double start, double? maxStep, bool uic)
    {
        var tran = Analysis<TranSpec>(line);

        Near.Equal(new[] { step, stop, start }, new[] { tran.Step, tran.Stop, tran.Start });
        Assert.Equal(maxStep.HasValue, tran.MaxStep.HasValue);
        if (maxStep.HasValue) Near.Equal(maxStep.Value, tran.MaxStep!.Value);
        Assert.Equal(uic, tran.UseInitialConditions);
    }

    [Theory]
    [InlineData("dec", AcSweepKind.Decade)]
    [InlineData("oct", AcSweepKind.Octave)]
    [InlineData("lin", AcSweepKind.Linear)]
    [InlineData("DEC", AcSweepKind.Decade)]
    public void Ac_ReadsSweepKindPointsAndFrequencies(string kind, AcSweepKind expected)
    {
        var ac = Analysis<AcSpec>($".ac {kind} 10 1 1meg");

        Assert.Equal((expected, 10, 1.0, 1e6), (ac.Sweep, ac.Points, ac.Start, ac.Stop));
    }

    [Fact]
    public void SeveralAnalyses_AreKeptInOrder()
    {
        var netlist = Lines(".tran 1n 1u\n.op\n.ac dec 1 1 10");

        Assert.Equal(new[] { "tran", "op", "ac" }, netlist.Analyses.Select(a => a.Kind));
    }

    [Fact]
    public void StepParam_ListTakesTheListedValues()
    {
        var step = Read.Text("t\n.param rl=1k\nR1 a 0 {rl}\n.step param rl list 1k 2k 5k").Step!;

        Assert.Equal("rl", step.Parameter);
        Assert.Equal(new[] { 1e3, 2e3, 5e3 }, step.Values);
    }

    [Fact]
    public void StepParam_StartStopIncrementIsLinear()
    {
        var step = Read.Text("t\n.param rl=1k\n.step param rl 1k 3k 1k").Step!;

        Assert.Equal(new[] { 1e3, 2e3, 3e3 }, step.Values);
    }

    [Fact]
    public void StepParamLin_TakesAPointCount()
    {
        var step = Read.Text("t\n.param v=1\n.step param v lin 5 0 1").Step!;

        Assert.Equal(new[] { 0, 0.25, 0.5, 0.75, 1 }, step.Values);
    }

    [Fact]
    public void StepParamDec_TakesPointsPerDecade()
    {
        var step = Read.Text("t\n.param f=1\n.step param f dec 1 1 1k").Step!;

        Assert.Equal(new[] { 1.0, 10, 100, 1000 }, step.Values.Select(v => Math.Round(v, 9)));
    }

    [Fact]
    public void StepTemp_StepsTheTemperature()
    {
        var step = Read.Text("t\n.step temp list 0 27 85").Step!;

        Assert.Equal("temp", step.Parameter);
        Assert.Equal(new[] { 0.0, 27, 85 }, step.Values);
    }

    [Fact]
    public void StepTemp_StartStopIncrementIsLinear()
    {
        Assert.Equal(new[] { -25.0, 25, 75 }, Read.Text("t\n.step temp -25 75 50").Step!.Values);
    }

    [Fact]
    public void Step_OverrideRebuildsTheCircuitWithTheSteppedValue()
    {
        var netlist = Read.Text("t\n.param rl=1k\nR1 a 0 {2*rl}\n.step param rl list 1k 3k");

        var circuit = netlist.Build(new Dictionary<string, double> { ["rl"] = 3e3 });

        Assert.Equal(6e3, Assert.IsType<CircuitSim.Devices.Passive.Resistor>(circuit["R1"]).Resistance);
    }

    [Fact]
    public void Save_ReadsNodeVoltagesDifferencesCurrentsAndDeviceQuantities()
    {
        var netlist = Lines(".save v(a) V(A,B) i(V1) @M1[id] out");

        Assert.Equal(new[] { "v(a)", "v(a,b)", "i(v1)", "@m1[id]", "v(out)" }, netlist.Saves);
    }

    [Fact]
    public void SaveAll_AddsNothing()
    {
        Assert.Empty(Lines(".save all").Saves);
    }

    [Theory]
    [InlineData(".plot dc v(a) i(v1)")]
    [InlineData(".probe v(a) i(v1)")]
    public void PlotAndProbe_AreSavesWithAnOptionalAnalysisPrefix(string line)
    {
        Assert.Equal(new[] { "v(a)", "i(v1)" }, Lines(line).Saves);
    }

    [Theory]
    [InlineData(".print tran v(a) i(v1)", "tran")]
    [InlineData(".print v(a) i(v1)", null)]
    public void Print_AsksForATableAndSavesNothing(string line, string? analysis)
    {
        var netlist = Lines(line);

        Assert.Empty(netlist.Saves);
        var print = Assert.Single(netlist.Prints);
        Assert.Equal(analysis, print.Analysis);
        Assert.Equal(new[] { "v(a)", "i(v1)" }, print.Expressions);
    }

    [Fact]
    public void Print_TakesExpressionsAsNgspiceSplitsThem()
    {
        // a blank before '-' does not end an expression: ngspice reads "v(a) -v(b)" as one difference
        var print = Assert.Single(Lines(".print dc v(a) -v(b) db(v(a)) i(v1)*2").Prints);

        Assert.Equal(new[] { "v(a) -v(b)", "db(v(a))", "i(v1)*2" }, print.Expressions);
    }

    [Fact]
    public void Plot_AsksForAChartOfItsVectorsInOneAnalysis()
    {
        var chart = Assert.Single(Lines(".plot tran v(a) @M1[r]").Plots);

        Assert.Equal(new[] { "v(a)", "@m1[r]" }, chart.Y);
        Assert.Equal(("tran", (string?)null), (chart.Analysis, chart.X));
    }

    [Fact]
    public void PlotVs_DrawsItsVectorsAgainstTheLastOneAndSavesIt()
    {
        var netlist = Lines(".plot i(vam) vs v(p)");

        var chart = Assert.Single(netlist.Plots);
        Assert.Equal(new[] { "i(vam)" }, chart.Y);
        Assert.Equal(((string?)null, "v(p)"), (chart.Analysis, chart.X));
        Assert.Equal(new[] { "i(vam)", "v(p)" }, netlist.Saves);
    }

    [Theory]
    [InlineData(".plot tran vs v(p)", "'vs' needs vectors before it")]
    [InlineData(".plot tran v(a) vs", "missing the vector after 'vs'")]
    [InlineData(".plot tran v(a) vs v(b) v(c)", "nothing may follow the x vector")]
    [InlineData(".plot tran", "no vectors")]
    public void PlotWithAMisplacedVsOrNoVectors_IsAnError(string line, string message)
    {
        var error = Read.Error("t\n" + line);

        Assert.Equal(".plot: " + message, error.Message);
    }

    [Fact]
    public void Meas_IsStoredWithItsAnalysisNameAndParsedStatement()
    {
        var m = Assert.Single(Lines(".meas tran tdelay TRIG v(in) VAL=0.5 RISE=1 TARG v(out) VAL=0.5 FALL=1").Measures);

        Assert.Equal(("tran", "tdelay", 4), (m.Analysis, m.Name, m.At.Line));
        Assert.Equal(MeasureKind.TrigTarg, m.Statement.Kind);
        Assert.Equal(("v(in)", "v(out)"), (m.Statement.Trig!.Crossing!.Signal, m.Statement.Targ!.Crossing!.Signal));
    }

    [Fact]
    public void MeasureSpelledOut_IsTheSameCommand()
    {
        var m = Assert.Single(Lines(".measure dc vmax MAX v(a)").Measures);

        Assert.Equal(("dc", "vmax", MeasureKind.Max), (m.Analysis, m.Name, m.Statement.Kind));
    }

    [Fact]
    public void Meas_GetsBracedExpressionsReplacedByTheirValues()
    {
        var m = Assert.Single(Read.Text("t\n.param vdd=3.3\n.meas tran t1 WHEN v(out)={vdd/2}\nR1 out 0 1").Measures);

        Assert.Equal("tran t1 WHEN v(out)=1.65", m.Text);
        Assert.Equal(1.65, m.Statement.When!.Level!.Value);
    }

    [Fact]
    public void ControlBlock_IsReadAsAScriptNotAsNetlistLines()
    {
        var netlist = Read.Text("""
            t
            R1 a 0 1k
            .control
            run
            print v(a)
            .endc
            .op
            """);

        Assert.Empty(netlist.Warnings);
        Assert.Single(netlist.Circuit.Components);
        Assert.Equal(new[] { "run", "print" }, netlist.Control!.Statements.Cast<CircuitSim.Netlist.Control.ControlCommand>().Select(c => c.Name));
    }

    [Fact]
    public void End_StopsReading()
    {
        var netlist = Read.Text("""
            t
            R1 a 0 1k
            .op
            .end
            R2 this is not read (
            """);

        Assert.Single(netlist.Circuit.Components);
    }

    [Fact]
    public void NetlistWithoutAnalysis_ReadsWithAWarning()
    {
        var netlist = Read.Text("t\nR1 a 0 1k");

        Assert.Equal("no analysis (.op, .dc, .tran or .ac) in the netlist", Assert.Single(netlist.Warnings).Message);
    }

    [Theory]
    [InlineData(".noise v(a) V1 dec 10 1 1k", ".noise")]
    [InlineData(".pz in 0 out 0 vol pz", ".pz")]
    [InlineData(".sens v(a)", ".sens")]
    [InlineData(".disto dec 10 1 1k", ".disto")]
    public void UnsupportedAnalysis_IsAnErrorNamingTheSupportedOnes(string line, string keyword)
    {
        var error = Read.Error("t\nR1 a 0 1k\nV1 a 0 1\n" + line + "\n.op");

        Assert.Equal($"{keyword} analysis is not supported", error.Message);
        Assert.Equal(".op, .dc, .tran, .ac, .tf or .four (with .tran)", error.Expected);
        Assert.Equal((4, 1), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void FourWithoutATransient_IsAnError()
    {
        var error = Read.Error("t\nV1 a 0 SIN(0 1 1k)\nR1 a 0 1k\n.four 1k v(a)\n.op");

        Assert.Equal(".four needs a transient: there is no .tran line", error.Message);
        Assert.Equal(4, error.Location.Line);
    }

    [Theory]
    [InlineData(".tf v(a) V1", "v(a)", "v1")]
    [InlineData(".tf v(a,b) I1", "v(a,b)", "i1")]
    [InlineData(".tf i(vx) V1", "i(vx)", "v1")]
    public void Tf_ReadsItsOutputAndInput(string line, string output, string input)
    {
        var tf = Assert.IsType<TfSpec>(Assert.Single(Lines(line).Analyses));

        Assert.Equal((output, input), (tf.Output, tf.Input));
    }
}
