"""``civcas user add|list`` and ``civcas serve --help``."""
from __future__ import annotations

from typer.testing import CliRunner

from civcas.cli import app
from civcas.api import Desk

runner = CliRunner()


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def test_user_add_from_stdin_then_list_and_login(tmp_path):
    url = f"sqlite:///{tmp_path / 'u.db'}"
    r = run("user", "add", "maya", "--role", "reviewer", "--password-stdin", "--db", url,
            input="s3cret pass\n")
    assert r.exit_code == 0, r.output
    assert "user maya: reviewer" in r.output
    r = run("user", "list", "--db", url)
    assert r.exit_code == 0 and r.output.startswith("maya\treviewer\t")
    with Desk(url) as desk:
        assert desk.authenticate("maya", "s3cret pass").role == "reviewer"
        assert desk.authenticate("maya", "s3cret pass\n") is None
        assert "s3cret" not in desk.user("maya").password_hash
        assert desk.user("maya").password_hash.startswith("$argon2id$")


def test_user_add_prompts_twice(tmp_path):
    url = f"sqlite:///{tmp_path / 'u.db'}"
    r = run("user", "add", "ana", "--role", "admin", "--db", url, input="long enough\nlong enough\n")
    assert r.exit_code == 0, r.output
    assert "Password: " in r.output and "Repeat for confirmation" in r.output
    assert "long enough" not in r.output


def test_user_add_errors_exit_2(tmp_path):
    url = f"sqlite:///{tmp_path / 'u.db'}"
    r = run("user", "add", "ana", "--role", "boss", "--password-stdin", "--db", url,
            input="long enough\n")
    assert r.exit_code == 2 and "role 'boss': not one of viewer, reviewer, admin" in r.output
    r = run("user", "add", "ana", "--password-stdin", "--db", url, input="short\n")
    assert r.exit_code == 2 and "at least 8 characters" in r.output
    r = run("user", "add", "a b<c>", "--password-stdin", "--db", url, input="long enough\n")
    assert r.exit_code == 2 and "user name" in r.output
    assert run("user", "add", "ana", "--password-stdin", "--db", url,
               input="long enough\n").exit_code == 0
    r = run("user", "add", "ana", "--password-stdin", "--db", url, input="long enough\n")
    assert r.exit_code == 2 and "exists" in r.output
    r = run("user", "add", "ana", "--role", "admin", "--update", "--password-stdin", "--db", url,
            input="another one\n")
    assert r.exit_code == 0 and "(updated)" in r.output
    r = run("user", "add", "zed", "--update", "--password-stdin", "--db", url,
            input="another one\n")
    assert r.exit_code == 2 and "no such user" in r.output


def test_user_list_empty(tmp_path):
    r = run("user", "list", "--db", f"sqlite:///{tmp_path / 'u.db'}")
    assert r.exit_code == 1 and "no users yet" in r.output


def test_serve_help():
    r = run("serve", "--help")
    assert r.exit_code == 0
    for word in ("--host", "--port", "--db", "127.0.0.1", "8000"):
        assert word in r.output
    assert "serve" in run("--help").output and "user" in run("--help").output


def test_serve_starts_and_answers(tmp_path):
    import os
    import socket
    import subprocess
    import sys
    import time
    import urllib.error
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"sqlite:///{tmp_path / 's.db'}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("CIVCAS_")}
    proc = subprocess.Popen([sys.executable, "-c", "from civcas.cli import main; main()",
                             "serve", "--port", str(port), "--db", url], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=2) as r:
                    page = r.read().decode()
                break
            except (urllib.error.URLError, ConnectionError):
                assert proc.poll() is None, proc.stderr.read()
                assert time.monotonic() < deadline, "civcas serve did not answer"
                time.sleep(0.2)
        assert "Log in" in page
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/openapi.json", timeout=5) as r:
            assert "/api/incidents" in r.read().decode()
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=20)
    assert f"civcas review on http://127.0.0.1:{port}/" in out
