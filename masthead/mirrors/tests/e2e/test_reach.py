"""How to reach us, in a real browser: WCAG 2.2 AA, nothing from elsewhere."""

from datetime import timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone

from masthead.mirrors.models import Kind, Status
from masthead.mirrors.services import mirror_add
from masthead.news.factories import ArticlePageFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@pytest.fixture
def registry(section):
    ArticlePageFactory(parent=section, title="First story")
    mirror_add(url="https://lantern.mirror.example", note="Fast in the east.")
    mirror_add(
        url="https://old.mirror.example",
        status=Status.DEPRECATED,
        retire_on=timezone.localdate() + timedelta(days=9),
    )
    mirror_add(url="http://" + "lanternx" * 7 + ".onion", kind=Kind.ONION)
    mirror_add(url="https://files.example/lantern.zip", kind=Kind.STATIC)
    mirror_add(url="https://t.me/lantern_news", kind=Kind.OTHER, label="Telegram")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_how_to_reach_us_has_no_wcag_violations(tab, live_server, registry, scheme):
    tab.page.emulate_media(color_scheme=scheme)
    axe = Axe()
    found = {}
    for path in ("/mirrors/", "/politics/first-story/"):
        tab.page.goto(live_server.url + path)
        results = axe.run(tab.page, options={"runOnly": WCAG_TAGS})
        if results.violations_count:
            found[path] = results.generate_report()
    assert found == {}
    assert tab.outside_requests() == []
    assert tab.errors == []


def test_a_reader_finds_the_mirrors_from_the_footer(tab, live_server, registry):
    tab.page.goto(live_server.url + "/politics/first-story/")
    tab.page.get_by_role("link", name="How to reach us").click()
    tab.page.wait_for_url(live_server.url + "/mirrors/")
    heading = tab.page.get_by_role("heading", level=1)
    assert heading.inner_text() == "How to reach us"
    assert tab.page.get_by_role("link", name="lantern.mirror.example").count() == 2
    tab.screenshot("mirrors-how-to-reach")
