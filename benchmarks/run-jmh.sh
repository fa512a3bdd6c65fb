#!/usr/bin/env bash
# Builds the benchmarks jar and runs the JMH benchmarks against a real redis-server (started by each fork),
# once per thread count, with -prof gc for bytes allocated per operation.
#
# Usage: benchmarks/run-jmh.sh [--threads "1 4"] [--quick] [REGEX] [-- EXTRA_JMH_OPTIONS...]
#   REGEX       which benchmarks (default: every Redis*Benchmark and NearCache*Benchmark class); the diagnostic
#               ones run on request: CompressionBenchmark, JsonDecodeBenchmark, BreakerOverheadBenchmark,
#               LatencyRecorderBenchmark
#   --threads   thread counts to run, each as its own JMH run (default "1 4")
#   --quick     a smoke run (1 fork, 1 short warmup and measurement iteration): numbers are not to be quoted
#   --iterations "OPTS"  replaces the fork and iteration options (default "-f 1 -wi 3 -w 2s -i 5 -r 2s")
#   after --     further options passed to JMH as they are (e.g. -prof jfr); JMH refuses an option given twice
# Environment: JAVA_HOME (JDK 21+), SKIP_BUILD=1 to reuse the jar, RESULTS_DIR (default benchmarks/results).
# Writes RESULTS_DIR/jmh-t<N>.json (JMH JSON) and RESULTS_DIR/jmh-t<N>.txt (JMH's human-readable log).
if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then sed -n '2,14p' "$0"; exit 0; fi
source "$(dirname "${BASH_SOURCE[0]}")/jvm-options.sh"

THREADS="1 4"
REGEX='Redis.*Benchmark|NearCache.*Benchmark'
# 1 fork, 3 x 2 s warmup, 5 x 2 s measurement: usable error bars in about 3.5 minutes per thread count.
ITERATIONS=(-f 1 -wi 3 -w 2s -i 5 -r 2s)
EXTRA=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --threads) THREADS="$2"; shift 2 ;;
    --quick) ITERATIONS=(-f 1 -wi 1 -w 1s -i 1 -r 1s); shift ;;
    --iterations) read -r -a ITERATIONS <<< "$2"; shift 2 ;;
    --) shift; EXTRA=("$@"); break ;;
    *) REGEX="$1"; shift ;;
  esac
done

build_jar
for threads in $THREADS; do
  echo "JMH '$REGEX' with $threads thread(s) -> $RESULTS_DIR/jmh-t$threads.{json,txt}"
  "$JAVA" "${JVM_FLAGS[@]}" -jar "$JAR" "$REGEX" "${ITERATIONS[@]}" -t "$threads" -prof gc \
    -jvmArgsAppend "${JVM_FLAGS[*]}" \
    -rf json -rff "$RESULTS_DIR/jmh-t$threads.json" -o "$RESULTS_DIR/jmh-t$threads.txt" "${EXTRA[@]}"
  grep -E '^Benchmark|thrpt|avgt' "$RESULTS_DIR/jmh-t$threads.txt" | grep -vE ':gc\.(count|time|alloc\.rate) ' || true
done
