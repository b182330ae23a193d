"""The production setup of ``deploy/`` on one machine, for tests and benchmarks.

App servers (granian), the task worker and nginx run as child processes on
free ports of 127.0.0.1; nginx runs with its own configuration and files in a
temporary folder, built from ``deploy/nginx/`` with only the paths, the
listening port and the app servers' ports changed. Every process started
here is stopped by the context manager that started it.
"""

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
NGINX_MODULES = Path("/usr/lib/nginx/modules")
BROTLI_MODULES = (
    "ngx_http_brotli_filter_module.so",
    "ngx_http_brotli_static_module.so",
)
APT_PACKAGES = {
    "nginx": [
        "nginx",
        "libnginx-mod-http-brotli-filter",
        "libnginx-mod-http-brotli-static",
    ],
    "wrk": ["wrk"],
}


def ensure_tool(name: str) -> str | None:
    """Return the path of ``name`` (nginx, wrk), installing it with apt-get as root.

    Return None when it is missing and cannot be installed.
    """
    found = shutil.which(name) or shutil.which(name, path="/usr/sbin:/usr/bin")
    apt_get = shutil.which("apt-get")
    if found or os.geteuid() != 0 or not apt_get:
        return found
    sys.stderr.write(f"Installing {name} with apt-get …\n")
    subprocess.run(
        [apt_get, "install", "-y", "-q", "-o", "DPkg::Lock::Timeout=900",
         *APT_PACKAGES.get(name, [name])],
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        check=False, stdout=subprocess.DEVNULL, timeout=900,
    )  # fmt: skip
    return shutil.which(name, path="/usr/sbin:/usr/bin")


def nginx_config(
    folder: Path,
    *,
    port: int,
    app_ports: list[int],
    var_dir: Path,
    workers: int = 1,
) -> Path:
    """Write an nginx.conf in ``folder`` that serves the site of ``deploy/nginx/``."""
    http = (DEPLOY / "nginx" / "masthead-http.conf").read_text()
    locations = (DEPLOY / "nginx" / "masthead-locations.conf").read_text()
    servers = "".join(
        f"    server 127.0.0.1:{app_port} max_fails=1 fail_timeout=5s;\n"
        for app_port in app_ports
    )
    http, count = re.subn(r"(?m)^    server 127\.0\.0\.1:8000 .*\n", servers, http)
    if count != 1:
        raise RuntimeError("deploy/nginx/masthead-http.conf: upstream line not found")
    http = http.replace("/var/cache/nginx/", f"{folder}/cache/")
    locations = locations.replace("/srv/masthead/var/", f"{var_dir}/")
    modules = [NGINX_MODULES / name for name in BROTLI_MODULES]
    if all(module.exists() for module in modules):
        load = "".join(f"load_module {module};\n" for module in modules)
    else:  # without Debian's brotli modules: gzip only
        load = ""
        locations = re.sub(r"(?m)^\s*brotli\w*\s[^;]*;\n", "", locations)
    user = "user nobody nogroup;\n" if os.geteuid() == 0 else ""
    (folder / "masthead-http.conf").write_text(http)
    (folder / "masthead-locations.conf").write_text(locations)
    conf = folder / "nginx.conf"
    conf.write_text(
        f"""{load}{user}worker_processes {workers};
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    access_log off;
    client_body_temp_path {folder}/client_body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {folder}/masthead-http.conf;
    server {{
        listen 127.0.0.1:{port};
        server_name _;
        server_tokens off;
        include {folder}/masthead-locations.conf;
    }}
}}
"""
    )
    return conf


def scratch_folder(prefix: str) -> Path:
    """A temporary folder nginx's unprivileged workers can use."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    folder.chmod(0o755)
    (folder / "cache").mkdir()
    return folder


@contextlib.contextmanager
def nginx(conf: Path):
    """Run nginx in the foreground with ``conf``; stop it at the end."""
    binary = ensure_tool("nginx")
    if not binary:
        raise RuntimeError("nginx is not installed")
    folder = conf.parent
    check = subprocess.run(
        [binary, "-t", "-q", "-p", str(folder), "-e", "stderr", "-c", str(conf)],
        capture_output=True,
        text=True,
    )
    if check.returncode != 0:
        raise RuntimeError(check.stderr)
    process = subprocess.Popen(
        [binary, "-p", str(folder), "-e", "stderr", "-c", str(conf),
         "-g", "daemon off;"],
        start_new_session=True,
    )  # fmt: skip
    try:
        yield process
    finally:
        stop(process)


def granian(
    port: int,
    env: dict,
    *,
    workers: int = 1,
    threads: int = 2,
    log=None,
    target: str = "masthead.wsgi:application",
    cwd: Path = ROOT,
):
    """Start one app server as `masthead serve --no-worker` runs it.

    ``target`` and ``cwd`` serve another WSGI application the same way (the
    benchmark's constant one).
    """
    command = [
        sys.executable, "-m", "granian", "--interface", "wsgi",
        "--host", "127.0.0.1", "--port", str(port),
        "--workers", str(workers), "--blocking-threads", str(threads),
        "--no-access-log", target,
    ]  # fmt: skip
    return subprocess.Popen(
        command,
        env=env,
        cwd=cwd,
        start_new_session=True,
        stdout=log or subprocess.DEVNULL,
        stderr=subprocess.STDOUT if log else subprocess.DEVNULL,
    )


def stop(process: subprocess.Popen, *, kill: bool = False) -> None:
    """Stop ``process`` and the session it leads (its workers)."""
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL if kill else signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)  # a worker left behind


def get(url: str, *, headers: dict | None = None, timeout: float = 10):
    """GET ``url``; return (status, headers, body) whatever the status."""
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def wait_until_up(url: str, *, seconds: float = 60, process=None) -> None:
    """Wait until ``url`` answers (any status); fail if ``process`` dies first."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise AssertionError(f"{process.args[:4]} exited with {process.returncode}")
        try:
            get(url, timeout=2)
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"{url} did not answer within {seconds} s")
