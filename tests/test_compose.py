"""docker-compose.yml is valid Compose (checked without a Docker engine) and has the production services."""

import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def test_compose_file_validates_against_the_compose_spec():
    exe = Path(sys.executable).parent / "check-jsonschema"
    proc = subprocess.run([str(exe), "--builtin-schema", "vendor.compose-spec", str(ROOT / "docker-compose.yml")],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_compose_services():
    spec = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = spec["services"]
    assert {"airflow-apiserver", "airflow-scheduler", "airflow-dag-processor", "airflow-triggerer", "airflow-worker",
            "airflow-db", "warehouse", "redis"} <= set(services)
    for name, svc in services.items():
        for dep in svc.get("depends_on", {}):
            assert dep in services, (name, dep)
    assert services["airflow-worker"]["environment"]["AIRFLOW_CONN_WAREHOUSE"].startswith("postgresql://")


def _compose_config(tmp_path, env_file: str | None, quiet: bool = True):
    for name in ("docker-compose.yml", "Dockerfile", "scripts/warehouse-roles.sh"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_bytes((ROOT / name).read_bytes())
    if env_file is not None:
        (tmp_path / ".env").write_text(env_file)
    env = {k: v for k, v in __import__("os").environ.items() if not k.startswith(("AIRFLOW", "WAREHOUSE", "HANOI"))}
    return subprocess.run(["docker-compose", "config", *(["-q"] if quiet else [])], cwd=tmp_path,
                          capture_output=True, text=True, env=env)


def _filled_env_example() -> str:
    """.env.example with a value for every empty variable (the defaults it states are kept)."""
    example = (ROOT / ".env.example").read_text()
    return "\n".join(line + "x" + str(i) if line.endswith("=") else line for i, line in enumerate(example.splitlines()))


def test_no_default_secrets_and_env_example_is_complete(tmp_path):
    """Debian's docker-compose (no engine needed) refuses the file without .env, and accepts it once every
    variable of .env.example has a value."""
    refused = _compose_config(tmp_path, None)
    assert refused.returncode != 0 and "in .env" in refused.stderr
    accepted = _compose_config(tmp_path, _filled_env_example())
    assert accepted.returncode == 0, accepted.stderr
    spec = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    env = spec["x-airflow-common"]["environment"]
    assert env["AIRFLOW__CORE__EXECUTOR"] == "CeleryExecutor" and "HANOI_SOURCE_URLS" not in env  # real sites
    assert "_PIP_ADDITIONAL_REQUIREMENTS" not in (ROOT / "docker-compose.yml").read_text()


def test_published_ports_listen_on_loopback_and_the_pipeline_is_not_the_superuser(tmp_path):
    """Issue 18: compose publishes the warehouse and the Airflow UI on 127.0.0.1 unless .env says otherwise; the
    tasks log in as pipeline_writer and dbt as the schema owner, the roles (analyst included) are created by the
    warehouse's own init script, and none of them is the superuser."""
    resolved = _compose_config(tmp_path, _filled_env_example(), quiet=False)
    assert resolved.returncode == 0, resolved.stderr
    spec = yaml.safe_load(resolved.stdout)
    published = [_host_ip(port) for svc in spec["services"].values() for port in svc.get("ports", [])]
    assert published == ["127.0.0.1", "127.0.0.1"], published
    warehouse = spec["services"]["warehouse"]
    superuser = warehouse["environment"]["POSTGRES_USER"]
    worker = spec["services"]["airflow-worker"]["environment"]
    assert worker["AIRFLOW_CONN_WAREHOUSE"].startswith("postgresql://pipeline_writer:")
    assert worker["AIRFLOW_CONN_WAREHOUSE_OWNER"].startswith("postgresql://hanoi:")
    assert superuser not in ("hanoi", "pipeline_writer")
    init = (ROOT / "scripts/warehouse-roles.sh").read_text()
    assert all(f"create role {role} login" in init for role in ("hanoi", "pipeline_writer", "analyst"))
    assert any("/docker-entrypoint-initdb.d/10-roles.sh" in str(v) for v in warehouse["volumes"])
    exposed = _compose_config(tmp_path, _filled_env_example().replace("WAREHOUSE_BIND=127.0.0.1",
                                                                     "WAREHOUSE_BIND=0.0.0.0"), quiet=False)
    ports = yaml.safe_load(exposed.stdout)["services"]["warehouse"]["ports"]
    assert _host_ip(ports[0]) == "0.0.0.0"  # overridable, deliberately


def _host_ip(port) -> str:
    """A published port in either form `docker-compose config` prints: long syntax, or "ip:host:container/tcp"."""
    return port["host_ip"] if isinstance(port, dict) else str(port).split(":")[0]
