#!/usr/bin/env bash
# Make sure a PostgreSQL server answers and the hub's database exists.
#
# 1. DATABASE_URL (or the default postgres://postgres@127.0.0.1:5432/mutualaid) answers: use it.
# 2. Nothing answers, but PostgreSQL's programs are installed: start a throwaway cluster in
#    .pgdata/ (ignored by git), as the postgres user when run as root.
# 3. Neither: say what to install or which variable to set, and stop.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
PORT=${HUB_PG_PORT:-5432}
URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:$PORT/mutualaid}

if "$PY" scripts/ensure_db.py --ping "$URL" 2>/dev/null; then
  exec "$PY" scripts/ensure_db.py --create "$URL"
fi

if [ -n "${DATABASE_URL:-}" ]; then
  echo "No PostgreSQL server answers at DATABASE_URL ($DATABASE_URL). Start it, or unset DATABASE_URL to let the hub run its own." >&2
  exit 1
fi

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$PGBIN" ] && command -v initdb >/dev/null 2>&1; then PGBIN=$(dirname "$(command -v initdb)"); fi
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  cat >&2 <<MSG
No PostgreSQL server answers on 127.0.0.1:$PORT and PostgreSQL is not installed.
Either install it (Debian/Ubuntu: apt-get install postgresql) and run this again,
or set DATABASE_URL=postgres://USER@HOST:PORT/mutualaid to a server you have.
MSG
  exit 1
fi

DATA="$PWD/.pgdata"
as_pg() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ ! -f "$DATA/PG_VERSION" ]; then
  echo "Starting a private PostgreSQL cluster in .pgdata/ …"
  mkdir -p "$DATA"
  [ "$(id -u)" = "0" ] && chown postgres "$DATA"
  as_pg "$PGBIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 >/dev/null
fi
as_pg "$PGBIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -o "-h 127.0.0.1 -p $PORT -k /tmp" -w start >/dev/null
exec "$PY" scripts/ensure_db.py --create "$URL"
