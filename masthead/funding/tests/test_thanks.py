"""The thank-you page counts the reader's gift, on the default setup."""

import time

import pytest
from django_tasks_db.models import DBTaskResult

from masthead.funding.factories import stripe_events as se
from masthead.funding.models import FundingSettings, ProviderEvent
from masthead.funding.money import Money

# Real commits: the cache is renewed when the payment commits, as in production.
pytestmark = pytest.mark.django_db(transaction=True)

FORM = {
    "frequency": "one_time",
    "currency": "USD",
    "amount": "other",
    "custom_amount": "1000",
    "email": "reader@example.org",
    "name": "",
    "provider": "dummy",
    "website": "",
}


@pytest.fixture
def default_setup(settings, tmp_path):
    """The file cache and the database task queue, with no worker running."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        }
    }
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_the_thank_you_page_counts_the_gift_just_made(client, home, default_setup):
    goal = FundingSettings.load()
    goal.goal_minor = 200_000  # $2,000
    goal.save()
    # Someone saw the page before: it and its meter are in the cache.
    assert "0%" in client.get("/support/thanks/").content.decode()
    start = client.post("/support/checkout/", FORM)
    assert start.status_code == 302
    thanks = client.post(start["Location"], {"outcome": "pay"}, follow=True)
    assert thanks.redirect_chain == [("/support/thanks/", 302)]
    html = thanks.content.decode()
    assert "<strong>50%</strong>" in html
    assert "$1,000 from 1 supporter." in html
    assert ProviderEvent.objects.get().processed_at is not None
    # A CDN or the browser must ask again: the next donor's gift counts too.
    assert "no-cache" in thanks["Cache-Control"]
    assert "public" in thanks["Cache-Control"]


def test_a_webhook_is_applied_before_it_is_answered(
    client, default_setup, start_intent
):
    """Stripe's delivery counts at once, not at the worker's next round."""
    intent = start_intent(amount=Money(100_000, "USD"))
    data = se.event("evt_1", "checkout.session.completed", se.checkout_session(intent))
    data["created"] = int(time.time())  # paid now, this month
    payload = se.body(data)
    response = client.post(
        "/funding/webhooks/stripe/",
        payload,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=se.sign(payload),
    )
    assert response.status_code == 200
    assert ProviderEvent.objects.get().processed_at is not None
    html = client.get("/support/thanks/").content.decode()
    assert "$1,000 from 1 supporter." in html, html[html.find("goal__summary") :][:300]
    # Queued as well: the worker's run finds it done and changes nothing.
    assert DBTaskResult.objects.filter(status="READY").count() >= 1
