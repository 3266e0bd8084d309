#!/usr/bin/env bash
# Starts the local PostgreSQL 15 cluster if needed and makes sure the test role exists.
# The role may create databases: pytest-django creates and drops its own test database.
set -euo pipefail
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  if command -v pg_ctlcluster >/dev/null; then
    pg_ctlcluster 15 main start || true
  fi
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
pg_isready -h 127.0.0.1 -p 5432 >/dev/null || { echo "PostgreSQL n'a pas démarré sur 127.0.0.1:5432" >&2; exit 1; }
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -c "$1"; else sh -c "$1"; fi; }
as_postgres "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='passerelles'\"" | grep -q 1 \
  || as_postgres "psql -c \"CREATE ROLE passerelles LOGIN PASSWORD 'passerelles' CREATEDB\""
as_postgres "psql -tAc \"SELECT 1 FROM pg_database WHERE datname='passerelles'\"" | grep -q 1 \
  || as_postgres "createdb -O passerelles passerelles"
