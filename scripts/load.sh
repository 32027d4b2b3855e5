#!/usr/bin/env bash
# Durable ingest under load (BENCHMARKS.md): signed webhooks over HTTP into the host on a fresh SQLite file,
# the inbox drained into events, checked for loss and duplicates through /v1/events; and, in the same run,
# a bare Kestrel endpoint (reads the body, answers 200) as the ceiling the host is compared with.
#
#   scripts/load.sh [--duration S] [--warmup S] [--connections K] [--bodies N] [--no-bare]
#   env: DURATION (seconds, default 30), WARMUP (seconds, default 5), CONNECTIONS (32),
#        BODIES (default 20000 per second of DURATION)
#
# Each server first gets WARMUP seconds of the same load with bodies of its own (not measured), so that the
# figures are the servers' steady state and not the JIT compiling their hot paths; the host's warm-up updates are
# checked for loss and drained before the measured run starts.
#
# Only 127.0.0.1 is contacted. Needs dotnet, wrk, python3, curl. Exits 1 if the no-loss check fails.
set -Eeuo pipefail

DURATION=${DURATION:-30}
WARMUP=${WARMUP:-5}
CONNECTIONS=${CONNECTIONS:-32}
BODIES=${BODIES:-}
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
BODIES=${BODIES:-$((DURATION * 20000))}
DRAIN_TIMEOUT=$((DURATION * 10 + 60))

ROOT=$(cd "$(dirname "$0")/.." && pwd)
LOAD="$ROOT/scripts/load"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/normalizer-load.XXXXXX")
SECRET="load-secret-$RANDOM$RANDOM"
API_KEY="load-key-$RANDOM$RANDOM"
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
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

run_wrk() { # url report [bodies seconds [server-pid]]: with a pid, the CPU use of the measured window into REPORT.cpu
  local bodies=${3:-$WORK/bodies.txt} seconds=${4:-$DURATION} pid=${5:-}
  LOAD_REPORT="$2" timeout $((seconds + 60)) wrk -t "$CONNECTIONS" -c "$CONNECTIONS" -d "${seconds}s" --timeout 10s \
    -s "$LOAD/webhooks.lua" "$1" -- "$bodies" "$CONNECTIONS" "$2.gate" >"$WORK/wrk.out" &
  local wrk=$!
  while [[ -n $pid && ! -e $2.gate ]] && kill -0 "$wrk" 2>/dev/null; do sleep 0.02; done
  if [[ -n $pid && -e $2.gate ]]; then
    local before after
    before=$(cpu_sample "$pid")
    sleep "$seconds"
    after=$(cpu_sample "$pid")
    echo "$before $after" | awk -v cores="$(nproc)" '{
      span = ($6 - $2) / cores
      printf "%.2f %.2f %.2f\n", ($5 - $1) / span, ($7 - $3) / span, ($8 - $4) / span }' >"$2.cpu"
  fi
  wait "$wrk"
}

# CPU ticks so far: the machine's busy and total (all cores, /proc/stat), the server process's, and its inbox worker
# thread's (named "Normalizer inbox"; the kernel keeps 15 characters).
cpu_sample() { # pid
  local busy total
  read -r busy total < <(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat)
  local server worker=0 task
  server=$(ticks "/proc/$1/stat")
  for task in /proc/"$1"/task/*; do
    if [[ $(cat "$task/comm" 2>/dev/null) == "Normalizer inbo" ]]; then
      worker=$((worker + $(ticks "$task/stat")))
    fi
  done
  echo "$busy $total $server $worker"
}

ticks() { # /proc/…/stat: user + system time (fields after the command name, which may hold spaces)
  sed 's/.*) //' "$1" | awk '{ print $12 + $13 }'
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

echo "== build (Release)"
dotnet build "$ROOT/src/Host" -c Release -v quiet -nologo >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
if [[ $BARE == 1 ]]; then
  dotnet build "$ROOT/tests/Normalizer.Benchmarks" -c Release -v quiet -nologo >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
fi

echo "== $BODIES distinct signed bodies (Messenger/Instagram/WhatsApp, one update each) + 10% exact redeliveries"
python3 "$LOAD/gen_bodies.py" "$BODIES" "$SECRET" "$WORK/bodies.txt"
split_bodies "$WORK/bodies.txt"
if [[ $WARMUP -gt 0 ]]; then
  # Warm-up bodies: keys from 10^11 on, distinct from the measured run's.
  python3 "$LOAD/gen_bodies.py" "$((WARMUP * 20000))" "$SECRET" "$WORK/warmup.txt" 100000000000
  split_bodies "$WORK/warmup.txt"
fi

echo "== $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), .NET $(dotnet --version); ${DURATION}s at $CONNECTIONS connections after ${WARMUP}s of warm-up"
printf '%-28s %10s %9s %9s %9s %7s\n' "" "requests/s" "p50 ms" "p99 ms" "requests" "errors"

BARE_RPS=""
if [[ $BARE == 1 ]]; then
  PORT=$(free_port)
  DOTNET_gcServer=1 Logging__LogLevel__Default=Warning \
    dotnet "$ROOT/tests/Normalizer.Benchmarks/bin/Release/net10.0/Normalizer.Benchmarks.dll" bare --urls "http://127.0.0.1:$PORT" \
    >"$WORK/bare.log" 2>&1 &
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

PORT=$(free_port)
Normalizer__Storage__ConnectionString="Data Source=$WORK/normalizer.db" \
Normalizer__Meta__AppSecrets__0="$SECRET" \
Normalizer__ApiKeys__0="$API_KEY" \
Logging__LogLevel__Default=Warning \
  dotnet "$ROOT/src/Host/bin/Release/net10.0/Normalizer.Host.dll" --urls "http://127.0.0.1:$PORT" >"$WORK/host.log" 2>&1 &
HOST_PID=$!
PIDS+=("$HOST_PID")
wait_healthy "http://127.0.0.1:$PORT/healthz" "$HOST_PID"
EARLIER=()   # the warm-up's updates, verified here and left out of the measured run's count
if [[ $WARMUP -gt 0 ]]; then
  run_wrk "http://127.0.0.1:$PORT" "$WORK/host.warmup.report" "$WORK/warmup.txt" "$WARMUP"
  EARLIER=("$WORK/host.warmup.report")
  python3 "$LOAD/check.py" verify "http://127.0.0.1:$PORT" "$API_KEY" "$WORK/warmup.txt" "$WORK/host.warmup.report" "$DRAIN_TIMEOUT" \
    >"$WORK/warmup.check" || { echo "  warm-up:"; cat "$WORK/warmup.check"; exit 1; }
fi
run_wrk "http://127.0.0.1:$PORT" "$WORK/host.report" "$WORK/bodies.txt" "$DURATION" "$HOST_PID"
read -r RPS P50 P99 REQS ERRS < <(python3 "$LOAD/check.py" figures "$WORK/host.report")
printf '%-28s %10s %9s %9s %9s %7s\n' "host (signed, durable)" "$RPS" "$P50" "$P99" "$REQS" "$ERRS"
print_cpu "$WORK/host.report" host
if [[ -n $BARE_RPS ]]; then
  echo "  host / bare           $(python3 -c "print(f'{$RPS / $BARE_RPS:.2f}')") of the ceiling ($(python3 -c "print(f'{$BARE_RPS / $RPS:.2f}')")x slower)"
fi

STATUS=0
python3 "$LOAD/check.py" verify "http://127.0.0.1:$PORT" "$API_KEY" "$WORK/bodies.txt" "$WORK/host.report" "$DRAIN_TIMEOUT" \
  "${EARLIER[@]}" || STATUS=$?
if grep -q -E '"(Error|Critical)"|fail:|crit:' "$WORK/host.log"; then
  echo "  host log (errors):"; grep -E 'fail:|crit:' -A3 "$WORK/host.log" | head -20
fi
exit $STATUS
