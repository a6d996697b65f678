#!/usr/bin/env bash
# Local speed-up of circuitsim sweep: the 16-point .step of rc_ladder_step16.cir (a CPU-bound 120-section RC ladder
# transient) run with -j 1 and -j N alternately, R times; prints each wall time, the load average before each run, and
# the medians. Usage: tools/SweepBench/speedup.sh [R=3] [N=2]   (builds nothing: needs src/CircuitSim.Cli built Release)
set -euo pipefail
cd "$(dirname "$0")/../.."
R=${1:-3}; N=${2:-2}
CS="dotnet src/CircuitSim.Cli/bin/Release/net10.0/circuitsim.dll"
DIR=$(mktemp -d /tmp/sweepbench.XXXX)
$CS sweep plan tools/SweepBench/rc_ladder_step16.cir -o "$DIR" >/dev/null
# wall seconds; the CPU seconds (user + system) go to $DIR/cpu
run() { /usr/bin/time -f "%e %U %S" -o "$DIR/t" $CS sweep run-points "$DIR" --force -q -j "$1" >/dev/null; awk '{print $2 + $3}' "$DIR/t" > "$DIR/cpu"; awk '{print $1}' "$DIR/t"; }
run 1 >/dev/null  # warm the disk cache and the JIT's files
t1=(); tn=()
for i in $(seq 1 "$R"); do
  l=$(cut -d' ' -f1 /proc/loadavg); a=$(run 1); t1+=("$a"); echo "j1 run $i: ${a} s, CPU $(cat $DIR/cpu) s (load $l)"
  l=$(cut -d' ' -f1 /proc/loadavg); b=$(run "$N"); tn+=("$b"); echo "j$N run $i: ${b} s, CPU $(cat $DIR/cpu) s (load $l)"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
m1=$(median "${t1[@]}"); mn=$(median "${tn[@]}")
echo "median j1 $m1 s, j$N $mn s, speed-up $(echo "scale=3; $m1 / $mn" | bc)"
rm -rf "$DIR"
