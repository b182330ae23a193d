"""`masthead audit` in chromium: a clean site and its export pass; a planted
third-party request, cookie, console error or CSP violation fails the audit."""

import json
import os
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import CommandError, call_command

from masthead.mirrors.audit import find_chromium
from masthead.mirrors.export import export_site
from masthead.mirrors.services import mirror_add
from masthead.news.factories import (
    ArticlePageFactory,
    AuthorFactory,
    InfoPageFactory,
    body_blocks,
    hours_ago,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

READER_PAGE_TYPES = {
    "front",
    "section",
    "article",
    "author",
    "tag",
    "search",
    "support",
    "mirrors",
    "info",
}


@pytest.fixture(autouse=True)
def chromium():
    if find_chromium() is None:
        if os.environ.get("MASTHEAD_REQUIRE_BROWSER"):
            pytest.fail("chromium is required (apt-get install chromium)")
        pytest.skip("chromium is not installed (apt-get install chromium)")


@pytest.fixture
def newsroom(home, section, other_section):
    """A small site with every page type; returns the newest article's maker."""
    mira = AuthorFactory(name="Mira Holm", slug="mira-holm")
    ArticlePageFactory(
        parent=section,
        title="Observers question the turnout",
        authors=[mira],
        tag_names=["elections"],
        first_published_at=hours_ago(5),
    )
    ArticlePageFactory(
        parent=other_section,
        title="Choir banned from festival",
        authors=[AuthorFactory(name="Petr Lind", slug="petr-lind")],
        tag_names=["culture"],
        first_published_at=hours_ago(6),
    )
    InfoPageFactory(parent=home, title="About us", slug="about", show_in_menus=True)
    mirror_add(url="https://lantern.mirror.example")

    def lead_story(html: str):
        """Publish the newest article, which the audit meets first, with ``html``."""
        return ArticlePageFactory(
            parent=section,
            title="Commission bars the candidate",
            slug="commission-bars-the-candidate",
            authors=[mira],
            tag_names=["elections"],
            body=body_blocks(["The decision came late at night.", html]),
            first_published_at=hours_ago(1),
        )

    return lead_story


def audit(*args):
    """Run `masthead audit`; return its JSON report and the CommandError, if any."""
    report_file = args[-1]
    try:
        call_command("audit", *args[:-1], "--json", str(report_file))
    except CommandError as error:
        failure = error
    else:
        failure = None
    return json.loads(report_file.read_text()), failure


@pytest.fixture
def elsewhere():
    """A server on another host (127.0.0.2) that records what reaches it."""
    hits = []

    class Recording(SimpleHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.2", 0), Recording)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.2:{server.server_address[1]}", hits
    server.shutdown()
    server.server_close()


def test_a_clean_site_passes_with_every_page_type(
    live_server, newsroom, tmp_path, capsys
):
    newsroom("Nothing planted here.")
    report, failure = audit(live_server.url + "/", tmp_path / "report.json")
    assert failure is None
    assert report["ok"] and report["violations"] == []
    assert READER_PAGE_TYPES <= set(report["kinds"])
    for kind in report["kinds"].values():
        assert kind["third_party_hosts"] == [] and kind["cookies"] == []
    article = report["kinds"]["article"]
    assert article["requests_max"] >= 4 and article["bytes_max"] > 10_000
    out = capsys.readouterr()
    assert "OK: no third-party request" in out.out
    assert "[  1/" in out.err  # progress while crawling


def test_a_planted_third_party_image_fails_and_is_never_fetched(
    live_server, newsroom, elsewhere, tmp_path, capsys
):
    other, hits = elsewhere
    newsroom(f'<img src="{other}/x.png" alt="">')
    report, failure = audit(
        live_server.url + "/", "--max-pages", "6", tmp_path / "report.json"
    )
    assert failure is not None and failure.returncode == 1
    article = "politics/commission-bars-the-candidate/"
    found = {(v["kind"], v["path"], v["what"]) for v in report["violations"]}
    # The site's CSP refuses it too; an export, served without one, would not.
    assert found == {("article", article, "third-party"), ("article", article, "csp")}
    third = [v["detail"] for v in report["violations"] if v["what"] == "third-party"]
    assert third == [f"{other}/x.png"]
    assert report["kinds"]["article"]["third_party_hosts"] == [other[len("http://") :]]
    assert hits == []  # the audit blocked it
    table = capsys.readouterr().out
    assert "FAILED" in table
    assert f"{article}  third-party" in table


def test_a_planted_cookie_fails(live_server, newsroom, settings, tmp_path):
    settings.ROOT_URLCONF = "masthead.mirrors.tests.e2e.planted_urls"
    newsroom('<script src="/planted/cookie.js"></script>')
    report, failure = audit(
        live_server.url + "/", "--max-pages", "6", tmp_path / "report.json"
    )
    assert failure is not None and failure.returncode == 1
    assert [(v["kind"], v["what"], v["detail"]) for v in report["violations"]] == [
        ("article", "cookie", "planted")
    ]
    assert report["kinds"]["front"]["cookies"] == []


def test_a_planted_console_error_and_inline_script_fail(
    live_server, newsroom, settings, tmp_path
):
    settings.ROOT_URLCONF = "masthead.mirrors.tests.e2e.planted_urls"
    newsroom(
        '<script src="/planted/error.js"></script>'
        "<script>document.title = 'inline';</script>"
    )
    report, failure = audit(
        live_server.url + "/", "--max-pages", "6", tmp_path / "report.json"
    )
    assert failure is not None and failure.returncode == 1
    found = {(v["kind"], v["what"]) for v in report["violations"]}
    assert found == {("article", "console"), ("article", "csp")}
    details = {v["what"]: v["detail"] for v in report["violations"]}
    assert details["console"] == "planted error"
    assert details["csp"].startswith("script-src-elem blocked inline")


def test_an_export_passes_served_from_its_folder(newsroom, tmp_path, capsys):
    newsroom("Nothing planted here.")
    export_site(tmp_path / "site")
    report, failure = audit(str(tmp_path / "site"), tmp_path / "report.json")
    assert failure is None, capsys.readouterr().out
    assert READER_PAGE_TYPES <= set(report["kinds"])
    search = [page for page in report["pages"] if page["kind"] == "search"]
    # The search with a query ran the client-side search over its index.
    assert any("/pagefind/" in url for page in search for url in page["request_urls"])
    assert report["target"] == str(tmp_path / "site")


def test_a_third_party_image_in_an_export_fails_and_is_never_fetched(
    newsroom, elsewhere, tmp_path
):
    """No CSP guards a folder on a plain host: the audit's own block must."""
    other, hits = elsewhere
    newsroom(f'<img src="{other}/x.png" alt="">')
    export_site(tmp_path / "site")
    report, failure = audit(
        str(tmp_path / "site"), "--max-pages", "6", tmp_path / "report.json"
    )
    assert failure is not None and failure.returncode == 1
    assert [
        (v["kind"], v["path"], v["what"], v["detail"]) for v in report["violations"]
    ] == [
        (
            "article",
            "politics/commission-bars-the-candidate/",
            "third-party",
            f"{other}/x.png",
        )
    ]
    assert hits == []
