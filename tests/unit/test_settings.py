"""One settings object: the environment first, then the local demo profile; clear errors, no code defaults."""

import pytest

from scrapers import settings


@pytest.fixture
def profile(tmp_path, monkeypatch):
    """An empty environment and a local profile file of the test's own."""
    for name in ("WAREHOUSE_URL", "WAREHOUSE_OWNER_URL", "WAREHOUSE_ANALYST_URL", "HANOI_SOURCE_URLS",
                 "HANOI_ENABLED_SOURCES", "REPORT_DIR", "HANOI_ALERT_WEBHOOK"):
        monkeypatch.delenv(name, raising=False)
    path = tmp_path / "local.env"
    monkeypatch.setitem(settings.Settings.model_config, "env_file", path)
    return path


def test_the_environment_wins_over_the_local_profile(profile, monkeypatch):
    profile.write_text("WAREHOUSE_URL=postgresql://writer:p@127.0.0.1:1/db\n"
                       "WAREHOUSE_OWNER_URL=postgresql://owner:p@127.0.0.1:1/db\n")
    loaded = settings.load()
    assert loaded.database_url().startswith("postgresql://writer:") and loaded.owner_url().startswith("postgresql://owner:")
    monkeypatch.setenv("WAREHOUSE_URL", "postgresql://other:p@127.0.0.1:2/db")
    assert settings.load().database_url() == "postgresql://other:p@127.0.0.1:2/db"


def test_one_login_serves_both_roles_when_no_owner_is_given(profile, monkeypatch):
    monkeypatch.setenv("WAREHOUSE_URL", "postgresql://only:p@127.0.0.1:2/db")
    assert settings.load().owner_url() == "postgresql://only:p@127.0.0.1:2/db"


def test_no_warehouse_is_a_clear_error_not_a_default(profile):
    with pytest.raises(settings.SettingsError, match="WAREHOUSE_URL is not set"):
        settings.load().database_url()


def test_lists_and_mappings_from_the_environment(profile, monkeypatch):
    monkeypatch.setenv("HANOI_ENABLED_SOURCES", " tienphong, ,hanoimoi ")
    monkeypatch.setenv("HANOI_SOURCE_URLS", '{"tienphong": "http://127.0.0.1:8802"}')
    monkeypatch.setenv("REPORT_DIR", "/tmp/somewhere")
    monkeypatch.setenv("HANOI_ALERT_WEBHOOK", "")
    loaded = settings.load()
    assert loaded.enabled_sources == ["tienphong", "hanoimoi"]
    assert loaded.source_urls == {"tienphong": "http://127.0.0.1:8802"}
    assert str(loaded.report_dir) == "/tmp/somewhere" and loaded.alert_webhook is None


def test_malformed_source_urls_are_a_settings_error(profile, monkeypatch):
    monkeypatch.setenv("HANOI_SOURCE_URLS", "tienphong=http://x")
    with pytest.raises(settings.SettingsError, match="invalid configuration"):
        settings.load()


def test_the_cli_says_what_to_set_in_one_line(profile, capsys):
    from scrapers import cli

    assert cli.main(["status"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("hanoi-reports: WAREHOUSE_URL is not set") and "\n" not in err
