#!/usr/bin/env python3
"""The AMM signal of each network of netlists/amm_ring_array.cir, from its CSV output.

usage: amm_array_dv.py [out/amm_ring_array.tran.csv] [--from 5e-9]

For every network (driving source I<name>, top node): R0 = sum V I / sum I^2 over t >= FROM (the least-squares
constant resistance), dV(t) = V(t) - R0 I(t), and its peak-to-peak and RMS against the single ring's. dV is ~1e-7 of
V: the CSV's 17 significant digits keep it (V = R I holds to ~1e-12 V in the solution), a .meas on V cannot.
"""
import csv, math, sys

args = [a for a in sys.argv[1:] if not a.startswith("--")]
path = args[0] if args else "out/amm_ring_array.tran.csv"
start = float(sys.argv[sys.argv.index("--from") + 1]) if "--from" in sys.argv else 5e-9
NETWORKS = [("single", "v(s1)", "i(isingle)"), ("series", "v(a1)", "i(iseries)"), ("mixed", "v(b1)", "i(imixed)"),
            ("parallel", "v(p1)", "i(ipar)"), ("shared", "v(q1)", "i(ishared)")]

with open(path) as f:
    rows = list(csv.reader(f))
head = [h.lower() for h in rows[0]]
data = [[float(x) for x in r] for r in rows[1:]]
time = [r[0] for r in data]
keep = [k for k, t in enumerate(time) if t >= start * (1 - 1e-9)]
if len(keep) < 10:
    sys.exit(f"{path}: fewer than 10 points after t = {start:g} s")

result = {}
for name, vn, iname in NETWORKS:
    v = [data[k][head.index(vn)] for k in keep]
    i = [data[k][head.index(iname)] for k in keep]
    r0 = sum(a * b for a, b in zip(v, i)) / sum(b * b for b in i)
    dv = [a - r0 * b for a, b in zip(v, i)]
    result[name] = (r0, max(v) - min(v), max(dv) - min(dv), math.sqrt(sum(x * x for x in dv) / len(dv)))

ref = result["single"]
print(f"t >= {start:g} s, {len(keep)} points")
print(f"{'network':10s} {'R0 (Ohm)':>14s} {'V pp (V)':>11s} {'dV pp (V)':>11s} {'dV rms (V)':>11s} {'dV pp/single':>13s} {'dV/V (pp)':>10s}")
for name, (r0, vpp, dvpp, dvrms) in result.items():
    print(f"{name:10s} {r0:14.6f} {vpp:11.4e} {dvpp:11.4e} {dvrms:11.4e} {dvpp / ref[2]:13.4f} {dvpp / vpp:10.3e}")
