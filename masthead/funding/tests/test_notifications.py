"""Emails to donors, through a real SMTP server: exactly one per payment."""

import pytest

from masthead.funding.factories import stripe_events as se
from masthead.funding.models import Donation, Frequency
from masthead.funding.money import Money
from masthead.funding.notifications import notifications_send_pending
from masthead.funding.services import donation_review_approve
from masthead.tests.smtp import smtp_inbox, wait_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def inbox(settings):
    yield from smtp_inbox(settings)


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    def post(data):
        payload = se.body(data)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                "/funding/webhooks/stripe/",
                payload,
                content_type="application/json",
                HTTP_STRIPE_SIGNATURE=se.sign(payload),
            )
        assert response.status_code == 200
        return response

    return post


def test_one_receipt_per_payment_however_often_it_is_delivered(
    inbox, post, start_intent
):
    intent = start_intent(amount=Money(2500, "USD"), email="reader@example.org")
    completed = se.event(
        "evt_1", "checkout.session.completed", se.checkout_session(intent)
    )
    post(completed)
    post(completed)
    post(se.event("evt_2", "checkout.session.completed", se.checkout_session(intent)))
    notifications_send_pending()
    messages = wait_for(inbox, 1)
    assert len(messages) == 1
    receipt = messages[0]
    assert receipt["To"] == "reader@example.org"
    assert receipt["Subject"] == "Thank you for supporting The Lantern"
    body = receipt.get_payload()
    assert "donation of $25 to The Lantern" in body
    assert "Reference: pi_test_1" in body
    assert "https://news.example/support/manage/" in body


def test_each_renewal_gets_its_own_receipt(inbox, post, start_intent):
    intent = start_intent(amount=Money(1000, "USD"), frequency=Frequency.MONTHLY)
    post(se.event("evt_1", "invoice.paid", se.invoice(intent=intent)))
    post(
        se.event(
            "evt_2",
            "invoice.paid",
            se.invoice(intent=intent, payment_intent="pi_inv_2", invoice_id="in_2"),
        )
    )
    messages = wait_for(inbox, 2)
    assert len(messages) == 2
    assert "part of your monthly support" in messages[0].get_payload()


def test_no_receipt_while_a_payment_is_held_for_review(inbox, post, start_intent):
    intent = start_intent(amount=Money(2500, "USD"))
    post(
        se.event(
            "evt_1",
            "checkout.session.completed",
            se.checkout_session(intent, amount=99900),
        )
    )
    assert wait_for(inbox, 1, seconds=0.5) == []
    donation_review_approve(donation=Donation.objects.get())
    notifications_send_pending()
    assert len(wait_for(inbox, 1)) == 1


def test_failed_renewal_notice_and_cancellation_confirmation(inbox, post, start_intent):
    intent = start_intent(amount=Money(1000, "USD"), frequency=Frequency.MONTHLY)
    post(se.event("evt_1", "invoice.paid", se.invoice(intent=intent)))
    post(se.event("evt_2", "invoice.payment_failed", se.invoice(intent=intent)))
    post(se.event("evt_3", "invoice.payment_failed", se.invoice(intent=intent)))
    post(
        se.event(
            "evt_4", "customer.subscription.deleted", se.subscription(status="canceled")
        )
    )
    notifications_send_pending()
    subjects = [m["Subject"] for m in wait_for(inbox, 3)]
    assert subjects == [
        "Thank you for supporting The Lantern",
        "Your donation to The Lantern could not be collected",
        "Your monthly donation to The Lantern is canceled",
    ]
