"""Settings: one table drives the config file, the environment and the CLI options."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from civcas import api, settings
from civcas.cli import app
from civcas.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def xdg(tmp_path, monkeypatch):
    """An XDG config folder of this test's own, and no CIVCAS_* variable."""
    for s in settings.SETTINGS.values():
        monkeypatch.delenv(s.env, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg" / "civcas" / "civcas.toml"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_then_file_then_environment(xdg, monkeypatch):
    assert settings.load().values == {n: s.default for n, s in settings.SETTINGS.items()}
    write(xdg, 'db = "sqlite:///from-file.db"\nmax_bytes = 1000\nsecure_cookies = true\n')
    found = settings.load()
    assert (found.get("db"), found.get("max_bytes"), found.get("secure_cookies")) == (
        "sqlite:///from-file.db", 1000, True)
    assert found.config == xdg and found.origins["db"] == str(xdg)
    monkeypatch.setenv("CIVCAS_DB", "sqlite:///from-env.db")
    found = settings.load()
    assert found.get("db") == "sqlite:///from-env.db" and found.origins["db"] == "CIVCAS_DB"
    assert found.get("db", "sqlite:///option.db") == "sqlite:///option.db"  # an option wins


def test_an_explicit_config_file_replaces_the_default_one(xdg, tmp_path):
    write(xdg, 'db = "sqlite:///default.db"\n')
    other = write(tmp_path / "other.toml", 'db = "sqlite:///other.db"\n')
    assert settings.load(other).get("db") == "sqlite:///other.db"


@pytest.mark.parametrize(("text", "code", "where"), [
    ('dbb = "x"\n', "E105", "'dbb' is no setting"),
    ("max_bytes = 0\n", "E102", "max_bytes"),
    ('max_bytes = "lots"\n', "E102", "max_bytes"),
    ('secure_cookies = "maybe"\n', "E102", "secure_cookies"),
    ("db = 5\n", "E102", "db"),
    ("db = [\n", "E104", "cannot be read"),
])
def test_a_bad_config_file_names_the_file_and_the_setting(xdg, text, code, where):
    write(xdg, text)
    with pytest.raises(ConfigError) as info:
        settings.load()
    assert info.value.code == code and str(xdg) in str(info.value) and where in str(info.value)


def test_a_missing_explicit_config_file_is_an_error(tmp_path):
    with pytest.raises(ConfigError) as info:
        settings.load(tmp_path / "absent.toml")
    assert info.value.code == "E103"


def test_the_cli_reads_the_config_file(xdg, tmp_path):
    """`--config FILE` and the default file both reach the commands (here: the ledger URL)."""
    runner = CliRunner()
    absent = tmp_path / "absent.db"
    config = write(tmp_path / "mine.toml", f'db = "sqlite:///{absent}"\n')
    result = runner.invoke(app, ["--config", str(config), "tallies"])
    assert result.exit_code == 2 and str(absent) in result.stderr  # E401: no ledger there
    write(xdg, f'db = "sqlite:///{absent}"\n')
    result = runner.invoke(app, ["tallies"])
    assert result.exit_code == 2 and str(absent) in result.stderr
    result = runner.invoke(app, ["--config", str(tmp_path / "nope.toml"), "tallies"])
    assert result.exit_code == 2 and result.stderr.startswith("civcas: error: [E103] config file")
    api.use_config(None)


def test_every_setting_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## Settings"):]
    documented = set(re.findall(r"^\| `(\w+)` \|", table, re.M))
    assert documented == set(settings.SETTINGS)


def test_stages_receive_settings_they_do_not_read_them():
    """Only the api and the shells import the settings module (tests/test_architecture.py
    checks the layers; this names the rule)."""
    src = ROOT / "src" / "civcas"
    readers = sorted(str(p.relative_to(src)) for p in src.rglob("*.py")
                     if re.search(r"^from \.+ import .*\bsettings\b|^from \.+settings import|"
                                  r"import civcas\.settings", p.read_text(encoding="utf-8"), re.M))
    assert all(r.startswith(("api/", "cli/", "web/")) for r in readers), readers


def test_the_stages_defaults_are_the_settings_defaults():
    """settings.py writes the stages' defaults again (so that reading settings loads neither
    package): they must stay the same values."""
    from civcas.geo.index import USER_PLACES
    from civcas.ingest.readers import MAX_BYTES
    from civcas.ingest.tables import DEFAULT_COLUMNS
    assert settings.USER_PLACES == USER_PLACES
    assert settings.MAX_BYTES == MAX_BYTES
    assert settings.DEFAULT_COLUMNS == DEFAULT_COLUMNS
    assert settings.SETTINGS["user_places"].default == str(USER_PLACES)


def test_the_gazetteer_learns_the_user_places_setting_when_it_is_loaded_later(tmp_path):
    """Reading settings before the gazetteer's package is loaded (a read command) must not
    lose the ``user_places`` setting for a later geocoding in the same process."""
    places = tmp_path / "mine.csv"
    code = ("from civcas import api; api.settings(); "
            "import sys; assert 'civcas.geo' not in sys.modules; "
            "api.geocode('Aleppo'); from civcas.geo import index; print(index.user_file())")
    env = {k: v for k, v in os.environ.items() if not k.startswith("CIVCAS_")}
    env.update(CIVCAS_USER_PLACES=str(places),
               PYTHONPATH=str(ROOT / "src"), XDG_CONFIG_HOME=str(tmp_path / "xdg"))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == str(places)


def test_settings_are_read_again_when_the_file_or_the_environment_changes(xdg, monkeypatch):
    """(issue 15, speed) load() keeps the last settings it read, but a changed config file or variable counts."""
    assert settings.load().get("max_bytes") == settings.SETTINGS["max_bytes"].default
    write(xdg, "max_bytes = 1000\n")
    assert settings.load().get("max_bytes") == 1000
    write(xdg, "max_bytes = 2000\n")  # same size, written again
    assert settings.load().get("max_bytes") == 2000
    monkeypatch.setenv("CIVCAS_MAX_BYTES", "3000")
    assert settings.load().get("max_bytes") == 3000
    monkeypatch.delenv("CIVCAS_MAX_BYTES")
    assert settings.load().get("max_bytes") == 2000
    xdg.unlink()
    assert settings.load().config is None
