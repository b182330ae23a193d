"""The export's fast renders write the bytes the site's own views write."""

import io

import pytest
from django.core.cache import cache
from django.core.management import call_command

from masthead.mirrors import generations, sitemap
from masthead.mirrors.exporter import Exporter

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("demo", stdout=io.StringIO())
    cache.clear()


def handler_render(exporter: Exporter, url: str) -> bytes:
    response = exporter.get(url)
    assert response.status_code == 200, url
    return response.content


def test_the_export_sitemap_is_the_sitemap_the_site_serves(demo):
    exporter = Exporter()
    exporter.plan = generations.plan()
    expected = handler_render(exporter, sitemap.PATH)
    assert exporter.site is not None
    fast = sitemap.render(exporter.request(sitemap.PATH), exporter.site)
    assert fast is not None
    assert fast == expected
    assert fast.count(b"<url>") > 20
    assert b"<lastmod>" in fast and b"/tags/" in fast and b"/authors/" in fast
    # And the export writes it, links followed as before.
    target, content, is_html, found, problem = exporter.render(sitemap.PATH)
    assert (target, content, is_html, problem) == ("sitemap.xml", expected, False, "")
    assert "/" in found and any(url.startswith("/tags/") for url in found)


def test_a_sitemap_query_string_is_left_to_the_view(demo):
    exporter = Exporter()
    handler_render(exporter, "/")
    assert sitemap.render(exporter.request("/sitemap.xml?p=2"), exporter.site) is None
