"""The funding dashboard, its chart and the donations export."""

import csv
import io
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from masthead.funding.models import Donation, Donor, LedgerEntry, RecurringDonation
from masthead.funding.selectors import funding_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def money(db):
    now = timezone.now()
    donor = Donor.objects.create(email="a@example.org", name="Ann")
    recurring = RecurringDonation.objects.create(
        donor=donor,
        provider="dummy",
        provider_subscription_id="s1",
        amount_minor=1200,
        currency="USD",
        interval="year",
        status="active",
        started_at=now,
        appeal="end-of-article",
    )
    for number, (amount, appeal, rec) in enumerate(
        [(2500, "banner", None), (1200, "end-of-article", recurring), (4000, "", None)]
    ):
        donation = Donation.objects.create(
            donor=donor,
            provider="dummy",
            provider_payment_id=f"p{number}",
            amount_minor=amount,
            currency="USD",
            status="succeeded",
            received_at=now,
            appeal=appeal,
            recurring=rec,
        )
        LedgerEntry.objects.create(
            donation=donation,
            kind="payment",
            provider="dummy",
            provider_object_id=f"p{number}",
            amount_minor=amount,
            currency="USD",
            occurred_at=now,
        )
    LedgerEntry.objects.create(
        donation=Donation.objects.get(provider_payment_id="p2"),
        kind="refund",
        provider="dummy",
        provider_object_id="r1",
        amount_minor=-1000,
        currency="USD",
        occurred_at=now,
    )
    Donation.objects.create(
        donor=donor,
        provider="dummy",
        provider_payment_id="held",
        amount_minor=99900,
        currency="USD",
        status="review",
        review_reason="Paid $999 but the donation was started for $10.",
        received_at=now,
    )


def test_the_report_sums_the_months_gifts_by_kind_currency_and_appeal(money):
    report = funding_report()
    assert report.recurring_monthly.minor == 100  # 12.00 a year
    assert report.one_time.minor == 2500 + 4000
    assert report.refunds_and_disputes.minor == 1000
    assert report.new_recurring == 1
    assert report.by_currency == [("USD", 2500 + 1200 + 4000 - 1000)]
    by_appeal = {name: (money.minor, count) for name, money, count in report.by_appeal}
    assert by_appeal == {
        "banner": (2500, 1),
        "end-of-article": (1200, 1),
        "—": (4000, 1),
    }
    assert len(report.history) == 12
    assert report.history[-1].received.minor == 6700
    assert [d.provider_payment_id for d in report.review] == ["held"]


def test_dashboard_shows_figures_and_an_svg_chart(admin_client, money):
    response = admin_client.get("/admin/funding/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Monthly recurring revenue" in html
    start = html.index('class="funding-chart"')
    start = html.rindex("<svg", 0, start)
    svg = html[start : html.index("</svg>", start) + 6]
    root = ET.fromstring(svg)
    bars = root.findall("{http://www.w3.org/2000/svg}rect")
    assert len(bars) == 12
    assert float(bars[-1].get("height")) > 0
    assert "<script" not in svg


def test_approving_a_held_donation_counts_it(admin_client, money):
    held = Donation.objects.get(provider_payment_id="held")
    response = admin_client.post(f"/admin/funding/review/{held.pk}/approve/")
    assert response.status_code == 302
    held.refresh_from_db()
    assert held.status == "succeeded"
    assert LedgerEntry.objects.filter(provider_object_id="held").count() == 1


def test_the_donations_csv_lists_each_donation_in_major_and_minor_units(
    admin_client, money
):
    response = admin_client.get("/admin/funding/donations.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(
        csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode()))
    )
    assert len(rows) == 4
    first = rows[0]
    assert first["amount"] == "25.00"
    assert first["amount_minor"] == "2500"
    assert first["email"] == "a@example.org"


def test_people_without_the_permission_see_nothing(client, money):
    editor = User.objects.create_user("editor", password="x" * 12, is_staff=True)
    client.force_login(editor)
    assert client.get("/admin/funding/").status_code in (302, 403)
    assert client.get("/admin/funding/donations.csv").status_code in (302, 403)
