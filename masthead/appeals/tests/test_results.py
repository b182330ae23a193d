"""Attribution of donations to appeals, and the results the team reads."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st
from wagtail.users.models import UserProfile

from masthead.appeals import stats
from masthead.appeals.factories import appeal_donation
from masthead.appeals.models import DailyCount
from masthead.appeals.selectors import appeal_results
from masthead.funding import factories
from masthead.funding.models import Donation, ExchangeRate
from masthead.funding.money import Money
from masthead.testing import sign_in_verified

pytestmark = pytest.mark.django_db


def donate_through(client, link: str) -> None:
    """Follow an appeal's button into the support form and pay (dummy)."""
    page = client.get(link)
    form = page.context["form"]
    data = {
        "frequency": form.initial["frequency"],
        "currency": form.initial["currency"],
        "amount": form.initial["amount"],
        "custom_amount": form.initial.get("custom_amount", ""),
        "email": "reader@example.org",
        "name": "",
        "provider": "dummy",
        "appeal": form.initial["appeal"],
        "variant": form.initial["variant"],
        "website": "",
    }
    checkout = client.post("/support/checkout/", data)
    assert checkout.status_code == 302, checkout.content
    paid = client.post(checkout["Location"], {"outcome": "pay"})
    assert paid["Location"] == "/support/thanks/"


def test_a_donation_is_attributed_to_the_appeal_and_variant_it_came_from(
    client, appeal_factory, long_article, django_capture_on_commit_callbacks
):
    appeal = appeal_factory(
        "favour",
        variants=[
            {"frequency": "month", "amount": 2},
            {"frequency": "one_time", "amount": 15},
        ],
    )
    html = client.get(long_article.url).content.decode()
    link_b = re.search(r'href="([^"]*variant=B[^"]*)"', html)[1].replace("&amp;", "&")
    with django_capture_on_commit_callbacks(execute=True):
        donate_through(client, link_b)
    donation = Donation.objects.get()
    assert (donation.appeal, donation.variant) == ("favour", "B")
    assert (donation.amount_minor, donation.currency) == (1500, "USD")

    DailyCount.objects.create(
        appeal=appeal, variant="B", day=timezone.localdate(), impressions=40
    )
    today = timezone.localdate()
    report = appeal_results(appeal, since=today - timedelta(days=6), until=today)
    by_key = {v.key: v for v in report.variants}
    assert by_key["B"].donations == 1
    assert str(by_key["B"].amount) == "$15"
    assert by_key["B"].impressions == 40
    assert by_key["B"].interval.rate == pytest.approx(1 / 40)
    assert by_key["A"].donations == 0
    assert [(row.variant, row.donations, row.impressions) for row in report.days] == [
        ("B", 1, 40)
    ]
    assert report.totals.donations == 1


def test_renewals_are_not_counted_as_new_conversions(
    client, appeal_factory, long_article, django_capture_on_commit_callbacks
):
    appeal = appeal_factory("favour", variants=[{"frequency": "month", "amount": 5}])
    html = client.get(long_article.url).content.decode()
    link = re.search(r'href="(/support/\?[^"]*)"', html)[1].replace("&amp;", "&")
    with django_capture_on_commit_callbacks(execute=True):
        donate_through(client, link)
    first = Donation.objects.get()
    assert first.recurring is not None
    Donation.objects.create(
        appeal="favour",
        variant="A",
        recurring=first.recurring,
        intent=first.intent,
        provider="dummy",
        provider_payment_id="renewal-1",
        amount_minor=500,
        currency="USD",
        status=Donation.Status.SUCCEEDED,
        received_at=timezone.now(),
    )
    today = timezone.localdate()
    report = appeal_results(appeal, since=today, until=today)
    assert report.variants[0].donations == 1
    assert str(report.variants[0].amount) == "$5"


def test_refunds_come_off_and_a_full_refund_is_no_conversion(appeal_factory):
    appeal = appeal_factory("favour")
    kept = appeal_donation("favour", "A", minor=2000, number=1)
    gone = appeal_donation("favour", "A", minor=1000, number=2)
    for donation, refund in ((kept, 500), (gone, 1000)):
        factories.record(
            factories.dummy_refund(
                payment_id=donation.provider_payment_id,
                refund_id=f"re_{donation.pk}",
                amount=Money(refund, "USD"),
            )
        )
    today = timezone.localdate()
    report = appeal_results(appeal, since=today, until=today)
    assert report.variants[0].donations == 1
    assert str(report.variants[0].amount) == "$15"


def test_days_are_the_newsrooms_whatever_the_editors_time_zone(
    client, appeal_factory, settings
):
    settings.TIME_ZONE = "UTC"
    appeal = appeal_factory("favour")
    today = timezone.localdate()
    DailyCount.objects.create(appeal=appeal, variant="A", day=today, impressions=9)
    admin = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
    sign_in_verified(client, admin)
    # A zone whose date differs from UTC's right now: ahead late in the UTC
    # day, behind early in it.
    zone = "Pacific/Kiritimati" if timezone.now().hour >= 10 else "Pacific/Pago_Pago"
    profile = UserProfile.get_for_user(admin)
    profile.current_time_zone = zone
    profile.save()
    html = client.get(f"/admin/appeals/{appeal.pk}/results/?days=7").content.decode()
    assert f"to {today:%-d %b %Y}, by the newsroom’s days (UTC)" in html
    assert f"<td>{today:%a %-d %b %Y}</td><td>A</td><td>9</td>" in html


def test_amounts_are_converted_to_the_goal_currency(appeal_factory):
    appeal = appeal_factory("favour")
    ExchangeRate.objects.create(currency="EUR", rate="1.10")
    for number, (minor, currency) in enumerate([(1000, "EUR"), (500, "GBP")]):
        appeal_donation("favour", "A", minor=minor, currency=currency, number=number)
    today = timezone.localdate()
    report = appeal_results(appeal, since=today, until=today)
    assert report.variants[0].donations == 2
    assert str(report.variants[0].amount) == "$11"
    assert report.unconverted == ("GBP",)


def test_wilson_interval_matches_known_values():
    interval = stats.wilson(10, 100)
    assert interval.rate == 0.1
    assert interval.low == pytest.approx(0.0552, abs=1e-4)
    assert interval.high == pytest.approx(0.1744, abs=1e-4)
    assert stats.wilson(0, 0) == stats.Interval(0.0, 0.0, 0.0)
    assert stats.wilson(0, 50).low == 0.0


@given(st.integers(0, 10_000), st.integers(1, 10_000))
def test_wilson_interval_contains_the_rate_and_stays_in_bounds(successes, trials):
    interval = stats.wilson(min(successes, trials), trials)
    assert 0.0 <= interval.low <= interval.rate <= interval.high <= 1.0


def test_leader_is_clear_only_when_the_difference_is_unlikely_by_chance():
    clear = stats.leader({"A": (60, 2000), "B": (25, 2000)})
    assert (clear.key, clear.runner_up, clear.clear) == ("A", "B", True)
    early = stats.leader({"A": (3, 100), "B": (2, 100)})
    assert (early.key, early.clear) == ("A", False)
    assert stats.leader({"A": (0, 100), "B": (0, 80)}).key is None
    assert stats.leader({"A": (5, 100)}) == stats.Leader(key="A")


def test_results_pages_show_the_chart_and_the_leader(client, appeal_factory):
    appeal = appeal_factory(
        "favour", variants=[{"headline": "One"}, {"headline": "Two"}]
    )
    today = timezone.localdate()
    DailyCount.objects.create(
        appeal=appeal, variant="A", day=today, impressions=2000, clicks=80
    )
    DailyCount.objects.create(appeal=appeal, variant="B", day=today, impressions=2000)
    for number in range(30):
        appeal_donation("favour", "A", number=number)
    url = f"/admin/appeals/{appeal.pk}/results/"
    assert client.get(url).status_code == 302  # to the login page
    admin = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
    sign_in_verified(client, admin)
    html = client.get(url).content.decode()
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html
    assert "A leads B" in html
    assert "1.50%" in html  # 30 donations from 2,000 impressions
    assert "$150" in html
    index = client.get("/admin/appeals/results/?days=7").content.decode()
    assert "Favour" in index and "A leads B" in index
    assert client.get("/admin/snippets/appeals/appeal/add/").status_code == 200
