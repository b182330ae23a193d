"""Every served mirror host serves the site; every other host gets 400."""

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import OperationalError, connection
from django.utils import timezone

from masthead.mirrors import selectors
from masthead.mirrors.checks import FIRST, host_check_runs_first, https_redirect
from masthead.mirrors.models import Kind, Mirror, Status
from masthead.mirrors.services import mirror_add
from masthead.news.factories import ArticlePageFactory
from masthead.testing import free_port

ROOT = Path(__file__).resolve().parents[3]
ONION_HOST = "lanternx" * 7 + ".onion"


@pytest.fixture
def story(section):
    return ArticlePageFactory(parent=section, title="First story")


@pytest.mark.django_db
@pytest.mark.parametrize("host", ["evil.example", "news.example.evil.example"])
def test_an_unknown_host_gets_400(client, story, host):
    assert client.get("/", HTTP_HOST=host).status_code == 400
    assert client.get("/politics/first-story/", HTTP_HOST=host).status_code == 400


@pytest.mark.django_db
def test_the_main_host_and_allowed_hosts_are_served(client, story):
    for host in ("news.example", "testserver", "127.0.0.1"):
        assert client.get("/", HTTP_HOST=host).status_code == 200, host


@pytest.mark.django_db
def test_an_active_mirror_serves_every_page_without_redirecting(client, story):
    mirror_add(url="https://lantern.mirror.example")
    for path in ("/", "/politics/", "/politics/first-story/", "/feed.xml"):
        response = client.get(path, HTTP_HOST="lantern.mirror.example")
        assert response.status_code == 200, path
    # Wagtail finds the default site for the mirror's host: the same pages.
    page = client.get("/politics/first-story/", HTTP_HOST="lantern.mirror.example")
    assert b"First story" in page.content


@pytest.mark.django_db
def test_the_onion_host_is_served_and_never_sent_to_https(client, story, settings):
    settings.MIRRORS_SSL_REDIRECT = True
    mirror_add(url=f"http://{ONION_HOST}", kind=Kind.ONION)
    response = client.get("/politics/first-story/", HTTP_HOST=ONION_HOST)
    assert response.status_code == 200
    # Plain http on a web mirror goes to https on that same mirror.
    mirror_add(url="https://lantern.mirror.example")
    response = client.get("/politics/?page=1", HTTP_HOST="lantern.mirror.example")
    assert response.status_code == 301
    assert response["Location"] == "https://lantern.mirror.example/politics/?page=1"


@pytest.mark.django_db
def test_announced_links_do_not_serve_the_site(client, story):
    mirror_add(url="https://copy.bucket.example/lantern/", kind=Kind.STATIC)
    mirror_add(url="https://t.me/lantern", kind=Kind.OTHER)
    assert client.get("/", HTTP_HOST="copy.bucket.example").status_code == 400
    assert client.get("/", HTTP_HOST="t.me").status_code == 400


@pytest.mark.django_db
def test_a_retired_mirror_gets_400_even_with_its_pages_cached(client, story):
    mirror = mirror_add(url="https://lantern.mirror.example")
    client.get("/", HTTP_HOST="lantern.mirror.example")
    cached = client.get("/", HTTP_HOST="lantern.mirror.example")
    assert cached["X-Page-Cache"] == "hit"
    mirror.status = Status.RETIRED
    mirror.save()
    assert client.get("/", HTTP_HOST="lantern.mirror.example").status_code == 400


@pytest.mark.django_db
def test_a_deprecated_mirror_is_served_until_its_retirement_day(client, story):
    today = timezone.localdate()
    mirror_add(
        url="https://old.mirror.example",
        status=Status.DEPRECATED,
        retire_on=today + timedelta(days=2),
    )
    assert client.get("/", HTTP_HOST="old.mirror.example").status_code == 200
    # The day comes with no edit at all: the snapshot in memory still knows.
    assert selectors.serves_host("old.mirror.example", today=today + timedelta(1))
    assert not selectors.serves_host("old.mirror.example", today=today + timedelta(2))
    Mirror.objects.update(retire_on=today)
    selectors.forget()
    assert client.get("/", HTTP_HOST="old.mirror.example").status_code == 400


@pytest.mark.django_db
def test_a_change_in_another_process_is_seen_within_the_refresh_time(
    client, story, settings
):
    settings.MIRRORS_REFRESH_SECONDS = 0.2
    assert client.get("/", HTTP_HOST="new.mirror.example").status_code == 400
    # Written as another process would: no signal reaches this one.
    Mirror.objects.bulk_create(
        [Mirror(url="https://new.mirror.example", host="new.mirror.example")]
    )
    assert client.get("/", HTTP_HOST="new.mirror.example").status_code == 400
    time.sleep(0.25)
    assert client.get("/", HTTP_HOST="new.mirror.example").status_code == 200


@pytest.mark.django_db
def test_the_registry_costs_no_query_per_request(
    client, story, django_assert_num_queries
):
    mirror_add(url="https://lantern.mirror.example")
    client.get("/", HTTP_HOST="lantern.mirror.example")
    with django_assert_num_queries(0):
        hit = client.get("/", HTTP_HOST="lantern.mirror.example")
    assert hit["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_a_malformed_host_gets_400(client, story):
    assert client.get("/", HTTP_HOST="bad host!").status_code == 400


@pytest.mark.django_db
def test_the_page_cache_never_gives_a_mirror_another_hosts_links(client, story):
    for host in ("one.mirror.example", "two.mirror.example"):
        mirror_add(url=f"https://{host}")
    first = client.get("/feed.xml", HTTP_HOST="one.mirror.example")
    second = client.get("/feed.xml", HTTP_HOST="two.mirror.example")
    again = client.get("/feed.xml", HTTP_HOST="two.mirror.example")
    assert first["X-Page-Cache"] == second["X-Page-Cache"] == "miss"
    assert again["X-Page-Cache"] == "hit"
    assert b"http://one.mirror.example/politics/first-story/" in first.content
    for response in (second, again):
        assert b"http://two.mirror.example/politics/first-story/" in response.content
        # The other mirror is named in the mirror list, never in a link here.
        assert b"http://one.mirror.example/politics/" not in response.content
        assert b"//one.mirror.example/mirrors/" not in response.content


def test_checks_require_the_host_middleware_first(settings):
    assert host_check_runs_first(None) == []
    later = [name for name in settings.MIDDLEWARE if name != FIRST]
    settings.MIDDLEWARE = [*later[:3], FIRST, *later[3:]]
    assert [error.id for error in host_check_runs_first(None)] == ["mirrors.E001"]
    settings.MIDDLEWARE = later
    assert [error.id for error in host_check_runs_first(None)] == ["mirrors.E001"]


# Every process of a real server ------------------------------------------------


def _database_url() -> str:
    database = connection.settings_dict
    if database["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{database['NAME']}"
    user = database["USER"] or "postgres"
    return (
        f"postgres://{user}@{database['HOST'] or '127.0.0.1'}:"
        f"{database['PORT'] or 5432}/{database['NAME']}"
    )


def _status(port: int, host: str, path: str = "/") -> int:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", headers={"Host": host}
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0  # not listening yet


def _statuses_become(port, host, status, *, seconds) -> float:
    """Wait until ten requests in a row answer ``status``; return how long it took."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if all(_status(port, host) == status for _ in range(10)):
            return time.monotonic() - started
        time.sleep(0.05)
    raise AssertionError(f"{host} still does not answer {status}")


@pytest.mark.django_db(transaction=True)
def test_every_server_process_follows_the_registry_without_a_restart(story, tmp_path):
    """Two granian workers, the default file cache: add, then retire, a mirror."""
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "MASTHEAD_VAR_DIR": str(tmp_path),
        "DATABASE_URL": _database_url(),
    }
    env.pop("CACHE_URL", None)
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "masthead.cli", "serve", "--port", str(port),
         "--workers", "2", "--no-worker"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        # Its own process group: `masthead serve` starts granian as a child,
        # which a signal to `serve` alone would leave running.
        start_new_session=True,
    )  # fmt: skip
    try:
        _statuses_become(port, "127.0.0.1", 200, seconds=60)
        assert _status(port, "lantern.mirror.example") == 400
        mirror = mirror_add(url="https://lantern.mirror.example")
        took = _statuses_become(port, "lantern.mirror.example", 200, seconds=10)
        assert took < 2.5
        mirror.status = Status.RETIRED
        mirror.save()
        took = _statuses_become(port, "lantern.mirror.example", 400, seconds=10)
        assert took < 2.5
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
        log.close()


@pytest.mark.django_db
def test_redirects_on_a_mirror_stay_on_the_mirror(client, story, settings):
    settings.MIRRORS_SSL_REDIRECT = True
    mirror_add(url="https://lantern.mirror.example")
    response = client.get("/politics", HTTP_HOST="lantern.mirror.example", secure=True)
    assert response.status_code == 301
    location = response["Location"]
    assert location.startswith("/") or location.startswith(
        "https://lantern.mirror.example/"
    )
    page = client.get("/politics/", HTTP_HOST="lantern.mirror.example", secure=True)
    assert page.status_code == 200
    assert '<link rel="canonical" href="https://news.example/politics/">' in (
        page.content.decode()
    )


@pytest.mark.django_db
def test_a_database_outage_does_not_refuse_mirrors_that_cached_pages_serve(
    client, story, settings, monkeypatch
):
    settings.MIRRORS_REFRESH_SECONDS = 0
    mirror_add(url="https://lantern.mirror.example")
    assert client.get("/", HTTP_HOST="lantern.mirror.example").status_code == 200

    def broken(*args, **kwargs):
        raise OperationalError("database is gone")

    monkeypatch.setattr(connection, "cursor", broken)
    hit = client.get("/", HTTP_HOST="lantern.mirror.example")
    assert hit.status_code == 200
    assert hit["X-Page-Cache"] == "hit"


def test_deploy_check_warns_when_plain_http_is_not_redirected(settings):
    settings.DEBUG = False
    settings.MIRRORS_SSL_REDIRECT = True
    assert https_redirect(None) == []
    settings.MIRRORS_SSL_REDIRECT = False
    assert [warning.id for warning in https_redirect(None)] == ["mirrors.W001"]


@pytest.mark.django_db
def test_an_international_mirror_name_is_served_as_browsers_send_it(client, story):
    mirror = mirror_add(url="https://зеркало.example")
    assert mirror.host == "xn--80ajfngsk.example"
    assert client.get("/", HTTP_HOST="xn--80ajfngsk.example").status_code == 200
