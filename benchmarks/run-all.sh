#!/usr/bin/env bash
# HTTP load runs of the Property service, every figure of docs/PERFORMANCE.md in one go: builds, starts its own
# Redis and PostgreSQL, seeds 100,000 listings over 8 tenants, starts the service once per cache provider and runs
# the load generator against it, pauses Redis in the middle of one run, loads ours, no cache and Spring's cache side
# by side in turns (HttpTurns), ours through a Redis outage against no cache in turns too, prints the table with
# the targets' ratios, then runs benchmarks/run-scenarios.sh (group invalidation, stampede, memory, compression,
# near-cache staleness) and benchmarks/run-jmh.sh, unless --skip-jmh. Stops everything it started, whatever happens.
#
#   benchmarks/run-all.sh [--skip-jmh] [--skip-build] [--quick] [--profile]
#                         [--duration=20s] [--warmup=5s] [--connections=32] [--properties=100000] [--tenants=8]
#                         [--ids-per-tenant=2000] [--jit-warmup=15s] [--turn-rounds=10] [--outage-rounds=4]
#
# Extra environment for the service, per run, as space-separated NAME=value lists:
#   OURS_ENV (our cache, near cache off), OURS_NEAR_ENV (our cache with the near cache on; default
#   REALESTATE_CACHE_NEAR_CACHE_ENABLED=true REALESTATE_CACHE_NEAR_CACHE_MAXIMUM_SIZE=20000, room for the 16,000
#   properties a run reads), SPRING_ENV, NONE_ENV. SERVICE_JAVA_OPTS and LOAD_JAVA_OPTS add JVM
#   flags to the service and to the load generator.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD

SKIP_JMH=false
SKIP_BUILD=false
PROFILE=false
DURATION=20s
WARMUP=5s
CONNECTIONS=32
PROPERTIES=100000
TENANTS=8
IDS_PER_TENANT=2000
JIT_WARMUP=15s
TURN_ROUNDS=10
TURN_SLICE=4
OUTAGE_ROUNDS=4
for arg in "$@"; do
  case "$arg" in
    --skip-jmh) SKIP_JMH=true ;;
    --skip-build) SKIP_BUILD=true ;;
    --profile) PROFILE=true ;;
    --quick) DURATION=8s; WARMUP=3s; IDS_PER_TENANT=500; JIT_WARMUP=5s; TURN_ROUNDS=4; TURN_SLICE=2; OUTAGE_ROUNDS=2 ;;
    --turn-rounds=*) TURN_ROUNDS=${arg#*=} ;;
    --outage-rounds=*) OUTAGE_ROUNDS=${arg#*=} ;;
    --duration=*) DURATION=${arg#*=} ;;
    --warmup=*) WARMUP=${arg#*=} ;;
    --connections=*) CONNECTIONS=${arg#*=} ;;
    --properties=*) PROPERTIES=${arg#*=} ;;
    --tenants=*) TENANTS=${arg#*=} ;;
    --ids-per-tenant=*) IDS_PER_TENANT=${arg#*=} ;;
    --jit-warmup=*) JIT_WARMUP=${arg#*=} ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "run-all.sh: unknown argument $arg (see --help)" >&2; exit 2 ;;
  esac
done

OURS_ENV=${OURS_ENV:-}
OURS_NEAR_ENV=${OURS_NEAR_ENV:-REALESTATE_CACHE_NEAR_CACHE_ENABLED=true REALESTATE_CACHE_NEAR_CACHE_MAXIMUM_SIZE=20000}
SPRING_ENV=${SPRING_ENV:-}
NONE_ENV=${NONE_ENV:-}
SERVICE_JAVA_OPTS=${SERVICE_JAVA_OPTS:-}
LOAD_JAVA_OPTS=${LOAD_JAVA_OPTS:--Xms256m -Xmx512m}

if [[ -z "${JAVA_HOME:-}" && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

RESULTS_DIR=$ROOT/benchmarks/results/$(date -u +%Y%m%dT%H%M%SZ)
RESULTS=$RESULTS_DIR/http.jsonl
mkdir -p "$RESULTS_DIR"
SERVICE_JAR=$ROOT/property-service/target/property-service.jar
BENCH_JAR=$ROOT/benchmarks/target/benchmarks.jar

log() { printf '[run-all %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

REDIS_PID=""
PG_PID=""
SERVICE_PID=""
OTHER_SERVICE_PIDS=()
cleanup() {
  local status=$?
  set +e
  trap - EXIT INT TERM
  [[ -n "$SERVICE_PID" ]] && kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null
  for pid in "${OTHER_SERVICE_PIDS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  if [[ -n "$REDIS_PID" ]]; then
    kill -CONT "$REDIS_PID" 2>/dev/null
    kill "$REDIS_PID" 2>/dev/null && wait "$REDIS_PID" 2>/dev/null
  fi
  [[ -n "$PG_PID" ]] && kill "$PG_PID" 2>/dev/null && wait "$PG_PID" 2>/dev/null
  exit "$status"
}
trap cleanup EXIT INT TERM

# A port below Linux's ephemeral range (32768 and up), so that no outgoing connection can be holding it.
free_port() {
  local port
  while true; do
    port=$((20000 + RANDOM % 12000))
    if ! (: </dev/tcp/127.0.0.1/$port) 2>/dev/null; then
      echo "$port"
      return
    fi
  done
}

# An HTTP GET with bash alone (no curl needed): succeeds when the status is 200.
http_ok() {
  local port=$1 path=$2 status
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$path" >&3
  IFS= read -r -t 5 status <&3 || status=""
  exec 3>&- 3<&-
  [[ "$status" == *" 200 "* ]]
}

redis_ping() {
  local reply
  exec 4<>"/dev/tcp/127.0.0.1/$1" || return 1
  printf 'PING\r\n' >&4
  IFS= read -r -t 2 reply <&4 || reply=""
  exec 4>&- 4<&-
  [[ "$reply" == "+PONG"* ]]
}

if [[ "$SKIP_BUILD" != true ]]; then
  log "building the service and the benchmarks"
  ./mvnw -B -q -DskipTests package -pl property-service,benchmarks -am
fi

log "starting Redis"
REDIS_BIN=$(command -v redis-server || "$JAVA" -cp "$BENCH_JAR" com.realestate.benchmarks.http.RedisBinaryPath)
REDIS_PORT=$(free_port)
"$REDIS_BIN" --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize no \
  --logfile "$RESULTS_DIR/redis.log" &
REDIS_PID=$!
for _ in $(seq 100); do redis_ping "$REDIS_PORT" 2>/dev/null && break; sleep 0.1; done
redis_ping "$REDIS_PORT" || { log "Redis did not start, see $RESULTS_DIR/redis.log"; exit 1; }
REDIS_URL=redis://127.0.0.1:$REDIS_PORT/0
log "Redis $("$REDIS_BIN" --version | awk '{print $3}') at $REDIS_URL (pid $REDIS_PID)"

log "starting PostgreSQL"
"$JAVA" -cp "$BENCH_JAR" com.realestate.benchmarks.http.BenchmarkPostgres "$RESULTS_DIR/postgres.url" \
  >"$RESULTS_DIR/postgres.log" 2>&1 &
PG_PID=$!
for _ in $(seq 600); do [[ -s "$RESULTS_DIR/postgres.url" ]] && break; sleep 0.1; done
[[ -s "$RESULTS_DIR/postgres.url" ]] || { log "PostgreSQL did not start, see $RESULTS_DIR/postgres.log"; exit 1; }
DATABASE_URL=$(cat "$RESULTS_DIR/postgres.url")
log "PostgreSQL at $DATABASE_URL"

JWT_SECRET=$(head -c 48 /dev/urandom | base64 | tr -d '/+=\n')
SERVICE_PORT=$(free_port)

# start_service NAME PROVIDER "EXTRA ENV"
start_service() {
  local name=$1 provider=$2 extra=$3 jfr=()
  local -a environment=(DATABASE_URL="$DATABASE_URL" JWT_SECRET="$JWT_SECRET" PORT="$SERVICE_PORT"
    REALESTATE_PROPERTY_CACHE_PROVIDER="$provider" REALESTATE_BENCHMARK_CONSTANT_ENDPOINT=true
    REALESTATE_DEMO_BULK_PROPERTIES="$PROPERTIES" REALESTATE_DEMO_BULK_TENANTS="$TENANTS")
  [[ "$provider" != none ]] && environment+=(REDIS_URL="$REDIS_URL")
  if [[ "$PROFILE" == true ]]; then
    jfr=(-XX:StartFlightRecording=filename="$RESULTS_DIR/service-$name.jfr",settings=profile,dumponexit=true)
  fi
  log "starting the service: $name (provider $provider${extra:+, $extra})"
  # shellcheck disable=SC2086
  env "${environment[@]}" $extra "$JAVA" $SERVICE_JAVA_OPTS "${jfr[@]}" -jar "$SERVICE_JAR" \
    >"$RESULTS_DIR/service-$name.log" 2>&1 &
  SERVICE_PID=$!
  for _ in $(seq 1800); do
    http_ok "$SERVICE_PORT" /actuator/health/readiness 2>/dev/null && return 0
    kill -0 "$SERVICE_PID" 2>/dev/null || break
    sleep 0.1
  done
  log "the service did not become ready, see $RESULTS_DIR/service-$name.log"
  exit 1
}

stop_service() {
  kill "$SERVICE_PID" 2>/dev/null || true
  wait "$SERVICE_PID" 2>/dev/null || true
  SERVICE_PID=""
}

# load LABEL SCENARIO [more HttpLoad arguments]
load() {
  local label=$1 scenario=$2
  shift 2
  # shellcheck disable=SC2086
  JWT_SECRET="$JWT_SECRET" "$JAVA" $LOAD_JAVA_OPTS -cp "$BENCH_JAR" com.realestate.benchmarks.http.HttpLoad \
    --port="$SERVICE_PORT" --scenario="$scenario" --label="$label" --connections="$CONNECTIONS" \
    --warmup="$WARMUP" --duration="$DURATION" --tenants="$TENANTS" --ids-per-tenant="$IDS_PER_TENANT" \
    --results="$RESULTS" "$@"
}

# turns TARGETS [more HttpTurns arguments]: loads the targets in alternating slices, appending to turns.{jsonl,txt}
turns() {
  local targets=$1
  shift
  # shellcheck disable=SC2086
  JWT_SECRET="$JWT_SECRET" "$JAVA" $LOAD_JAVA_OPTS -cp "$BENCH_JAR" com.realestate.benchmarks.http.HttpTurns \
    --targets="$targets" --connections="$CONNECTIONS" --tenants="$TENANTS" --ids-per-tenant="$IDS_PER_TENANT" \
    --results="$RESULTS_DIR/turns.jsonl" "$@" | tee -a "$RESULTS_DIR/turns.txt"
}

# Unmeasured load right after a start, so that every measured run meets a service the JIT has compiled.
warm_jit() {
  local label=$1
  shift
  for scenario in "$@"; do
    load "jit-$label" "$scenario" --warmup=0s --duration="$JIT_WARMUP" --results="$RESULTS_DIR/jit-warmup.jsonl" \
      >/dev/null
  done
}

seconds() { "$JAVA" -cp "$BENCH_JAR" com.realestate.benchmarks.http.RunSummary --seconds "$1"; }

log "results go to $RESULTS_DIR"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
start_service ours realestate "$OURS_ENV"
warm_jit ours constant detail list score
load ours constant
for scenario in detail list score; do load ours "$scenario" --prime=true; done
DURATION_S=$(seconds "$DURATION")
PAUSE_FROM=$((DURATION_S / 4))
PAUSE_TO=$((DURATION_S * 3 / 4))
log "outage run: Redis paused from ${PAUSE_FROM}s to ${PAUSE_TO}s of the measured window"
load ours-outage detail --pause-pid="$REDIS_PID" --pause-from="${PAUSE_FROM}s" --pause-to="${PAUSE_TO}s"
stop_service

start_service ours-near realestate "$OURS_ENV $OURS_NEAR_ENV"
warm_jit ours-near constant detail list score
load ours-near constant
for scenario in detail list score; do load ours-near "$scenario" --prime=true; done
log "turns: the near-cached detail read and the constant endpoint of the same service, $TURN_ROUNDS rounds"
turns "ours-near=$SERVICE_PORT/detail,constant=$SERVICE_PORT/constant" --rounds="$TURN_ROUNDS" \
  --slice="${TURN_SLICE}s"
stop_service

start_service spring-data-redis spring-data-redis "$SPRING_ENV"
warm_jit spring-data-redis detail list score
for scenario in detail list score; do load spring-data-redis "$scenario" --prime=true; done
stop_service

# Ours (near cache off), Spring's RedisCacheManager and no cache, all three running and loaded in turns (HttpTurns):
# each ratio is taken within seconds, so drift of the machine between the runs above cannot bias it.
log "turns: ours, none and spring-data-redis running at once, loaded in alternating ${TURN_SLICE}s slices, $TURN_ROUNDS rounds"
start_service turns-spring-data-redis spring-data-redis "$SPRING_ENV CACHE_KEY_PREFIX=turns-spring:"
OTHER_SERVICE_PIDS=("$SERVICE_PID")
SPRING_PORT=$SERVICE_PORT
SERVICE_PORT=$(free_port)
start_service turns-none none "$NONE_ENV"
OTHER_SERVICE_PIDS+=("$SERVICE_PID")
NONE_PORT=$SERVICE_PORT
SERVICE_PORT=$(free_port)
start_service turns-ours realestate "$OURS_ENV CACHE_KEY_PREFIX=turns-ours:"
for scenario in detail list score; do
  for port in "$SERVICE_PORT" "$SPRING_PORT" "$NONE_PORT"; do
    load "jit-turns" "$scenario" --port="$port" --prime=true --warmup=0s --duration="$JIT_WARMUP" \
      --results="$RESULTS_DIR/jit-warmup.jsonl" >/dev/null
  done
done
for scenario in detail list score; do
  turns "ours=$SERVICE_PORT,none=$NONE_PORT,spring-data-redis=$SPRING_PORT" --rounds="$TURN_ROUNDS" \
    --slice="${TURN_SLICE}s" --scenario="$scenario"
done
# The outage in turns: ours with Redis paused in the middle of each of its slices against no cache at all, so that
# the p99 ratio does not depend on the machine's drift between two runs minutes apart. Before it, ours runs its
# fall-through path unmeasured with Redis paused, as none has run its database path, so that both are measured on
# reads their JIT has compiled.
log "turns: ours through a Redis outage (paused from ${PAUSE_FROM}s to ${PAUSE_TO}s of each slice) and none, $OUTAGE_ROUNDS rounds"
kill -STOP "$REDIS_PID"
load "jit-turns" detail --port="$SERVICE_PORT" --warmup=0s --duration="$JIT_WARMUP" \
  --results="$RESULTS_DIR/jit-warmup.jsonl" >/dev/null
kill -CONT "$REDIS_PID"
turns "ours-outage=$SERVICE_PORT,none=$NONE_PORT" --rounds="$OUTAGE_ROUNDS" --slice="$DURATION" \
  --slice-warmup="$WARMUP" --scenario=detail --outage-for=ours-outage --pause-pid="$REDIS_PID" \
  --pause-from="${PAUSE_FROM}s" --pause-to="${PAUSE_TO}s"
stop_service
for pid in "${OTHER_SERVICE_PIDS[@]}"; do
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
done
OTHER_SERVICE_PIDS=()
SERVICE_PORT=$SPRING_PORT

start_service none none "$NONE_ENV"
warm_jit none detail list score
for scenario in detail list score; do load none "$scenario"; done
stop_service

"$JAVA" -cp "$BENCH_JAR" com.realestate.benchmarks.http.RunSummary "$RESULTS" | tee "$RESULTS_DIR/summary.md"
{
  echo
  echo "Taking turns (medians of $TURN_ROUNDS rounds of ${TURN_SLICE}s slices; each ratio is taken within its round):"
  echo "the near-cached detail read against the constant endpoint of the same service, then ours with the near"
  echo "cache off, no cache and Spring's RedisCacheManager, the three services running at once; last, ours through"
  echo "a Redis outage in each of its ${DURATION} slices against no cache ($OUTAGE_ROUNDS rounds):"
  echo
  cat "$RESULTS_DIR/turns.txt"
} | tee -a "$RESULTS_DIR/summary.md"
{
  echo
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB,"
  echo "$(uname -sr), $("$JAVA" -version 2>&1 | head -1), Redis $("$REDIS_BIN" --version | awk '{print $3}')"
  echo "Command: benchmarks/run-all.sh $*"
  echo "Load average (1, 5, 15 min) before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee -a "$RESULTS_DIR/summary.md"

if [[ "$SKIP_JMH" != true ]]; then
  log "running benchmarks/run-scenarios.sh (group invalidation, stampede, memory, compression, staleness window)"
  RESULTS_DIR="$RESULTS_DIR" SKIP_BUILD=1 bash benchmarks/run-scenarios.sh all
  log "running benchmarks/run-jmh.sh"
  RESULTS_DIR="$RESULTS_DIR" SKIP_BUILD=1 bash benchmarks/run-jmh.sh
fi
