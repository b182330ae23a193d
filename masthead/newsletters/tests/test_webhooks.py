"""Bounces and complaints through anymail's signed tracking webhooks."""

import base64
import hashlib
import hmac
import json

import pytest

from masthead.news.factories import ArticlePageFactory
from masthead.newsletters import services
from masthead.newsletters.models import (
    Delivery,
    Edition,
    EditionArticle,
    Newsletter,
    Subscriber,
    Subscription,
)

pytestmark = pytest.mark.django_db

URL = "/newsletters/webhooks/mailgun/tracking/"
SIGNING_KEY = "mailgun-signing-key"


@pytest.fixture
def secured(settings):
    settings.ANYMAIL = {
        "WEBHOOK_SECRET": "hook:s3cret",
        "MAILGUN_WEBHOOK_SIGNING_KEY": SIGNING_KEY,
    }


@pytest.fixture
def reader(db):
    newsletter = Newsletter.objects.create(name="Daily", slug="daily")
    subscriber = Subscriber.objects.create(
        email="reader@example.org", confirmed_at="2026-01-01T00:00Z"
    )
    Subscription.objects.create(
        subscriber=subscriber, newsletter=newsletter, confirmed_at="2026-01-01T00:00Z"
    )
    return subscriber


def _auth(credentials="hook:s3cret"):
    return {
        "HTTP_AUTHORIZATION": "Basic " + base64.b64encode(credentials.encode()).decode()
    }


def _event(
    event, *, key=SIGNING_KEY, severity="permanent", recipient="reader@example.org"
):
    timestamp, token = "1764633600", "a" * 50
    signature = hmac.new(
        key.encode(), f"{timestamp}{token}".encode(), hashlib.sha256
    ).hexdigest()
    return json.dumps(
        {
            "signature": {
                "timestamp": timestamp,
                "token": token,
                "signature": signature,
            },
            "event-data": {
                "event": event,
                "severity": severity,
                "recipient": recipient,
                "timestamp": 1764633600.5,
                "message": {"headers": {"message-id": "x@news.example"}},
            },
        }
    )


def _post(client, body, **headers):
    return client.post(URL, body, content_type="application/json", **headers)


def test_a_hard_bounce_stops_mail_to_the_address(client, secured, reader, section):
    assert _post(client, _event("failed"), **_auth()).status_code == 200
    subscriber = Subscriber.objects.get()
    assert subscriber.bounced_at is not None
    assert Newsletter.objects.get().bounced_count == 1
    # The same event again (services retry) counts nothing twice.
    assert _post(client, _event("failed"), **_auth()).status_code == 200
    assert Newsletter.objects.get().bounced_count == 1
    edition = Edition.objects.create(
        newsletter=Newsletter.objects.get(), subject="Today", slug="today"
    )
    EditionArticle.objects.create(
        edition=edition, article=ArticlePageFactory(parent=section)
    )
    assert services.edition_send_start(edition=edition) == 0


def test_a_complaint_stops_mail_even_to_a_send_in_progress(
    client, secured, reader, section, mailoutbox
):
    edition = Edition.objects.create(
        newsletter=Newsletter.objects.get(), subject="Today", slug="today"
    )
    EditionArticle.objects.create(
        edition=edition, article=ArticlePageFactory(parent=section)
    )
    assert services.edition_send_start(edition=edition) == 1
    assert _post(client, _event("complained"), **_auth()).status_code == 200
    assert Newsletter.objects.get().complained_count == 1
    services.edition_send_batch(edition_id=edition.pk)
    assert mailoutbox == []
    assert Delivery.objects.get().status == Delivery.Status.SUPPRESSED
    assert Edition.objects.get().status == Edition.Status.SENT


def test_a_soft_bounce_changes_nothing(client, secured, reader):
    assert (
        _post(client, _event("failed", severity="temporary"), **_auth()).status_code
        == 200
    )
    assert Subscriber.objects.get().bounced_at is None


@pytest.mark.parametrize(
    ("body", "headers"),
    [
        (_event("failed", key="not-the-key"), _auth()),  # bad signature
        (_event("failed"), _auth("hook:wrong")),  # bad password
        (_event("failed"), {}),  # no password
        ("{not json", _auth()),
    ],
    ids=["bad-signature", "bad-password", "no-password", "not-json"],
)
def test_a_bad_webhook_gets_400_and_records_nothing(
    client, secured, reader, body, headers
):
    assert _post(client, body, **headers).status_code == 400
    subscriber = Subscriber.objects.get()
    assert (subscriber.bounced_at, subscriber.complained_at) == (None, None)
    assert Newsletter.objects.get().bounced_count == 0


def test_webhooks_are_off_until_their_secret_is_set(client, settings, reader):
    settings.ANYMAIL = {"MAILGUN_WEBHOOK_SIGNING_KEY": SIGNING_KEY}
    assert _post(client, _event("failed")).status_code == 404
    assert Subscriber.objects.get().bounced_at is None


def test_confirming_again_lifts_a_bounce(reader, mailoutbox):
    services.subscriber_suppress(
        email="Reader@example.org", event_type="bounced", when=reader.created_at
    )
    assert Subscriber.objects.get().bounced_at is not None
    services.subscription_request(
        email="reader@example.org",
        newsletter_ids=[Newsletter.objects.create(name="B", slug="b").pk],
        language="en",
    )
    token = mailoutbox[0].body.split("/confirm/")[1].split("/")[0]
    services.subscription_confirm(token=token)
    assert Subscriber.objects.get().bounced_at is None
