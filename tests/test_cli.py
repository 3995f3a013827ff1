"""The ``civcas`` command line.

Most tests replace ``civcas.api.extract_paths`` with a fake that yields fixed
records, so they test the shell (arguments, output, exit status) and not the
extractor. The tests at the end run the real pipeline on inputs that ingest
must refuse, through the installed ``civcas`` script.
"""
from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import sysconfig
import textwrap
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

import civcas
from civcas import api, cli
from civcas.errors import ConfigError
from civcas.records import Claim, Document, ExtractionResult, ReadFailure
from civcas.cli._common import PIPE_WIDTH

CLAIM_KEYS = [
    "outcome", "victims", "low", "high", "qualifier", "text", "source", "place",
    "event_date", "perpetrator", "scope", "span", "sentence", "id", "geo", "confidence",
]

TEXT_1 = (
    "Air strikes on Raqqa killed at least 22 civilians on Tuesday, the Syrian Observatory "
    "for Human Rights said. Between 10 and 15 people were wounded."
)
TEXT_2 = "Nearly 30 people died in Deir ez-Zor, activists said, among them about 12 children."


def claim(text: str, phrase: str, **fields) -> Claim:
    start = text.index(phrase)
    values = dict(
        outcome="killed", victims="civilians", low=None, high=None, qualifier="exact",
        text=phrase, source="reporter", place=None, event_date=None, perpetrator=None,
        scope="incident", span=(start, start + len(phrase)), sentence=text, sentence_start=0,
    )
    values.update(fields)
    return Claim(**values)


DOC_1 = Document(
    id="raqqa-1", title="Strikes on Raqqa", text=TEXT_1, published=date(2015, 7, 5),
    origin="reports/raqqa.txt",
)
RESULT_1 = ExtractionResult(DOC_1, (
    claim(TEXT_1, "killed at least 22 civilians", low=22, qualifier="at_least",
          source="Syrian Observatory for Human Rights", place="Raqqa",
          event_date="2015-06-30", perpetrator="US-led coalition"),
    claim(TEXT_1, "Between 10 and 15 people were wounded", outcome="injured", victims="people",
          low=10, high=15, qualifier="range", place="Raqqa"),
))
DOC_2 = Document(id="deir-2", title="Dayr az-Zawr: ‘a massacre’", text=TEXT_2, published=None)
RESULT_2 = ExtractionResult(DOC_2, (
    claim(TEXT_2, "Nearly 30 people died", victims="people", high=29, qualifier="up_to",
          source="activists", place="Deir ez-Zor"),
    claim(TEXT_2, "about 12 children", victims="children", low=12, high=12, qualifier="about",
          source="activists", place="Deir ez-Zor"),
))
RESULT_EMPTY = ExtractionResult(Document(id="quiet-3", title="Nothing happened", text="Calm."))
FAILURE = ReadFailure("reports/broken.bin", "binary content, not text")

runner = CliRunner()


@pytest.fixture
def fake_extract(monkeypatch):
    """Make ``civcas.api.extract_paths`` yield the given items; record its calls."""
    calls: list[tuple[list, dict]] = []

    def install(*items):
        def fake(paths, **options):
            calls.append((list(paths), options))
            yield from items

        monkeypatch.setattr(api, "extract_paths", fake)
        return calls

    return install


@pytest.fixture(autouse=True)
def clean_env(monkeypatch):
    for setting in civcas.settings.SETTINGS.values():
        monkeypatch.delenv(setting.env, raising=False)
    monkeypatch.delenv("COLUMNS", raising=False)


@pytest.fixture(autouse=True)
def restore_logging():
    """The CLI configures logging; leave it as it was for other tests."""
    root, ours = logging.getLogger(), logging.getLogger("civcas")
    saved = (list(root.handlers), root.level, ours.level)
    yield
    root.handlers[:] = saved[0]
    root.setLevel(saved[1])
    ours.setLevel(saved[2])


def run(*args, env=None):
    return runner.invoke(cli.app, list(args), env=env)


# ---------------------------------------------------------------- JSON Lines


def test_jsonl_one_object_per_document_in_order(fake_extract):
    fake_extract(RESULT_1, RESULT_2, RESULT_EMPTY)
    result = run("extract", "--jsonl", "reports")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    records = [json.loads(line) for line in lines]
    assert [r["id"] for r in records] == ["raqqa-1", "deir-2", "quiet-3"]
    assert result.stderr == ""


def test_jsonl_record_shape_and_key_order(fake_extract):
    fake_extract(RESULT_1)
    record = json.loads(run("extract", "--jsonl", "x").stdout)
    assert list(record) == ["id", "title", "published", "language", "focus", "claims"]
    assert record["published"] == "2015-07-05"
    assert record["title"] == "Strikes on Raqqa"
    first = record["claims"][0]
    assert list(first) == CLAIM_KEYS  # sentence_start dropped
    assert first["low"] == 22 and first["high"] is None and first["qualifier"] == "at_least"
    s, e = first["span"]
    assert TEXT_1[s:e] == first["text"] == "killed at least 22 civilians"
    assert first["sentence"] == TEXT_1
    assert record["claims"][1]["low"] == 10 and record["claims"][1]["high"] == 15


def test_jsonl_null_date_and_unescaped_unicode(fake_extract):
    fake_extract(RESULT_2, RESULT_EMPTY)
    result = run("extract", "--jsonl", "x")
    first, second = result.stdout.splitlines()
    assert "‘a massacre’" in first  # ensure_ascii=False
    assert json.loads(first)["published"] is None
    assert json.loads(second)["claims"] == []


def test_jsonl_streams_each_document_before_reading_the_next(monkeypatch):
    seen: list[int] = []  # lines on stdout each time the next document is asked for

    def fake(paths, **options):
        yield RESULT_1
        seen.append(sys.stdout.buffer.getvalue().count(b"\n"))
        yield RESULT_2
        seen.append(sys.stdout.buffer.getvalue().count(b"\n"))

    monkeypatch.setattr(api, "extract_paths", fake)
    result = run("extract", "--jsonl", "x")
    assert result.exit_code == 0
    assert seen == [1, 2]


def test_jsonl_failures_go_to_stderr_only(fake_extract):
    fake_extract(RESULT_1, FAILURE, RESULT_2)
    result = run("extract", "--jsonl", "reports")
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 2
    assert all(json.loads(line) for line in result.stdout.splitlines())
    assert result.stderr == "civcas: error: reports/broken.bin: binary content, not text\n"


# ---------------------------------------------------------------- tables


def test_table_shows_heading_figures_and_summary(fake_extract):
    fake_extract(RESULT_1, RESULT_2, RESULT_EMPTY)
    result = run("extract", "reports")
    assert result.exit_code == 0
    out = result.stdout
    for expected in ("Strikes on Raqqa", "raqqa-1", "2015-07-05", "deir-2", "date unknown",
                     "≥22", "10–15", "≤29", "~12", "Syrian Observatory for Human Rights",
                     "US-led coalition", "2015-06-30", "Deir ez-Zor", "incident",
                     "killed at least 22 civilians", "no claims"):
        assert expected in out, expected
    for header in ("outcome", "victims", "figure", "source", "place", "event date",
                   "perpetrator", "scope", "text"):
        assert header in out
    assert out.rstrip().splitlines()[-1] == "3 documents read, 0 failed, 4 claims"


def test_table_is_wide_when_piped(fake_extract):
    fake_extract(RESULT_1)
    out = run("extract", "x").stdout
    widths = [len(line) for line in out.splitlines()]
    assert max(widths) > 80
    assert max(widths) <= PIPE_WIDTH
    # the Raqqa claim's row stays on one line: source, place and text side by side
    assert any("Syrian Observatory for Human Rights" in line and "killed at least 22 civilians" in line
               for line in out.splitlines())


def test_table_does_not_interpret_markup_in_article_text(fake_extract):
    text = "[bold]5 killed[/bold] in [red]Idlib"
    doc = Document(id="m", title="[b]Title[/b]", text=text)
    fake_extract(ExtractionResult(doc, (claim(text, text, low=5, high=5),)))
    out = run("extract", "x").stdout
    assert "[b]Title[/b]" in out
    assert "[bold]5 killed[/bold]" in out


@pytest.mark.parametrize(
    ("low", "high", "qualifier", "shown"),
    [
        (22, 22, "exact", "22"),
        (22, None, "at_least", "≥22"),
        (51, None, "more_than", ">50"),
        (None, 24, "up_to", "≤24"),
        (30, 30, "about", "~30"),
        (10, 15, "range", "10–15"),
        (None, None, "vague", "vague"),
        (0, 0, "none", "none"),
        (1, 1, "exact", "1"),
    ],
)
def test_figure(low, high, qualifier, shown):
    assert api.figure(claim(TEXT_1, "Air", low=low, high=high, qualifier=qualifier)) == shown


# ---------------------------------------------------------------- failures and exit status


def test_failure_lines_name_the_file_and_the_batch_goes_on(fake_extract):
    fake_extract(FAILURE, RESULT_1, ReadFailure("reports/empty.txt", "no text"))
    result = run("extract", "reports")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "civcas: error: reports/broken.bin: binary content, not text",
        "civcas: error: reports/empty.txt: no text",
    ]
    assert "Strikes on Raqqa" in result.stdout
    assert "1 document read, 2 failed, 2 claims" in result.stdout


def test_all_inputs_fail_exits_1(fake_extract):
    fake_extract(FAILURE, ReadFailure("b.txt", "empty"))
    result = run("extract", "--jsonl", "a.bin", "b.txt")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "civcas: error: a.bin" not in result.stderr  # origin comes from the record
    assert "reports/broken.bin" in result.stderr and "b.txt: empty" in result.stderr


def test_strict_exits_1_when_any_input_fails(fake_extract):
    fake_extract(RESULT_1, FAILURE)
    result = run("extract", "--strict", "--jsonl", "reports")
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1  # what was read is still printed
    assert "reports/broken.bin" in result.stderr


def test_strict_exits_0_when_all_inputs_read(fake_extract):
    fake_extract(RESULT_1, RESULT_2)
    assert run("extract", "--strict", "reports").exit_code == 0


def test_no_documents_found_exits_1(fake_extract):
    fake_extract()
    result = run("extract", "empty-dir")
    assert result.exit_code == 1
    assert result.stderr == "civcas: error: no documents found in empty-dir\n"


# ---------------------------------------------------------------- settings and errors


def test_options_reach_the_api(fake_extract):
    calls = fake_extract(RESULT_1)
    result = run("extract", "a.csv", "dir", "--max-bytes", "1000", "--id-col", "unit_id",
                 "--text-col", "article_content", "--outlet-col", "source")
    assert result.exit_code == 0
    (paths, options), = calls
    assert paths == ["a.csv", "dir"]
    assert options == {
        "explain": False,
        "workers": None,
        "dask": None,
        "max_bytes": 1000,
        "columns": {"id": "unit_id", "text": "article_content", "outlet": "source"},
    }
    calls.clear()
    assert run("extract", "a.csv", "--workers", "3").exit_code == 0
    assert calls[0][1]["workers"] == 3


def test_defaults_come_from_settings_and_env(monkeypatch, tmp_path):
    """What reaches the reader: the table's default < the config file < env < the option."""
    calls = []

    def fake_read(paths, **options):
        calls.append(options)
        return iter(())

    monkeypatch.setattr("civcas.ingest.read_paths", fake_read)
    run("extract", "a.csv")
    assert calls[-1]["max_bytes"] == civcas.settings.SETTINGS["max_bytes"].default
    assert calls[-1]["columns"] == {}
    run("extract", "a.csv", env={"CIVCAS_MAX_BYTES": "2048", "CIVCAS_CSV_TITLE": "article_title"})
    assert (calls[-1]["max_bytes"], calls[-1]["columns"]) == (2048, {"title": "article_title"})
    run("extract", "a.csv", "--max-bytes", "7", env={"CIVCAS_MAX_BYTES": "2048"})
    assert calls[-1]["max_bytes"] == 7  # the option wins over the env var
    config = tmp_path / "civcas.toml"
    config.write_text('max_bytes = 4096\ncsv_text = "body"\n', encoding="utf-8")
    run("--config", str(config), "extract", "a.csv")
    assert (calls[-1]["max_bytes"], calls[-1]["columns"]) == (4096, {"text": "body"})
    run("--config", str(config), "extract", "a.csv", env={"CIVCAS_MAX_BYTES": "2048"})
    assert calls[-1]["max_bytes"] == 2048  # the env var wins over the config file


@pytest.mark.parametrize("value", ["lots", "0", "-5"])
def test_bad_env_value_exits_2_with_one_line(fake_extract, value):
    calls = fake_extract(RESULT_1)
    result = run("extract", "a.txt", env={"CIVCAS_MAX_BYTES": value})
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("civcas: error: ")
    assert len(result.stderr.splitlines()) == 1
    if value == "lots":
        assert "CIVCAS_MAX_BYTES" in result.stderr
    assert calls == []


def test_bad_option_value_is_a_usage_error():
    result = run("extract", "a.txt", "--max-bytes", "0")
    assert result.exit_code == 2
    assert "--max-bytes" in result.stderr


def test_civcas_error_from_the_library_exits_2_without_traceback(monkeypatch):
    def fake(paths, **options):
        yield RESULT_1
        raise ConfigError("E111", role="body", roles="id, title, text")

    monkeypatch.setattr(api, "extract_paths", fake)
    result = run("extract", "--jsonl", "a.csv")
    assert result.exit_code == 2
    assert len(result.stdout.splitlines()) == 1
    assert result.stderr == ("civcas: error: [E111] columns: unknown role 'body'; roles are id, "
                             "title, text\n")
    assert "Traceback" not in result.output


def test_verbose_logs_the_summary_to_stderr(fake_extract):
    fake_extract(RESULT_1, FAILURE)
    quiet = run("extract", "--jsonl", "x")
    assert "INFO" not in quiet.stderr
    loud = run("-v", "extract", "--jsonl", "x")
    assert "civcas: INFO: civcas.cli.extract: 1 document read, 1 failed, 2 claims" in loud.stderr
    assert len(loud.stdout.splitlines()) == 1
    assert "INFO" not in run("extract", "--jsonl", "x").stderr  # -v does not stick


# ---------------------------------------------------------------- help and version


def test_help_lists_commands_and_global_options():
    result = run("--help")
    assert result.exit_code == 0
    for word in ("extract", "--verbose", "--version", "Exit status"):
        assert word in result.stdout


def test_extract_help_describes_every_option():
    result = run("extract", "--help")
    assert result.exit_code == 0
    out = " ".join(result.stdout.replace("│", " ").split())  # help wraps inside boxes
    for option in ("--jsonl", "--strict", "--max-bytes", "--id-col", "--title-col", "--text-col",
                   "--date-col", "--url-col", "--outlet-col", "PATH"):
        assert option in out, option
    extract_settings = ("max_bytes", *(f"csv_{role}" for role in ("id", "title", "text", "date", "url", "outlet")))
    for setting in map(civcas.settings.SETTINGS.get, extract_settings):  # help text from the settings table
        assert setting.help in out, setting.name
        assert setting.env in out, setting.name


def test_setting_help_in_square_brackets_is_shown_as_written():
    out = " ".join(run("ingest", "--help").stdout.replace("│", " ").split())
    assert "'civcas[dask]'" in out  # not swallowed as console markup


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"civcas {civcas.__version__}"


# ---------------------------------------------------------------- the installed script


def civcas_script() -> str:
    script = Path(sysconfig.get_path("scripts")) / "civcas"
    if not script.exists():
        pytest.fail(f"{script} is missing: install the package (pip install -e .)")
    return str(script)


def run_script(*args, env=None, cwd=None):
    full_env = {k: v for k, v in os.environ.items()
                if not k.startswith("CIVCAS_") and k != "COLUMNS"}
    full_env.update(env or {})
    return subprocess.run([civcas_script(), *args], capture_output=True, text=True,
                          env=full_env, cwd=cwd, timeout=120)


def test_script_version():
    proc = run_script("--version")
    assert proc.returncode == 0
    assert proc.stdout == f"civcas {civcas.__version__}\n"
    assert proc.stderr == ""


def test_script_bad_env_value_exits_2_on_stderr(tmp_path):
    proc = run_script("extract", str(tmp_path), env={"CIVCAS_MAX_BYTES": "lots"})
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.startswith("civcas: error: [E102] environment variable CIVCAS_MAX_BYTES")
    assert len(proc.stderr.splitlines()) == 1


def test_main_separates_stdout_and_stderr(tmp_path):
    """``cli.main`` with real (piped) streams: results on stdout, errors on stderr."""
    program = textwrap.dedent(
        """
        import sys
        import civcas.api
        from civcas import cli
        from civcas.records import Document, ExtractionResult, ReadFailure

        def fake(paths, **options):
            yield ReadFailure("bad.bin", "binary content")
            yield ExtractionResult(Document(id="d1", title="T", text="x"))

        civcas.api.extract_paths = fake
        sys.argv = ["civcas", *sys.argv[1:]]
        cli.main()
        """
    )
    for args, check in ((["--jsonl"], lambda out: json.loads(out)["id"] == "d1"),
                        ([], lambda out: "1 document read, 1 failed, 0 claims" in out)):
        proc = subprocess.run([sys.executable, "-c", program, "extract", *args, "dir"],
                              capture_output=True, text=True, timeout=120,
                              env={**os.environ, "COLUMNS": ""})
        assert proc.returncode == 0, proc.stderr
        assert proc.stderr == "civcas: error: bad.bin: binary content\n"
        assert check(proc.stdout)
        assert "\x1b[" not in proc.stdout  # no colour codes when piped


# ---------------------------------------------------------------- real pipeline: refused inputs
# These need only ingest: every bad input yields a ReadFailure naming the file.


@pytest.fixture
def bad_inputs(tmp_path):
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "big.txt").write_text("Two civilians were killed in an air strike on Raqqa.\n")
    return tmp_path


@pytest.mark.parametrize(
    ("name", "extra"),
    [("binary.txt", []), ("empty.txt", []), ("big.txt", ["--max-bytes", "10"]), ("missing.txt", [])],
)
def test_refused_input_names_the_file_and_exits_1(bad_inputs, name, extra):
    path = bad_inputs / name
    proc = run_script("extract", *extra, str(path))
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 1, proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("civcas: error: ")]
    assert len(errors) == 1, proc.stderr
    assert name in errors[0]
    assert "0 documents read, 1 failed, 0 claims" in proc.stdout


def test_refused_inputs_in_jsonl_leave_stdout_empty(bad_inputs):
    proc = run_script("extract", "--jsonl", "--max-bytes", "10", str(bad_inputs / "binary.txt"),
                      str(bad_inputs / "empty.txt"), str(bad_inputs / "big.txt"))
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 1
    assert proc.stdout == ""
    errors = sorted(line for line in proc.stderr.splitlines() if line.startswith("civcas: error: "))
    assert len(errors) == 3, proc.stderr
    for line, name in zip(errors, ["big.txt", "binary.txt", "empty.txt"]):
        assert name in line


@pytest.mark.parametrize("name", list(cli.COMMANDS))
def test_a_command_built_alone_says_what_the_whole_app_says(name, tmp_path, monkeypatch):
    """``civcas COMMAND ...`` runs an app of that command alone (decisions §15.10): its help,
    its usage errors and its run are the whole app's."""
    monkeypatch.chdir(tmp_path)  # (a command run with no arguments writes where it is)
    monkeypatch.setenv("CIVCAS_DB", f"sqlite:///{tmp_path / 'none.db'}")
    alone = cli.build(name)
    assert list(typer_commands(alone)) == [name]
    db = f"sqlite:///{tmp_path / 'none.db'}"
    runs = [] if name == "serve" else [[name], [name, "x", "--db", db]]  # (serve would serve)
    for args in ([name, "--help"], [name, "--no-such-option"], *runs):
        want = CliRunner().invoke(cli.app, args, prog_name="civcas")
        got = CliRunner().invoke(alone, args, prog_name="civcas")
        assert (got.exit_code, got.output) == (want.exit_code, want.output), args


def typer_commands(app):
    import typer.main
    return typer.main.get_command(app).commands  # type: ignore[attr-defined]


def test_the_script_builds_the_command_it_runs_and_the_whole_app_otherwise(monkeypatch):
    built: list[str | None] = []
    real = cli.build
    monkeypatch.setattr(cli, "build", lambda only=None: built.append(only) or real(only))
    for argv, code in ((["civcas", "show", "--help"], 0), (["civcas", "--help"], 0),
                       (["civcas", "-v", "nosuch"], 2)):
        monkeypatch.setattr(sys, "argv", argv)
        with pytest.raises(SystemExit) as exc:
            cli.main()
        assert exc.value.code == code
    # the others ran the whole app (built once, on its first use)
    assert built[0] == "show" and built[1:] in ([], [None])
