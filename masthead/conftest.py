"""Fixtures shared by every app's tests."""

import pytest
from django.core.cache import cache
from wagtail.models import Page, Site

from masthead.news.factories import HomePageFactory, SectionPageFactory


@pytest.fixture(autouse=True)
def _isolated(settings, tmp_path):
    """Give each test its own media folder and an empty cache."""
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home(db):
    """A front page that is the root of the default site."""
    home = HomePageFactory(parent=Page.get_first_root_node(), title="The Lantern")
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


@pytest.fixture
def section(home):
    return SectionPageFactory(parent=home, title="Politics", slug="politics")


@pytest.fixture
def other_section(home):
    return SectionPageFactory(parent=home, title="Culture", slug="culture")
