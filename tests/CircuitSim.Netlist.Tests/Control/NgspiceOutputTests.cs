using CircuitSim.Output.Tests.Support;

namespace CircuitSim.Netlist.Tests.Control;

/// <summary>
/// What .control scripts and .print lines print and write, against ngspice 39: the lines and files ngspice produced
/// for the same deck are recorded here (command in each comment), and where ngspice is installed the deck is run
/// through it again and compared whole.
/// </summary>
public class NgspiceOutputTests
{
    private const string ScalarDeck = """
        control scalars
        V1 in 0 DC 1 AC 1 PULSE(0 1 0 1u 1u 5u 10u)
        R1 in out 1k
        C1 out 0 1n
        .control
        tran 2u 6u
        print mean(v(out)) length(v(out)) v(out)[2] time[2]
        meas tran tw WHEN v(out)=0.5
        print tw*1e6
        ac dec 1 1k 1meg
        print db(v(out))[1] ph(v(out))[1] mag(v(out))[1] real(v(out))[2] imag(v(out))[2]
        .endc
        .end
        """;

    /// <summary><c>ngspice -b scalars.cir | grep " = "</c> on <see cref="ScalarDeck"/>.</summary>
    private static readonly string[] ScalarLines =
    [
        "mean(v(out)) = 6.337757e-01",
        "length(v(out)) = 6.300000e+01",
        "v(out)[2] = 8.580203e-07",
        "time[2] = 1.067227e-09",
        "tw                  =  1.236770e-06",
        "tw*1e6 = 1.236770e+00",
        "db(v(out))[1] = -1.71115e-02",
        "ph(v(out))[1] = -6.27494e-02",
        "mag(v(out))[1] = 9.980319e-01",
        "real(v(out))[2] = 7.169568e-01",
        "imag(v(out))[2] = -4.50477e-01",
    ];

    [Fact]
    public void PrintOfScalarsAndMeas_PrintTheLinesNgspicePrinted()
    {
        using var run = new ScriptRun(ScalarDeck);

        Assert.Null(run.Runner.ScriptError);
        Assert.Equal(ScalarLines, run.Terminal.TrimEnd('\n').Split('\n'));
    }

    [NgspiceFact]
    public void PrintOfScalarsAndMeas_PrintWhatNgspicePrintsNow()
    {
        using var run = new ScriptRun(ScalarDeck);
        var theirs = run.RunNgspice().Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Contains(" = ") && !l.StartsWith("Doing analysis")).ToArray();

        Assert.Equal(theirs, run.Terminal.TrimEnd('\n').Split('\n'));
    }

    private const string FunctionDeck = """
        functions
        V1 in 0 DC 1 PULSE(0 1 0 1u 1u 5u 10u)
        R1 in out 1k
        C1 out 0 1n
        .control
        tran 2u 6u
        let y = v(out)*2 - 1
        print vecmax(y) vecmin(y) maximum(y) stddev(y) avg(y)[5] deriv(y)[5] integ(y)[62] norm(y)[5] abs(y)[1]
        print sqrt(4) exp(1) ln(10) log(100) log10(100) floor(2.7) ceil(2.2)
        .endc
        .end
        """;

    /// <summary><c>ngspice -b functions.cir</c> on <see cref="FunctionDeck"/> (note ngspice's log is the natural log, and
    /// deriv is the slope of the parabola through each point and its neighbours).</summary>
    private static readonly string[] FunctionLines =
    [
        "vecmax(y) = 9.915258e-01",
        "vecmin(y) = -1.00000e+00",
        "maximum(y) = 9.915258e-01",
        "stddev(y) = 7.847638e-01",
        "avg(y)[5] = -9.99988e-01",
        "deriv(y)[5] = 1.363765e+04",
        "integ(y)[62] = 3.008385e-06",
        "norm(y)[5] = -9.99953e-01",
        "abs(y)[1] = 9.999993e-01",
        "sqrt(4) = 2.000000e+00",
        "exp(1) = 2.718282e+00",
        "ln(10) = 2.302585e+00",
        "log(100) = 4.605170e+00",
        "log10(100) = 2.000000e+00",
        "floor(2.7) = 2.000000e+00",
        "ceil(2.2) = 3.000000e+00",
    ];

    [Fact]
    public void VectorFunctions_GiveTheValuesNgspicePrinted()
    {
        using var run = new ScriptRun(FunctionDeck);

        Assert.Equal(FunctionLines, run.Terminal.TrimEnd('\n').Split('\n'));
    }

    private const string PrintDeck = """
        print formats
        V1 in 0 DC 1 AC 1
        R1 in out 1k
        C1 out 0 1u
        R2 out 0 3k
        .dc V1 0 2 0.5
        .op
        .print dc v(out) i(v1)
        .print op v(out) i(v1)
        .end
        """;

    /// <summary><c>ngspice -b print.cir</c> on <see cref="PrintDeck"/>, the date lines left out. ngspice heads the
    /// columns with its internal names (v-sweep, v1#branch) where we write the names the vectors have in our files
    /// (v1, i(v1)); the layout and every number are the same.</summary>
    private static readonly string[] PrintLines =
    [
        "                                 print formats",
        "--------------------------------------------------------------------------------",
        "Index   v1              v(out)          i(v1)           ",
        "--------------------------------------------------------------------------------",
        "0\t0.000000e+00\t0.000000e+00\t0.000000e+00\t",
        "1\t5.000000e-01\t3.750000e-01\t-1.25000e-04\t",
        "2\t1.000000e+00\t7.500000e-01\t-2.50000e-04\t",
        "3\t1.500000e+00\t1.125000e+00\t-3.75000e-04\t",
        "4\t2.000000e+00\t1.500000e+00\t-5.00000e-04\t",
        "                                 print formats",
        "--------------------------------------------------------------------------------",
        "Index   v(out)          i(v1)           ",
        "--------------------------------------------------------------------------------",
        "0\t7.500000e-01\t-2.50000e-04\t",
        "",
    ];

    [Fact]
    public void DotPrint_PrintsNgspicesTablesAfterEachAnalysis()
    {
        using var run = new ScriptRun(PrintDeck);

        Assert.Equal(PrintLines, run.UndatedLines);
        Assert.Contains("                                 DC transfer characteristic  ", run.Terminal);
    }

    [Fact]
    public void DotPrint_LeavesEveryVectorInTheOutputs()
    {
        using var run = new ScriptRun(PrintDeck);

        // .print does not narrow what is saved, unlike .save
        Assert.Equal(new[] { "v(in)", "v(out)", "i(v1)" }, run.Recorder.Plots[0].Info.VectorNames);
    }

    [Fact]
    public void DotPrintAc_PrintsComplexColumnsAsNgspiceDoes()
    {
        using var run = new ScriptRun(PrintDeck.Replace(".dc V1 0 2 0.5\n.op", ".ac dec 1 10 1k").Replace(".print dc v(out) i(v1)\n.print op v(out) i(v1)", ".print ac v(out) vdb(out)"));

        // ngspice 39 (ngspice -b on the same deck) prints the same rows, the complex column as "re,<tab>im"
        var rows = run.UndatedLines.Where(l => l.Length > 0 && char.IsDigit(l[0])).ToArray();
        Assert.Equal(new[]
        {
            "0\t1.000000e+01\t7.483382e-01,\t-3.52646e-02\t-2.50841e+00\t",
            "1\t1.000000e+02\t6.137148e-01,\t-2.89206e-01\t-3.36972e+00\t",
            "2\t1.000000e+03\t3.231838e-02,\t-1.52297e-01\t-1.61549e+01\t",
        }, rows);
    }

    [NgspiceFact]
    public void DotPrintTran_PrintsTheRowsNgspicePrints()
    {
        using var run = new ScriptRun("""
            print tran
            V1 in 0 SIN(0 1 1k)
            R1 in out 1k
            R2 out 0 1k
            .tran 0.1m 0.5m
            .print tran v(in) v(out)
            .end
            """);
        static string[] Rows(string text) => text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\d+\t")).ToArray();

        // both print the accepted time points (not a resampled grid): same count, same values to the 7 digits shown
        var ours = Rows(run.Terminal);
        Assert.Equal(59, ours.Length);
        Assert.Equal(Rows(run.RunNgspice()), ours);
    }

    private const string WrdataDeck = """
        wrdata formats
        V1 in 0 DC 1 AC 1 PULSE(0 1 0 1u 1u 5u 10u)
        R1 in out 1k
        C1 out 0 1n
        .control
        tran 1u 4u
        set wr_singlescale
        set wr_vecnames
        wrdata tran.txt v(in) v(out)
        unset wr_singlescale
        set numdgt=3
        wrdata tran3.txt v(in) -v(out)
        ac lin 3 1k 3k
        set wr_singlescale
        wrdata ac.txt v(out)
        .endc
        .end
        """;

    [Fact]
    public void Wrdata_WritesNgspicesColumns()
    {
        using var run = new ScriptRun(WrdataDeck);

        // the first lines of the files ngspice -b wrote for this deck ("v(in) -v(out)" is one difference, as ngspice
        // reads it; a complex vector has a real and an imaginary column)
        Assert.Equal(new[]
        {
            " time            v(in)           v(out)         ",
            " 0.00000000e+00  0.00000000e+00  0.00000000e+00 ",
            " 4.00000000e-10  4.00000000e-04  1.59936026e-07 ",
        }, File.ReadLines(run.PathOf("tran.txt")).Take(3));
        Assert.Equal(63, File.ReadLines(run.PathOf("tran.txt")).Count());
        Assert.Equal(new[] { " time       v(in) -v(out)", " 0.000e+00  0.000e+00 ", " 4.000e-10  3.998e-04 " },
            File.ReadLines(run.PathOf("tran3.txt")).Take(3));
        Assert.Equal(new[]
        {
            " frequency  v(out)     v(out)    ",
            " 1.000e+03  1.000e+00 -6.283e-03 ",
            " 2.000e+03  9.998e-01 -1.256e-02 ",
            " 3.000e+03  9.996e-01 -1.884e-02 ",
        }, File.ReadLines(run.PathOf("ac.txt")));
    }

    [NgspiceFact]
    public void Wrdata_FilesAreByteForByteNgspices()
    {
        using var run = new ScriptRun(WrdataDeck);
        var files = new[] { "tran.txt", "tran3.txt", "ac.txt" };
        var ours = files.ToDictionary(f => f, f => File.ReadAllText(run.PathOf(f)));
        foreach (var f in files) File.Delete(run.PathOf(f));

        run.RunNgspice();

        foreach (var f in files) Assert.Equal(File.ReadAllText(run.PathOf(f)), ours[f]);
    }
}
