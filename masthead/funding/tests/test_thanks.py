"""The thank-you page counts the reader's gift, on the default setup."""

import pytest

from masthead.funding.models import FundingSettings, ProviderEvent

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
