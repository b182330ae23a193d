"""A donor's emails link to the host the donation started on (issue 11, item 2).

The payment is recorded later, from the provider's event, with no request
to say which host the reader used: the donation remembers it.
"""

import pytest
from django.conf import settings

from masthead.funding.models import DonationIntent, RecurringDonation
from masthead.funding.notifications import notifications_send_pending
from masthead.mirrors.models import Status
from masthead.mirrors.services import mirror_add

pytestmark = pytest.mark.django_db

MIRROR = "one.mirror.example"


@pytest.fixture
def mirror(home):
    return mirror_add(url=f"https://{MIRROR}")


def give(client, *, host: str, frequency: str = "one_time", **extra) -> None:
    form = {
        "frequency": frequency,
        "currency": "USD",
        "amount": "other",
        "custom_amount": "12",
        "email": "reader@example.org",
        "name": "A reader",
        "provider": "dummy",
        "website": "",
    }
    started = client.post("/support/checkout/", form, HTTP_HOST=host, **extra)
    assert started.status_code == 302, started.content.decode()
    paid = client.post(started["Location"], {"outcome": "pay"}, HTTP_HOST=host, **extra)
    assert paid.status_code == 302


def test_a_receipt_links_to_the_mirror_the_donor_gave_on(
    client, mirror, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        give(client, host=MIRROR, secure=True)
    notifications_send_pending()

    [receipt] = mailoutbox
    assert f"https://{MIRROR}/support/manage/" in receipt.body
    assert settings.SITE_URL not in receipt.body
    assert DonationIntent.objects.get().site_url == f"https://{MIRROR}"


def test_a_receipt_for_a_gift_on_the_main_domain_links_to_the_main_domain(
    client, mirror, mailoutbox
):
    give(client, host="127.0.0.1")
    notifications_send_pending()

    [receipt] = mailoutbox
    assert f"{settings.SITE_URL}/support/manage/" in receipt.body
    assert MIRROR not in receipt.body


def test_a_host_that_is_not_a_registered_mirror_is_not_recorded_as_one(
    client, home, mailoutbox, settings
):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "claimed.example"]
    give(client, host="claimed.example")
    notifications_send_pending()

    assert DonationIntent.objects.get().site_url == settings.SITE_URL
    [receipt] = mailoutbox
    assert "claimed.example" not in receipt.body


def test_a_cancellation_notice_links_to_the_mirror_the_donation_started_on(
    client, mirror, mailoutbox
):
    give(client, host=MIRROR, frequency="month", secure=True)
    recurring = RecurringDonation.objects.get()
    recurring.status = RecurringDonation.Status.CANCELED
    recurring.save()
    notifications_send_pending()

    receipt, canceled = mailoutbox
    assert "canceled" in canceled.subject
    for mail in (receipt, canceled):
        assert f"https://{MIRROR}/support/" in mail.body
        assert settings.SITE_URL not in mail.body


def test_a_mirror_retired_since_the_gift_gives_way_to_the_main_domain(
    client, mirror, mailoutbox
):
    give(client, host=MIRROR, secure=True)
    mirror.status = Status.RETIRED
    mirror.save()
    notifications_send_pending()

    [receipt] = mailoutbox
    assert f"{settings.SITE_URL}/support/manage/" in receipt.body
    assert MIRROR not in receipt.body
