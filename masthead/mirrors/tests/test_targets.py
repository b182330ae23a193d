"""Publishing targets: the export pushed to a directory, an S3 bucket, a git remote."""

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import boto3
import pytest

from masthead.mirrors import targets
from masthead.mirrors.models import TargetStatus
from masthead.mirrors.publishing import site_publish, working_folder
from masthead.mirrors.targets.base import SKIPPED_FILES
from masthead.testing import free_port

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("publish_dir")]

DIRECTORY = "masthead.mirrors.targets.Directory"
S3 = "masthead.mirrors.targets.S3Bucket"
GIT = "masthead.mirrors.targets.GitRepository"


@pytest.fixture(scope="session")
def moto_endpoint():
    """moto's S3 in server mode, on a free port of 127.0.0.1."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail("moto's server did not start")
            time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    server.terminate()
    server.wait(timeout=10)


def s3_options(endpoint: str, bucket: str) -> dict:
    return {
        "BACKEND": S3,
        "BUCKET": bucket,
        "ENDPOINT_URL": endpoint,
        "REGION": "us-east-1",
        "ACCESS_KEY_ID": "moto",
        "SECRET_ACCESS_KEY": "moto-secret",
    }


def s3_client(endpoint: str):
    return boto3.session.Session(
        aws_access_key_id="moto",
        aws_secret_access_key="moto-secret",
        region_name="us-east-1",
    ).client("s3", endpoint_url=endpoint)


def files_under(folder: Path) -> set[str]:
    return {
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and ".git" not in path.relative_to(folder).parts
    }


GIT_PROGRAM = shutil.which("git") or "git"


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(
        [GIT_PROGRAM, *args], cwd=cwd, capture_output=True, text=True, check=True
    ).stdout


# Directory ------------------------------------------------------------------


def test_a_directory_gets_the_export_and_loses_what_was_unpublished(
    harbour_reports, settings, tmp_path
):
    copy = tmp_path / "copy"
    (copy / "old").mkdir(parents=True)
    (copy / "old" / "stale.html").write_text("from an earlier site")
    settings.MIRROR_TARGETS = {"copy": {"BACKEND": DIRECTORY, "PATH": str(copy)}}

    first = site_publish()

    [result] = first.results
    assert result.ok, result.message
    exported = files_under(working_folder()) - SKIPPED_FILES
    assert files_under(copy) == exported
    assert "politics/harbour-report-0/index.html" in exported
    assert (copy / "index.html").read_bytes() == (
        working_folder() / "index.html"
    ).read_bytes()
    assert not (copy / "old").exists()
    assert result.written == len(exported)

    harbour_reports[0].unpublish()
    second = site_publish()

    [result] = second.results
    assert not (copy / "politics" / "harbour-report-0").exists()
    assert (copy / "politics" / "harbour-report-1" / "index.html").is_file()
    assert result.removed >= 1
    # Only what changed is copied again: the static assets did not.
    assert 0 < result.written < len(exported) / 2
    assert result.unchanged > 0
    assert TargetStatus.objects.get(name="copy").state == TargetStatus.State.OK


# S3 ---------------------------------------------------------------------------


def test_an_s3_bucket_gets_typed_objects_and_only_the_changes(
    harbour_reports, settings, moto_endpoint
):
    client = s3_client(moto_endpoint)
    client.create_bucket(Bucket="lantern-typed")
    client.put_object(Bucket="lantern-typed", Key="site/gone.html", Body=b"old")
    client.put_object(Bucket="lantern-typed", Key="elsewhere.txt", Body=b"kept")
    settings.MIRROR_TARGETS = {
        "bucket": {**s3_options(moto_endpoint, "lantern-typed"), "PREFIX": "site"}
    }

    [result] = site_publish().results

    assert result.ok, result.message
    listed = client.list_objects_v2(Bucket="lantern-typed")["Contents"]
    keys = {item["Key"] for item in listed}
    exported = files_under(working_folder()) - SKIPPED_FILES
    assert keys == {f"site/{path}" for path in exported} | {"elsewhere.txt"}

    def head(key: str) -> dict:
        return client.head_object(Bucket="lantern-typed", Key=f"site/{key}")

    css = next(path for path in exported if path.endswith(".css"))
    expected = {
        "index.html": "text/html; charset=utf-8",
        "politics/harbour-report-1/index.html": "text/html; charset=utf-8",
        "mirrors.json": "application/json; charset=utf-8",
        "feed.xml": "application/xml; charset=utf-8",
        "robots.txt": "text/plain; charset=utf-8",
        "search/search.js": "text/javascript; charset=utf-8",
        css: "text/css; charset=utf-8",
    }
    for key, kind in expected.items():
        assert head(key)["ContentType"] == kind, key
    assert head("index.html")["CacheControl"] == "public, max-age=60"
    body = client.get_object(Bucket="lantern-typed", Key="site/index.html")["Body"]
    assert body.read() == (working_folder() / "index.html").read_bytes()

    [again] = site_publish().results
    assert (again.written, again.removed) == (0, 0)
    assert again.unchanged == len(exported)

    harbour_reports[2].unpublish()
    [after] = site_publish().results
    keys = {
        item["Key"]
        for item in client.list_objects_v2(Bucket="lantern-typed")["Contents"]
    }
    assert "site/politics/harbour-report-2/index.html" not in keys
    assert "site/politics/harbour-report-1/index.html" in keys
    assert after.removed >= 1
    assert 0 < after.written < len(exported) / 2


def test_hashed_static_names_are_cached_for_a_year():
    assert (
        targets.cache_control("static/site.0123456789ab.css", 60)
        == "public, max-age=31536000, immutable"
    )
    assert targets.cache_control("static/site.css", 60) == "public, max-age=60"
    assert targets.content_type("pagefind/wasm.unknown.pagefind") == (
        "application/octet-stream"
    )


def test_a_missing_bucket_is_a_failed_target(harbour_reports, settings, moto_endpoint):
    settings.MIRROR_TARGETS = {"bucket": s3_options(moto_endpoint, "no-such-bucket")}

    [result] = site_publish().results

    assert not result.ok
    assert "NoSuchBucket" in result.message


# git ----------------------------------------------------------------------------


def test_a_git_remote_gets_one_commit_per_change(harbour_reports, settings, tmp_path):
    remote = tmp_path / "remote.git"
    git("init", "--quiet", "--bare", str(remote), cwd=tmp_path)
    settings.MIRROR_TARGETS = {
        "pages": {"BACKEND": GIT, "REMOTE": str(remote), "BRANCH": "pages"}
    }

    [result] = site_publish().results

    assert result.ok, result.message
    tracked = set(git("ls-tree", "-r", "--name-only", "pages", cwd=remote).split())
    assert tracked == files_under(working_folder()) - SKIPPED_FILES
    page = "politics/harbour-report-0/index.html"
    assert (
        git("show", f"pages:{page}", cwd=remote).encode()
        == (working_folder() / page).read_bytes()
    )

    [unchanged] = site_publish().results
    assert unchanged.ok and "nothing new" in unchanged.message
    assert git("rev-list", "--count", "pages", cwd=remote).strip() == "1"

    harbour_reports[0].unpublish()
    [changed] = site_publish().results
    assert changed.ok, changed.message
    assert git("rev-list", "--count", "pages", cwd=remote).strip() == "2"
    tracked = set(git("ls-tree", "-r", "--name-only", "pages", cwd=remote).split())
    assert page not in tracked


def test_a_fresh_checkout_builds_on_what_the_remote_has(
    harbour_reports, settings, tmp_path
):
    """A new machine (or a wiped var folder) still pushes a fast-forward."""
    remote = tmp_path / "remote.git"
    git("init", "--quiet", "--bare", str(remote), cwd=tmp_path)
    settings.MIRROR_TARGETS = {"pages": {"BACKEND": GIT, "REMOTE": str(remote)}}
    site_publish()
    targets.get_target("pages").checkout.joinpath(".git", "HEAD").unlink()
    settings.MIRRORS_PUBLISH_DIR = tmp_path / "another-machine"

    harbour_reports[1].unpublish()
    [result] = site_publish().results

    assert result.ok, result.message
    assert git("rev-list", "--count", "main", cwd=remote).strip() == "2"
