"""Donors tick the newsletter on the support form; the demo has newsletters."""

import io
import re

import pytest
from django.core.management import call_command

from masthead.funding.models import DonationIntent
from masthead.newsletters import services
from masthead.newsletters.models import Delivery, Edition, Newsletter, Subscriber

pytestmark = pytest.mark.django_db

DONATION = {
    "frequency": "month",
    "currency": "USD",
    "amount": "500",
    "custom_amount": "",
    "email": "Donor@Example.org",
    "name": "A donor",
    "provider": "dummy",
    "website": "",
}


@pytest.fixture
def daily(db):
    return Newsletter.objects.create(name="The Daily Lantern", slug="daily")


def test_the_support_page_offers_the_newsletter_and_stays_cacheable(
    client, home, daily
):
    response = client.get("/support/")
    page = response.content.decode()
    assert "Send me the newsletter" in page
    assert f'name="newsletters" value="{daily.pk}"' in page
    assert not response.cookies
    assert response["Cache-Control"].startswith("public")


def test_a_donor_who_ticks_it_is_asked_to_confirm(client, home, daily, mailoutbox):
    response = client.post(
        "/support/checkout/", {**DONATION, "newsletters": [daily.pk]}
    )
    assert response.status_code == 302
    assert DonationIntent.objects.count() == 1
    (confirmation,) = mailoutbox
    assert confirmation.to == ["donor@example.org"]
    token = re.search(r"/newsletters/confirm/(\S+)/", confirmation.body).group(1)
    subscriber = Subscriber.objects.get()
    assert subscriber.subscriptions.get().confirmed_at is None  # not before the click
    services.subscription_confirm(token=token)
    assert subscriber.subscriptions.get().confirmed_at is not None


def test_a_donor_who_does_not_tick_it_gets_no_newsletter(
    client, home, daily, mailoutbox
):
    assert client.post("/support/checkout/", DONATION).status_code == 302
    assert not Subscriber.objects.exists()
    assert mailoutbox == []


def test_a_list_that_is_not_offered_cannot_be_ticked(client, home, daily, mailoutbox):
    hidden = Newsletter.objects.create(name="Staff", slug="staff", is_public=False)
    response = client.post(
        "/support/checkout/", {**DONATION, "newsletters": [hidden.pk]}
    )
    assert response.status_code == 400
    assert not Subscriber.objects.exists()
    assert not DonationIntent.objects.exists()


def test_the_demo_has_two_newsletters_readers_and_a_sent_edition(
    settings, tmp_path, mailoutbox
):
    settings.MEDIA_ROOT = tmp_path
    call_command("demo", stdout=io.StringIO())
    call_command("demo", stdout=io.StringIO())
    assert sorted(Newsletter.objects.values_list("slug", flat=True)) == [
        "breaking",
        "daily",
    ]
    assert Newsletter.objects.get(slug="breaking").link_mirror is not None
    (edition,) = Edition.objects.all()
    assert edition.status == Edition.Status.SENT
    assert edition.edition_articles.count() == 3
    confirmed = Subscriber.objects.filter(confirmed_at__isnull=False).count()
    assert confirmed == edition.deliveries.filter(status=Delivery.Status.SENT).count()
    assert Subscriber.objects.filter(confirmed_at__isnull=True).exists()
    assert mailoutbox == []  # fictional readers are sent nothing
