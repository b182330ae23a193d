"""The demo newsroom that `make run` serves."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from taggit.models import Tag

from masthead.appeals.models import Appeal, DailyCount
from masthead.appeals.selectors import appeal_results
from masthead.funding.models import Donation, LedgerEntry
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
    # The demo's donors are fictional: none is waiting for a receipt.
    assert not Donation.objects.filter(receipt_sent_at__isnull=True).exists()
    assert goal_progress().percent > 0
    password = (tmp_path / "admin-password").read_text().strip()
    assert f"Password: {password}" in out
    appeals = {a.key: a for a in Appeal.objects.prefetch_related("variants")}
    assert {key: a.placement for key, a in appeals.items()} == {
        "banner": "banner",
        "end-of-article": "end",
        "inline": "inline",
    }
    assert [v.key for v in appeals["end-of-article"].variants.all()] == ["A", "B"]
    daily = DailyCount.objects.count()
    assert daily > 0
    today = timezone.localdate()
    results = appeal_results(
        appeals["end-of-article"], since=today - timedelta(days=13), until=today
    )
    assert all(v.impressions and v.donations for v in results.variants)

    call_command("demo")
    out = capsys.readouterr().out
    assert f"Password: {password}" in out
    assert Appeal.objects.count() == 3
    assert DailyCount.objects.count() == daily
    assert (
        SectionPage.objects.count(),
        ArticlePage.objects.live().count(),
        Author.objects.count(),
        NewsImage.objects.count(),
        CitedSource.objects.count(),
    ) == counts
    assert selectors.search_article_ids(query="korvik")
    assert LedgerEntry.objects.count() == ledger
