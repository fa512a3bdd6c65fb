#!/usr/bin/env bash
# Builds the benchmarks jar and runs the measurements that are not JMH benchmarks, each against its own
# redis-server on loopback, printing and saving their figures.
#
# Usage: benchmarks/run-scenarios.sh [invalidation|stampede|memory|compression|staleness|hits|hits-shared|all]... (default: all)
#   invalidation  invalidateGroup vs SCAN + UNLINK with 1,000,000 keys present (KEYS=n to change)
#   stampede      500 concurrent misses on one key from two JVM processes: loader executions (10 rounds)
#   memory        Redis memory of 10,000 cached properties: plain JSON SETs vs getOrLoad with and without zstd;
#                 then the Property API's detail views with the dictionary it ships (VIEW_DICTIONARY=file to change)
#   compression   size of 10,000 property records' JSON under LZ4 and zstd (speed: run-jmh.sh CompressionBenchmark)
#   staleness     near-cache staleness window: a write on one client until the other's near cache drops the value
#   hits          the hit ratios of run-jmh.sh, with contenders taking turns so that a busy machine cannot bias
#                 them (30 rounds of 400 ms slices; ROUNDS=n to change); not part of "all"
#   hits-shared   the same with 32 virtual threads calling each contender at once on its one shared connection, as
#                 a service's requests do (CALLERS=n to change); not part of "all"
# Environment: JAVA_HOME (JDK 21+), SKIP_BUILD=1 to reuse the jar, RESULTS_DIR (default benchmarks/results).
# Writes RESULTS_DIR/<scenario>.txt.
if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then sed -n '2,16p' "$0"; exit 0; fi
source "$(dirname "${BASH_SOURCE[0]}")/jvm-options.sh"

SCENARIOS=("$@")
if [[ ${#SCENARIOS[@]} -eq 0 || " ${SCENARIOS[*]} " == *" all "* ]]; then
  SCENARIOS=(invalidation stampede memory compression staleness)
fi

run() {
  local name="$1" class="$2"
  shift 2
  echo "== $name -> $RESULTS_DIR/$name.txt"
  "$JAVA" "${JVM_FLAGS[@]}" -Xmx2g -cp "$JAR" "com.realestate.benchmarks.$class" "$@" | tee "$RESULTS_DIR/$name.txt"
}

build_jar
for scenario in "${SCENARIOS[@]}"; do
  case "$scenario" in
    invalidation) run invalidation invalidation.GroupInvalidationComparison "${KEYS:-1000000}" ;;
    stampede) run stampede stampede.StampedeComparison 10 250 50 ;;
    memory) run memory memory.MemoryComparison 10000 \
      "${VIEW_DICTIONARY:-$ROOT_DIR/property-service/src/main/resources/cache/property-views-v1.zdict}" ;;
    compression) run compression compression.CompressionRatios 10000 ;;
    staleness) run staleness nearcache.StalenessWindow "${WRITES:-2000}" ;;
    hits) run hits hit.InterleavedHitComparison "${ROUNDS:-30}" 400 ;;
    hits-shared) run hits-shared hit.InterleavedHitComparison "${ROUNDS:-30}" 400 "${CALLERS:-32}" ;;
    *) echo "unknown scenario '$scenario' (invalidation, stampede, memory, compression, staleness, hits, hits-shared, all)" >&2; exit 2 ;;
  esac
done
