#!/usr/bin/env bash
# Fleet benchmark (docs/BENCHMARKS.md, "Fleet"): N synthesized logs of DURATION, scored by the plain CLI
# (`avreplay run`, one JVM, logs in sequence) and by `avreplay fleet run` at local[1] and local[2], in the
# same session. Prints wall seconds per command; the metrics must agree (checked with jq-free grep).
# Usage: fleet/bench/fleet-bench.sh [N] [DURATION]   (from the repository root)
set -euo pipefail
N="${1:-6}"
DURATION="${2:-2s}"
W="$(mktemp -d "${TMPDIR:-/tmp}/fleet-bench.XXXXXX")"
for i in $(seq 1 "$N"); do
  ./avreplay synth --preset urban-intersection --seed "$i" --duration "$DURATION" --out "$W/log$i" >/dev/null
done
./avreplay fleet --help >/dev/null   # builds the fleet jar outside the timings
timed() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null; t1=$(date +%s.%N); echo "$t1 - $t0" | bc; }
echo "logs=$N duration=$DURATION nproc=$(nproc) load=$(cut -d' ' -f1 /proc/loadavg)"
echo "cli_run_s=$(timed ./avreplay run "$W"/log* --out "$W/cli")"
echo "fleet_local1_s=$(timed ./avreplay fleet run "$W"/log* --master 'local[1]' --out "$W/f1")"
echo "fleet_local2_s=$(timed ./avreplay fleet run "$W"/log* --master 'local[2]' --out "$W/f2")"
for f in cli f1 f2; do
  printf '%s %s\n' "$f" "$(grep -o '"nd_score" : [0-9.]*' "$W/$f/metrics.json" | head -1)"
done
rm -rf "$W"
