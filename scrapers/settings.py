"""The one place the pipeline's configuration is read: environment variables, else the local demo profile.

Every entry point (CLI, DAGs, GX runner, dbt runs, tests) asks `load()` instead of reading `os.environ`. There are
no credentials in code: the local demo profile `.state/local.env` is written by `scripts/localpg.sh` with the
passwords it generated for the project's own cluster, and a deployment sets the variables itself (compose: `.env`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PROJECT_DIR = Path(__file__).resolve().parents[1]
LOCAL_PROFILE = PROJECT_DIR / ".state" / "local.env"


class SettingsError(RuntimeError):
    """Configuration that is missing or malformed; the message says which variable and how to set it."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=LOCAL_PROFILE, env_file_encoding="utf-8", extra="ignore",
                                      populate_by_name=True)

    # The pipeline's own login (crawl, parse, extract, validate, report): on the local cluster `pipeline_writer`,
    # which may only add to the archive.
    warehouse_url: str | None = Field(None, alias="WAREHOUSE_URL")
    # The schema owner's login, for migrations and dbt; the pipeline's login when a deployment has only one.
    owner_url_setting: str | None = Field(None, alias="WAREHOUSE_OWNER_URL")
    # The read-only analyst login (marts and quality), when the profile knows it.
    analyst_url: str | None = Field(None, alias="WAREHOUSE_ANALYST_URL")
    # {"source": "http://127.0.0.1:8802", …}: where a source is fetched from instead of its real site.
    source_urls: dict[str, str] = Field(default_factory=dict, alias="HANOI_SOURCE_URLS")
    # A subset of sources to crawl (comma-separated); empty: all.
    enabled_sources: Annotated[list[str], NoDecode] = Field(default_factory=list, alias="HANOI_ENABLED_SOURCES")
    report_dir: Path = Field(PROJECT_DIR / ".state" / "report", alias="REPORT_DIR")
    alert_webhook: str | None = Field(None, alias="HANOI_ALERT_WEBHOOK")

    @field_validator("enabled_sources", mode="before")
    @classmethod
    def _comma_separated(cls, value):
        if isinstance(value, str):
            return [name.strip() for name in value.split(",") if name.strip()]
        return value

    @field_validator("source_urls", mode="before")
    @classmethod
    def _json_mapping(cls, value):
        if isinstance(value, str):
            return json.loads(value) if value.strip() else {}
        return value

    @field_validator("warehouse_url", "owner_url_setting", "analyst_url", "alert_webhook", mode="before")
    @classmethod
    def _blank_is_unset(cls, value):
        return value or None

    def database_url(self) -> str:
        if not self.warehouse_url:
            raise SettingsError("WAREHOUSE_URL is not set: start the local cluster (`scripts/localpg.sh start` writes "
                                f"{LOCAL_PROFILE.relative_to(PROJECT_DIR)}) or export WAREHOUSE_URL")
        return self.warehouse_url

    def owner_url(self) -> str:
        return self.owner_url_setting or self.database_url()


def load() -> Settings:
    """Read afresh on each call: a test or a task that changes the environment sees its own values."""
    try:
        return Settings()
    except ValueError as exc:  # pydantic's ValidationError, e.g. HANOI_SOURCE_URLS that is not JSON
        raise SettingsError(f"invalid configuration: {exc}") from exc
