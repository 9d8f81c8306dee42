#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on 127.0.0.1 for the tests and print its URL.
# Idempotent: reuses a server already running from an earlier call. Needs root (or the postgres user).
set -euo pipefail
PORT="${VEILLE_PG_PORT:-54329}"
DATA="${VEILLE_PG_DATA:-/tmp/veille-pg-data}"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [ -z "$BIN" ]; then echo "postgresql is not installed" >&2; exit 1; fi
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if ! as_postgres "$BIN/pg_isready" -h 127.0.0.1 -p "$PORT" -q; then
  if [ ! -s "$DATA/PG_VERSION" ]; then
    mkdir -p "$DATA"; chown postgres:postgres "$DATA" 2>/dev/null || true
    as_postgres "$BIN/initdb" -D "$DATA" -U postgres -A trust --no-sync >/dev/null
  fi
  as_postgres "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k /tmp -c fsync=off -c synchronous_commit=off" start >/dev/null
fi
if ! as_postgres "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='veille_test'" | grep -q 1; then
  as_postgres "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres veille_test
fi
echo "postgresql://postgres@127.0.0.1:$PORT/veille_test"
