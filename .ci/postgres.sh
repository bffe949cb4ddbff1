#!/usr/bin/env bash
# Starts a private PostgreSQL cluster on 127.0.0.1:55432 for the storage tests (idempotent, about 1 s)
# and prints the connection string. The app role may create databases: each test gets its own.
set -euo pipefail
PGPORT=${PGPORT:-55432}; PGDATA=${PGDATA:-/tmp/pg-$PGPORT}; PGSOCK=${PGSOCK:-/tmp}
APP_USER=${APP_USER:-app}; APP_PASS=${APP_PASS:-app_pw}; APP_DB=${APP_DB:-appdb}
export DEBIAN_FRONTEND=noninteractive
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt-get update -qq; apt-get install -y -qq postgresql >/dev/null
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { runuser -u postgres -- "$@"; }
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  rm -rf "$PGDATA"; mkdir -p "$PGDATA"; chown postgres:postgres "$PGDATA"; chmod 700 "$PGDATA"
  as_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres -E UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=scram-sha-256 >/dev/null
fi
if ! as_pg "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
  # fsync=off is for throw-away test clusters only. No autovacuum: its workers would hold the short-lived test
  # databases that each test drops when it ends.
  as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 60 \
        -o "-p $PGPORT -k $PGSOCK -c listen_addresses=127.0.0.1 -c fsync=off -c autovacuum=off" start >/dev/null
fi
PSQL=("$PGBIN/psql" -h "$PGSOCK" -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -qAt)
"${PSQL[@]}" -d postgres <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$APP_USER') THEN
    CREATE ROLE "$APP_USER" LOGIN CREATEDB PASSWORD '$APP_PASS';
  ELSE
    ALTER ROLE "$APP_USER" LOGIN CREATEDB PASSWORD '$APP_PASS';
  END IF;
END \$\$;
SELECT 'CREATE DATABASE "$APP_DB" OWNER "$APP_USER"'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$APP_DB')\gexec
SQL
echo "Host=127.0.0.1;Port=$PGPORT;Database=$APP_DB;Username=$APP_USER;Password=$APP_PASS"
