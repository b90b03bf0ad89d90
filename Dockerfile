# Image for docker-compose.yml: the locked environment plus the project, run as a non-root user.
FROM python:3.11-slim-bookworm
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && pip install --no-cache-dir uv==0.13.9 && useradd -m -u 50000 airflow
WORKDIR /opt/hanoi-reports
COPY pyproject.toml uv.lock README.md ./
RUN uv sync --frozen --no-dev --no-install-project --compile-bytecode
COPY scrapers scrapers
COPY expectations expectations
COPY dags dags
COPY dbt_project dbt_project
COPY scripts scripts
RUN uv sync --frozen --no-dev --compile-bytecode && chown -R airflow /opt/hanoi-reports
ENV PATH=/opt/hanoi-reports/.venv/bin:$PATH AIRFLOW_HOME=/opt/airflow DBT_PROFILES_DIR=/opt/hanoi-reports/dbt_project/profiles
USER airflow
ENTRYPOINT ["airflow"]
