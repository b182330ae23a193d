"""Which appeals a page carries."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from masthead import pagecache
from masthead.appeals.models import Appeal, AppealVariant, DailyCount, Placement
from masthead.appeals.selectors import appeals_for
from masthead.appeals.services import appeal_variant_add

pytestmark = pytest.mark.django_db


def keys(appeals) -> list[str]:
    return [appeal.key for appeal in appeals]


def test_appeals_are_grouped_by_place_and_ordered_by_priority(appeal_factory):
    appeal_factory("low", priority=0)
    appeal_factory("high", priority=5)
    appeal_factory("banner", placement=Placement.BANNER)
    appeal_factory("inline", placement=Placement.INLINE)
    assert keys(appeals_for(placement=Placement.END)) == ["high", "low"]
    assert keys(appeals_for(placement=Placement.BANNER)) == ["banner"]
    assert keys(appeals_for(placement=Placement.INLINE)) == ["inline"]


def test_sections_limit_where_an_appeal_shows(appeal_factory, section, other_section):
    appeal_factory("everywhere")
    appeal_factory("politics-only", sections=[section])
    assert keys(appeals_for(placement="end", section_id=section.pk)) == [
        "everywhere",
        "politics-only",
    ]
    assert keys(appeals_for(placement="end", section_id=other_section.pk)) == [
        "everywhere"
    ]
    # Pages outside any section (the front page, tags) get unrestricted ones.
    assert keys(appeals_for(placement="end", section_id=None)) == ["everywhere"]


def test_language_must_match_the_page(appeal_factory):
    appeal_factory("any")
    appeal_factory("russian", language="ru")
    assert keys(appeals_for(placement="end", language="ru")) == ["any", "russian"]
    assert keys(appeals_for(placement="end", language="ru-ua")) == ["any", "russian"]
    assert keys(appeals_for(placement="end", language="en")) == ["any"]


def test_switched_off_ended_and_far_future_appeals_are_left_out(appeal_factory):
    now = timezone.now()
    appeal_factory("off", active=False)
    appeal_factory("ended", ends_at=now - timedelta(minutes=1))
    appeal_factory("next-week", starts_at=now + timedelta(days=7))
    # Starting soon: rendered now, so that cached pages carry it; the
    # reader's device waits for data-start.
    appeal_factory("tonight", starts_at=now + timedelta(hours=3))
    appeal_factory("running", starts_at=now - timedelta(days=1))
    assert keys(appeals_for(placement="end")) == ["tonight", "running"]


def test_an_appeal_that_ends_drops_out_of_the_cached_list(appeal_factory):
    now = timezone.now()
    appeal_factory("short", ends_at=now + timedelta(seconds=30))
    assert keys(appeals_for(placement="end", now=now)) == ["short"]
    assert appeals_for(placement="end", now=now + timedelta(minutes=1)) == []


def test_saving_an_appeal_renews_cached_pages(
    appeal_factory, django_capture_on_commit_callbacks
):
    before = pagecache.generation()
    with django_capture_on_commit_callbacks(execute=True):
        appeal = appeal_factory("changing")
    assert pagecache.generation() > before
    assert keys(appeals_for(placement="end")) == ["changing"]
    with django_capture_on_commit_callbacks(execute=True):
        Appeal.objects.get(pk=appeal.pk).delete()
    assert appeals_for(placement="end") == []


def test_variants_get_stable_letters(appeal_factory):
    appeal = appeal_factory("ab", variants=[{}, {}, {}])
    assert [v.key for v in appeal.variants.all()] == ["A", "B", "C"]
    # A removed variant's letter is not given again once it has results.
    DailyCount.objects.create(appeal=appeal, variant="B", day=date(2026, 11, 1))
    variants = AppealVariant.objects.filter(appeal=appeal)
    variants.get(key="B").delete()
    appeal_variant_add(appeal=appeal, headline="New", button_label="Give")
    assert sorted(variants.values_list("key", flat=True)) == ["A", "C", "D"]
    variants.get(key="D").delete()
    appeal_variant_add(appeal=appeal, headline="Newer", button_label="Go")
    assert sorted(variants.values_list("key", flat=True)) == ["A", "C", "D"]
