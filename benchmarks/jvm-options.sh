#!/usr/bin/env bash
# Sourced by run-jmh.sh and run-scenarios.sh: picks the JVM and the flags every measured JVM runs with.
# JAVA_HOME wins over the first java on the PATH; a JDK 21 or newer is required.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(cd "$BENCH_DIR/.." && pwd)"
JAR="$BENCH_DIR/target/benchmarks.jar"
RESULTS_DIR="${RESULTS_DIR:-$BENCH_DIR/results}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

java_major() {
  "$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1
}

JAVA_MAJOR="$(java_major)"
if [[ -z "$JAVA_MAJOR" || "$JAVA_MAJOR" -lt 21 ]]; then
  echo "A JDK 21 or newer is needed (found '${JAVA_MAJOR:-none}' at $JAVA); set JAVA_HOME." >&2
  exit 1
fi

# Netty (under Lettuce) uses sun.misc.Unsafe and native code for pooled buffers and, when present, epoll; from
# JDK 24 on it needs leave to, as any service on Lettuce does. Every peer runs with the same flags.
JVM_FLAGS=(--enable-native-access=ALL-UNNAMED)
if [[ "$JAVA_MAJOR" -ge 24 ]]; then
  JVM_FLAGS+=(--sun-misc-unsafe-memory-access=allow)
fi

build_jar() {
  if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
    (cd "$ROOT_DIR" && ./mvnw -B -q -DskipTests package -pl benchmarks -am)
  fi
  mkdir -p "$RESULTS_DIR"
}
