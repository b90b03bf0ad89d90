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


def _compose_config(tmp_path, env_file: str | None):
    for name in ("docker-compose.yml", "Dockerfile"):
        (tmp_path / name).write_bytes((ROOT / name).read_bytes())
    if env_file is not None:
        (tmp_path / ".env").write_text(env_file)
    env = {k: v for k, v in __import__("os").environ.items() if not k.startswith(("AIRFLOW", "WAREHOUSE", "HANOI"))}
    return subprocess.run(["docker-compose", "config", "-q"], cwd=tmp_path, capture_output=True, text=True, env=env)


def test_no_default_secrets_and_env_example_is_complete(tmp_path):
    """Debian's docker-compose (no engine needed) refuses the file without .env, and accepts it once every
    variable of .env.example has a value."""
    refused = _compose_config(tmp_path, None)
    assert refused.returncode != 0 and "in .env" in refused.stderr
    example = (ROOT / ".env.example").read_text()
    filled = "\n".join(line + "x" if line.endswith("=") else line for line in example.splitlines())
    accepted = _compose_config(tmp_path, filled)
    assert accepted.returncode == 0, accepted.stderr
    spec = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    env = spec["x-airflow-common"]["environment"]
    assert env["AIRFLOW__CORE__EXECUTOR"] == "CeleryExecutor" and "HANOI_SOURCE_URLS" not in env  # real sites
    assert "_PIP_ADDITIONAL_REQUIREMENTS" not in (ROOT / "docker-compose.yml").read_text()
