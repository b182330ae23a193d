"""Stripe webhooks: signatures checked, events stored once, money as Stripe says."""

import re
import time
from pathlib import Path

import pytest

from masthead.funding.factories import stripe_events as se
from masthead.funding.models import (
    Donation,
    DonationIntent,
    Frequency,
    LedgerEntry,
    ProviderEvent,
    RecurringDonation,
)
from masthead.funding.money import Money
from masthead.funding.providers import get_provider
from masthead.funding.providers.base import RawEvent
from masthead.funding.providers.stripe_translation import HANDLERS

pytestmark = pytest.mark.django_db
URL = "/funding/webhooks/stripe/"


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    def post(data: dict, signature: str | None = None, raw: bytes | None = None):
        payload = raw if raw is not None else se.body(data)
        headers = {}
        if signature != "":
            headers["HTTP_STRIPE_SIGNATURE"] = signature or se.sign(payload)
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(URL, payload, content_type="application/json", **headers)

    return post


@pytest.fixture
def intent(start_intent):
    return start_intent(amount=Money(2500, "USD"))


def net() -> int:
    return sum(LedgerEntry.objects.values_list("amount_minor", flat=True))


def test_a_completed_checkout_records_the_payment(post, intent):
    response = post(
        se.event("evt_1", "checkout.session.completed", se.checkout_session(intent))
    )
    assert response.status_code == 200
    donation = Donation.objects.get()
    assert donation.provider == "stripe"
    assert donation.provider_payment_id == "pi_test_1"
    assert donation.money == Money(2500, "USD")
    assert net() == 2500
    assert ProviderEvent.objects.get().processed_at is not None


def test_a_replayed_delivery_is_stored_once_and_counted_once(post, intent):
    data = se.event("evt_1", "checkout.session.completed", se.checkout_session(intent))
    assert post(data).content == b"ok\n"
    assert post(data).content == b"duplicate\n"
    assert ProviderEvent.objects.count() == 1
    assert net() == 2500


@pytest.mark.parametrize(
    "make_signature",
    [
        lambda body: "t=1795000000,v1=" + "0" * 64,  # forged
        lambda body: se.sign(body, secret="whsec_someone_else"),  # wrong secret
        lambda body: se.sign(body + b" "),  # body tampered after signing
        lambda body: se.sign(body, timestamp=int(time.time()) - 600),  # too old
        lambda body: "garbage",
    ],
    ids=["forged", "wrong-secret", "tampered", "too-old", "garbage"],
)
def test_bad_signatures_are_refused_and_nothing_is_stored(post, intent, make_signature):
    data = se.event("evt_1", "checkout.session.completed", se.checkout_session(intent))
    response = post(data, signature=make_signature(se.body(data)))
    assert response.status_code == 400
    assert not ProviderEvent.objects.exists()
    assert net() == 0


def test_a_missing_signature_header_is_refused(post, intent):
    data = se.event("evt_1", "checkout.session.completed", se.checkout_session(intent))
    assert post(data, signature="").status_code == 400
    assert not ProviderEvent.objects.exists()


def test_a_body_that_is_not_an_event_is_refused(post):
    assert post({}, raw=b"not json").status_code == 400
    assert post({"hello": "world"}).status_code == 400
    assert not ProviderEvent.objects.exists()


def test_unknown_event_types_are_stored_acknowledged_and_ignored(post):
    response = post(se.event("evt_9", "customer.tax_id.created", {"id": "txi_1"}))
    assert response.status_code == 200
    assert ProviderEvent.objects.get().processed_at is not None
    assert net() == 0


def test_an_amount_that_differs_is_held_for_review(post, intent):
    session = se.checkout_session(intent, amount=250)
    post(se.event("evt_1", "checkout.session.completed", session))
    assert Donation.objects.get().status == Donation.Status.REVIEW
    assert net() == 0


def test_a_currency_that_differs_is_held_for_review(post, intent):
    session = se.checkout_session(intent, currency="eur")
    post(se.event("evt_1", "checkout.session.completed", session))
    assert Donation.objects.get().status == Donation.Status.REVIEW


def test_delayed_payments_count_only_when_they_succeed(post, intent):
    unpaid = se.checkout_session(intent, payment_status="unpaid")
    post(se.event("evt_1", "checkout.session.completed", unpaid))
    assert net() == 0
    paid = se.checkout_session(intent, payment_status="paid")
    post(se.event("evt_2", "checkout.session.async_payment_succeeded", paid))
    assert net() == 2500


def test_a_delayed_payment_that_fails_marks_the_donation_failed(post, intent):
    failed = se.checkout_session(intent, payment_status="unpaid")
    post(se.event("evt_1", "checkout.session.async_payment_failed", failed))
    assert DonationIntent.objects.get().status == "failed"
    assert net() == 0


def test_monthly_donation_from_checkout_to_renewals(post, start_intent):
    intent = start_intent(amount=Money(1000, "USD"), frequency=Frequency.MONTHLY)
    post(se.event("evt_1", "checkout.session.completed", se.checkout_session(intent)))
    post(se.event("evt_2", "invoice.paid", se.invoice(intent=intent)))
    post(
        se.event(
            "evt_3",
            "invoice.paid",
            se.invoice(
                intent=intent, payment_intent="pi_inv_2", invoice_id="in_test_2"
            ),
        )
    )
    recurring = RecurringDonation.objects.get()
    assert recurring.status == "active"
    assert recurring.money == Money(1000, "USD")
    assert recurring.payments.count() == 2
    assert net() == 2000


def test_invoice_paid_before_anything_else_is_known(post, stripe_standin):
    # No metadata of ours: the interval is asked of Stripe.
    stripe_standin.subscriptions["sub_test_1"] = se.subscription(
        amount=1500, interval="year"
    )
    post(se.event("evt_1", "invoice.paid", se.invoice(amount=1500)))
    recurring = RecurringDonation.objects.get()
    assert recurring.donor.email == "late@example.org"
    assert recurring.interval == "year"
    assert net() == 1500


def test_failed_renewal_then_cancellation(post, start_intent):
    intent = start_intent(amount=Money(1000, "USD"), frequency=Frequency.MONTHLY)
    post(se.event("evt_1", "invoice.paid", se.invoice(intent=intent)))
    post(se.event("evt_2", "invoice.payment_failed", se.invoice(intent=intent)))
    assert RecurringDonation.objects.get().status == "past_due"
    post(
        se.event(
            "evt_3", "customer.subscription.deleted", se.subscription(status="canceled")
        )
    )
    recurring = RecurringDonation.objects.get()
    assert recurring.status == "canceled"
    assert recurring.canceled_at is not None


def test_subscription_updated_changes_the_amount(post, start_intent):
    intent = start_intent(amount=Money(1000, "USD"), frequency=Frequency.MONTHLY)
    post(se.event("evt_1", "invoice.paid", se.invoice(intent=intent)))
    post(
        se.event("evt_2", "customer.subscription.updated", se.subscription(amount=2000))
    )
    assert RecurringDonation.objects.get().money == Money(2000, "USD")


def test_late_invoice_paid_for_a_canceled_donation_records_money_only(
    post, start_intent
):
    intent = start_intent(amount=Money(1000, "USD"), frequency=Frequency.MONTHLY)
    post(se.event("evt_1", "invoice.paid", se.invoice(intent=intent)))
    post(
        se.event(
            "evt_2", "customer.subscription.deleted", se.subscription(status="canceled")
        )
    )
    post(
        se.event(
            "evt_3",
            "invoice.paid",
            se.invoice(
                intent=intent, payment_intent="pi_inv_2", invoice_id="in_test_2"
            ),
        )
    )
    assert RecurringDonation.objects.get().status == "canceled"
    assert net() == 2000


def test_refunds_and_disputes(post, intent):
    post(se.event("evt_1", "checkout.session.completed", se.checkout_session(intent)))
    post(
        se.event(
            "evt_2", "charge.refunded", se.charge_refunded(refunds=[(500, "re_1")])
        )
    )
    both = se.charge_refunded(refunds=[(500, "re_1"), (700, "re_2")])
    post(se.event("evt_3", "charge.refunded", both))
    assert net() == 2500 - 500 - 700
    post(se.event("evt_4", "charge.dispute.created", se.dispute(amount=1300)))
    assert net() == 0
    post(
        se.event(
            "evt_5", "charge.dispute.closed", se.dispute(status="won", amount=1300)
        )
    )
    assert net() == 1300


def test_a_refund_larger_than_the_payment_changes_nothing(post, intent):
    post(se.event("evt_1", "checkout.session.completed", se.checkout_session(intent)))
    response = post(
        se.event(
            "evt_2", "charge.refunded", se.charge_refunded(refunds=[(9999, "re_1")])
        )
    )
    assert response.status_code == 200
    event = ProviderEvent.objects.get(event_id="evt_2")
    assert event.processed_at is None
    assert "exceeds" in event.error
    assert net() == 2500


def test_checkout_parameters_carry_any_amount_and_our_references(start_intent):
    intent = start_intent(amount=Money(1234, "EUR"), frequency=Frequency.ANNUAL)
    params = get_provider("stripe").checkout_params(
        intent,
        success_url="https://news.example/support/thanks/",
        cancel_url="https://news.example/support/",
    )
    assert params["mode"] == "subscription"
    price = params["line_items"][0]["price_data"]
    assert price == {
        "currency": "eur",
        "unit_amount": 1234,
        "product_data": {"name": "Donation"},
        "recurring": {"interval": "year"},
    }
    assert params["client_reference_id"] == str(intent.public_id)
    assert params["subscription_data"]["metadata"]["intent_id"] == str(intent.public_id)


def test_the_readme_lists_exactly_the_event_types_that_stripe_handles():
    """The endpoint set up from the README subscribes to what the code handles."""
    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text()
    section = readme[readme.index("### Connecting Stripe") :]
    section = section[: section.index("\n3. ")]
    listed = re.findall(r"`([a-z_]+(?:\.[a-z_]+)+)`", section)
    assert sorted(listed) == sorted(HANDLERS)
    assert len(listed) == len(set(listed))


@pytest.mark.parametrize("type_", sorted(HANDLERS))
def test_every_handled_event_type_translates_a_current_api_object(type_, intent):
    objects = {
        "checkout": se.checkout_session(intent),
        "invoice": se.invoice(intent=intent),
        "customer": se.subscription(intent=intent),
        "charge.refunded": se.charge_refunded(),
        "charge.dispute": se.dispute(status="won"),
    }
    obj = next(value for key, value in objects.items() if type_.startswith(key))
    provider = get_provider("stripe")
    raw = RawEvent(event_id="evt_t", type=type_, payload=se.event("evt_t", type_, obj))
    translated = provider.translate(raw)
    assert translated, f"{type_} gave no domain event"
