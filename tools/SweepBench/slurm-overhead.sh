#!/usr/bin/env bash
# Per-point overhead of Slurm array tasks packing K points each: a P-point Monte Carlo of a small RC divider
# (a point computes in a few ms) submitted with --per-task K for K = 1, 10, 100 to the local one-node Slurm of
# tools/slurm; the time from submission until the array and the merge have left the queue (squeue polled every 0.5 s),
# less P times the point's own wall time in a local run, divided by P. Needs root (it starts Slurm if not running and
# stops it afterwards) and src/CircuitSim.Cli built Release. Usage: tools/SweepBench/slurm-overhead.sh [P=100]
set -euo pipefail
cd "$(dirname "$0")/../.."
P=${1:-100}
REPO=$(pwd)
CS="dotnet $REPO/src/CircuitSim.Cli/bin/Release/net10.0/circuitsim.dll"
BASE=${SLURM_LOCAL_DIR:-/tmp/circuitsim-slurm}
export SLURM_CONF=$BASE/etc/slurm.conf
started=0
scontrol ping >/dev/null 2>&1 || { bash tools/slurm/start-local-slurm.sh >/dev/null; started=1; }
DIR=$(mktemp -d /tmp/slurmbench.XXXX)
cat > "$DIR/mc.cir" <<NET
RC divider Monte Carlo (overhead benchmark)
V1 in 0 DC 1
R1 in out {agauss(1k, 50, 1)}
R2 out 0 {agauss(1k, 50, 1)}
.dc V1 1 1 1
.meas dc vout find v(out) at=1
.step param run 1 $P 1
.end
NET
$CS sweep "$DIR/mc.cir" -o "$DIR/local" -j 1 -q >/dev/null
point=$(awk -F, 'NR>1 {s+=$2} END {printf "%.4f", s/(NR-1)}' "$DIR/local/timing.csv")
echo "P = $P points; one point computes in $point s (local, -j 1); load $(cut -d' ' -f1 /proc/loadavg)"
for K in 1 10 100; do
  s=$(date +%s.%N)
  out=$($CS sweep submit "$DIR/mc.cir" --slurm -o "$DIR/k$K" --per-task $K)
  ids=$(echo "$out" | sed -nE 's/.*submitted array ([0-9]+) .* merge job ([0-9]+).*/\1,\2/p')
  while [ -n "$(squeue -h -j "$ids" 2>/dev/null)" ]; do sleep 0.5; done
  total=$(echo "$(date +%s.%N) - $s" | bc)
  cmp -s "$DIR/local/results.csv" "$DIR/k$K/results.csv" && same="same bytes as local" || same="DIFFERS from local"
  tasks=$(( (P + K - 1) / K ))
  echo "K = $K: $tasks tasks, submit to merged $total s, overhead $(echo "scale=4; ($total - $P * $point) / $P" | bc) s per point; results.csv $same (load $(cut -d' ' -f1 /proc/loadavg))"
done
[ $started = 1 ] && bash tools/slurm/stop-local-slurm.sh >/dev/null
rm -rf "$DIR"
