"""A planted upload runs no script in a real browser (issue 9, finding 1)."""

import threading

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.files.base import ContentFile
from django.core.handlers.wsgi import WSGIHandler
from django.core.servers.basehttp import ThreadedWSGIServer
from django.test.testcases import QuietWSGIRequestHandler
from playwright.sync_api import Error as PlaywrightError
from wagtail.documents.models import Document

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

BEACON = "probe-ran"
PROBE_JS = f"fetch('/?{BEACON}=' + document.cookie.length);".encode()
PROBE_HTML = (
    b"<!doctype html><title>probe</title>"
    b"<script>fetch('/?probe-ran=inline')</script><script src='probe.js'></script>"
)
PROBE_SVG = (
    b"<svg xmlns='http://www.w3.org/2000/svg'>"
    b"<script>fetch('/?probe-ran=svg')</script></svg>"
)


@pytest.fixture
def app_server(home):
    """The app as deployed without nginx, files under /media/ included.

    pytest-django's live_server answers /media/ itself (Django's test
    media handler), which would bypass the view under test.
    """
    server = ThreadedWSGIServer(("127.0.0.1", 0), QuietWSGIRequestHandler)
    server.set_app(StaticFilesHandler(WSGIHandler()))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def _open(page, url):
    """Navigate like a reader following a link; return (status, downloaded)."""
    downloads = []

    def record(download):
        downloads.append(download.url)

    page.on("download", record)
    try:
        response = page.goto(url)
    except PlaywrightError:
        # Chromium aborts a navigation that turns into a download.
        page.wait_for_timeout(300)
        response = None
    finally:
        page.remove_listener("download", record)
    return (response.status if response else None), bool(downloads)


def test_planted_documents_and_images_run_no_script(tab, app_server, settings):
    document = Document.objects.create(
        title="probe", file=ContentFile(PROBE_HTML, name="probe.html")
    )
    folder = settings.MEDIA_ROOT / "documents"
    (folder / "probe.js").write_bytes(PROBE_JS)
    images = settings.MEDIA_ROOT / "original_images"
    images.mkdir(parents=True)
    (images / "probe.svg").write_bytes(PROBE_SVG)
    (images / "probe.png").write_bytes(PROBE_HTML)  # HTML that claims to be PNG
    page = tab.page

    assert _open(page, app_server + document.url) == (None, True)
    assert _open(page, app_server + document.file.url)[0] == 404
    assert _open(page, app_server + "/media/documents/probe.js")[0] == 404
    assert _open(page, app_server + "/media/original_images/probe.svg") == (
        None,
        True,
    )
    # Sent as image/png with nosniff: Chromium shows a broken image, not a page.
    assert _open(page, app_server + "/media/original_images/probe.png") == (
        200,
        False,
    )
    page.wait_for_timeout(500)
    assert [url for url in tab.requests if BEACON in url] == []
