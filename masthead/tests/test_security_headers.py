"""Headers on every response: Permissions-Policy, CORP, and no server banner."""

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from masthead.headers import PERMISSIONS_POLICY
from masthead.testing import free_port

ROOT = Path(__file__).resolve().parents[2]
URLS = ["/", "/politics/", "/feed.xml", "/no-such-page/", "/admin/login/", "/healthz"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", URLS)
def test_every_response_forbids_powerful_features_and_cross_origin_reads(
    client, section, url
):
    for _ in range(2):  # the second is a page-cache hit for reader pages
        response = client.get(url)
        policy = response["Permissions-Policy"]
        for feature in ("camera", "microphone", "geolocation", "interest-cohort"):
            assert f"{feature}=()" in policy
        assert "publickey-credentials" not in policy  # passkeys stay usable
        assert response["Cross-Origin-Resource-Policy"] == "same-origin"
        assert response["Server"] == ""


def test_permissions_policy_is_well_formed():
    for item in PERMISSIONS_POLICY.split(", "):
        feature, allowlist = item.split("=")
        assert feature.isascii() and allowlist == "()"


def test_granian_sends_no_server_banner(tmp_path):
    """Run `masthead serve` as deployed; granian must not name itself."""
    port = free_port()
    env = {
        **os.environ,
        "MASTHEAD_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    env.pop("CACHE_URL", None)
    subprocess.run(
        [sys.executable, "-m", "masthead.cli", "migrate", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=300,
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "masthead.cli", "serve", "--port", str(port),
         "--workers", "1", "--no-worker"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        headers = {}
        for url in (f"http://127.0.0.1:{port}/healthz", f"http://127.0.0.1:{port}/x/"):
            headers[url] = _headers_when_up(url)
    finally:
        server.terminate()
        server.wait(timeout=20)
    for found in headers.values():
        servers = [value for name, value in found if name.lower() == "server"]
        assert all("granian" not in value.lower() for value in servers), servers
        assert len(servers) <= 1


def _headers_when_up(url: str, seconds: float = 30) -> list[tuple[str, str]]:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310
                return response.getheaders()
        except urllib.error.HTTPError as error:
            return list(error.headers.items())
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
