# Two commands matter: `make demo` (whole pipeline on the local default) and `make test` (whole test suite).
.PHONY: demo test setup lint docs airflow-ui stop clean compose-check

setup: .state/.installed
.state/.installed: pyproject.toml uv.lock scripts/bootstrap.sh expectations/assets/package-lock.json
	scripts/bootstrap.sh
	@touch $@

demo: setup            ## local Postgres + snapshot sites → scrape_sources → transform (dbt, GX) → summary
	scripts/demo.sh

test: setup            ## the whole test suite against a real Postgres and the real snapshot server (.ci/run)
	scripts/test.sh

lint: setup
	.venv/bin/ruff check scrapers expectations dags tests bench snapshot
	.venv/bin/sqlfluff lint dbt_project/models dbt_project/tests dbt_project/macros

docs: setup            ## serve GX Data Docs and dbt docs on http://127.0.0.1:8088
	scripts/docs.sh

airflow-ui: setup      ## Airflow 3 UI (standalone) on the project's Postgres, snapshot sources, admin/admin
	scripts/airflow-ui.sh

stop:                  ## stop the project's Postgres
	scripts/localpg.sh stop

compose-check:         ## validate docker-compose.yml without a Docker engine
	.venv/bin/check-jsonschema --builtin-schema vendor.compose-spec docker-compose.yml

clean: stop
	rm -rf .state .venv dbt_project/target expectations/gx
