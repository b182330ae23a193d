"""Live figures in appeal copy, plausible demo results, honest empty results."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone

from masthead.appeals import demo as appeals_demo
from masthead.appeals import figures
from masthead.appeals.factories import appeal_donation
from masthead.appeals.models import Appeal, AppealVariant, DailyCount
from masthead.appeals.selectors import appeal_results
from masthead.funding import demo as funding_demo
from masthead.funding.models import FundingSettings
from masthead.testing import sign_in_verified

pytestmark = pytest.mark.django_db


def _set_goal(minor: int) -> None:
    goal = FundingSettings.load()
    goal.goal_minor = minor
    goal.save()


def test_fill_replaces_known_figures_and_keeps_other_braces():
    values = {"goal": "$10,000", "raised": "$4,870", "percent": "48%"}
    text = "We need {goal}; {raised} so far ({percent}). {name} and {} stay."
    assert figures.fill(text, values) == (
        "We need $10,000; $4,870 so far (48%). {name} and {} stay."
    )
    assert figures.fill("<p>{goal}</p>", {"goal": "<b>"}, html=True) == (
        "<p>&lt;b&gt;</p>"
    )
    assert figures.unknown("{goal} {Goal} {golas} {goal}") == ["{Goal}", "{golas}"]


def test_appeal_copy_shows_the_live_figures_and_follows_the_goal(
    client, appeal_factory, long_article, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _set_goal(200_000)
    appeal_factory(
        "end",
        variants=[
            {
                "headline": "Running us costs {goal} a month",
                "body": "<p>Readers gave {raised}: {percent} of it.</p>",
                "button_label": "Help with {goal}",
            }
        ],
    )
    with django_capture_on_commit_callbacks(execute=True):
        appeal_donation("end", "A", minor=50_000)
    html = client.get(long_article.url).content.decode()
    assert "Running us costs $2,000 a month" in html
    assert "<p>Readers gave $500: 25% of it.</p>" in html
    assert "Help with $2,000" in html
    assert "{goal}" not in html
    # A new goal reaches the copy as it reaches the meter.
    with django_capture_on_commit_callbacks(execute=True):
        _set_goal(1_000_000)
    html = client.get(long_article.url).content.decode()
    assert "Running us costs $10,000 a month" in html
    assert "Readers gave $500: 5% of it." in html


def test_a_figure_that_does_not_exist_is_refused(appeal_factory):
    appeal = appeal_factory("end")
    variant = AppealVariant(
        appeal=appeal, headline="We need {golas}", body="<p>{raised}</p>"
    )
    with pytest.raises(ValidationError) as error:
        variant.full_clean()
    assert "{golas} is not a figure" in str(error.value.message_dict["headline"])
    assert "body" not in error.value.message_dict


def test_the_demo_copy_follows_the_goal(client, long_article):
    appeals_demo.build()
    banner = Appeal.objects.get(key="banner").variants.get()
    assert "$10,000" not in banner.headline
    assert "{goal}" in banner.headline
    _set_goal(1_200_000)
    html = client.get(long_article.url).content.decode()
    assert "costs $12,000 a month" in html


def test_the_demo_results_are_plausible(db):
    appeals_demo.build()
    funding_demo.build()
    today = timezone.localdate(timezone=timezone.get_default_timezone())
    since = today - timezone.timedelta(days=appeals_demo.DAYS - 1)
    for appeal in Appeal.objects.all():
        report = appeal_results(appeal, since=since, until=today)
        for row in report.days:
            assert 0 < row.clicks < row.impressions, row
            assert row.donations < row.clicks, row
        for variant in report.variants:
            click_rate = variant.clicks / variant.impressions
            assert 0.003 <= click_rate <= 0.02, (appeal.key, variant.key, click_rate)
            giving = variant.donations / variant.clicks
            assert giving <= 0.2, (appeal.key, variant.key, giving)
            assert variant.snoozes < variant.impressions * 0.1


def test_a_variant_without_data_says_so(client, appeal_factory):
    appeal = appeal_factory(
        "favour", variants=[{"headline": "One"}, {"headline": "Two, new"}]
    )
    DailyCount.objects.create(
        appeal=appeal,
        variant="A",
        day=timezone.localdate(),
        impressions=2000,
        clicks=40,
    )
    sign_in_verified(
        client,
        get_user_model().objects.create_superuser("editor", "e@example.org", "pw"),
    )
    html = client.get(f"/admin/appeals/{appeal.pk}/results/").content.decode()
    table = html[html.index('class="listing appeal-variants"') :]
    table = table[: table.index("</table>")]
    row_b = table[table.index("Two, new") :]
    assert "No data yet" in row_b
    assert "0.00%" not in row_b
    # Variant A has data: no donations out of 2,000 is a result, with its interval.
    assert "2,000" in table
    assert "0.00%–0.19%" in table
