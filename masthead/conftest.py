"""Fixtures shared by every app's tests."""

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.cache import cache
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site

from masthead import pagecache
from masthead.mirrors import selectors as mirrors
from masthead.news.factories import HomePageFactory, SectionPageFactory
from masthead.testing import file_cache_settings, sign_in_verified


@pytest.fixture(autouse=True)
def _isolated(settings, tmp_path):
    """Give each test its own media folder, an empty cache, no mirror snapshot."""
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    mirrors.forget()
    pagecache.forget_local()
    yield
    cache.clear()
    mirrors.forget()
    pagecache.forget_local()


def ensure_wagtail_tree() -> Page:
    """Return the root page, recreating what Wagtail's migrations insert.

    Transactional tests (the browser tests) empty every table afterwards.
    """
    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root"))
    return root


@pytest.fixture
def file_cache(settings, tmp_path):
    """Switch to the default setup's file cache, in a folder of this test."""
    settings.CACHES = file_cache_settings(tmp_path / "cache")
    yield cache
    cache.clear()


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's admin_client, signed in past the second factor.

    Superusers must use one (masthead.accounts); tests of the admin that are
    not about signing in start from a verified session.
    """
    sign_in_verified(client, admin_user)
    return client


@pytest.fixture
def home(db):
    """A front page that is the root of the default site."""
    home = HomePageFactory(parent=ensure_wagtail_tree(), title="The Lantern")
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    return home


@pytest.fixture
def section(home):
    return SectionPageFactory(parent=home, title="Politics", slug="politics")


@pytest.fixture
def other_section(home):
    return SectionPageFactory(parent=home, title="Culture", slug="culture")


# Browser tests -----------------------------------------------------------

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
DOCS_IMAGES = Path(__file__).resolve().parent.parent / "docs" / "images"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def _chromium() -> str | None:
    for candidate in ("/usr/bin/chromium", "/usr/lib/chromium/chromium"):
        if Path(candidate).exists():
            return candidate
    return shutil.which("chromium")


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright; skipped when it is missing."""
    executable = _chromium()
    if executable is None:
        if os.environ.get("MASTHEAD_REQUIRE_BROWSER"):
            pytest.fail("chromium is required (apt-get install chromium)")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    # The ORM runs in the test thread while Playwright holds an event loop.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=executable, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@dataclass
class BrowserPage:
    """A browser tab that records every request and every console error."""

    page: object
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def screenshot(self, name: str, *, of=None, full_page: bool = True) -> Path:
        """Save a screenshot of the page, or of one element (``of``).

        With MASTHEAD_DOCS_SCREENSHOTS set (``make docs-screenshots``), a copy
        goes to docs/images/ too, where the user documentation shows it.
        """
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        if of is not None:
            of.screenshot(path=str(path))
        else:
            self.page.screenshot(path=str(path), full_page=full_page)
        if os.environ.get("MASTHEAD_DOCS_SCREENSHOTS"):
            DOCS_IMAGES.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, DOCS_IMAGES / path.name)
        return path

    def outside_requests(self) -> list[str]:
        return [
            url
            for url in self.requests
            if not url.startswith("data:") and urlsplit(url).hostname != "127.0.0.1"
        ]


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    recorded = BrowserPage(page=page)
    page.on("request", lambda request: recorded.requests.append(request.url))
    page.on(
        "console",
        lambda message: (
            message.type == "error" and recorded.errors.append(message.text)
        ),
    )
    page.on("pageerror", lambda error: recorded.errors.append(str(error)))
    page.on(
        "response",
        lambda response: (
            response.status >= 400
            and recorded.errors.append(f"{response.status} {response.url}")
        ),
    )
    yield recorded
    context.close()
