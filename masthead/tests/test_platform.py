"""The install itself: settings, the CLI, logs, the server, deploy checks."""

import contextlib
import io
import logging
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from masthead.funding import checks as funding_checks
from masthead.logging import scrub
from masthead.settings.site import _secret_key
from masthead.testing import free_port

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args, env=None, unset=(), timeout=120):
    """Run the masthead CLI; ``unset`` names variables it must not inherit."""
    dropped = {"DJANGO_ALLOW_ASYNC_UNSAFE", *unset}
    return subprocess.run(
        [sys.executable, "-m", "masthead.cli", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={
            **{k: v for k, v in os.environ.items() if k not in dropped},
            **(env or {}),
        },
        timeout=timeout,
        check=False,
    )


def test_secret_key_is_generated_once_and_kept_private(tmp_path):
    first = _secret_key(tmp_path)
    assert len(first) >= 50
    assert _secret_key(tmp_path) == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600


def test_cli_lists_our_commands_with_djangos():
    result = run_cli("help")
    assert result.returncode == 0, result.stderr
    for command in ("demo", "serve", "worker", "migrate", "publish_scheduled"):
        assert command in result.stdout


def test_check_deploy_is_clean_with_https_and_debug_off(tmp_path):
    result = run_cli(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={
            "DEBUG": "false",
            "SITE_URL": "https://news.example",
            "HTTPS": "true",
            "ALLOWED_HOSTS": "news.example",
            "SECRET_KEY": "k" * 20 + "Q7v!x9#pL2@mZ4$wR8^tY6&uI1*oE3(aS5)dF0",
            "MASTHEAD_VAR_DIR": str(tmp_path),
            "SECURE_HSTS_PRELOAD": "true",
            "FUNDING_DUMMY_PROVIDER": "false",
            "CLIENT_ADDRESS_HEADER": "X-Real-IP",
            "EMAIL_URL": "smtp+tls://masthead:secret@mail.example:587",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout + result.stderr


def test_check_deploy_warns_about_the_dummy_provider(tmp_path):
    result = run_cli(
        "check",
        "--deploy",
        env={
            "DEBUG": "false",
            "MASTHEAD_VAR_DIR": str(tmp_path),
            "FUNDING_DUMMY_PROVIDER": "true",
        },
    )
    assert "funding.W001" in result.stdout + result.stderr
    # Nothing says which header carries the reader's address behind a proxy.
    assert "masthead.W001" in result.stdout + result.stderr


def test_check_deploy_warns_about_console_mail(tmp_path):
    result = run_cli(
        "check",
        "--deploy",
        env={
            "DEBUG": "false",
            "SITE_URL": "https://news.example",
            "ALLOWED_HOSTS": "www.news.example",
            "MASTHEAD_VAR_DIR": str(tmp_path),
        },
    )
    output = result.stdout + result.stderr
    assert "funding.W002" in output
    assert "anyone who reads the log can sign in" in output


@pytest.mark.parametrize(
    ("backend", "debug", "warned"),
    [
        ("django.core.mail.backends.console.EmailBackend", False, True),
        ("django.core.mail.backends.dummy.EmailBackend", False, True),
        ("django.core.mail.backends.console.EmailBackend", True, False),
        ("django.core.mail.backends.smtp.EmailBackend", False, False),
    ],
)
def test_mail_check_warns_when_mail_would_not_leave_the_machine(
    settings, backend, debug, warned
):
    settings.EMAIL_BACKEND = backend
    settings.DEBUG = debug
    assert bool(funding_checks.mail_leaves_the_machine(None)) is warned


def test_the_site_url_host_is_served_whatever_allowed_hosts_says(client, settings, db):
    """SITE_URL's host is always allowed (settings add it), so no check for it."""
    assert "www.news.example" not in settings.ALLOWED_HOSTS[:-1]
    assert client.get("/healthz", HTTP_HOST="news.example").status_code == 200
    assert client.get("/healthz", HTTP_HOST="www.news.example").status_code == 400


@pytest.mark.parametrize(
    "text",
    [
        "Not Found: /x from 203.0.113.7",
        "client 2001:db8::1 asked",
        "forwarded for 198.51.100.23, 10.0.0.1",
        "peer fe80::1ff:fe23:4567:890a left",
        "from 203.0.113.7:51234",
    ],
)
def test_scrub_removes_addresses(text):
    scrubbed = scrub(text)
    assert "[address]" in scrubbed
    for address in ("203.0.113.7", "2001:db8::1", "198.51.100.23", "fe80::1ff"):
        assert address not in scrubbed


@pytest.mark.parametrize(
    "text",
    ["at 12:30:45 with Wagtail 8.0.1", "took 1.5 s", "std::vector", "a:b", "3.14.15"],
)
def test_scrub_keeps_times_and_versions(text):
    assert scrub(text) == text


@pytest.mark.django_db
def test_django_logs_carry_no_client_address_nor_query(client, home, settings):
    handler = next(h for h in logging.getLogger().handlers if h.name == "console")
    stream = io.StringIO()
    previous = handler.setStream(stream)
    try:
        client.get("/missing/?q=secret-words", REMOTE_ADDR="203.0.113.7")
        client.get("/search/?q=secret-words", REMOTE_ADDR="203.0.113.7")
        logging.getLogger("django.request").warning(
            "Forbidden for %s", "198.51.100.4", extra={"request": object()}
        )
    finally:
        handler.setStream(previous)
    output = stream.getvalue()
    assert "Not Found: /missing/" in output
    assert "Forbidden for [address]" in output
    assert "203.0.113.7" not in output
    assert "198.51.100.4" not in output
    assert "secret-words" not in output


@pytest.fixture(scope="module")
def serve_env(tmp_path_factory):
    """Return the environment of a migrated install on the default cache."""
    var = tmp_path_factory.mktemp("serve")
    env = {
        **os.environ,
        "MASTHEAD_VAR_DIR": str(var),
        "DATABASE_URL": f"sqlite:///{var / 'db.sqlite3'}",
    }
    env.pop("CACHE_URL", None)
    subprocess.run(
        [sys.executable, "-m", "masthead.cli", "migrate", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=300,
    )
    return env


@contextlib.contextmanager
def serving(env, *args, log):
    """Run `masthead serve` on a free port; yield (process, port).

    Whatever the test does, no process it started outlives it: every
    descendant seen while it ran is killed at the end if still there.
    """
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "masthead.cli", "serve", "--port", str(port),
         "--workers", "1", *args],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    seen = set()
    try:
        _get_when_up(f"http://127.0.0.1:{port}/healthz")
        seen |= _descendants(server.pid)
        yield server, port, seen
    finally:
        seen |= _descendants(server.pid)
        if server.poll() is None:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        for pid in _alive(seen):
            os.kill(pid, signal.SIGKILL)


def test_served_by_granian_with_no_request_lines_in_its_log(serve_env, tmp_path):
    """Run the real server; its output must not show who asked for what."""
    log = tmp_path / "serve.log"
    with (
        log.open("w") as out,
        serving(serve_env, "--no-worker", log=out) as (
            _server,
            port,
            _seen,
        ),
    ):
        body = _get_when_up(f"http://127.0.0.1:{port}/healthz")
        assert body == b"ok\n"
        _get_when_up(f"http://127.0.0.1:{port}/search/?q=secret-words")
    output = log.read_text()
    assert "Listening at" in output or "Starting granian" in output
    assert "secret-words" not in output
    assert "GET /" not in output


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_serve_stops_granian_and_the_worker_when_signalled(serve_env, tmp_path, signum):
    """A plain `kill` (or Ctrl-C) of `masthead serve` leaves no child behind."""
    with (
        (tmp_path / "serve.log").open("w") as out,
        serving(serve_env, log=out) as (
            server,
            port,
            seen,
        ),
    ):
        commands = {_command_line(pid) for pid in seen}
        assert any("granian" in line for line in commands), commands
        assert any("worker" in line for line in commands), commands
        os.kill(server.pid, signum)
        assert server.wait(timeout=30) == 0
        deadline = time.monotonic() + 10
        while _alive(seen) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _alive(seen), [_command_line(pid) for pid in _alive(seen)]
        with pytest.raises(OSError):
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)


def _parent_of(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The command name, in parentheses, may hold spaces: split after it.
    return int(stat.rpartition(")")[2].split()[1])


def _descendants(pid: int) -> set[int]:
    """Return every process below pid, read from /proc (empty where there is none)."""
    if not Path("/proc/self/stat").exists():
        return set()
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            parent = _parent_of(int(entry.name))
            if parent is not None:
                parents[int(entry.name)] = parent
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier}
        found |= frontier
    return found


def _alive(pids) -> set[int]:
    """Return the pids that still run (a zombie has finished)."""
    alive = set()
    for pid in pids:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        if stat.rpartition(")")[2].split()[0] != "Z":
            alive.add(pid)
    return alive


def _command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def _get_when_up(url: str, seconds: float = 30) -> bytes:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310
                return response.read()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def test_the_defaults_are_the_counting_file_cache_and_kept_sqlite_connections(
    tmp_path,
):
    """What a new install gets with no CACHE_URL and no DATABASE_URL set."""
    script = (
        "from django.conf import settings;"
        "print(settings.CACHES['default']['BACKEND']);"
        "print(settings.CACHES['default']['LOCATION']);"
        "print(settings.DATABASES['default']['ENGINE']);"
        "print(settings.DATABASES['default']['CONN_MAX_AGE'])"
    )
    result = run_cli(
        "shell", "-c", script,
        env={"MASTHEAD_VAR_DIR": str(tmp_path)}, unset=("CACHE_URL", "DATABASE_URL"),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    backend, location, engine, max_age = result.stdout.split()[-4:]
    assert backend == "masthead.cache.FileBasedCache"
    assert location.startswith(str(tmp_path))
    assert engine == "django.db.backends.sqlite3"
    assert int(max_age) > 0
