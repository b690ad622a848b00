#!/usr/bin/env bash
# Fleet benchmark (docs/BENCHMARKS.md, "Fleet"): N synthesized logs of DURATION, scored by the plain CLI
# (`avreplay run`, one JVM, logs in sequence) and by `avreplay fleet run` at local[1] and local[2], one after
# the other in the same session. Prints the wall seconds of each whole command (JVM and Spark start, model
# loading, replay, inference, scoring, writing) and checks that the three metrics documents are equal apart
# from timing, outputs, the evaluator's eval_time and the fleet's own per_log/failed_logs.
# Usage: fleet/bench/fleet-bench.sh [N] [DURATION]   (from the repository root)
set -euo pipefail
N="${1:-6}"
DURATION="${2:-2s}"
W="$(mktemp -d "${TMPDIR:-/tmp}/fleet-bench.XXXXXX")"
trap 'rm -rf "$W"' EXIT
./avreplay --help >/dev/null         # builds the CLI jar outside the timings
./avreplay fleet --help >/dev/null   # builds the fleet jar outside the timings
for i in $(seq 1 "$N"); do
  ./avreplay synth --preset urban-intersection --seed "$i" --duration "$DURATION" --out "$W/log$i" >/dev/null
done
# Wall, user CPU and system CPU seconds of a whole command (its JVM and every thread it started).
timed() { local TIMEFORMAT='wall=%R user=%U sys=%S'; { time "$@" >/dev/null 2>&1; } 2>&1; }
echo "logs=$N duration=$DURATION nproc=$(nproc) load=$(cut -d' ' -f1 /proc/loadavg) start=$(date -u +%H:%M:%S)"
# ABBA order (CLI, local[1], local[2], local[2], local[1], CLI): drift in the machine's load hits each alike.
echo "cli    $(timed ./avreplay run "$W"/log* --out "$W/cli")"
echo "local1 $(timed ./avreplay fleet run "$W"/log* --master 'local[1]' --out "$W/f1")"
echo "local2 $(timed ./avreplay fleet run "$W"/log* --master 'local[2]' --out "$W/f2")"
echo "local2 $(timed ./avreplay fleet run "$W"/log* --master 'local[2]' --out "$W/f2" --overwrite)"
echo "local1 $(timed ./avreplay fleet run "$W"/log* --master 'local[1]' --out "$W/f1" --overwrite)"
echo "cli    $(timed ./avreplay run "$W"/log* --out "$W/cli" --overwrite)"
echo "end=$(date -u +%H:%M:%S) load=$(cut -d' ' -f1 /proc/loadavg)"
python3 - "$W" <<'PY'
import json, sys
def comparable(path):
    d = json.load(open(path))
    for k in ("timing", "outputs", "per_log", "failed_logs"):
        d.pop(k, None)
    d["lidar"].pop("eval_time", None)
    return json.dumps(d, sort_keys=True)
w = sys.argv[1]
cli = comparable(w + "/cli/metrics.json")
for f in ("f1", "f2"):
    print(f, "metrics equal to the CLI's:", comparable(w + "/" + f + "/metrics.json") == cli)
print("nd_score", json.load(open(w + "/cli/metrics.json"))["lidar"]["nd_score"])
PY
