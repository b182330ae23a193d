"""The demo newsroom that `make run` serves."""

import pytest
from django.core.management import call_command
from taggit.models import Tag

from masthead.funding.models import LedgerEntry
from masthead.funding.selectors import goal_progress
from masthead.news import selectors
from masthead.news.demo import ARTICLES, AUTHORS, SECTIONS
from masthead.news.models import (
    ArticlePage,
    Author,
    CitedSource,
    Correction,
    NewsImage,
    RelatedArticle,
    SectionPage,
)


def test_demo_content_is_big_enough_and_consistent():
    assert len(ARTICLES) >= 40
    assert len(SECTIONS) >= 4
    assert len(AUTHORS) == 6
    section_slugs = {slug for slug, *_ in SECTIONS}
    author_slugs = {slug for slug, *_ in AUTHORS}
    assert len({a["slug"] for a in ARTICLES}) == len(ARTICLES)
    for article in ARTICLES:
        assert article["section"] in section_slugs
        assert set(article["authors"]) <= author_slugs
    assert sum(1 for a in ARTICLES if a["correction"]) == 1


@pytest.mark.django_db
def test_demo_loads_once_and_again_changes_nothing(settings, tmp_path, capsys):
    settings.VAR_DIR = tmp_path
    call_command("demo")
    out = capsys.readouterr().out
    counts = (
        SectionPage.objects.count(),
        ArticlePage.objects.live().count(),
        Author.objects.count(),
        NewsImage.objects.count(),
        CitedSource.objects.count(),
    )
    assert counts[:3] == (len(SECTIONS), len(ARTICLES), len(AUTHORS))
    assert Correction.objects.count() == 1
    assert Tag.objects.count() > 10
    assert RelatedArticle.objects.values("article").distinct().count() > 30
    assert "User: admin" in out
    ledger = LedgerEntry.objects.count()
    assert ledger > 200
    assert goal_progress().percent > 0
    password = (tmp_path / "admin-password").read_text().strip()
    assert f"Password: {password}" in out

    call_command("demo")
    out = capsys.readouterr().out
    assert f"Password: {password}" in out
    assert (
        SectionPage.objects.count(),
        ArticlePage.objects.live().count(),
        Author.objects.count(),
        NewsImage.objects.count(),
        CitedSource.objects.count(),
    ) == counts
    assert selectors.search_article_ids(query="korvik")
    assert LedgerEntry.objects.count() == ledger
