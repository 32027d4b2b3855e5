#!/usr/bin/env bash
# Durable ingest under load (BENCHMARKS.md): signed webhooks over HTTP into the host on a fresh SQLite file,
# the inbox drained into events, checked for loss and duplicates through /v1/events; and, in the same run,
# a bare Kestrel endpoint (reads the body, answers 200) as the ceiling the host is compared with.
#
#   scripts/load.sh [--duration S] [--warmup S] [--connections K] [--bodies N] [--no-bare]
#   env: DURATION (seconds, default 30; 600 with SOAK=1), WARMUP (seconds, default 5), CONNECTIONS (32),
#        BODIES (default 20000 per second of DURATION; RATE per second with SOAK=1),
#        DRAIN_TIMEOUT (seconds allowed for each drain and for the deliveries, default 10 per second of DURATION + 60),
#        SUBSCRIBERS (default 0), SOAK (0), RATE (1000), PRELOAD (0), STORE (sqlite), HOSTS (1)
#
# Each server first gets WARMUP seconds of the same load with bodies of its own (not measured), so that the
# figures are the servers' steady state and not the JIT compiling their hot paths; the host's warm-up updates are
# checked for loss and drained before the measured run starts.
#
# After the measured run a marker webhook (a distinct body of its own) is posted and GET /v1/events/{its id} polled
# every 20 ms: "CPU per webhook" is the host's CPU time (user + system) from the start of the load until the marker
# is stored, over the webhooks answered 200 during the load; "events stored" is the time from the end of the load
# until then.
#
# SUBSCRIBERS=N: N receivers (Normalizer.Benchmarks receiver, each on a loopback port of its own, answering 200 at
#   once) and one subscription each (no filter) are created before the measured run; the host allows private
#   destinations. After the load: deliveries per second (events delivered to all receivers / time from load start to
#   the last delivery), the time from the end of the load until every receiver has every event, and a check that
#   every event stored during the run reached every receiver (distinct webhook-ids), bounded by DRAIN_TIMEOUT.
# SOAK=1: a fixed rate of RATE requests/s (each wrk thread on its own schedule) for DURATION; every 60 s (and at the
#   end) the host's RSS and CPU per webhook in that minute, then RSS end / RSS after the first minute.
# PRELOAD=N: before the warm-up, N distinct bodies (+10% redeliveries) posted through the host once each as fast as
#   it takes them, drained and checked; prints how long that took and the events in the store before the run.
#   The no-loss check of the measured run counts only its own updates (it pages from the cursor before it).
# STORE=postgres: the host(s) on a private PostgreSQL cluster started for the run (scripts/postgres.sh, fsync on); the
#   database server's CPU per webhook is printed beside the host's. HOSTS=N (with STORE=postgres): N host processes on
#   that one database, the load's connections spread over them in turn (as a load balancer would); "CPU per webhook" is
#   then all hosts' CPU together.
# PRUNE=1: the retention pruner runs every second during the whole run, deleting processed inbox rows older than
#   PRUNE_INBOX (default 00:00:05) and delivery attempts older than 5 s, and events older than PRUNE_EVENTS when it is
#   given (it must exceed the time from the load's start until the check has paged its events, or the check fails:
#   with PRELOAD, say PRUNE_EVENTS=00:01:00 prunes the preload's events while the run goes on); prints what it deleted.
#
# On SQLite (with the sqlite3 command), the bytes stored per event and per inbox row, by table and index (dbstat).
#
# Only 127.0.0.1 is contacted. Needs dotnet, wrk, python3, curl. Exits 1 if the no-loss or the delivery check fails.
set -Eeuo pipefail

SOAK=${SOAK:-0}
RATE=${RATE:-1000}
DURATION=${DURATION:-$([[ $SOAK == 1 ]] && echo 600 || echo 30)}
WARMUP=${WARMUP:-5}
CONNECTIONS=${CONNECTIONS:-32}
BODIES=${BODIES:-}
SUBSCRIBERS=${SUBSCRIBERS:-0}
PRELOAD=${PRELOAD:-0}
STORE=${STORE:-sqlite}
HOSTS=${HOSTS:-1}
PRUNE=${PRUNE:-0}
PRUNE_INBOX=${PRUNE_INBOX:-00:00:05}
PRUNE_EVENTS=${PRUNE_EVENTS:-}
BARE=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --bodies) BODIES=$2; shift 2 ;;
    --no-bare) BARE=0; shift ;;
    *) echo "usage: $0 [--duration S] [--warmup S] [--connections K] [--bodies N] [--no-bare]" >&2; exit 2 ;;
  esac
done
DURATION=${DURATION%s}
if [[ $SOAK == 1 ]]; then
  BODIES=${BODIES:-$((DURATION * RATE))}
else
  BODIES=${BODIES:-$((DURATION * 20000))}
fi
DRAIN_TIMEOUT=${DRAIN_TIMEOUT:-$((DURATION * 10 + 60))}
if [[ $STORE != sqlite && $STORE != postgres ]] || [[ $HOSTS -gt 1 && $STORE != postgres ]] || [[ $HOSTS -gt 1 && $SOAK == 1 ]]; then
  echo "load.sh: STORE is sqlite or postgres; HOSTS > 1 needs STORE=postgres and no SOAK" >&2
  exit 2
fi
if [[ $PRELOAD -gt 0 && $PRELOAD -lt $CONNECTIONS ]]; then
  echo "load.sh: PRELOAD must be at least CONNECTIONS ($CONNECTIONS)" >&2
  exit 2
fi
MARKER_KEY=990000000000   # above the keys of the measured run (from 0), warm-up (10^11) and preload (2 x 10^11)
CLK_TCK=$(getconf CLK_TCK)

ROOT=$(cd "$(dirname "$0")/.." && pwd)
LOAD="$ROOT/scripts/load"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/normalizer-load.XXXXXX")
SECRET="load-secret-$RANDOM$RANDOM"
API_KEY="load-key-$RANDOM$RANDOM"
PIDS=()
WRK_PID=""   # the wrk running, if any

cleanup() {
  [[ -n $WRK_PID ]] && kill "$WRK_PID" 2>/dev/null
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  [[ -n ${CLUSTER:-} ]] && "$ROOT/scripts/postgres.sh" stop "$CLUSTER"
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'echo "load.sh: failed at line $LINENO: $BASH_COMMAND" >&2; [[ -f $WORK/wrk.out ]] && cat "$WORK/wrk.out" >&2' ERR
trap 'exit 130' INT TERM

for tool in dotnet wrk python3 curl; do
  command -v "$tool" >/dev/null || { echo "load.sh: $tool is required (wrk: apt-get install -y wrk)" >&2; exit 2; }
done

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

wait_healthy() { # url pid
  for _ in $(seq 1 300); do
    curl -fs -o /dev/null "$1" && return 0
    kill -0 "$2" 2>/dev/null || { echo "load.sh: the server exited; its log:" >&2; cat "$WORK"/*.log >&2; exit 1; }
    sleep 0.2
  done
  echo "load.sh: $1 did not answer within 60 s" >&2
  exit 1
}

# wrk runs each thread's init() on its main thread, one after the other, starts each thread as soon as its init is
# done, and starts its clock after the last one: what a thread sends before is counted but not timed. So the script
# holds every thread until the last init is done (a gate file), and each thread reads only its own share of the bodies
# (split_bodies; scanning the whole file, the inits of 32 threads over 300,000 bodies take ~20 s).
split_bodies() { # file
  awk -v threads="$CONNECTIONS" -v file="$1" '{ print > (file "." ((NR - 1) % threads)) }' "$1"
}

# Env for wrk (webhooks.lua): LOAD_RATE (a fixed rate), LOAD_ONCE=1 (each body once; wrk is interrupted when every
# thread is done), LOAD_PROGRESS (each thread's count of 200s, read by soak_minutes).
run_wrk() { # url report [bodies seconds [server-pid]]: with a pid, the CPU use of the measured window into REPORT.cpu
  local bodies=${3:-$WORK/bodies.txt} seconds=${4:-$DURATION} pid=${5:-}
  LOAD_REPORT="$2" timeout $((seconds + 60)) wrk -t "$CONNECTIONS" -c "$CONNECTIONS" -d "${seconds}s" --timeout 10s \
    -s "$LOAD/webhooks.lua" "$1" -- "$bodies" "$CONNECTIONS" "$2.gate" >"$WORK/wrk.out" &
  local wrk=$!
  WRK_PID=$wrk
  while [[ -n $pid && ! -e $2.gate ]] && kill -0 "$wrk" 2>/dev/null; do sleep 0.02; done
  if [[ -n $pid && -e $2.gate ]]; then
    local before after
    before=$(cpu_sample "$pid")
    echo "$(now_ms) $(pid_ticks "$pid") $(db_ticks)" >"$2.start"   # the load's start: Unix ms, the servers' CPU ticks, the database's
    if [[ -n ${LOAD_PROGRESS:-} ]]; then
      soak_minutes "$pid" "$seconds"
    else
      sleep "$seconds"
    fi
    after=$(cpu_sample "$pid")
    echo "$before $after" | awk -v cores="$(nproc)" '{
      span = ($6 - $2) / cores
      printf "%.2f %.2f %.2f\n", ($5 - $1) / span, ($7 - $3) / span, ($8 - $4) / span }' >"$2.cpu"
  fi
  if [[ ${LOAD_ONCE:-} == 1 ]]; then
    while kill -0 "$wrk" 2>/dev/null && [[ $(find "$(dirname "$2")" -maxdepth 1 -name "$(basename "$2").gate.done.*" | wc -l) -lt $CONNECTIONS ]]; do
      sleep 0.1
    done
    kill -INT "$wrk" 2>/dev/null || true
  fi
  wait "$wrk"
  WRK_PID=""
}

now_ms() { date +%s%3N; }

rss_mb() { # pid
  awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"
}

# Soak: every 60 s of the load (and at its end), the server's RSS and its CPU per webhook answered 200 in that span
# (the 200s from the wrk threads' progress files); the RSS after the first minute and at the end into REPORT.rss.
soak_minutes() { # pid seconds
  local start end mark minute=0 ticks_before ticks_now acked_before=0 acked_now rss first_rss=""
  start=$(now_ms)
  end=$((start + $2 * 1000))
  ticks_before=$(pid_ticks "$1")
  while :; do
    mark=$((start + (minute + 1) * 60000))
    ((mark > end)) && mark=$end
    sleep "$(awk -v ms=$((mark - $(now_ms))) 'BEGIN { printf "%.3f", (ms > 0 ? ms / 1000 : 0) }')"
    ticks_now=$(pid_ticks "$1")
    acked_now=$(cat "$LOAD_PROGRESS".* 2>/dev/null | awk '{ n += $1 } END { print n + 0 }')
    rss=$(rss_mb "$1")
    minute=$((minute + 1))
    first_rss=${first_rss:-$rss}
    awk -v m="$minute" -v s=$(((mark - start) / 1000)) -v rss="$rss" -v t=$((ticks_now - ticks_before)) -v hz="$CLK_TCK" \
      -v n=$((acked_now - acked_before)) -v span=$((mark - start - (minute - 1) * 60000)) 'BEGIN {
      printf "  soak minute %-3d     at %4d s: RSS %5d MB, CPU per webhook %5s µs, %d webhooks (%.0f/s)\n",
        m, s, rss, (n > 0 ? sprintf("%.0f", t * 1e6 / hz / n) : "-"), n, (span > 0 ? n * 1000 / span : 0) }'
    ticks_before=$ticks_now
    acked_before=$acked_now
    ((mark >= end)) && break
  done
  echo "$first_rss $rss" >"$LOAD_PROGRESS.rss"
}

# CPU ticks so far: the machine's busy and total (all cores, /proc/stat), the server process's, and its inbox worker
# thread's (named "Normalizer inbox"; the kernel keeps 15 characters).
cpu_sample() { # pids (comma-separated)
  local busy total
  read -r busy total < <(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat)
  local server worker=0 task pid
  server=$(pid_ticks "$1")
  for pid in ${1//,/ }; do
    for task in /proc/"$pid"/task/*; do
      if [[ $(cat "$task/comm" 2>/dev/null) == "Normalizer inbo" ]]; then
        worker=$((worker + $(ticks "$task/stat")))
      fi
    done
  done
  echo "$busy $total $server $worker"
}

store_bytes() { # file table label: the file's bytes (dbstat: pages of each table and index) over the table's rows
  sqlite3 -readonly "$1" "SELECT (SELECT COUNT(*) FROM $2), name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 3 DESC" 2>/dev/null |
    awk -F'|' -v f="$(basename "$1")" -v label="$3" '{ n = $1; total += $3; part[NR] = $2; size[NR] = $3 } END {
      if (n == 0) exit
      printf "  stored bytes        %s: %.0f B %s (%d rows, %.1f MB):", f, total / n, label, n, total / 1e6
      for (i = 1; i <= NR && i <= 6; i++) printf " %s %.0f%s", part[i], size[i] / n, i < NR && i < 6 ? "," : ""
      printf "\n" }'
}
ticks() { # /proc/…/stat: user + system time (fields after the command name, which may hold spaces)
  sed 's/.*) //' "$1" | awk '{ print $12 + $13 }'
}

pid_ticks() { # pids (comma-separated): their ticks together
  local pid sum=0
  for pid in ${1//,/ }; do sum=$((sum + $(ticks "/proc/$pid/stat"))); done
  echo "$sum"
}

db_ticks() { # the PostgreSQL cluster's processes (the postmaster and its children), 0 on SQLite
  local pid sum=0
  if [[ -n ${DB_PID:-} ]]; then
    for pid in "$DB_PID" $(pgrep -P "$DB_PID"); do sum=$((sum + $(ticks "/proc/$pid/stat" 2>/dev/null || echo 0))); done
  fi
  echo "$sum"
}

print_cpu() { # report bare|host
  local machine server worker
  read -r machine server worker <"$1.cpu"
  [[ $2 == host ]] && server="$server (its inbox worker $worker)"
  printf '  CPU (cores of %d)      machine %s: %s %s, wrk and the rest %s\n' "$(nproc)" "$machine" "$2" "$server" \
    "$(awk -v m="$machine" -v s="${server%% *}" 'BEGIN { printf "%.2f", m - s }')"
}


stop() { # pid
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

[[ $SOAK == 1 ]] && BARE=0   # a fixed rate below the ceiling: nothing to compare with

echo "== build (Release)"
dotnet build "$ROOT/src/Host" -c Release -v quiet -nologo >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
if [[ $BARE == 1 || $SUBSCRIBERS -gt 0 ]]; then
  dotnet build "$ROOT/tests/Normalizer.Benchmarks" -c Release -v quiet -nologo >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
fi
BENCHMARKS="$ROOT/tests/Normalizer.Benchmarks/bin/Release/net10.0/Normalizer.Benchmarks.dll"

echo "== $BODIES distinct signed bodies (Messenger/Instagram/WhatsApp, one update each) + 10% exact redeliveries"
python3 "$LOAD/gen_bodies.py" "$BODIES" "$SECRET" "$WORK/bodies.txt"
split_bodies "$WORK/bodies.txt"
if [[ $WARMUP -gt 0 ]]; then
  # Warm-up bodies: keys from 10^11 on, distinct from the measured run's.
  python3 "$LOAD/gen_bodies.py" "$((WARMUP * 20000))" "$SECRET" "$WORK/warmup.txt" 100000000000
  split_bodies "$WORK/warmup.txt"
fi
if [[ $PRELOAD -gt 0 ]]; then
  # Preload bodies: keys from 2 x 10^11 on.
  python3 "$LOAD/gen_bodies.py" "$PRELOAD" "$SECRET" "$WORK/preload.txt" 200000000000
  split_bodies "$WORK/preload.txt"
fi
# The marker: one Messenger body (a key divisible by 3) whose event id check.py derives; left out of the no-loss count.
python3 "$LOAD/gen_bodies.py" 1 "$SECRET" "$WORK/marker.txt" "$MARKER_KEY"
echo "sent $MARKER_KEY" >"$WORK/marker.report"

MODE="${DURATION}s at $CONNECTIONS connections"
[[ $SOAK == 1 ]] && MODE="soak: ${DURATION}s at a fixed $RATE requests/s over $CONNECTIONS connections"
echo "== $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), .NET $(dotnet --version); $MODE after ${WARMUP}s of warm-up"
printf '%-28s %10s %9s %9s %9s %7s\n' "" "requests/s" "p50 ms" "p99 ms" "requests" "errors"

BARE_RPS=""
if [[ $BARE == 1 ]]; then
  PORT=$(free_port)
  DOTNET_gcServer=1 Logging__LogLevel__Default=Warning \
    dotnet "$BENCHMARKS" bare --urls "http://127.0.0.1:$PORT" >"$WORK/bare.log" 2>&1 &
  BARE_PID=$!
  PIDS+=("$BARE_PID")
  wait_healthy "http://127.0.0.1:$PORT/healthz" "$BARE_PID"
  if [[ $WARMUP -gt 0 ]]; then
    run_wrk "http://127.0.0.1:$PORT" "$WORK/bare.warmup.report" "$WORK/warmup.txt" "$WARMUP"
  fi
  run_wrk "http://127.0.0.1:$PORT" "$WORK/bare.report" "$WORK/bodies.txt" "$DURATION" "$BARE_PID"
  stop "$BARE_PID"
  read -r BARE_RPS P50 P99 REQS ERRS < <(python3 "$LOAD/check.py" figures "$WORK/bare.report")
  printf '%-28s %10s %9s %9s %9s %7s\n' "bare Kestrel (ceiling)" "$BARE_RPS" "$P50" "$P99" "$REQS" "$ERRS"
  print_cpu "$WORK/bare.report" bare
fi

STORE_SETTINGS=(Normalizer__Storage__Provider=sqlite "Normalizer__Storage__ConnectionString=Data Source=$WORK/normalizer.db")
if [[ $STORE == postgres ]]; then
  CLUSTER=$(mktemp -d "${TMPDIR:-/tmp}/normalizer-load-pg.XXXXXX")   # beside WORK: the server's user must reach it
  eval "$("$ROOT/scripts/postgres.sh" start "$CLUSTER")"
  DB_PID=$(head -n1 "$CLUSTER/data/postmaster.pid")
  STORE_SETTINGS=(Normalizer__Storage__Provider=postgres "Normalizer__Storage__ConnectionString=$NORMALIZER_TEST_POSTGRES")
  echo "  store               PostgreSQL $( (psql --version 2>/dev/null || true) | awk '{ print $3 }'), private cluster on 127.0.0.1, $HOSTS host(s)"
fi
if [[ $PRUNE == 1 ]]; then
  # The pruner's passes are logged at Debug; their counts are summed at the end.
  STORE_SETTINGS+=(Normalizer__Retention__Interval=00:00:01 "Normalizer__Retention__Inbox=$PRUNE_INBOX"
    Normalizer__Retention__Deliveries=00:00:05 Logging__LogLevel__Normalizer.Host.Workers.RetentionWorker=Debug)
  [[ -n $PRUNE_EVENTS ]] && STORE_SETTINGS+=("Normalizer__Retention__Events=$PRUNE_EVENTS")
  echo "  pruning             every second: processed inbox rows older than $PRUNE_INBOX, attempts older than 5 s${PRUNE_EVENTS:+, events older than $PRUNE_EVENTS}"
fi
HOST_PIDS=()
HOST_ADDRS=()
for ((h = 0; h < HOSTS; h++)); do
  PORT=$(free_port)
  env "${STORE_SETTINGS[@]}" \
    Normalizer__Meta__AppSecrets__0="$SECRET" \
    Normalizer__ApiKeys__0="$API_KEY" \
    Normalizer__Delivery__AllowPrivateDestinations="$([[ $SUBSCRIBERS -gt 0 ]] && echo true || echo false)" \
    Logging__LogLevel__Default=Warning \
    dotnet "$ROOT/src/Host/bin/Release/net10.0/Normalizer.Host.dll" --urls "http://127.0.0.1:$PORT" >"$WORK/host.$h.log" 2>&1 &
  HOST_PIDS+=("$!")
  PIDS+=("$!")
  HOST_ADDRS+=("127.0.0.1:$PORT")
  wait_healthy "http://127.0.0.1:$PORT/healthz" "$!"
done
HOST_URL="http://${HOST_ADDRS[0]}"
HOST_PID=$(IFS=,; echo "${HOST_PIDS[*]}")
if [[ $HOSTS -gt 1 ]]; then
  export LOAD_HOSTS=$(IFS=,; echo "${HOST_ADDRS[*]}")
fi

# Each verify pages the events after the previous one's last cursor, so a large store is paged once.
CURSOR=0
STORED_BEFORE=0
verify_before_run() { # name bodies report [drain-timeout]
  python3 "$LOAD/check.py" verify "$HOST_URL" "$API_KEY" "$2" "$3" "${4:-$DRAIN_TIMEOUT}" --after "$CURSOR" --state "$WORK/$1.state" \
    >"$WORK/$1.check" || { echo "  $1:"; cat "$WORK/$1.check"; exit 1; }
  CURSOR=$(awk '$1 == "cursor" { print $2 }' "$WORK/$1.state")
  STORED_BEFORE=$((STORED_BEFORE + $(awk '$1 == "events" { print $2 }' "$WORK/$1.state")))
}

if [[ $PRELOAD -gt 0 ]]; then
  PRELOAD_START=$(now_ms)
  LOAD_ONCE=1 run_wrk "$HOST_URL" "$WORK/host.preload.report" "$WORK/preload.txt" $((PRELOAD / 500 + 60))
  PRELOAD_POSTED=$(now_ms)
  # The inbox may be far behind the posting: its drain is allowed DRAIN_TIMEOUT + 1 s per 500 rows.
  verify_before_run preload "$WORK/preload.txt" "$WORK/host.preload.report" $((DRAIN_TIMEOUT + PRELOAD / 500))
  rm -f "$WORK"/preload.txt.*
  awk -v n="$STORED_BEFORE" -v ms=$(($(now_ms) - PRELOAD_START)) -v posted=$((PRELOAD_POSTED - PRELOAD_START)) -v c="$CONNECTIONS" 'BEGIN {
    printf "  preload             %d events stored in %.1f s (%.0f/s; each body posted once at %d connections in %.1f s, then drained and checked)\n",
      n, ms / 1000, n * 1000 / ms, c, posted / 1000 }'
fi
EARLIER=()   # the warm-up's updates, verified here and left out of the measured run's count
if [[ $WARMUP -gt 0 ]]; then
  run_wrk "$HOST_URL" "$WORK/host.warmup.report" "$WORK/warmup.txt" "$WARMUP"
  EARLIER=("$WORK/host.warmup.report")
  verify_before_run warmup "$WORK/warmup.txt" "$WORK/host.warmup.report"
fi
if [[ $PRELOAD -gt 0 ]]; then
  echo "  store before the run $STORED_BEFORE events (preload and warm-up)"
fi

RECEIVER_PORTS=()
for ((i = 0; i < SUBSCRIBERS; i++)); do
  RECEIVER_PORT=$(free_port)
  DOTNET_gcServer=0 Logging__LogLevel__Default=Warning \
    dotnet "$BENCHMARKS" receiver --urls "http://127.0.0.1:$RECEIVER_PORT" >"$WORK/receiver.$i.log" 2>&1 &
  PIDS+=("$!")
  wait_healthy "http://127.0.0.1:$RECEIVER_PORT/healthz" "$!"
  curl -fsS -o /dev/null -X POST "$HOST_URL/v1/subscriptions" -H "Authorization: Bearer $API_KEY" \
    -H "Content-Type: application/json" -d "{\"url\":\"http://127.0.0.1:$RECEIVER_PORT/hook\"}"
  RECEIVER_PORTS+=("$RECEIVER_PORT")
done
if [[ $SUBSCRIBERS -gt 0 ]]; then
  echo "  subscribers         $SUBSCRIBERS receiver(s) on 127.0.0.1:${RECEIVER_PORTS[*]}, one subscription each"
fi

if [[ $SOAK == 1 ]]; then
  LOAD_RATE=$RATE LOAD_PROGRESS="$WORK/host.progress" run_wrk "$HOST_URL" "$WORK/host.report" "$WORK/bodies.txt" "$DURATION" "$HOST_PID"
else
  run_wrk "$HOST_URL" "$WORK/host.report" "$WORK/bodies.txt" "$DURATION" "$HOST_PID"
fi
# The load ended DURATION after it started (wrk's own span); the marker goes once wrk has exited.
read -r LOAD_START_MS START_TICKS START_DB_TICKS <"$WORK/host.report.start"
LOAD_END_MS=$((LOAD_START_MS + $(awk '$1 == "duration_us" { print int($2 / 1000) }' "$WORK/host.report")))
ACKED=$(awk '$1 == "acked" { print $2 }' "$WORK/host.report")
read -r STORED_MS END_TICKS STOP < <(python3 "$LOAD/check.py" marker "$HOST_URL" "$API_KEY" "$WORK/marker.txt" "$HOST_PID" "$DRAIN_TIMEOUT")
END_DB_TICKS=$(db_ticks)
read -r RPS P50 P99 REQS ERRS < <(python3 "$LOAD/check.py" figures "$WORK/host.report")
printf '%-28s %10s %9s %9s %9s %7s\n' "host (signed, durable)" "$RPS" "$P50" "$P99" "$REQS" "$ERRS"
print_cpu "$WORK/host.report" host
if [[ -n $BARE_RPS ]]; then
  echo "  host / bare           $(python3 -c "print(f'{$RPS / $BARE_RPS:.2f}')") of the ceiling ($(python3 -c "print(f'{$BARE_RPS / $RPS:.2f}')")x slower)"
fi
if [[ $SOAK == 1 ]]; then
  read -r FIRST_RSS END_RSS <"$WORK/host.progress.rss"
  awk -v rps="$RPS" -v rate="$RATE" -v a="$FIRST_RSS" -v b="$END_RSS" 'BEGIN {
    printf "  fixed rate          %.0f requests/s achieved of %d asked (%.1f%%)\n", rps, rate, 100 * rps / rate
    printf "  RSS end / RSS after the first minute = %.2f (%d MB / %d MB)\n", b / a, b, a }'
fi
awk -v t=$((END_TICKS - START_TICKS)) -v hz="$CLK_TCK" -v n="$ACKED" 'BEGIN {
  printf "  CPU per webhook  %.0f µs (host CPU from load start until the marker event is stored)\n", t * 1e6 / hz / n }'
if [[ $STORE == postgres ]]; then
  awk -v t=$((END_DB_TICKS - START_DB_TICKS)) -v hz="$CLK_TCK" -v n="$ACKED" 'BEGIN {
    printf "  database CPU     %.0f µs per webhook (the PostgreSQL server'"'"'s processes, same span)\n", t * 1e6 / hz / n }'
fi
awk -v ms=$((STORED_MS - LOAD_END_MS)) 'BEGIN { printf "  events stored    %.2f s after the load ended\n", ms / 1000 }'

STATUS=0
python3 "$LOAD/check.py" verify "$HOST_URL" "$API_KEY" "$WORK/bodies.txt" "$WORK/host.report" "$DRAIN_TIMEOUT" \
  "${EARLIER[@]}" "$WORK/marker.report" --after "$CURSOR" --state "$WORK/host.state" --stop "$STOP:$STORED_MS" || STATUS=$?
if [[ $SUBSCRIBERS -gt 0 && ! -f $WORK/host.state ]]; then
  echo "FAIL: delivery check: not run, the events could not be counted"
  STATUS=1
elif [[ $SUBSCRIBERS -gt 0 ]]; then
  # Every event stored since the subscriptions were created (the run's, its redelivered ones, the marker) matches them.
  python3 "$LOAD/check.py" deliveries "$HOST_URL" "$(awk '$1 == "events" { print $2 }' "$WORK/host.state")" \
    "$LOAD_START_MS" "$LOAD_END_MS" "$DRAIN_TIMEOUT" "${RECEIVER_PORTS[@]}" || STATUS=1
fi
if [[ $PRUNE == 1 ]]; then
  { cat "$WORK"/host.*.log | grep -o -E 'Retention pruned [0-9]+ inbox rows, [0-9]+ events, [0-9]+ deliveries' || true; } |
    awk '{ i += $3; e += $6; d += $8; n++ } END {
      printf "  pruned              %d inbox rows, %d events, %d delivery attempts in %d passes that deleted something\n", i, e, d, n }'
fi
if [[ $STORE == sqlite ]] && command -v sqlite3 >/dev/null; then
  store_bytes "$WORK/normalizer.db" events "per event" || true
  store_bytes "$WORK/normalizer-inbox.db" inbox "per inbox row" || true
fi
if cat "$WORK"/host.*.log | grep -q -E '"(Error|Critical)"|fail:|crit:'; then
  echo "  host log (errors):"; cat "$WORK"/host.*.log | grep -E 'fail:|crit:' -A3 | head -20
fi
exit $STATUS
