"""Editors type and read money in currency units; it is stored in minor units."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from masthead.appeals.models import Appeal
from masthead.funding.admin_forms import format_money, parse_units
from masthead.funding.admin_views import TransferForm
from masthead.funding.models import (
    Donation,
    DonationOption,
    ExchangeRate,
    FundingSettings,
    LedgerEntry,
)
from masthead.funding.money import Money, MoneyError

pytestmark = pytest.mark.django_db

GOAL_URL = reverse("wagtailsettings:edit", args=["funding", "fundingsettings"])
GOAL_TEXT = "Running ad-free costs us {goal} a month."


def _value(html: str, name: str) -> str:
    tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', html).group(0)
    return re.search(r'value="([^"]*)"', tag).group(1)


def _save_goal(admin_client, amount: str, currency: str):
    edit_url = admin_client.get(GOAL_URL, follow=True).redirect_chain[-1][0]
    return admin_client.post(
        edit_url,
        {"goal_minor": amount, "goal_currency": currency, "goal_text": GOAL_TEXT},
        follow=True,
    )


@pytest.mark.parametrize(
    ("typed", "currency", "minor", "shown"),
    [
        ("10,000", "USD", 1_000_000, "10,000"),
        ("10000", "USD", 1_000_000, "10,000"),
        ("12 500.50", "EUR", 1_250_050, "12,500.50"),
        ("1,500,000", "JPY", 1_500_000, "1,500,000"),
        ("2,000.125", "KWD", 2_000_125, "2,000.125"),
    ],
)
def test_the_goal_is_typed_and_shown_in_currency_units(
    admin_client, typed, currency, minor, shown
):
    page = admin_client.get(GOAL_URL, follow=True).content.decode()
    assert _value(page, "goal_minor") == "10,000"  # the default, $10,000
    assert "minor units" not in page
    response = _save_goal(admin_client, typed, currency)
    assert response.status_code == 200
    goal = FundingSettings.load()
    assert (goal.goal_minor, goal.goal_currency) == (minor, currency)
    page = admin_client.get(GOAL_URL, follow=True).content.decode()
    assert _value(page, "goal_minor") == shown


@pytest.mark.parametrize(
    ("typed", "currency", "message"),
    [
        ("1500.5", "JPY", "JPY amounts have no decimals"),
        ("10.505", "EUR", "Did you mean 10505?"),
        ("10.000", "USD", "Did you mean 10000?"),
        ("10,50", "EUR", "with a point for decimals"),
        ("ten", "USD", "with a point for decimals"),
        ("0", "USD", "above zero"),
    ],
)
def test_a_goal_that_could_be_misread_is_refused_and_nothing_changes(
    admin_client, typed, currency, message
):
    response = _save_goal(admin_client, typed, currency)
    assert message in response.content.decode()
    assert FundingSettings.load().goal_minor == 1_000_000


def test_amounts_are_typed_in_currency_units_stored_in_minor_units_and_listed_as_money(
    admin_client,
):
    add = reverse("wagtailsnippets_funding_donationoption:add")
    response = admin_client.post(
        add,
        {
            "currency": "EUR",
            "frequency": "month",
            "presets_minor": "2.50,5 ,10, 25",
            "minimum_minor": "2.50",
        },
    )
    assert response.status_code == 302, response.content.decode()
    option = DonationOption.objects.get()
    assert (option.minimum_minor, option.presets_minor) == (250, [250, 500, 1000, 2500])
    listing = admin_client.get(
        reverse("wagtailsnippets_funding_donationoption:list")
    ).content.decode()
    assert "€2.50, €5, €10, €25" in listing
    edit = admin_client.get(
        reverse("wagtailsnippets_funding_donationoption:edit", args=[option.pk])
    ).content.decode()
    assert _value(edit, "minimum_minor") == "2.50"
    assert _value(edit, "presets_minor") == "2.50, 5, 10, 25"


def test_yen_presets_are_whole_yen(admin_client):
    response = admin_client.post(
        reverse("wagtailsnippets_funding_donationoption:add"),
        {
            "currency": "JPY",
            "frequency": "one_time",
            "presets_minor": "500, 1000",
            "minimum_minor": "300",
        },
    )
    assert response.status_code == 302, response.content.decode()
    assert DonationOption.objects.get().presets_minor == [500, 1000]


@pytest.mark.parametrize(
    ("presets", "minimum", "message"),
    [
        ("2.50, 5", "1", "“2.50”: JPY amounts have no decimals."),
        ("5, 1,000", "1", "write thousands without a separator: 5, 1000."),
        ("5, ten", "1", "“ten”: Write the amount with a point for decimals"),
        ("5, -3", "1", "“-3”: Enter an amount above zero."),
        (" , ", "1", "Enter at least one amount."),
        ("1, 5, 10", "2", "at least the minimum (¥2)"),
    ],
)
def test_amounts_that_cannot_be_offered_are_refused(
    admin_client, presets, minimum, message
):
    response = admin_client.post(
        reverse("wagtailsnippets_funding_donationoption:add"),
        {
            "currency": "JPY",
            "frequency": "month",
            "presets_minor": presets,
            "minimum_minor": minimum,
        },
    )
    assert response.status_code == 200
    assert escape(message) in response.content.decode()
    assert _value(response.content.decode(), "presets_minor") == escape(presets)
    assert not DonationOption.objects.exists()


def test_a_yen_minimum_has_no_decimals(admin_client):
    response = admin_client.post(
        reverse("wagtailsnippets_funding_donationoption:add"),
        {
            "currency": "JPY",
            "frequency": "month",
            "presets_minor": "500, 1000",
            "minimum_minor": "300",
        },
    )
    assert response.status_code == 302
    assert DonationOption.objects.get().minimum == Money(300, "JPY")


def _paid(number, amount, currency, appeal=""):
    donation = Donation.objects.create(
        provider="dummy",
        provider_payment_id=f"p{number}",
        amount_minor=amount,
        currency=currency,
        status="succeeded",
        received_at=timezone.now(),
        appeal=appeal,
    )
    LedgerEntry.objects.create(
        donation=donation,
        kind="payment",
        provider="dummy",
        provider_object_id=f"p{number}",
        amount_minor=amount,
        currency=currency,
        occurred_at=donation.received_at,
    )


def test_the_dashboard_shows_amounts_in_units_and_appeals_by_name(admin_client):
    Appeal.objects.create(name="Banner: we switched off the ads", key="banner")
    ExchangeRate.objects.create(currency="EUR", rate="1.10")
    _paid(1, 238_000, "USD", appeal="banner")
    _paid(2, 10_000, "EUR")
    _paid(3, 500, "JPY")  # no rate: shown, not converted
    html = admin_client.get("/admin/funding/").content.decode()
    table = html[html.index("funding-by-currency") :]
    table = table[: table.index("</table>")]
    cells = re.findall(r"<td>([^<]*)</td>", table)
    assert cells == [
        "EUR", "€100.00", "$110.00",
        "JPY", "¥500", "no exchange rate",
        "USD", "$2,380.00", "$2,380.00",
    ]  # fmt: skip
    assert "$2,490.00" in table  # the total in the goal currency
    assert "238000" not in html
    appeals = html[html.index("funding-by-appeal") :]
    appeals = appeals[: appeals.index("</table>")]
    assert "Banner: we switched off the ads" in appeals
    assert ">banner<" not in appeals
    assert "No appeal" in appeals
    # Each figure says what it is, and the month's bar is the by-currency total.
    assert "What counts toward the goal" in html
    assert "so far: $2,490.00." in html


def test_the_transfer_form_takes_the_amount_in_currency_units():
    form = TransferForm(
        {
            "reference": "MH-7KQ4-M2XP",
            "amount": "1,250.50",
            "currency": "EUR",
            "received_on": "2026-11-20",
            "transaction_id": "T1",
        }
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["amount"] == 125_050
    form = TransferForm(
        {
            "reference": "MH-7KQ4-M2XP",
            "amount": "1.250",
            "currency": "EUR",
            "received_on": "2026-11-20",
            "transaction_id": "T1",
        }
    )
    assert not form.is_valid()
    assert "Did you mean 1250?" in str(form.errors["amount"])


@pytest.mark.parametrize(
    ("money", "exact", "text"),
    [
        (Money(238_000, "USD"), True, "$2,380.00"),
        (Money(238_000, "USD"), False, "$2,380"),
        (Money(238_050, "USD"), False, "$2,380.50"),
        (Money(12_000, "JPY"), True, "¥12,000"),
        (Money(2_380_000, "KWD"), True, "2,380.000 KWD"),
        (Money(-1_000, "EUR"), True, "−€10.00"),
    ],
)
def test_money_is_formatted_with_its_currencys_decimals(money, exact, text):
    assert format_money(money, exact=exact) == text


def test_parse_units_refuses_more_decimals_than_the_currency_has():
    assert parse_units("0.05", "USD") == Money(5, "USD")
    with pytest.raises(MoneyError, match="at most 2 decimal places"):
        parse_units("0.055", "USD")
