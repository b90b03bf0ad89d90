#!/usr/bin/env bash
# docker-compose's warehouse runs this once, when it initialises its data directory (/docker-entrypoint-initdb.d):
# the same roles as the local cluster (scripts/localpg.sh), with their passwords from .env. The superuser stays
# the image's `postgres`, used by nobody else; the grants come with the schema (scrapers/sql, `migrate` task).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_pw="$WAREHOUSE_OWNER_PASSWORD" -v writer_pw="$WAREHOUSE_WRITER_PASSWORD" \
  -v analyst_pw="$WAREHOUSE_ANALYST_PASSWORD" <<'SQL'
create role hanoi login createdb password :'owner_pw';            -- owns the schema: migrations and dbt
create role pipeline_writer login password :'writer_pw';          -- the pipeline: may only add to the archive
create role analyst login password :'analyst_pw';                 -- reads marts and quality
create database hanoi_reports owner hanoi;
SQL
