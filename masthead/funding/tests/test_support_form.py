"""The support form's defaults: card chosen, an amount chosen, help below."""

import re

import pytest

from masthead.funding import signups
from masthead.funding.models import DonationIntent, ManualRail

pytestmark = pytest.mark.django_db


@pytest.fixture
def bank(db):
    return ManualRail.objects.create(
        kind="bank", label="SEPA transfer (EUR)", details="IBAN: LT12 1000"
    )


def _radios(html: str, name: str) -> list[tuple[str, bool]]:
    """Return (value, checked) for each radio called ``name``, in page order."""
    tags = re.findall(rf'<input[^>]*type="radio"[^>]*name="{name}"[^>]*>', html)
    return [
        (re.search(r'value="([^"]*)"', tag).group(1), " checked" in tag) for tag in tags
    ]


def test_the_card_comes_first_and_is_chosen_over_a_bank_transfer(
    client, home, bank, settings
):
    # As configured by default without Stripe keys: transfers listed first.
    settings.FUNDING_PROVIDERS = {
        "manual": {"BACKEND": "masthead.funding.providers.manual.ManualProvider"},
        "dummy": {"BACKEND": "masthead.funding.providers.dummy.DummyProvider"},
    }
    html = client.get("/support/").content.decode()
    assert _radios(html, "provider") == [("dummy", True), ("manual", False)]


def test_stripe_is_chosen_when_it_is_there(client, home, bank):
    html = client.get("/support/").content.decode()
    radios = _radios(html, "provider")
    assert radios[0] == ("stripe", True)
    assert radios[-1] == ("manual", False)


def test_the_middle_preset_is_chosen(client, home):
    html = client.get("/support/?frequency=month").content.decode()
    assert _radios(html, "amount") == [
        ("200", False),
        ("500", False),
        ("1000", True),
        ("2500", False),
        ("other", False),
    ]
    html = client.get("/support/?frequency=one_time&currency=EUR").content.decode()
    assert ("5000", True) in _radios(html, "amount")


def test_the_appeals_amount_is_chosen_instead(client, home):
    html = client.get("/support/?frequency=month&amount=500").content.decode()
    assert [v for v, checked in _radios(html, "amount") if checked] == ["500"]
    html = client.get("/support/?frequency=month&amount=700").content.decode()
    assert [v for v, checked in _radios(html, "amount") if checked] == ["other"]
    assert re.search(r'name="custom_amount"[^>]*value="7(\.00)?"', html)


def test_amounts_are_radios_with_their_label_text(client, home):
    html = client.get("/support/?frequency=month").content.decode()
    assert re.search(
        r'<label class="amount-option"><input type="radio" name="amount" '
        r'value="500"[^>]*><span>\$5</span></label>',
        html,
    )


def test_the_email_help_follows_the_field_and_is_announced_with_it(client, home):
    html = client.get("/support/").content.decode()
    field = html.index('name="email"')
    help_text = html.index('id="email-help"')
    assert field < help_text
    assert 'aria-describedby="email-help' in html
    assert 'class="field-help"' in html


def test_without_a_list_registered_the_form_offers_no_tick_and_still_works(
    client, home, monkeypatch
):
    """Funding stands without newsletters: funding.signups then offers nothing."""
    monkeypatch.setattr(signups, "_offer", {})
    page = client.get("/support/").content.decode()
    assert "Send me the newsletter" not in page
    started = client.post(
        "/support/checkout/",
        {
            "frequency": "month",
            "currency": "USD",
            "amount": "500",
            "custom_amount": "",
            "email": "reader@example.org",
            "name": "",
            "provider": "dummy",
            "website": "",
        },
    )
    assert started.status_code == 302
    assert DonationIntent.objects.count() == 1
