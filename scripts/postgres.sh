#!/usr/bin/env bash
# A private PostgreSQL cluster for the tests and the load script: Debian's server binaries, a data directory of its own,
# 127.0.0.1 only, a free port, run as a non-root user (the server refuses root; root runs it as `postgres`).
#
#   eval "$(scripts/postgres.sh start DIR)"   # prints: export NORMALIZER_TEST_POSTGRES='Host=127.0.0.1;Port=…;…'
#   scripts/postgres.sh stop DIR
#
# Installs the `postgresql` package when its binaries are missing (apt-get, as root or through sudo -n).
set -euo pipefail

command=${1:?usage: postgres.sh start|stop DIR}
dir=${2:?usage: postgres.sh start|stop DIR}

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
if [[ -z "$bin" && "$command" == start ]]; then
  as_root=(); [[ $(id -u) -ne 0 ]] && as_root=(sudo -n)
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
fi

# The server runs as the calling user, or as `postgres` when called as root.
as_owner=()
if [[ $(id -u) -eq 0 ]]; then
  as_owner=(runuser -u postgres --)
fi

case "$command" in
  start)
    mkdir -p "$dir"
    [[ ${#as_owner[@]} -gt 0 ]] && chown postgres "$dir"
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    "${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U normalizer --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1
    # Sized for tests and load runs on a small machine; fsync stays on (the figures measure durable commits).
    "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$dir' -c max_connections=300 -c shared_buffers=256MB" \
      start >/dev/null
    echo "export NORMALIZER_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=normalizer;Database=postgres'"
    ;;
  stop)
    if [[ -f "$dir/data/postmaster.pid" ]]; then
      "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: postgres.sh start|stop DIR" >&2
    exit 2
    ;;
esac
