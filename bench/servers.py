"""The servers ``bench/run.py`` measures: the app under granian, nginx from
``deploy/nginx/`` in front of it, and nginx serving a file as the reference.
"""

import contextlib
import json
import os
from pathlib import Path

from masthead import stack
from masthead.management.commands.serve import DEFAULT_THREADS, default_workers
from masthead.testing import free_port

# As `masthead serve` runs it by default (BENCH_APP_WORKERS and
# BENCH_APP_THREADS try others).
APP_WORKERS = int(os.environ.get("BENCH_APP_WORKERS") or default_workers())
APP_THREADS = int(os.environ.get("BENCH_APP_THREADS") or DEFAULT_THREADS)
NGINX_WORKERS = 2


def app_env(var_dir: Path, *, port: int, **extra) -> dict:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "CACHE_URL", "TASKS_URL", "TASKS_BACKEND"}
    }
    environment.update(
        MASTHEAD_VAR_DIR=str(var_dir),
        DJANGO_SETTINGS_MODULE="masthead.settings",
        SITE_URL=f"http://127.0.0.1:{port}",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        HTTPS="false",
        DEBUG="false",
        FUNDING_DUMMY_PROVIDER="true",
        **extra,
    )
    return environment


@contextlib.contextmanager
def app_server(var_dir: Path, log: Path, **extra):
    """Serve ``var_dir``'s site with granian; yield its base URL."""
    port = free_port()
    with log.open("ab") as out:
        process = stack.granian(
            port,
            app_env(var_dir, port=port, **extra),
            workers=APP_WORKERS,
            threads=APP_THREADS,
            log=out,
        )
    try:
        stack.wait_until_up(f"http://127.0.0.1:{port}/healthz", process=process)
        yield f"http://127.0.0.1:{port}"
    finally:
        stack.stop(process)


@contextlib.contextmanager
def production(var_dir: Path, app_base: str):
    """nginx from deploy/nginx/ in front of the app server at ``app_base``."""
    folder = stack.scratch_folder("masthead-bench-prod-")
    port = free_port()
    conf = stack.nginx_config(
        folder,
        port=port,
        app_ports=[int(app_base.rsplit(":", 1)[1])],
        var_dir=var_dir,
        workers=NGINX_WORKERS,
    )
    with stack.nginx(conf):
        stack.wait_until_up(f"http://127.0.0.1:{port}/healthz")
        yield f"http://127.0.0.1:{port}"


@contextlib.contextmanager
def constant_server(body: bytes, headers: list[tuple[str, str]], log: Path):
    """granian answering ``body`` and ``headers`` from bench/constant_app.py.

    The same workers and threads as the app: the server's own ceiling.
    """
    folder = stack.scratch_folder("masthead-bench-constant-")
    (folder / "body").write_bytes(body)
    (folder / "headers.json").write_text(json.dumps(headers))
    port = free_port()
    with log.open("ab") as out:
        process = stack.granian(
            port,
            {**os.environ, "BENCH_CONSTANT_DIR": str(folder)},
            workers=APP_WORKERS,
            threads=APP_THREADS,
            log=out,
            target="constant_app:application",
            cwd=Path(__file__).resolve().parent,
        )
    try:
        stack.wait_until_up(f"http://127.0.0.1:{port}/", process=process)
        yield f"http://127.0.0.1:{port}"
    finally:
        stack.stop(process)


@contextlib.contextmanager
def file_server(files: dict[str, bytes]):
    """nginx serving ``files`` (path: bytes) as plain files: the reference."""
    folder = stack.scratch_folder("masthead-bench-ref-")
    (folder / "www").mkdir()
    for path, content in files.items():
        target = folder / "www" / path.lstrip("/")
        if path.endswith("/"):
            target = target / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    (folder / "www").chmod(0o755)
    for item in (folder / "www").rglob("*"):
        item.chmod(0o755 if item.is_dir() else 0o644)
    port = free_port()
    conf = folder / "nginx.conf"
    user = "user nobody nogroup;\n" if os.geteuid() == 0 else ""
    conf.write_text(
        f"""{user}worker_processes {NGINX_WORKERS};
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    include /etc/nginx/mime.types;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    access_log off;
    client_body_temp_path {folder}/client_body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {folder}/www;
        index index.html;
        default_type text/html;
    }}
}}
"""
    )
    with stack.nginx(conf):
        stack.wait_until_up(f"http://127.0.0.1:{port}/")
        yield f"http://127.0.0.1:{port}"
