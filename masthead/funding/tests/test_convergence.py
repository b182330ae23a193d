"""The ledger converges on Stripe's truth by itself, whatever the order of events.

Each test is one way it once did not (issue 8), with events shaped like the
current API, signed with Stripe's algorithm and posted to the webhook, and
a stand-in for Stripe's API on another port for what reconcile and the
provider's calls read.
"""

import logging
from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.test import Client
from django.utils import timezone

from masthead.funding import demo as funding_demo
from masthead.funding import factories, services
from masthead.funding.factories import stripe_events as se
from masthead.funding.models import (
    Donation,
    Frequency,
    LedgerEntry,
    ProviderEvent,
    ReconcileRun,
    RecurringDonation,
)
from masthead.funding.money import Money
from masthead.funding.providers.base import RawEvent
from masthead.funding.tasks import worker_round
from masthead.funding.views import DONOR_SESSION_KEY

pytestmark = pytest.mark.django_db
URL = "/funding/webhooks/stripe/"


@pytest.fixture
def post(client, django_capture_on_commit_callbacks, stripe_standin):
    def post(data: dict):
        body = se.body(data)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                URL, body, content_type="application/json",
                HTTP_STRIPE_SIGNATURE=se.sign(body),
            )  # fmt: skip
        assert response.status_code == 200, response.content
        return response

    return post


def net() -> int:
    return sum(LedgerEntry.objects.values_list("amount_minor", flat=True))


def at(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, tz=UTC)


def recurring_story(intent, start: int) -> list[dict]:
    """A monthly donation from ``start``: checkout, subscription, first payment."""
    return [
        se.event("evt_cs", "checkout.session.completed",
                 se.checkout_session(intent), created=start),
        se.event("evt_sub", "customer.subscription.created",
                 se.subscription(intent=intent, amount=intent.amount_minor),
                 created=start + 1),
        se.event("evt_in1", "invoice.paid",
                 se.invoice(intent=intent, amount=intent.amount_minor),
                 created=start + 2),
    ]  # fmt: skip


# 2. and 3. -----------------------------------------------------------------


def test_reconcile_stores_decimal_fields_and_converges_in_one_run(
    stripe_standin, start_intent
):
    """Missed subscription and invoice events carry *_decimal fields, which
    stripe's to_dict() turns into Decimal; the run neither crashes on them nor
    needs a second pass to apply a refund and a cancellation."""
    intent = start_intent(amount=Money(1000, "USD"), frequency=Frequency.MONTHLY)
    start = 1_795_000_000
    stripe_standin.events = [
        *recurring_story(intent, start),
        se.event("evt_re", "charge.refunded",
                 se.charge_refunded(payment_intent="pi_inv_1"), created=start + 3),
        se.event("evt_del", "customer.subscription.deleted",
                 se.subscription(status="canceled"), created=start + 4),
    ]  # fmt: skip
    report = services.funding_reconcile(since=at(start - 86400))
    assert report.failed == []
    assert (report.listed, report.new, report.processed) == (5, 5, 5)
    stored = ProviderEvent.objects.get(event_id="evt_sub").payload
    assert stored["data"]["object"]["items"]["data"][0]["plan"]["amount_decimal"] == (
        "1000"
    )
    assert net() == 1000 - 400
    recurring = RecurringDonation.objects.get()
    assert recurring.status == RecurringDonation.Status.CANCELED
    # Stored in the order Stripe created them, though Stripe lists newest first.
    assert list(
        ProviderEvent.objects.order_by("pk").values_list("event_id", flat=True)
    ) == ["evt_cs", "evt_sub", "evt_in1", "evt_re", "evt_del"]


# 4. --------------------------------------------------------------------------


def test_an_event_before_what_it_needs_is_retried_by_the_worker_with_backoff(
    post, start_intent, stripe_standin, settings
):
    settings.FUNDING_RECONCILE = {"EVERY": 0, "DAYS": 3}  # retries alone
    intent = start_intent(amount=Money(1000, "USD"))
    # Current API: a charge.refunded event no longer lists its refunds.
    refunded = se.charge_refunded(payment_intent="pi_test_1")
    stripe_standin.refunds["ch_test_1"] = refunded.pop("refunds")["data"]
    post(se.event("evt_re", "charge.refunded", refunded))
    waiting = ProviderEvent.objects.get(event_id="evt_re")
    assert waiting.processed_at is None
    assert waiting.next_attempt_at > timezone.now()
    post(se.event("evt_cs", "checkout.session.completed", se.checkout_session(intent)))
    assert net() == 1000

    worker_round()  # too soon: the backoff has not passed
    assert net() == 1000
    worker_round(now=timezone.now() + timedelta(minutes=2))
    assert net() == 600
    assert ProviderEvent.objects.filter(processed_at__isnull=True).count() == 0


def test_a_failed_renewal_before_the_checkout_is_applied_once_it_is_known(
    post, start_intent, settings
):
    settings.FUNDING_RECONCILE = {"EVERY": 0, "DAYS": 3}  # retries alone
    intent = start_intent(amount=Money(1000, "USD"), frequency=Frequency.MONTHLY)
    start = 1_795_000_000
    post(se.event("evt_fail", "invoice.payment_failed", se.invoice(intent=intent),
                  created=start + 100))  # fmt: skip
    for data in recurring_story(intent, start):
        post(data)
    assert RecurringDonation.objects.get().status == RecurringDonation.Status.ACTIVE
    worker_round(now=timezone.now() + timedelta(minutes=2))
    recurring = RecurringDonation.objects.get()
    assert recurring.status == RecurringDonation.Status.PAST_DUE
    assert recurring.past_due_since == at(start + 100)


# 5. --------------------------------------------------------------------------


def test_subscription_state_follows_stripe_not_the_order_of_arrival(post, start_intent):
    intent = start_intent(amount=Money(1000, "USD"), frequency=Frequency.MONTHLY)
    start = 1_795_000_000
    month = 30 * 86400
    failed = [
        se.event("evt_fail", "invoice.payment_failed",
                 se.invoice(intent=intent, invoice_id="in_2"), created=start + month),
        se.event("evt_pd", "customer.subscription.updated",
                 se.subscription(status="past_due"), created=start + month + 1),
    ]  # fmt: skip
    retried = [
        se.event("evt_in2", "invoice.paid",
                 se.invoice(intent=intent, invoice_id="in_2", payment_intent="pi_2"),
                 created=start + month + 3 * 86400),
        se.event("evt_ok", "customer.subscription.updated",
                 se.subscription(status="active"), created=start + month + 3 * 86400),
    ]  # fmt: skip
    for data in [*recurring_story(intent, start), *retried, *failed]:
        post(data)
    recurring = RecurringDonation.objects.get()
    assert recurring.status == RecurringDonation.Status.ACTIVE
    assert recurring.past_due_since is None
    assert net() == 2000


# 6. --------------------------------------------------------------------------


def test_renewals_after_the_donor_changes_the_amount_are_counted_and_receipted(
    post, start_intent, stripe_standin, client, mailoutbox
):
    intent = start_intent(amount=Money(500, "USD"), frequency=Frequency.MONTHLY)
    start = 1_795_000_000
    for data in recurring_story(intent, start):
        post(data)
    stripe_standin.subscriptions["sub_test_1"] = se.subscription(amount=500)
    recurring = RecurringDonation.objects.get()
    session = client.session
    session[DONOR_SESSION_KEY] = recurring.donor_id
    session.save()
    response = client.post(
        "/support/manage/donations/",
        {"recurring": recurring.pk, "action": "change", "amount": "7"},
    )
    assert response.status_code == 200, response.content
    assert ("POST", "/v1/subscriptions/sub_test_1") in stripe_standin.requests
    month = 30 * 86400
    renewal = se.invoice(intent=intent, amount=700, invoice_id="in_2",
                         payment_intent="pi_2")  # fmt: skip
    post(se.event("evt_in2", "invoice.paid", renewal, created=start + month))
    renewal = Donation.objects.get(provider_payment_id="pi_2")
    assert renewal.status == Donation.Status.SUCCEEDED
    assert net() == 500 + 700
    worker_round()
    assert [m.to for m in mailoutbox] == [[intent.email]] * 2


def test_a_renewal_before_stripes_amount_update_is_counted_when_it_arrives(
    post, start_intent
):
    """An amount changed in Stripe's dashboard: the renewal may come first."""
    intent = start_intent(amount=Money(500, "USD"), frequency=Frequency.MONTHLY)
    start = 1_795_000_000
    for data in recurring_story(intent, start):
        post(data)
    post(se.event("evt_in2", "invoice.paid",
                  se.invoice(intent=intent, amount=900, invoice_id="in_2",
                             payment_intent="pi_2"), created=start + 1000))  # fmt: skip
    assert Donation.objects.get(provider_payment_id="pi_2").status == "review"
    assert net() == 500
    post(se.event("evt_up", "customer.subscription.updated",
                  se.subscription(amount=900), created=start + 500))  # fmt: skip
    assert Donation.objects.get(provider_payment_id="pi_2").status == "succeeded"
    assert net() == 500 + 900
    assert RecurringDonation.objects.get().money == Money(900, "USD")


# 7. --------------------------------------------------------------------------


def test_a_refund_of_a_held_payment_is_counted_with_it(post, start_intent):
    intent = start_intent(amount=Money(2500, "USD"))
    post(se.event("evt_cs", "checkout.session.completed",
                  se.checkout_session(intent, amount=3000)))  # fmt: skip
    held = Donation.objects.get()
    assert held.status == Donation.Status.REVIEW
    post(se.event("evt_re", "charge.refunded",
                  se.charge_refunded(refunds=((1000, "re_1"),))))  # fmt: skip
    assert net() == 0  # nothing taken off what was never counted
    services.donation_review_approve(donation=held)
    assert net() == 3000 - 1000
    assert ProviderEvent.objects.filter(processed_at__isnull=True).count() == 0


# 8. --------------------------------------------------------------------------


def test_payments_recorded_by_the_scheduled_reconcile_get_their_receipt(
    stripe_standin, start_intent, mailoutbox
):
    intent = start_intent(amount=Money(1000, "USD"))
    created = int(timezone.now().timestamp()) - 3600
    stripe_standin.events = [
        se.event("evt_cs", "checkout.session.completed",
                 se.checkout_session(intent), created=created)
    ]  # fmt: skip
    worker_round()
    assert net() == 1000
    assert [m.to for m in mailoutbox] == [[intent.email]]
    worker_round()  # within the hour: no second run, no second receipt
    assert len(mailoutbox) == 1
    assert ("GET", "/v1/events") in stripe_standin.requests


def test_the_scheduled_reconcile_runs_hourly_over_three_days(stripe_standin, settings):
    now = timezone.now()
    worker_round(now=now)
    worker_round(now=now + timedelta(minutes=59))
    worker_round(now=now + timedelta(minutes=61))
    runs = list(ReconcileRun.objects.order_by("started_at"))
    assert [run.started_at for run in runs] == [now, now + timedelta(minutes=61)]
    assert runs[0].since == now - timedelta(days=3)
    settings.FUNDING_RECONCILE = {"EVERY": 0, "DAYS": 3}
    worker_round(now=now + timedelta(days=1))
    assert ReconcileRun.objects.count() == 2


# 9. --------------------------------------------------------------------------


def test_the_demo_works_without_the_dummy_provider_and_reconcile_after_it(
    settings, caplog, capsys
):
    settings.FUNDING_PROVIDERS = {
        "manual": {"BACKEND": "masthead.funding.providers.manual.ManualProvider"}
    }
    assert funding_demo.build() == len(funding_demo.SUPPORTERS)
    assert funding_demo.build() == 0
    assert ProviderEvent.objects.filter(processed_at__isnull=True).count() == 0
    assert net() > 0
    # An event of a provider switched off since is skipped, with a warning.
    services.provider_event_record(
        provider="dummy",
        raw=RawEvent(event_id="evt_left", type="payment.succeeded", payload={}),
    )
    with caplog.at_level(logging.WARNING):
        call_command("funding_reconcile", since="2020-01-01")
    assert "no provider 'dummy' is configured" in caplog.text
    assert "1 skipped" in capsys.readouterr().out
    worker_round()  # the worker skips it too


@pytest.mark.django_db(transaction=True)
def test_no_row_is_locked_while_the_provider_is_called(stripe_standin, start_intent):
    """A refund event lacks its refunds: they are fetched before the lock."""
    intent = start_intent(amount=Money(1000, "USD"))
    client = Client()

    def deliver(data):
        body = se.body(data)
        client.post(URL, body, content_type="application/json",
                    HTTP_STRIPE_SIGNATURE=se.sign(body))  # fmt: skip

    deliver(se.event("evt_cs", "checkout.session.completed",
                     se.checkout_session(intent)))  # fmt: skip
    refunded = se.charge_refunded(payment_intent="pi_test_1")
    stripe_standin.refunds["ch_test_1"] = refunded.pop("refunds")["data"]
    probes = []

    def probe(method, path):
        """From another connection: lock the event row, or fail at once."""
        nowait = connection.features.has_select_for_update_nowait
        try:
            with transaction.atomic():
                rows = ProviderEvent.objects.filter(event_id="evt_re")
                list(rows.select_for_update(nowait=nowait))
                rows.update(error="")  # SQLite: waits for the writer, then fails
            probes.append("free")
        except DatabaseError:
            probes.append("locked")
        finally:
            connection.close()

    stripe_standin.on_request = probe
    deliver(se.event("evt_re", "charge.refunded", refunded))
    assert probes == ["free"]
    assert net() == 600


def test_not_ready_events_back_off_to_hourly_and_stop_after_three_days(db):
    refund = factories.dummy_refund(payment_id="pay_unknown", amount=Money(100, "USD"))
    stored, _ = services.provider_event_record(provider="dummy", raw=refund)
    delays = []
    for _ in range(8):
        before = timezone.now()
        assert not services.provider_event_process(event_id=stored.pk)
        stored.refresh_from_db()
        delays.append(round((stored.next_attempt_at - before).total_seconds() / 60))
    assert delays == [1, 2, 4, 8, 16, 32, 60, 60]
    assert "EventNotReady" in stored.error
    ProviderEvent.objects.filter(pk=stored.pk).update(
        received_at=timezone.now() - timedelta(days=3, minutes=1)
    )
    services.provider_event_process(event_id=stored.pk)
    stored.refresh_from_db()
    assert stored.next_attempt_at is None  # left for reconcile and the team
