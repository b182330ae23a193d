"""Scale-out on one machine: two app servers behind one nginx (deploy/).

Both app servers (granian) share PostgreSQL (the test database) and Redis
(cache and RQ tasks), behind nginx configured from ``deploy/nginx/``. An
editor publishes an article in the admin of one of them; readers get it from
both, and through nginx, within 5 seconds. Then one app server is killed and
readers keep being served through nginx.

Needs PostgreSQL (``DATABASE_URL``) and Redis (see masthead/tests/redis.py);
skipped without them (without Redis it fails instead under
``MASTHEAD_REQUIRE_REDIS=1`` or in CI).
"""

import http.cookiejar
import os
import re
import time
import urllib.parse
import urllib.request
import uuid

import pytest
import redis
from django.db import connection

from masthead import stack
from masthead.news.factories import ArticlePageFactory
from masthead.news.models import RelatedArticle
from masthead.testing import confirmed_totp_device, free_port, totp_code
from masthead.tests.redis import redis_url

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="scale-out needs PostgreSQL: set DATABASE_URL",
    ),
]

PUBLISH_TO_LIVE = 5.0


def database_url() -> str:
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    return f"postgres://{auth}@{host}/{db['NAME']}"


class Editor:
    """An editor's browser without the browser: cookies, CSRF tokens, forms."""

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def open(self, path: str, data: dict | None = None) -> tuple[str, str]:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data else None
        request = urllib.request.Request(self.base + path, data=body)  # noqa: S310
        with self.opener.open(request, timeout=30) as response:
            return response.url, response.read().decode()

    def submit(self, path: str, fields: dict) -> tuple[str, str]:
        _, page = self.open(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token, f"no form on {path}"
        return self.open(path, {"csrfmiddlewaretoken": token.group(1), **fields})


def test_two_app_servers_behind_nginx_publish_to_both_and_survive_one_down(
    section, django_user_model
):
    env_database = database_url()
    url = redis_url()
    if stack.ensure_tool("nginx") is None:
        pytest.skip("nginx is not installed (apt-get install nginx)")
    prefix = f"test-{uuid.uuid4().hex}"  # other runs may share this Redis

    editor_user = django_user_model.objects.create_superuser(
        "editor", "editor@news.example", "a long editor password"
    )
    device = confirmed_totp_device(editor_user)
    tags = ["floods", "korvik"]
    live = ArticlePageFactory(
        parent=section, title="Already out", slug="already-out", tag_names=tags
    )
    draft = ArticlePageFactory(
        parent=section, title="Floods in Korvik", slug="floods", tag_names=tags
    )
    draft.unpublish()
    RelatedArticle.objects.filter(article=draft).delete()  # the worker's job

    ports = [free_port(), free_port()]
    front = free_port()
    folder = stack.scratch_folder("masthead-scale-")
    var_dir = folder / "var"
    env = {
        **os.environ,
        "DATABASE_URL": env_database,
        "CACHE_URL": f"{url}?key_prefix={prefix}",
        "TASKS_URL": url,
        "MASTHEAD_VAR_DIR": str(var_dir),
        "SITE_URL": f"http://127.0.0.1:{front}",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
    }
    env.pop("TASKS_BACKEND")  # the tests' inline tasks: here, RQ's
    conf = stack.nginx_config(folder, port=front, app_ports=ports, var_dir=var_dir)
    servers, worker = [], None
    try:
        worker = stack.subprocess.Popen(
            [stack.sys.executable, "-m", "masthead.cli", "worker", "--interval", "1"],
            env=env,
            start_new_session=True,
        )
        servers = [stack.granian(port, env) for port in ports]
        for port, server in zip(ports, servers, strict=True):
            stack.wait_until_up(f"http://127.0.0.1:{port}/healthz", process=server)
        with stack.nginx(conf):
            stack.wait_until_up(f"http://127.0.0.1:{front}/healthz")
            bases = [f"http://127.0.0.1:{port}" for port in [*ports, front]]
            article = f"/{section.slug}/floods/"
            for base in bases:  # every cache holds the section without the draft
                assert stack.get(base + article)[0] == 404
                assert b"Floods in Korvik" not in stack.get(base + section.url)[2]

            editor = Editor(bases[0])
            editor.submit(
                "/admin/login/?next=/admin/",
                {"username": "editor", "password": "a long editor password"},
            )
            landed, _ = editor.submit(
                "/admin/two-factor/verify/?next=/admin/", {"token": totp_code(device)}
            )
            assert landed.endswith("/admin/"), landed
            landed, _ = editor.submit(
                f"/admin/bulk/wagtailcore/page/publish/?id={draft.pk}"
                f"&next=/admin/pages/{section.pk}/",
                {},
            )
            published = time.monotonic()
            assert f"/admin/pages/{section.pk}/" in landed

            waiting = set(bases)
            while waiting and time.monotonic() - published < PUBLISH_TO_LIVE:
                for base in list(waiting):
                    status, _, body = stack.get(base + article)
                    listing = stack.get(base + section.url)[2]
                    if status == 200 and b"Floods in Korvik" in listing:
                        assert b"Floods in Korvik" in body
                        waiting.discard(base)
                time.sleep(0.1)
            assert not waiting, f"not live within {PUBLISH_TO_LIVE} s on {waiting}"

            # The worker ran "Read more" for it on RQ: both articles share tags.
            read_more = RelatedArticle.objects.filter(article=draft, related=live)
            deadline = time.monotonic() + PUBLISH_TO_LIVE
            while time.monotonic() < deadline and not read_more.exists():
                time.sleep(0.2)
            assert read_more.exists()

            stack.stop(servers[1], kill=True)
            paths = ["/", section.url, article, live.url, "/feed.xml", "/healthz"]
            statuses = []
            deadline = time.monotonic() + 3
            while time.monotonic() < deadline:
                for path in paths:
                    statuses.append(stack.get(bases[2] + path + "?n=1")[0])
            assert len(statuses) > len(paths)
            assert set(statuses) == {200}, statuses
    finally:
        for server in servers:
            stack.stop(server)
        if worker is not None:
            stack.stop(worker)
        connection = redis.Redis.from_url(url)
        for key in connection.scan_iter(f"{prefix}:*"):
            connection.delete(key)
