using System.Text;
using System.Text.RegularExpressions;

namespace CircuitSim.Tools.Fuzz;

/// <summary>
/// Makes case <c>id</c> of a campaign from its seed: 1–4 mutations of the netlist (tokens, numbers, brackets,
/// includes, lines, characters, deep expressions, analyses, file options, statements), sometimes of a model library
/// it reads, sometimes of the invocation (the netlist path, the output directory, a signal), and sometimes of the
/// encoding (CRLF, CR-only, byte-order marks, UTF-16, Latin-1). The random generator is seeded from the campaign seed
/// and the case number only, so a case is the same whatever else runs.
/// </summary>
public sealed class Mutator
{
    private readonly Corpus _corpus;
    private readonly int _campaignSeed;

    public Mutator(Corpus corpus, int campaignSeed)
    {
        _corpus = corpus;
        _campaignSeed = campaignSeed;
    }

    /// <summary>Whether the out-of-process runner may add signals and invocation tricks.</summary>
    public bool OutOfProcess { get; init; }

    /// <summary>Restricts the seeds drawn from (e.g. to the fast ones for CI); all when null.</summary>
    public IReadOnlyList<Seed>? Seeds { get; init; }

    /// <summary>The unmutated case of <paramref name="seed"/> (for its reference time).</summary>
    public FuzzCase Unmutated(Seed seed)
    {
        var c = new FuzzCase(-1, seed);
        AddWorkspace(c, File.ReadAllText(seed.Path), null, null);
        return c;
    }

    public FuzzCase Make(int id)
    {
        var rng = new Random(unchecked(_campaignSeed * 1_000_003 + id * 7919 + 17));
        var command = rng.NextDouble();
        if (command < 0.03) return OtherCommand(rng, new FuzzCase(id, CommandInputs.SweepSeed), sweep: true);
        if (OutOfProcess && command < 0.05) return OtherCommand(rng, new FuzzCase(id, CommandInputs.MagnetSeed), sweep: false);
        var seeds = Seeds ?? _corpus.Seeds;
        var seed = seeds[rng.Next(seeds.Count)];
        var c = new FuzzCase(id, seed);
        var text = File.ReadAllText(seed.Path);
        string? library = null, libraryText = null;
        var count = rng.Next(2) == 0 ? 1 : 2 + rng.Next(3); // half the cases a single mutation, the rest 2–4
        string? netlistOverride = null, outputOverride = null;
        for (var k = 0; k < count; k++)
        {
            var kind = Pick(rng, Kinds);
            if (kind == "library" && seed.Libraries.Count > 0)
            {
                library ??= seed.Libraries[rng.Next(seed.Libraries.Count)];
                libraryText ??= File.ReadAllText(Path.Combine(_corpus.Root, "models", library));
                var (mutated, what) = Apply(rng, Pick(rng, TextKinds), libraryText, c);
                libraryText = mutated;
                c.Mutations.Add($"library {library}: {what}");
                continue;
            }
            if (kind == "library") kind = "number";
            if (kind == "invocation")
            {
                Invocation(rng, c, ref netlistOverride, ref outputOverride);
                continue;
            }
            var (t, d) = Apply(rng, kind, text, c);
            text = t;
            c.Mutations.Add(d);
        }
        AddWorkspace(c, text, library, libraryText);
        if (rng.NextDouble() < 0.12) Encode(rng, c);
        if (netlistOverride is not null) c.NetlistPath = netlistOverride;
        if (outputOverride is not null) c.OutputArgument = outputOverride;
        c.Plot = rng.NextDouble() < 0.15;
        c.Ascii = rng.NextDouble() < 0.1;
        c.Format = rng.NextDouble() < 0.1 ? (rng.Next(2) == 0 ? "raw" : "csv") : "both";
        if (OutOfProcess && rng.NextDouble() < 0.15)
        {
            c.Signal = rng.Next(2) == 0 ? SignalPlan.Interrupt : SignalPlan.Terminate;
            c.SignalAfterMs = 100 + rng.Next(1500);
            c.Mutations.Add($"{c.Signal} after {c.SignalAfterMs} ms");
        }
        return c;
    }

    /// <summary>A sweep plan or a magnet problem file with 1–3 text mutations, sometimes a path trick in a file name
    /// (the plan's netlist, the problem's table or mask).</summary>
    private FuzzCase OtherCommand(Random rng, FuzzCase c, bool sweep)
    {
        string Mutate(string text)
        {
            if (rng.NextDouble() < 0.25)
            {
                var trick = Pick(rng, PathTricks);
                text = sweep
                    ? text.Replace(FuzzCase.WorkspaceToken + "/netlists/sweep.cir", trick.Replace("\"", "\\\""), StringComparison.Ordinal)
                    : rng.Next(2) == 0 ? text.Replace("table: m.csv", "table: " + trick, StringComparison.Ordinal)
                    : text.Replace("shape: disk", "shape: mask\n  mask: " + trick, StringComparison.Ordinal);
                c.Mutations.Add($"file name {Short(trick)}");
            }
            var n = 1 + rng.Next(3);
            for (var k = 0; k < n; k++)
            {
                var (t, what) = Apply(rng, Pick(rng, TextKinds), text, c);
                text = t;
                c.Mutations.Add(what);
            }
            return text;
        }
        if (sweep) CommandInputs.Sweep(c, Mutate);
        else CommandInputs.Magnet(c, Mutate);
        // half of them signalled (a run case: 15 %): their interruption is what these commands add
        if (OutOfProcess && rng.NextDouble() < 0.5)
        {
            c.Signal = rng.Next(2) == 0 ? SignalPlan.Interrupt : SignalPlan.Terminate;
            c.SignalAfterMs = 100 + rng.Next(1500);
            CommandInputs.Lengthen(c);
            c.Mutations.Add($"{c.Signal} after {c.SignalAfterMs} ms");
        }
        return c;
    }

    private void AddWorkspace(FuzzCase c, string netlist, string? library, string? libraryText)
    {
        var name = Path.GetFileName(c.Seed.Path);
        c.NetlistPath = Path.Combine("netlists", name);
        c.Files[c.NetlistPath] = FuzzCase.Utf8(netlist);
        foreach (var lib in _corpus.Libraries)
        {
            var libName = Path.GetFileName(lib);
            c.Files[Path.Combine("models", libName)] = libName == library ? FuzzCase.Utf8(libraryText!) : File.ReadAllBytes(lib);
        }
        foreach (var extra in _corpus.Companions) c.Files[Path.Combine("netlists", Path.GetFileName(extra))] = File.ReadAllBytes(extra);
    }

    // ---- what is mutated ----

    private static readonly (string Kind, int Weight)[] Kinds =
    {
        ("token", 14), ("number", 18), ("bracket", 8), ("include", 6), ("line", 10), ("chars", 6), ("deep", 6),
        ("analysis", 10), ("fileopt", 6), ("statement", 10), ("library", 8), ("empty", 2), ("invocation", 5),
    };

    private static readonly (string Kind, int Weight)[] TextKinds =
    {
        ("token", 3), ("number", 4), ("bracket", 2), ("line", 2), ("chars", 1), ("statement", 1),
    };

    private static string Pick(Random rng, (string Kind, int Weight)[] kinds)
    {
        var total = kinds.Sum(k => k.Weight);
        var r = rng.Next(total);
        foreach (var (kind, weight) in kinds)
        {
            if (r < weight) return kind;
            r -= weight;
        }
        return kinds[^1].Kind;
    }

    private static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    /// <summary>Paths that a file-naming statement or option may be given: devices, kernel files, escapes, oddities.</summary>
    internal static readonly string[] PathTricks =
    {
        "/dev/zero", "/dev/urandom", "/dev/full", "/dev/null", "/proc/self/mem", "/proc/self/status", "/proc/nope/x",
        "/etc/passwd", "../../../../../../etc/passwd", ".", "..", "nonexistent.lib", "../victim/existing.txt",
        "../victim/new.txt", "/tmp/circuitsim-fuzz-outside/x.txt", new string('x', 300), "a/" + new string('y', 260) + "/b",
        "\"with space.txt\"", "sub/dir/file.txt", "netlists", "\"\"",
    };

    private static readonly string[] Numbers =
    {
        "1e308", "-1e308", "1e-308", "5e-324", "0", "-0", "1e999", "nan", "inf", "-inf", "{1/0}", "{0/0}", "{-1/0}", "1e30",
        "1e-30", "99999999999999999999", "-1", "1meg", "0.5", "{1e308*10}", "1k", "7", "1e15", "-1e15", "1e3", "1e-15", "2147483648",
    };

    private static readonly string[] Tokens =
    {
        "(", ")", "{", "}", "=", ",", "'", "\"", "0", "gnd", "dc", "ac", "pulse", "sin", "pwl", "r=", "uic", "params:", "vs",
        "v(", "i(v1)", "@x[r]", "{p}", "x", ".end", ".ends", "+", "*", ";", "$", "\\", "1e", ".", "..", "--", "{{", "}}",
    };

    private static readonly string[] Statements =
    {
        ".subckt rec a b\nXr a b rec\n.ends rec\nXtop 1 0 rec", ".model dd d", "Rz a 0 {undefined_param}", ".ic v(1)=1e308",
        ".nodeset v(1)=-1e308", ".options reltol=0", ".options method=gear maxord=99", ".options itl4=0 itl1=0", ".temp -300",
        ".temp 1e308", ".meas tran mx max v(1)", ".meas tran w when v(1)=1e308", ".save all", ".plot tran v(1) vs v(2)",
        ".control\nrun\nplot v(1)\n.endc", ".end", ".global 0", "Bz a 0 V={v(a)^1e308}", "Ez a 0 a 0 1", "Lz a 0 0",
        "Cz a 0 -1", "Kz L1 L2 2", "Vz a a 1", "Iz 0 0 1", ".func f(x) {f(x)}", ".param p={p}", ".param q={q+1}",
        ".step param pz 0 1 1e-12", ".step dec param pz 1 1e300 10", ".dc vz 0 1 1e-15", ".ac dec 1e9 1 1g", ".op", ".tran 1n 10n",
        "Vz zz 0 PULSE(0 1 0 1p 1p 1p 2p)", "Vz zz 0 PWL(0 0 1p 1 2p 0) r=0", "Rz zz 0 1e-300", "Rz zz 0 1e300",
        "Xz a b nosuchsubckt", ".lib", ".include", ".param", ".model", "Y", "YFILM f9 a 0 nosuchmodel",
        "YAMM y9 a 0 nosuchmodel state=profile profile=/dev/zero", ".endl", ".ends", ".subckt",
        // .control scripts: file names, loops, vectors
        ".control\nrun\nwrdata ../victim/existing.txt v(1)\n.endc", ".control\nrun\nwrite /tmp/circuitsim-fuzz-outside/x.raw\n.endc",
        ".control\nrun\nwrdata /dev/full v(1)\n.endc", ".control\nrun\nwrite sub/dir/x.raw\n.endc", ".control\nset filetype=ascii\nrun\nwrite\n.endc",
        ".control\nwhile 1\nlet a = 1\nend\n.endc", ".control\nrepeat 1e9\nrun\nend\n.endc", ".control\nforeach x 1 2 3\nalter r1 $x\nop\nprint all\nend\n.endc",
        ".control\nlet v = vector(1e12)\n.endc", ".control\nlet a = 1/0\nprint a\n.endc", ".control\nif\nend\n.endc", ".control\nrun\nlinearize\nfourier 1e308 v(1)\n.endc",
        ".control\nrun\nmeas tran m max v(1)\nsetplot nosuch\n.endc", ".control\nquit\n.endc", ".control\nrun\n", ".endc",
        // statistical functions and Monte Carlo runs
        ".param pa={agauss(1, 0.1, 3)}", ".param pb={agauss(1, -1, 0)}", "Rst a 0 {agauss(1k, 1e308, 1)}", ".param pc={gauss(0, 1e308, 1e-308)}",
        ".param pd={aunif(1, 2)} pe={unif(1, -1)} pf={limit(1, 1e308)}", ".options seed=-1", ".options seed=1e308",
        ".step param run 1 1e9 1", ".step param run 1 3 1", ".temp 27 1e308 -273.16",
    };

    private static readonly string[] Analyses =
    {
        ".tran 1p 1m", ".tran 1e-30 1", ".tran 1p 10", ".tran 1 1e300", ".tran 0 1", ".tran 1n 10n 5n 1e-30", ".tran -1 1",
        ".tran {1/0} 1", ".tran 1u 10m", ".tran 1n 1n", ".tran 1e-300 1e-299", ".dc v1 0 1 1e-12", ".dc v1 0 1e308 1e300",
        ".ac dec 1e9 1 1g", ".ac lin 0 1 1", ".ac dec 10 0 1", ".step param x 0 1 1e-12", ".op", ".tran 1p 1n 0 1e-20",
    };

    private (string Text, string What) Apply(Random rng, string kind, string text, FuzzCase c)
    {
        var lines = text.Split('\n').ToList();
        int Body() => lines.Count <= 1 ? 0 : 1 + rng.Next(lines.Count - 1);
        switch (kind)
        {
            case "token":
            {
                var i = Body();
                var words = lines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
                if (words.Count == 0) return (text, "token: empty line");
                var w = rng.Next(words.Count);
                var op = rng.Next(4);
                string what;
                switch (op)
                {
                    case 0: what = $"deleted token '{Short(words[w])}' on line {i + 1}"; words.RemoveAt(w); break;
                    case 1: what = $"duplicated token '{Short(words[w])}' on line {i + 1}"; words.Insert(w, words[w]); break;
                    case 2:
                        var o = rng.Next(words.Count);
                        (words[w], words[o]) = (words[o], words[w]);
                        what = $"swapped tokens {w} and {o} on line {i + 1}";
                        break;
                    default:
                        var t = Pick(rng, Tokens);
                        what = $"replaced token '{Short(words[w])}' by '{t}' on line {i + 1}";
                        words[w] = t;
                        break;
                }
                lines[i] = string.Join(' ', words);
                return (string.Join('\n', lines), what);
            }
            case "number":
            {
                var matches = NumberPattern.Matches(text);
                if (matches.Count == 0) return (text, "number: none");
                var m = matches[rng.Next(matches.Count)];
                var n = Pick(rng, Numbers);
                return (text[..m.Index] + n + text[(m.Index + m.Length)..], $"number '{m.Value}' at {m.Index} -> {n}");
            }
            case "bracket":
            {
                var brackets = "(){}\"'[]";
                if (rng.Next(2) == 0 || text.IndexOfAny(brackets.ToCharArray()) < 0)
                {
                    var at = rng.Next(text.Length + 1);
                    var b = brackets[rng.Next(brackets.Length)];
                    return (text.Insert(at, b.ToString()), $"inserted '{b}' at {at}");
                }
                var positions = Enumerable.Range(0, text.Length).Where(p => brackets.Contains(text[p])).ToList();
                var p = Pick(rng, positions);
                return (text.Remove(p, 1), $"deleted '{text[p]}' at {p}");
            }
            case "include":
            {
                var target = rng.Next(5) == 0 ? Path.GetFileName(c.Seed.Path) : Pick(rng, PathTricks);
                var line = rng.Next(3) == 0 ? $".lib {target} sec" : $".include {target}";
                var i = Body();
                lines.Insert(Math.Max(1, i), line);
                return (string.Join('\n', lines), $"inserted '{Short(line)}'");
            }
            case "line":
            {
                var i = Body();
                switch (rng.Next(5))
                {
                    case 0: lines.RemoveAt(i); return (string.Join('\n', lines), $"deleted line {i + 1}");
                    case 1: lines.Insert(i, lines[i]); return (string.Join('\n', lines), $"duplicated line {i + 1}");
                    case 2:
                        var j = Body();
                        (lines[i], lines[j]) = (lines[j], lines[i]);
                        return (string.Join('\n', lines), $"swapped lines {i + 1} and {j + 1}");
                    case 3:
                        var cut = rng.Next(text.Length + 1);
                        return (text[..cut], $"truncated at {cut}");
                    default:
                        lines.Insert(i, new string('x', 1 + rng.Next(2) * 100_000) + " 1 2 3");
                        return (string.Join('\n', lines), $"inserted a long line at {i + 1}");
                }
            }
            case "chars":
            {
                var chars = new[] { "\0", "\t", "\u001b", "é", "中", "😀", "\u2028", "\uFEFF", "\r", "\\", "\u00a0", "\uFFFD", "\u0085" };
                var sb = new StringBuilder(text);
                var n = 1 + rng.Next(5);
                for (var k = 0; k < n; k++) sb.Insert(rng.Next(sb.Length + 1), Pick(rng, chars));
                return (sb.ToString(), $"inserted {n} special characters");
            }
            case "deep":
            {
                var depth = Pick(rng, new[] { 10, 199, 201, 300, 999, 1001, 5000, 10_000 });
                var form = rng.Next(6);
                var expr = form switch
                {
                    0 => new string('-', depth) + "1",
                    1 => string.Join("+", Enumerable.Repeat("1", depth)),
                    2 => string.Join("^", Enumerable.Repeat("1", depth)),
                    3 => new string('(', depth) + "1" + new string(')', depth),
                    4 => string.Concat(Enumerable.Repeat("sin(", depth)) + "1" + new string(')', depth),
                    _ => string.Join("?", Enumerable.Repeat("1", depth)) + string.Concat(Enumerable.Repeat(":1", depth - 1)),
                };
                var line = rng.Next(2) == 0 ? $".param deep={{{expr}}}" : $"Bdeep deepn 0 V={{{expr}}}";
                lines.Insert(Math.Max(1, Body()), line);
                return (string.Join('\n', lines), $"deep expression form {form}, depth {depth}");
            }
            case "analysis":
            {
                var a = Pick(rng, Analyses);
                var existing = lines.FindIndex(l => Regex.IsMatch(l, @"^\s*\.(tran|dc|ac|op)\b", RegexOptions.IgnoreCase));
                if (existing >= 0 && rng.Next(3) > 0)
                {
                    var old = lines[existing];
                    lines[existing] = a;
                    return (string.Join('\n', lines), $"analysis '{Short(old)}' -> '{a}'");
                }
                lines.Insert(Math.Max(1, Body()), a);
                return (string.Join('\n', lines), $"inserted analysis '{a}'");
            }
            case "fileopt":
            {
                var target = Pick(rng, PathTricks);
                var film = lines.FindIndex(l => l.TrimStart().StartsWith("YFILM", StringComparison.OrdinalIgnoreCase));
                var amm = lines.FindIndex(l => l.TrimStart().StartsWith("YAMM", StringComparison.OrdinalIgnoreCase));
                if (film >= 0)
                {
                    var opt = Pick(rng, new[] { "save", "snapdir", "texture" });
                    lines[film] += $" {opt}={target}" + (opt == "snapdir" ? " snapshots=\"0 1n\"" : "");
                    return (string.Join('\n', lines), $"film {opt}={Short(target)}");
                }
                if (amm >= 0)
                {
                    lines[amm] += $" state=profile profile={target}";
                    return (string.Join('\n', lines), $"amm profile={Short(target)}");
                }
                lines.Insert(Math.Max(1, Body()), $".include {target}");
                return (string.Join('\n', lines), $"no file option here; inserted '.include {Short(target)}'");
            }
            case "statement":
            {
                var s = Pick(rng, Statements);
                lines.Insert(Math.Max(1, Body()), s);
                return (string.Join('\n', lines), $"inserted '{Short(s.ReplaceLineEndings(" | "))}'");
            }
            default: // empty
            {
                var e = Pick(rng, new[] { "", "\n", "\r\r\r", " ", "title only", ".end", "\uFEFF", "t\n.end\n", "\0\0\0" });
                return (e, $"whole file replaced by {Short(Escape(e))}");
            }
        }
    }

    private static readonly Regex NumberPattern = new(@"(?<![\w.])[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?[a-zA-Z]*", RegexOptions.Compiled);

    /// <summary>Tricks in the invocation: the netlist path and the output directory.</summary>
    private static void Invocation(Random rng, FuzzCase c, ref string? netlist, ref string? output)
    {
        if (rng.Next(2) == 0)
        {
            var o = Pick(rng, new[] { "", " ", "/dev/null", "/proc/nope/out", "netlists", "out/" + new string('o', 300), "deep/a/b/c/out", "victim/existing.txt", "/proc/self/status" });
            output = o;
            c.Mutations.Add($"-o '{Short(o)}'");
        }
        else
        {
            var n = Pick(rng, new[] { "/dev/zero", "/dev/null", "/dev/urandom", "/proc/self/status", "/proc/self/mem", "models", "nonexistent.cir", "/etc/passwd" });
            netlist = n;
            c.Mutations.Add($"netlist '{n}'");
        }
    }

    /// <summary>Re-encodes the netlist: CRLF, CR-only, a UTF-8 BOM, UTF-16 LE/BE with BOM, Latin-1, NULs appended.</summary>
    private static void Encode(Random rng, FuzzCase c)
    {
        if (!c.Files.TryGetValue(c.NetlistPath, out var bytes)) return;
        var text = Encoding.UTF8.GetString(bytes);
        var form = rng.Next(7);
        c.Files[c.NetlistPath] = form switch
        {
            0 => FuzzCase.Utf8(text.Replace("\n", "\r\n")),
            1 => FuzzCase.Utf8(text.Replace("\n", "\r")),
            2 => new UTF8Encoding(true).GetPreamble().Concat(bytes).ToArray(),
            3 => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray(),
            4 => Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(text)).ToArray(),
            5 => Encoding.Latin1.GetBytes(text),
            _ => bytes.Concat(new byte[64]).ToArray(),
        };
        c.Mutations.Add("encoding " + new[] { "CRLF", "CR-only", "UTF-8 BOM", "UTF-16LE", "UTF-16BE", "Latin-1", "NULs appended" }[form]);
    }

    private static string Short(string s) => s.Length <= 40 ? s : s[..37] + "…";

    private static string Escape(string s) => s.Replace("\0", "\\0").Replace("\r", "\\r").Replace("\n", "\\n");
}
