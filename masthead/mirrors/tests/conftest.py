"""Fixtures shared by the publishing tests (test_publish, test_targets)."""

import pytest

from masthead.news.factories import ArticlePageFactory


@pytest.fixture
def publish_dir(settings, tmp_path):
    """A working folder of the test's own, and no target configured."""
    settings.MIRRORS_PUBLISH_DIR = tmp_path / "publish"
    settings.MIRROR_TARGETS = {}
    return settings.MIRRORS_PUBLISH_DIR


@pytest.fixture
def harbour_reports(section):
    """Three published articles to export and publish."""
    return [
        ArticlePageFactory(parent=section, title=f"Harbour report {number}")
        for number in range(3)
    ]
