"""The ledger equals Stripe's truth, as a property.

A small model of Stripe makes a history of donations (one-time payments and
monthly subscriptions with renewals, failed renewals and their retries,
refunds, disputes won and lost, amount changes and cancellations, over the
last two months and so across a month boundary) and records every event it
would send. Hypothesis then delivers those events to the webhook duplicated,
reordered, two at once and with some dropped; the worker runs its rounds
(retries, and the scheduled reconcile, which lists the model's full event
log from a stand-in for Stripe's API). Afterwards the ledger, each recurring
donation's status and amount, and the goal meter of both months are what
the model says, and every payment has had exactly one receipt.
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import hypothesis
import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from masthead.funding.factories import stripe_events as se
from masthead.funding.models import (
    Donation,
    DonationIntent,
    Donor,
    FundingSettings,
    LedgerEntry,
    ProviderCustomer,
    ProviderEvent,
    ReconcileRun,
    RecurringDonation,
)
from masthead.funding.selectors import goal_progress, month_bounds
from masthead.funding.tasks import worker_round
from masthead.testing import race

pytestmark = pytest.mark.django_db(transaction=True)

DAY = 86400
MONTH = 30 * DAY


@dataclass
class Subscription:
    id: str
    intent: DonationIntent
    customer: str
    start: int
    amount: int
    status: str = "active"


@dataclass
class StripeModel:
    """What Stripe knows, and the events it sent, in creation order."""

    now: int
    events: list[dict] = field(default_factory=list)
    refunds: dict[str, list[dict]] = field(default_factory=dict)
    ledger: list[tuple[str, str, int, int]] = field(default_factory=list)
    payments: dict[str, int] = field(default_factory=dict)  # per donor email
    one_time_payments: set[str] = field(default_factory=set)
    subscriptions: dict[str, Subscription] = field(default_factory=dict)

    def send(self, type_: str, obj: dict, at: int) -> None:
        self.events.append(
            se.event(f"evt_{len(self.events) + 1}", type_, obj, created=at)
        )

    def pay(self, pi: str, amount: int, at: int, email: str, *, one_time: bool):
        self.ledger.append(("payment", pi, amount, at))
        self.payments[email] = self.payments.get(email, 0) + 1
        if one_time:
            self.one_time_payments.add(pi)

    def after_payment(self, pi: str, amount: int, at: int, plan: dict) -> None:
        """A refund or a dispute of a payment, as the plan says."""
        what = plan["after"]
        if what == "refund" and at + DAY < self.now:
            refund = {
                "id": f"re_{pi}",
                "object": "refund",
                "currency": "usd",
                "amount": max(1, amount * plan["percent"] // 100),
                "status": "succeeded",
                "created": at + DAY,
            }
            self.refunds[f"ch_{pi}"] = [refund]
            charge = se.charge_refunded(payment_intent=pi, charge_id=f"ch_{pi}")
            del charge["refunds"]  # as the current API sends it
            self.send("charge.refunded", charge, at + DAY)
            self.ledger.append(("refund", refund["id"], -refund["amount"], at + DAY))
        elif what.startswith("dispute") and at + 2 * DAY < self.now:
            opened = at + 2 * DAY
            dispute = se.dispute(
                amount=amount, payment_intent=pi, dispute_id=f"dp_{pi}", created=opened
            )
            self.send("charge.dispute.created", dispute, opened)
            self.ledger.append(("dispute", dispute["id"], -amount, opened))
            closed = opened + 5 * DAY
            if what != "dispute_open" and closed < self.now:
                status = "won" if what == "dispute_won" else "lost"
                self.send(
                    "charge.dispute.closed", {**dispute, "status": status}, closed
                )
                if status == "won":
                    self.ledger.append(("dispute_won", dispute["id"], amount, closed))

    def subscription_obj(self, sub: Subscription) -> dict:
        return se.subscription(
            status=sub.status,
            amount=sub.amount,
            subscription_id=sub.id,
            intent=sub.intent,
            customer=sub.customer,
            start_date=sub.start,
        )

    def invoice(self, sub: Subscription, number: int) -> dict:
        return se.invoice(
            amount=sub.amount,
            subscription=sub.id,
            intent=sub.intent,
            payment_intent=f"pi_{sub.id}_{number}",
            invoice_id=f"in_{sub.id}_{number}",
            customer=sub.customer,
        )


def build_history(plans: list[dict], now: int) -> StripeModel:
    model = StripeModel(now=now)
    for number, plan in enumerate(plans):
        email = f"donor{number}@example.org"
        start = now - plan["hours_ago"] * 3600
        intent = DonationIntent.objects.create(
            idempotency_key=f"key-{number}",
            provider="dummy",
            amount_minor=plan["amount"],
            currency="USD",
            frequency="month" if plan["monthly"] else "one_time",
            email=email,
        )
        customer = f"cus_{number}"
        if not plan["monthly"]:
            pi = f"pi_once_{number}"
            session = se.checkout_session(intent, payment_intent=pi, customer=customer)
            model.send("checkout.session.completed", session, start)
            model.pay(pi, plan["amount"], start, email, one_time=True)
            model.after_payment(pi, plan["amount"], start, plan)
            continue
        sub = Subscription(
            id=f"sub_{number}",
            intent=intent,
            customer=customer,
            start=start,
            amount=plan["amount"],
        )
        model.subscriptions[sub.id] = sub
        session = se.checkout_session(intent, subscription=sub.id, customer=customer)
        model.send("checkout.session.completed", session, start)
        model.send(
            "customer.subscription.created", model.subscription_obj(sub), start + 1
        )
        invoice = model.invoice(sub, 0)
        model.send("invoice.paid", invoice, start + 2)
        model.pay(f"pi_{sub.id}_0", sub.amount, start + 2, email, one_time=False)
        model.after_payment(f"pi_{sub.id}_0", sub.amount, start + 2, plan)
        last = start + 2
        for renewal, step in enumerate(plan["renewals"], start=1):
            due = start + renewal * MONTH
            if step["change_to"] and due - 2 * DAY < now:
                sub.amount = step["change_to"]
                model.send(
                    "customer.subscription.updated",
                    model.subscription_obj(sub),
                    due - 2 * DAY,
                )
                last = due - 2 * DAY
            if due >= now:
                break
            invoice = model.invoice(sub, renewal)
            pi = f"pi_{sub.id}_{renewal}"
            if step["outcome"] != "paid":
                model.send("invoice.payment_failed", invoice, due)
                sub.status = "past_due"
                model.send(
                    "customer.subscription.updated",
                    model.subscription_obj(sub),
                    due + 1,
                )
                last = due + 1
                retry = due + 3 * DAY
                if step["outcome"] == "failed" or retry >= now:
                    break  # Stripe is still trying; the donation is past due
                due = retry
            model.send("invoice.paid", invoice, due)
            model.pay(pi, sub.amount, due, email, one_time=False)
            if sub.status != "active":
                sub.status = "active"
                model.send(
                    "customer.subscription.updated",
                    model.subscription_obj(sub),
                    due + 1,
                )
            last = due + 1
        if plan["cancel"] and last + DAY < now:
            sub.status = "canceled"
            model.send(
                "customer.subscription.deleted", model.subscription_obj(sub), last + DAY
            )
    model.events.sort(key=lambda event: event["created"])  # stable: ties in order
    return model


def meter(model: StripeModel, month: datetime) -> int:
    """The goal meter of ``month`` as the model sees it (everything in USD)."""
    start, end = month_bounds(month)
    covered = sum(
        sub.amount
        for sub in model.subscriptions.values()
        if sub.status == "active" and datetime.fromtimestamp(sub.start, UTC) < end
    )
    for kind, object_id, amount, at in model.ledger:
        when = datetime.fromtimestamp(at, UTC)
        if start <= when < end and (
            kind != "payment" or object_id in model.one_time_payments
        ):
            covered += amount
    return covered


PLAN = st.fixed_dictionaries(
    {
        "monthly": st.booleans(),
        "amount": st.sampled_from([500, 1000, 2500]),
        # Most histories are long enough for renewals; some are hours old.
        "hours_ago": st.integers(min_value=33 * 24, max_value=70 * 24)
        | st.integers(min_value=2, max_value=33 * 24),
        "after": st.sampled_from(
            ["none", "refund", "dispute_open", "dispute_won", "dispute_lost"]
        ),
        "percent": st.sampled_from([10, 50, 100]),
        "renewals": st.lists(
            st.fixed_dictionaries(
                {
                    "outcome": st.sampled_from(
                        ["paid", "failed_then_paid", "failed_then_paid", "failed"]
                    ),
                    "change_to": st.none() | st.sampled_from([700, 1500]),
                }
            ),
            min_size=1,
            max_size=2,
        ),
        "cancel": st.booleans(),
    }
)


def _clear() -> None:
    for model in (
        LedgerEntry,
        Donation,
        RecurringDonation,
        ProviderCustomer,
        DonationIntent,
        Donor,
        ProviderEvent,
        ReconcileRun,
    ):
        model.objects.all().delete()
    mail.outbox.clear()


def deliver(data: dict) -> None:
    body = se.body(data)
    response = Client().post(
        "/funding/webhooks/stripe/",
        body,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=se.sign(body),
    )
    assert response.status_code == 200, response.content


@pytest.fixture
def world(stripe_standin, settings):
    settings.FUNDING_RECONCILE = {"EVERY": 3600, "DAYS": 80}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    FundingSettings.load()  # the goal, in USD
    return stripe_standin


@hypothesis_settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(plans=st.lists(PLAN, min_size=1, max_size=3), data=st.data())
def test_the_ledger_equals_the_providers_truth_in_any_order(world, plans, data):
    _clear()
    now = timezone.now().replace(microsecond=0)
    model = build_history(plans, int(now.timestamp()))
    kinds = {e["type"] for e in model.events}
    for kind in sorted(kinds):
        hypothesis.event(kind)
    world.events = model.events
    world.refunds = model.refunds

    copies = data.draw(
        st.lists(
            st.sampled_from([0, 1, 1, 2]),
            min_size=len(model.events),
            max_size=len(model.events),
        ),
        label="copies of each event (0: dropped)",
    )
    deliveries = [
        event for event, n in zip(model.events, copies, strict=True) for _ in range(n)
    ]
    order = data.draw(st.permutations(deliveries), label="order of delivery")
    at_once = data.draw(
        st.lists(st.booleans(), min_size=len(order), max_size=len(order)),
        label="delivered twice at the same moment",
    )
    for event, concurrent in zip(order, at_once, strict=True):
        if concurrent:
            assert race(lambda event=event: deliver(event), threads=2) == []
        else:
            deliver(event)

    later = now + timedelta(hours=2)
    worker_round(now=later)  # retries that are due, and the scheduled reconcile
    worker_round(now=later + timedelta(hours=2))  # what became due since

    ledger = sorted(
        (
            entry.kind,
            entry.provider_object_id,
            entry.amount_minor,
            int(entry.occurred_at.timestamp()),
        )
        for entry in LedgerEntry.objects.all()
    )
    assert ledger == sorted(model.ledger)
    assert {
        r.provider_subscription_id: (r.status, r.amount_minor)
        for r in RecurringDonation.objects.all()
    } == {sub.id: (sub.status, sub.amount) for sub in model.subscriptions.values()}
    last_month = month_bounds(now)[0] - timedelta(days=1)
    for month in (now, last_month):
        assert goal_progress(month=month).covered.minor == meter(model, month)
    receipts = [m.to[0] for m in mail.outbox if m.subject.startswith("Thank you")]
    assert {email: receipts.count(email) for email in set(receipts)} == model.payments
    assert not Donation.objects.exclude(status=Donation.Status.SUCCEEDED).exists()
