#!/usr/bin/env bash
# Starts the machine's PostgreSQL cluster (creating one if needed) and makes
# a fresh role and database for the tests. Idempotent.
set -euo pipefail
version=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | grep -q .; then pg_createcluster "$version" main >/dev/null; fi
read -r ver name port status _ < <(pg_lsclusters -h | head -1)
[ "$status" = online ] || pg_ctlcluster "$ver" "$name" start
for _ in $(seq 1 30); do su postgres -c "pg_isready -q -p $port" && break; sleep 1; done
su postgres -c "psql -q -p $port" <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'scalelab') THEN
    CREATE ROLE scalelab LOGIN PASSWORD 'scalelab' CREATEDB;
  END IF;
END \$\$;
DROP DATABASE IF EXISTS scalelab_ci;
CREATE DATABASE scalelab_ci OWNER scalelab;
SQL
echo "PostgreSQL $ver on port $port: database scalelab_ci ready"
