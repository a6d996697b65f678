#!/usr/bin/env python3
"""Writes netlists/mram_8x8.cir, the 8x8 1T1MTJ MRAM example (write a pattern, read it back).

usage: gen_mram_8x8.py [OUT]   (default: netlists/mram_8x8.cir next to this repository's tools/)
Change PATTERN (rows of '#' = 1 = AP, '.' = 0 = P) or the timing below and run it again; the netlist is an ordinary
netlist and can also be edited by hand.
"""
import os, sys
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "netlists", "mram_8x8.cir")
PATTERN = ["##....##",
           "#.#..#.#",
           ".#.##.#.",
           "..#..#..",
           "..#..#..",
           ".#.##.#.",
           "#.#..#.#",
           "##....##"]
N = 8
bit = [[1 if c == '#' else 0 for c in row] for row in PATTERN]
init = [[(i + j) % 2 for j in range(N)] for i in range(N)]   # checkerboard: 1 = AP
VDD = 1.2
TW0, TWS = 5, 30      # write slots
TR0, TRS = 250, 15    # read slots
TEND = TR0 + N * TRS + 5
e = 0.2               # edge, ns

def pwl(intervals, level=VDD, start=0.0):
    """PWL of a signal that is high on the given [t0, t1] intervals (ns)."""
    merged = []
    for t0, t1 in sorted(intervals):
        if merged and t0 - merged[-1][1] < 1:
            merged[-1] = (merged[-1][0], max(t1, merged[-1][1]))
        else:
            merged.append((t0, t1))
    pts = [(0, start)]
    for t0, t1 in merged:
        pts += [(t0, 0), (t0 + e, level), (t1, level), (t1 + e, 0)]
    return "PWL(" + " ".join(f"{t:g}n {v:g}" for t, v in pts) + ")"

def wrap(line, width=112):
    out, cur = [], ""
    for w in line.split(" "):
        if cur and len(cur) + 1 + len(w) > width:
            out.append(cur); cur = "+ " + w
        else:
            cur = w if not cur else cur + " " + w
    out.append(cur)
    return "\n".join(out)

L = []
A = L.append
A("8x8 1T1MTJ MRAM array: CMOS row decoder and word-line drivers, latch-type sense amplifiers; write a pattern, read it back")
A("* Run:   circuitsim run netlists/mram_8x8.cir -o out --plot")
A("* 64 cells of the 40 nm CoFeB pMTJ (models/mtj_cofeb_40nm.lib, 300 K, seeded thermal field), each with an NMOS")
A("* access transistor. Cell (i, j):")
A("* bit line BLj -> MTJ free layer | reference layer -> access NMOS (gate WLi) -> source line SLj. Current BL -> SL")
A("* writes P (bit 0), SL -> BL writes AP (bit 1). 1.2 V; BSIM4 4.8 45 nm-class MOSFETs (models/cmos45_bsim4.lib,")
A("* nominal 1.0 V, usable to 1.2 V: the pMTJ needs the extra headroom to write AP through its access transistor).")
A("* Periphery: a 3-to-8 row decoder (NAND4 + inverter word-line driver per row) from address bits A2 A1 A0 and the")
A("* word-line enable WLEN; per column a bit-line write driver (transmission gate, enabled by WE) and a source-line")
A("* driver (transmission gate, always on; 0 V while reading), a 15 uA read current into the bit line and a latch-type")
A("* sense amplifier (cross-coupled inverters with a PMOS header and NMOS footer, SAEN) that samples the bit line and")
A("* the reference VREF through NMOS pass gates (SAMPLE) and then latches: Q = 1 when V(BL) > VREF (AP).")
A("* Sizing (L = 45 nm everywhere, W in multiples of 90 nm; at 1.2 V the NMOS gives 2.7 mA/um and the PMOS 1.7 mA/um,")
A("* so a PMOS 1.5x the NMOS width balances an inverter's rise and fall currents; it switches at 0.50 V, these cards'")
A("* PMOS being the weaker one at low |Vgs|): the access NMOS is 180/45 nm (a 4F-wide cell device), the")
A("* smallest that writes AP (the hard direction: its source rides up on the MTJ) as fast as the 600/100 nm level-1")
A("* device did; every junction is a 100 nm deep diffusion (AS = AD = W x 100 nm, PS = PD = 2 (W + 100 nm)).")
A("* Initial state: a checkerboard. Write (5-245 ns): row by row, 30 ns each: P phase (BL high where the bit is 0,")
A("* 14 ns) then AP phase (SL high where the bit is 1, 11 ns). Read (250-370 ns): row by row, 15 ns each.")
A("* Pattern written (# = 1 = AP), rows 1..8 top to bottom, columns 1..8 left to right:")
for r in PATTERN: A("*     " + r)
A("* The read-back is on the sense-amplifier outputs qj at the end of each read slot, 250 + 15 (i-1) + 12 ns;")
A("* the first .plot stacks them like a logic analyser: the read slots draw the pattern.")
A("* .meas, one per row: row<i> is the word read back, sum of 2^(8-j) q_j (column 1 is the high bit), to compare with")
A("*   " + ", ".join(f"row{i+1} = {sum(bit[i][j] << (N - 1 - j) for j in range(N))}" for i in range(N)) + " written;")
A("* margin<i> is the smallest |V(BLj) - VREF| over the row's eight bit lines at the end of SAMPLE (what the latch resolves).")
A("* Further .meas: write times from the word line's rise (AP 7.1 ns, P 3.0 ns), the P/AP bit-line split (136 mV) and")
A("* the energy drawn from all voltage sources, per bit written (1.25 pJ) and read (0.03 pJ, the read currents not")
A("* counted); docs/bsim4.md (\"Examples on BSIM4\") compares them with the level-1 version of this example.")
A(".lib \"../models/mtj_cofeb_40nm.lib\" thermal")
A(".lib \"../models/cmos45_bsim4.lib\" tt")
A("")
A("* junction geometry of a W-wide device with 100 nm deep diffusions")
A(".param dl=100n")
A("* inverter: PMOS 1.5x the NMOS (equal rise and fall)")
A(".subckt inv in out vdd wn=180n wp=270n")
A("MP out in vdd vdd pch W={wp} L=45n AS={wp*dl} AD={wp*dl} PS={2*(wp+dl)} PD={2*(wp+dl)}")
A("MN out in 0 0 nch W={wn} L=45n AS={wn*dl} AD={wn*dl} PS={2*(wn+dl)} PD={2*(wn+dl)}")
A(".ends inv")
A("")
A("* NAND4: four series NMOS at 4x the inverter's width pull down as fast as its one; parallel PMOS as in the inverter")
A(".subckt nand4 a b c d out vdd")
A("MPA out a vdd vdd pch W=270n L=45n AS=27f AD=27f PS=740n PD=740n")
A("MPB out b vdd vdd pch W=270n L=45n AS=27f AD=27f PS=740n PD=740n")
A("MPC out c vdd vdd pch W=270n L=45n AS=27f AD=27f PS=740n PD=740n")
A("MPD out d vdd vdd pch W=270n L=45n AS=27f AD=27f PS=740n PD=740n")
A("MNA out a x1 0 nch W=720n L=45n AS=72f AD=72f PS=1.64u PD=1.64u")
A("MNB x1 b x2 0 nch W=720n L=45n AS=72f AD=72f PS=1.64u PD=1.64u")
A("MNC x2 c x3 0 nch W=720n L=45n AS=72f AD=72f PS=1.64u PD=1.64u")
A("MND x3 d 0 0 nch W=720n L=45n AS=72f AD=72f PS=1.64u PD=1.64u")
A(".ends nand4")
A("")
A("* word-line driver: row i is selected when the address literals a, b, c are all high and WLEN is high; the")
A("* 4x inverter charges the word line (8 access gates and 20 fF of wire) in well under a nanosecond")
A(".subckt wldriver a b c wlen wl vdd")
A("XN a b c wlen sel vdd nand4")
A("XD sel wl vdd inv wn=720n wp=1.08u")
A("CWL wl 0 20f")
A(".ends wldriver")
A("")
A("* transmission gate: a <-> b while en is high; the NMOS passes 0 V and the PMOS 1.2 V with about 250 Ohm each")
A("* (1.44 um, 2.16 um), so a write sees little besides the 8-20 kOhm MTJ (half these widths slowed the AP write")
A("* by 0.2 ns)")
A(".subckt tgate a b en vdd")
A("XI en enb vdd inv")
A("MN a en b 0 nch W=1.44u L=45n AS=144f AD=144f PS=3.08u PD=3.08u")
A("MP a enb b vdd pch W=2.16u L=45n AS=216f AD=216f PS=4.52u PD=4.52u")
A(".ends tgate")
A("")
A("* latch-type sense amplifier: Q and QB are charged to the bit line and the reference while SAMPLE is high; when")
A("* SAEN rises the cross-coupled pair is powered and Q goes to VDD if the bit line was above the reference. The pass")
A("* gates (270 nm) settle Q and QB within SAMPLE; the pair (NMOS 360 nm, PMOS 540 nm) is matched, so it resolves any")
A("* sign of V(BL) - VREF; header and footer (1.08 um / 720 nm) power it.")
A(".subckt senseamp bl ref sample saen q qb vdd")
A("MSB q sample bl 0 nch W=270n L=45n AS=27f AD=27f PS=740n PD=740n")
A("MSR qb sample ref 0 nch W=270n L=45n AS=27f AD=27f PS=740n PD=740n")
A("XE saen saenb vdd inv")
A("MH vv saenb vdd vdd pch W=1.08u L=45n AS=108f AD=108f PS=2.36u PD=2.36u")
A("MF vg saen 0 0 nch W=720n L=45n AS=72f AD=72f PS=1.64u PD=1.64u")
A("MP1 q qb vv vdd pch W=540n L=45n AS=54f AD=54f PS=1.28u PD=1.28u")
A("MN1 q qb vg 0 nch W=360n L=45n AS=36f AD=36f PS=920n PD=920n")
A("MP2 qb q vv vdd pch W=540n L=45n AS=54f AD=54f PS=1.28u PD=1.28u")
A("MN2 qb q vg 0 nch W=360n L=45n AS=36f AD=36f PS=920n PD=920n")
A("CQ q 0 10f")
A("CQB qb 0 10f")
A(".ends senseamp")
A("")
A("VDD vdd 0 DC 1.2")
A("VREF ref 0 DC {vref}")
A("* VREF halfway between the P and AP bit-line voltages (0.152 V and 0.288 V at the end of SAMPLE, 15 uA read)")
A(".param vref=0.22")
# address bits and their complements
def addr_pwl(bitno):
    iv = []
    for i in range(N):
        if (i >> bitno) & 1:
            iv.append((TW0 + i * TWS - 1, TW0 + (i + 1) * TWS - 1.5))
            iv.append((TR0 + i * TRS - 1, TR0 + (i + 1) * TRS - 1.5))
    return pwl(iv)
A("* address A2 A1 A0 of the selected row (row i = address i - 1); changes only while WLEN is low")
for b in range(3):
    A(wrap(f"VA{b} a{b} 0 {addr_pwl(b)}"))
    A(f"XAI{b} a{b} a{b}b vdd inv")
wlen = []
for i in range(N):
    t = TW0 + i * TWS
    wlen += [(t + 1, t + 15), (t + 17, t + 28)]
for i in range(N):
    t = TR0 + i * TRS
    wlen.append((t + 1, t + 13))
A(wrap(f"VWLEN wlen 0 {pwl(wlen)}"))
A("* row decoder and word-line drivers")
for i in range(N):
    lits = " ".join(f"a{b}" if (i >> b) & 1 else f"a{b}b" for b in (2, 1, 0))
    A(f"XWL{i+1} {lits} wlen wl{i+1} vdd wldriver")
A("* write enable of the bit-line drivers (off while reading)")
A(f"VWE we 0 {pwl([(0.5, TR0 - 4)])}")
A("* read timing: read current, sample, sense-amplifier enable")
A(wrap(f"VSAMPLE sample 0 {pwl([(TR0 + i * TRS + 2, TR0 + i * TRS + 7) for i in range(N)])}"))
A(wrap(f"VSAEN saen 0 {pwl([(TR0 + i * TRS + 8, TR0 + i * TRS + 14) for i in range(N)])}"))
iread = []
for i in range(N):
    t = TR0 + i * TRS
    iread += [(t + 2, t + 12)]
A("* column periphery: write data (BL high = write P, SL high = write AP), drivers, read current, sense amplifier")
for j in range(N):
    bl = [(TW0 + i * TWS + 0.5, TW0 + i * TWS + 15.5) for i in range(N) if bit[i][j] == 0]
    sl = [(TW0 + i * TWS + 16.5, TW0 + i * TWS + 28.5) for i in range(N) if bit[i][j] == 1]
    A(wrap(f"VBD{j+1} bld{j+1} 0 {pwl(bl)}"))
    A(wrap(f"VSD{j+1} sld{j+1} 0 {pwl(sl)}"))
    A(f"XBT{j+1} bld{j+1} bl{j+1} we vdd tgate")
    A(f"XST{j+1} sld{j+1} sl{j+1} vdd vdd tgate")
    A(wrap(f"IRD{j+1} 0 bl{j+1} {pwl(iread, level=15e-6)}"))
    A(f"RBL{j+1} bl{j+1} 0 1meg")
    A(f"CBL{j+1} bl{j+1} 0 20f")
    A(f"XSA{j+1} bl{j+1} ref sample saen q{j+1} qb{j+1} vdd senseamp")
A("* the array: checkerboard initial states")
for i in range(N):
    for j in range(N):
        st = "ap" if init[i][j] else "p"
        A(f"YMTJ t{i+1}_{j+1} bl{j+1} m{i+1}_{j+1} pmtj40t state={st} seed={8 * i + j + 1}")
        A(f"MA{i+1}_{j+1} m{i+1}_{j+1} wl{i+1} sl{j+1} 0 nch W=180n L=45n AS=18f AD=18f PS=560n PD=560n")
A("* display only: the latched sense-amplifier outputs stacked like a logic analyser (column j at 9 - j V, a bit")
A("* shown while SAEN is high); time runs over the rows, so the read slots draw the pattern transposed (it is")
A("* symmetric: the picture is the pattern)")
for j in range(N):
    A(f"BDISP{j+1} disp{j+1} 0 V={N - j} + 0.7*u(v(saen)-0.6)*v(q{j+1})/1.2")
A("* measurement only: the word on the latched outputs and the smallest bit-line margin over the columns")
A(wrap("BWORD word 0 V=" + " + ".join(f"{2 ** (N - 1 - j)}*u(v(q{j+1})-0.6)" for j in range(N))))
def nested_min(terms):
    return terms[0] if len(terms) == 1 else f"min({terms[0]}, {nested_min(terms[1:])})"
A(wrap("BMARGIN margin 0 V=" + nested_min([f"abs(v(bl{j+1})-v(ref))" for j in range(N)])))
A("* measurement only: the power all voltage sources deliver (supply, data drivers, reference, control inputs), whose")
A("* integral over the write and read phases is the energy of writing and reading the 64 bits")
sources = [("vdd", "vdd"), ("ref", "vref"), ("a0", "va0"), ("a1", "va1"), ("a2", "va2"), ("wlen", "vwlen"), ("we", "vwe"),
           ("sample", "vsample"), ("saen", "vsaen")] + \
          [(f"bld{j+1}", f"vbd{j+1}") for j in range(N)] + [(f"sld{j+1}", f"vsd{j+1}") for j in range(N)]
A(wrap("BPOWER power 0 V=-(" + " + ".join(f"v({n})*i({v})" for n, v in sources) + ")"))
A(f".tran 20p {TEND}n")
saves = [f"v(disp{j+1})" for j in range(N)] + [f"@t{i+1}_1[mz]" for i in range(N)] + [f"v(q{j+1})" for j in range(N)] + \
        ["v(bl1)", "v(ref)", "v(wl1)", "v(wl2)", "v(wl4)", "i(vbd1)", "v(word)", "v(margin)", "v(power)"]
A(wrap(".save " + " ".join(saves)))
A(".plot tran " + " ".join(f"v(disp{j+1})" for j in range(N)))
A(".plot tran " + " ".join(f"@t{i+1}_1[mz]" for i in range(N)))
A(".plot tran v(bl1) v(ref) v(q1) v(wl1)")
for i in range(N):
    A(f".meas tran row{i+1} FIND v(word) AT={TR0 + i * TRS + 12}n")
for i in range(N):
    A(f".meas tran margin{i+1} FIND v(margin) AT={TR0 + i * TRS + 6.8:g}n")
# cell (1,1) goes P -> AP in row 1's AP phase (its word line's second rise), cell (4,1) AP -> P in row 4's P phase
A("* write times: from the word line's rise through VDD/2 to the free layer's mz = 0, for cell (1,1) P -> AP and")
A("* cell (4,1) AP -> P; bit-line voltages at the end of SAMPLE for an AP bit (1,1) and a P bit (4,1) of column 1;")
A("* energies: the integral of all sources' power over the write (5-245 ns) and read (250-370 ns) phases, and per bit")
r1, r4 = TW0, TW0 + 3 * TWS
A(f".meas tran t_wl1_ap WHEN v(wl1)=0.6 RISE=2")
A(f".meas tran t_sw1_ap WHEN @t1_1[mz]=0 FALL=LAST FROM={r1 + 16}n TO={r1 + TWS}n")
A(".meas tran tw_ap PARAM='t_sw1_ap - t_wl1_ap'")
A(f".meas tran t_wl4_p WHEN v(wl4)=0.6 RISE=1")
A(f".meas tran t_sw4_p WHEN @t4_1[mz]=0 RISE=LAST FROM={r4}n TO={r4 + 16}n")
A(".meas tran tw_p PARAM='t_sw4_p - t_wl4_p'")
A(f".meas tran vbl_ap FIND v(bl1) AT={TR0 + 6.8:g}n")
A(f".meas tran vbl_p FIND v(bl1) AT={TR0 + 3 * TRS + 6.8:g}n")
A(".meas tran split PARAM='vbl_ap - vbl_p'")
A(f".meas tran e_write INTEG v(power) FROM={TW0}n TO={TW0 + N * TWS}n")
A(f".meas tran e_read INTEG v(power) FROM={TR0}n TO={TR0 + N * TRS}n")
A(f".meas tran e_write_bit PARAM='e_write/{N * N}'")
A(f".meas tran e_read_bit PARAM='e_read/{N * N}'")
A(".end")
open(OUT, "w").write("\n".join(L) + "\n")
