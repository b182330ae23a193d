"""The support page and starting a checkout: clear errors, nothing lost."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from masthead.funding import providers
from masthead.funding.models import (
    Donation,
    DonationIntent,
    DonationOption,
    LedgerEntry,
)

pytestmark = pytest.mark.django_db

GOOD = {
    "frequency": "month",
    "currency": "USD",
    "amount": "500",
    "custom_amount": "",
    "email": "Reader@Example.org",
    "name": "A reader",
    "provider": "dummy",
    "website": "",
}


def post(client, **changes):
    return client.post("/support/checkout/", {**GOOD, **changes})


def test_support_page_is_cookie_free_and_cacheable(client, home):
    response = client.get("/support/")
    assert response.status_code == 200
    assert not response.cookies
    assert response["Cache-Control"] == "public, max-age=60"


def test_monthly_is_preselected_with_default_presets(client, home):
    response = client.get("/support/")
    html = response.content.decode()
    assert 'href="?frequency=month&amp;currency=USD" aria-current="true"' in html
    amounts = response.context["form"].fields["amount"].choices
    assert [label for _, label in amounts] == ["$2", "$5", "$10", "$25", "Other"]
    one_time = client.get("/support/?frequency=one_time&currency=EUR").context["form"]
    assert [label for _, label in one_time.fields["amount"].choices][:4] == [
        "€10",
        "€25",
        "€50",
        "€100",
    ]


def test_presets_and_minimum_are_editable(client, home):
    DonationOption.objects.create(
        currency="GBP",
        frequency="month",
        presets_minor=[300, 700, 1500],
        minimum_minor=300,
    )
    form = client.get("/support/?currency=GBP").context["form"]
    assert [label for _, label in form.fields["amount"].choices] == [
        "£3",
        "£7",
        "£15",
        "Other",
    ]
    response = post(client, currency="GBP", amount="other", custom_amount="2.50")
    assert response.status_code == 400
    assert "The smallest amount we can take is £3." in response.content.decode()


def test_a_valid_form_starts_one_checkout(client, home):
    response = post(client)
    intent = DonationIntent.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/support/pay/{intent.public_id}/"
    assert intent.amount_minor == 500
    assert intent.email == "reader@example.org"
    assert intent.frequency == "month"


def test_a_double_submitted_form_starts_one_checkout(client, home):
    first = post(client)
    second = post(client)
    assert first["Location"] == second["Location"]
    assert DonationIntent.objects.count() == 1


@pytest.mark.parametrize(
    ("custom", "message"),
    [
        ("", "Enter an amount."),
        ("0", "Enter an amount above zero."),
        ("-5", "Enter an amount above zero."),
        ("ten", "Enter the amount as a number"),
        ("1.999", "at most 2 decimal places"),
        ("1" * 12, "That amount is too large."),
        ("1.50", "The smallest amount we can take is $2."),
    ],
)
def test_bad_custom_amounts_get_a_clear_error(client, home, custom, message):
    response = post(client, amount="other", custom_amount=custom)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert response["Cache-Control"] == "no-store"
    assert not DonationIntent.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [
        {"currency": "XYZ"},
        {"frequency": "weekly"},
        {"amount": "1"},  # not one of the presets
        {"email": "not-an-email"},
        {"provider": "nowhere"},
    ],
)
def test_tampered_fields_are_refused(client, home, changes):
    assert post(client, **changes).status_code == 400
    assert not DonationIntent.objects.exists()


def test_the_honeypot_refuses_bots_without_saying_why(client, home):
    response = post(client, website="http://spam.example")
    assert response.status_code == 400
    assert "We could not start your donation." in response.content.decode()
    assert not DonationIntent.objects.exists()


def test_cross_site_posts_are_refused(client, home):
    response = client.post("/support/checkout/", GOOD, HTTP_SEC_FETCH_SITE="cross-site")
    assert response.status_code == 400
    assert not DonationIntent.objects.exists()


def test_checkouts_are_rate_limited_per_email(client, home, settings):
    settings.FUNDING_CHECKOUT_LIMITS = {"PER_IP": 100, "PER_EMAIL": 2, "WINDOW": 60}
    for amount in ("200", "500"):
        assert post(client, amount=amount).status_code == 302
    response = post(client, amount="1000")
    assert response.status_code == 400
    assert "We could not start your donation." in response.content.decode()
    assert DonationIntent.objects.count() == 2


def test_checkouts_are_rate_limited_per_address(client, home, settings):
    settings.FUNDING_CHECKOUT_LIMITS = {"PER_IP": 1, "PER_EMAIL": 100, "WINDOW": 60}
    assert post(client, email="a@example.org").status_code == 302
    assert post(client, email="b@example.org").status_code == 400


def test_the_dummy_provider_pays_and_the_meter_moves(
    client, home, django_capture_on_commit_callbacks
):
    location = post(client, amount="2500")["Location"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(location, {"outcome": "pay"})
    assert response["Location"] == "/support/thanks/"
    donation = Donation.objects.get()
    assert donation.amount_minor == 2500
    assert donation.recurring.status == "active"
    assert sum(LedgerEntry.objects.values_list("amount_minor", flat=True)) == 2500
    thanks = client.get("/support/thanks/").content.decode()
    assert "$25 from 1 supporter." in thanks


def test_a_declined_dummy_payment_records_nothing(
    client, home, django_capture_on_commit_callbacks
):
    location = post(client, appeal="favour", variant="B")["Location"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(location, {"outcome": "decline"})
    # Back to the form as the reader left it, still crediting the appeal.
    assert response["Location"] == (
        "/support/?frequency=month&currency=USD&appeal=favour&variant=B&declined=1"
    )
    assert not Donation.objects.exists()
    assert DonationIntent.objects.get().status == "failed"


def test_webhooks_for_unknown_providers_are_404(client, db):
    assert (
        client.post(
            "/funding/webhooks/nowhere/", b"{}", content_type="application/json"
        ).status_code
        == 404
    )


def test_the_dummy_provider_takes_no_webhooks(client, db):
    response = client.post(
        "/funding/webhooks/dummy/", b"{}", content_type="application/json"
    )
    assert response.status_code == 400


def test_a_zero_decimal_currency_works_once_added(client, home):
    DonationOption.objects.create(
        currency="JPY",
        frequency="one_time",
        presets_minor=[500, 1000, 3000],
        minimum_minor=300,
    )
    page = client.get("/support/?frequency=one_time&currency=JPY")
    labels = [label for _, label in page.context["form"].fields["amount"].choices]
    assert labels == ["¥500", "¥1,000", "¥3,000", "Other"]
    assert "JPY" in page.context["currencies"]
    response = post(
        client,
        frequency="one_time",
        currency="JPY",
        amount="other",
        custom_amount="1500",
    )
    assert response.status_code == 302
    intent = DonationIntent.objects.get()
    assert (intent.amount_minor, intent.currency) == (1500, "JPY")
    bad = post(
        client,
        frequency="one_time",
        currency="JPY",
        amount="other",
        custom_amount="1500.5",
        email="b@example.org",
    )
    assert "at most 0 decimal places" in bad.content.decode()


@pytest.mark.parametrize(
    "query",
    ["amount=%C2%B2", "amount=99999999999999999999", "amount=-5", "amount=5e3"],
)
def test_odd_preselected_amounts_are_ignored(client, home, query):
    response = client.get(f"/support/?frequency=month&currency=USD&{query}")
    assert response.status_code == 200
    assert "amount" not in response.context["form"].initial


def test_a_preselected_amount_is_dropped_with_an_unknown_currency(client, home):
    form = client.get("/support/?currency=XYZ&amount=500").context["form"]
    assert form.initial["currency"] == "USD"
    assert "amount" not in form.initial


def _form_action(response) -> str:
    directives = [d.strip() for d in response["Content-Security-Policy"].split(";")]
    (form_action,) = [d for d in directives if d.startswith("form-action")]
    return form_action


def test_form_action_allows_exactly_the_checkout_origins_of_configured_providers(
    client, home, settings
):
    # The test settings configure Stripe (its Checkout origin), manual and dummy.
    response = client.get("/support/")
    assert _form_action(response) == "form-action 'self' https://checkout.stripe.com"
    # A re-rendered form posts again, so its answer carries the same list.
    bad = post(client, amount="other", custom_amount="1", provider="stripe")
    assert bad.status_code == 400
    assert _form_action(bad) == "form-action 'self' https://checkout.stripe.com"

    settings.FUNDING_PROVIDERS = {
        "stripe": {
            "BACKEND": "masthead.funding.providers.stripe.StripeProvider",
            "CHECKOUT_ORIGIN": "http://127.0.0.1:8421",
        },
        "manual": {"BACKEND": "masthead.funding.providers.manual.ManualProvider"},
    }
    response = client.get("/support/?frequency=one_time")
    assert _form_action(response) == "form-action 'self' http://127.0.0.1:8421"


def test_same_origin_rails_allow_no_other_origin(client, home, settings):
    settings.FUNDING_PROVIDERS = {
        "manual": {"BACKEND": "masthead.funding.providers.manual.ManualProvider"},
        "dummy": {"BACKEND": "masthead.funding.providers.dummy.DummyProvider"},
    }
    response = client.get("/support/")
    assert _form_action(response) == "form-action 'self'"


@pytest.mark.parametrize(
    "origin", ["https://*.stripe.com", "*", "https://checkout.stripe.com/pay", "data:"]
)
def test_a_checkout_origin_that_is_not_one_origin_is_refused(origin, settings):
    settings.FUNDING_PROVIDERS = {
        "stripe": {
            "BACKEND": "masthead.funding.providers.stripe.StripeProvider",
            "CHECKOUT_ORIGIN": origin,
        }
    }
    with pytest.raises(ImproperlyConfigured, match="is not an origin"):
        providers.redirect_origins()
