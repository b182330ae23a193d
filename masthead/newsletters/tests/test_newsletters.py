"""Newsletters through a real SMTP server: sign-up, confirmation, sending, leaving."""

import re
from datetime import datetime, timedelta
from datetime import time as clock
from email.message import Message as EmailMessage

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import PageViewRestriction

from masthead.mirrors.models import Kind, Mirror
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
from masthead.newsletters.tasks import send_edition_batch, worker_round
from masthead.testing import race
from masthead.tests.smtp import smtp_inbox, wait_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def inbox(settings):
    yield from smtp_inbox(settings)


def parts(message: EmailMessage) -> dict[str, str]:
    return {
        part.get_content_type(): part.get_payload(decode=True).decode()
        for part in message.walk()
        if not part.is_multipart()
    }


@pytest.fixture
def daily(db):
    return Newsletter.objects.create(name="The Daily Lantern", slug="daily")


def _subscribe(email, newsletter):
    subscriber = Subscriber.objects.create(
        email=email, confirmed_at="2026-01-01T00:00Z"
    )
    Subscription.objects.create(
        subscriber=subscriber, newsletter=newsletter, confirmed_at="2026-01-01T00:00Z"
    )
    return subscriber


def _edition(newsletter, articles):
    edition = Edition.objects.create(
        newsletter=newsletter, subject="Today", slug="today", introduction="Hello."
    )
    for order, article in enumerate(articles):
        EditionArticle.objects.create(
            edition=edition, article=article, sort_order=order
        )
    return edition


def test_sign_up_page_sets_no_cookie_and_is_cacheable(client, home, daily):
    response = client.get("/newsletters/")
    assert response.status_code == 200
    assert not response.cookies
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert "no-store" not in response.get("Cache-Control", "")
    assert b'name="website"' in response.content  # the honeypot


def test_sign_up_confirm_and_receive_through_smtp(client, home, section, daily, inbox):
    response = client.post(
        "/newsletters/subscribe/",
        {"email": "Reader@Example.org", "newsletters": [daily.pk]},
        HTTP_SEC_FETCH_SITE="same-origin",
    )
    assert response.status_code == 302
    assert response["Location"] == "/newsletters/check-your-inbox/"
    assert not response.cookies
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "reader@example.org"
    assert subscriber.confirmed_at is None
    (confirmation,) = wait_for(inbox, 1)
    link = re.search(
        r"https://news\.example(/newsletters/confirm/\S+/)", str(confirmation)
    )
    token = link.group(1).split("/")[-2]
    assert token not in subscriber.token_hash  # only a hash is stored
    # Nothing goes to an unconfirmed address.
    article = ArticlePageFactory(parent=section, title="Bridge reopens")
    edition = _edition(daily, [article])
    services.edition_send_start(edition=edition)
    assert not edition.deliveries.exists()
    Edition.objects.filter(pk=edition.pk).update(status=Edition.Status.DRAFT)

    assert client.get(link.group(1)).status_code == 200  # a GET confirms nothing
    assert Subscriber.objects.get().confirmed_at is None
    assert client.post(link.group(1)).status_code == 200
    assert Subscriber.objects.get().confirmed_at is not None
    assert client.post(link.group(1)).status_code == 400  # used once

    services.edition_send_start(edition=edition)
    send_edition_batch.enqueue(edition_id=edition.pk)
    (_, sent) = wait_for(inbox, 2)
    assert sent["To"] == "reader@example.org"
    assert sent["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = "".join(sent["List-Unsubscribe"].split()).strip("<>")  # unfold
    body = parts(sent)
    assert set(body) == {"text/plain", "text/html"}
    assert "Bridge reopens" in body["text/plain"]
    assert "Bridge reopens" in body["text/html"]
    assert 'style="' in body["text/html"]  # CSS inlined
    assert "prefers-color-scheme: dark" in body["text/html"]
    assert unsubscribe in body["text/html"]

    # RFC 8058: the mail client posts once, with no cookie and no sign-in.
    path = unsubscribe.removeprefix("https://news.example")
    response = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscriber.objects.exists()  # no list left: every row is gone
    assert Newsletter.objects.get().unsubscribed_count == 1


def test_one_confirmation_per_address_per_window(client, daily, home, inbox):
    for _ in range(3):
        client.post(
            "/newsletters/subscribe/",
            {"email": "a@example.org", "newsletters": [daily.pk]},
        )
    assert len(wait_for(inbox, 2, seconds=1)) == 1


def test_bad_sign_ups_are_refused(client, daily, home):
    bad = [
        ({"email": "not an email", "newsletters": [daily.pk]}, {}),
        ({"email": "a@example.org"}, {}),
        ({"email": "a@example.org", "newsletters": [daily.pk], "website": "x"}, {}),
        (
            {"email": "a@example.org", "newsletters": [daily.pk]},
            {"HTTP_SEC_FETCH_SITE": "cross-site"},
        ),
    ]
    for data, headers in bad:
        response = client.post("/newsletters/subscribe/", data, **headers)
        assert response.status_code == 400
        assert response["Cache-Control"] == "no-store"
    assert not Subscriber.objects.exists()


def test_sign_up_flood_from_one_address_is_cut_off(client, daily, home, settings):
    settings.NEWSLETTERS_SIGNUP_LIMIT = {"PER_IP": 3, "WINDOW": 3600}
    codes = [
        client.post(
            "/newsletters/subscribe/",
            {"email": f"victim{n}@example.org", "newsletters": [daily.pk]},
        ).status_code
        for n in range(5)
    ]
    assert codes == [302, 302, 302, 400, 400]


def test_expired_confirmation_link_does_not_confirm(client, daily, settings):
    settings.NEWSLETTERS_CONFIRM_MAX_AGE = 0
    services.subscription_request(
        email="late@example.org", newsletter_ids=[daily.pk], language="en"
    )
    token = re.search(r"/confirm/(\S+)/", mail.outbox[0].body).group(1)
    assert services.subscription_confirm(token=token) is None


def test_every_link_points_to_the_newsletters_mirror(section, daily, inbox):
    mirror = Mirror.objects.create(url="https://lantern-mirror.example", kind=Kind.WEB)
    Mirror.objects.create(url="http://lanternabcdefghij.onion", kind=Kind.ONION)
    daily.link_mirror = mirror
    daily.full_text = True
    daily.save()
    _subscribe("reader@example.org", daily)
    edition = _edition(daily, [ArticlePageFactory(parent=section, title="Mirror day")])
    services.edition_send_start(edition=edition)
    services.edition_send_batch(edition_id=edition.pk)
    (message,) = wait_for(inbox, 1)
    html = parts(message)["text/html"]
    links = re.findall(r'href="([^"]+)"', html)
    assert links
    listed = {"https://lantern-mirror.example", "http://lanternabcdefghij.onion"}
    for link in links:
        assert link.startswith("https://lantern-mirror.example/") or link in listed
    assert "lanternabcdefghij.onion" in html
    text_links = re.findall(r"https?://[^\s)>\]]+", parts(message)["text/plain"])
    assert text_links
    for link in text_links:
        assert link.startswith("https://lantern-mirror.example/") or link in listed
    unsubscribe = "".join(message["List-Unsubscribe"].split())
    assert unsubscribe.startswith("<https://lantern-mirror.example/newsletters/")
    assert "<img" not in html or 'alt="' in html
    # The web version is on the site, for "view in a browser".
    Edition.objects.filter(pk=edition.pk).update(status=Edition.Status.SENT)


def test_no_per_reader_token_but_the_unsubscribe_and_preferences_links(
    section, daily, inbox
):
    for n in range(2):
        _subscribe(f"r{n}@example.org", daily)
    edition = _edition(daily, [ArticlePageFactory(parent=section)])
    services.edition_send_start(edition=edition)
    services.edition_send_batch(edition_id=edition.pk)
    one, two = wait_for(inbox, 2)
    strip = re.compile(r"/newsletters/(?:unsubscribe|preferences)/[^\"\s>]+")
    for kind in ("text/html", "text/plain"):
        first, second = parts(one)[kind], parts(two)[kind]
        assert first != second
        # The unsubscribe and preferences links are the only difference.
        assert strip.sub("", first) == strip.sub("", second)
    html = parts(one)["text/html"]
    for url in re.findall(r'(?:href|src)="([^"]+)"', html):
        assert "?" not in url or "/newsletters/unsubscribe/" in url  # no query tags
    assert "@" not in " ".join(re.findall(r'src="([^"]+)"', html))
    # Headers: only the unsubscribe link and a Message-ID (opaque, never a
    # link) are per message, besides the date and the MIME boundary.
    per_message = {"To", "List-Unsubscribe", "Message-ID", "Date", "Content-Type"}
    for header in set(one.keys()) - per_message:
        assert one[header] == two[header], header


def test_edition_is_on_the_web_once_sent(client, home, section, daily):
    edition = _edition(daily, [ArticlePageFactory(parent=section, title="On the web")])
    assert client.get("/newsletters/daily/today/").status_code == 404
    Edition.objects.filter(pk=edition.pk).update(status=Edition.Status.SENT)
    response = client.get("/newsletters/daily/today/")
    assert response.status_code == 200
    assert b"On the web" in response.content
    assert not response.cookies


def test_each_subscriber_gets_the_edition_once_when_the_send_runs_twice(
    section, daily, inbox, settings
):
    settings.NEWSLETTERS_BATCH_SIZE = 7
    for n in range(30):
        _subscribe(f"r{n}@example.org", daily)
    unconfirmed = Subscriber.objects.create(email="later@example.org")
    Subscription.objects.create(subscriber=unconfirmed, newsletter=daily)
    edition = _edition(daily, [ArticlePageFactory(parent=section)])
    services.edition_send_start(edition=edition)
    services.edition_send_start(edition=edition)
    services.edition_send_batch(edition_id=edition.pk)  # then the worker "dies"
    send_edition_batch.enqueue(edition_id=edition.pk)
    send_edition_batch.enqueue(edition_id=edition.pk)
    worker_round()
    received = [m["To"] for m in wait_for(inbox, 30)]
    assert sorted(received) == sorted(f"r{n}@example.org" for n in range(30))
    assert Edition.objects.get().status == Edition.Status.SENT


def test_a_batch_claimed_by_a_dead_worker_is_sent_once_by_the_next(
    section, daily, inbox, settings
):
    for n in range(5):
        _subscribe(f"r{n}@example.org", daily)
    edition = _edition(daily, [ArticlePageFactory(parent=section)])
    services.edition_send_start(edition=edition)
    # A worker claimed two and was killed before sending them.
    dead = list(edition.deliveries.order_by("pk")[:2])
    Delivery.objects.filter(pk__in=[d.pk for d in dead]).update(
        status=Delivery.Status.CLAIMED,
        claim="dead",
        claimed_at=timezone.now() - timedelta(hours=1),
    )
    worker_round()
    worker_round()
    assert sorted(m["To"] for m in wait_for(inbox, 5)) == [
        f"r{n}@example.org" for n in range(5)
    ]


@pytest.mark.django_db(transaction=True)
def test_concurrent_senders_send_each_message_once(home, section, inbox, settings):
    settings.NEWSLETTERS_BATCH_SIZE = 5
    newsletter = Newsletter.objects.create(name="Breaking", slug="breaking")
    for n in range(40):
        _subscribe(f"r{n}@example.org", newsletter)
    edition = _edition(newsletter, [ArticlePageFactory(parent=section)])
    services.edition_send_start(edition=edition)

    def send_all():
        while services.edition_send_batch(edition_id=edition.pk):
            pass

    assert race(send_all, threads=4) == []
    received = [m["To"] for m in wait_for(inbox, 40)]
    assert sorted(received) == sorted(f"r{n}@example.org" for n in range(40))


def test_worker_sends_a_due_daily_digest_once(section, inbox):
    newsletter = Newsletter.objects.create(
        name="Daily", slug="daily", schedule="daily", send_time=clock(7, 0)
    )
    _subscribe("reader@example.org", newsletter)
    due = timezone.make_aware(datetime(2026, 12, 1, 7, 0))
    ArticlePageFactory(
        parent=section, title="Yesterday's", first_published_at=due - timedelta(hours=3)
    )
    ArticlePageFactory(
        parent=section, title="Old", first_published_at=due - timedelta(days=3)
    )
    members = ArticlePageFactory(  # behind a password: listed nowhere
        parent=section,
        title="Members only",
        first_published_at=due - timedelta(hours=2),
    )
    PageViewRestriction.objects.create(
        page=members, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert worker_round(now=due - timedelta(minutes=1))["started"] == 0
    worker_round(now=due + timedelta(minutes=5))
    worker_round(now=due + timedelta(minutes=10))
    (message,) = wait_for(inbox, 1)
    text = parts(message)["text/plain"]
    assert "Yesterday's" in text
    assert "Old" not in text and "Members only" not in text


def test_preferences_from_the_email_change_lists_without_a_password(
    client, home, section, daily, inbox
):
    breaking = Newsletter.objects.create(name="Breaking", slug="breaking")
    hidden = Newsletter.objects.create(name="Staff", slug="staff", is_public=False)
    _subscribe("reader@example.org", daily)
    edition = _edition(daily, [ArticlePageFactory(parent=section)])
    services.edition_send_start(edition=edition)
    services.edition_send_batch(edition_id=edition.pk)
    (message,) = wait_for(inbox, 1)
    text = parts(message)["text/plain"]
    link = re.search(r"https://news\.example(/newsletters/preferences/\S+/)", text)
    assert link.group(1) in parts(message)["text/html"]
    path = link.group(1)

    page = client.get(path)
    assert page.status_code == 200
    assert not page.cookies
    assert b"Breaking" in page.content and b"Staff" not in page.content
    # Swap lists; a list not offered to readers cannot be added.
    response = client.post(path, {"newsletters": [breaking.pk, hidden.pk]})
    assert response.status_code == 302
    subscriber = Subscriber.objects.get()
    (kept,) = subscriber.subscriptions.select_related("newsletter")
    assert kept.newsletter.slug == "breaking"
    assert kept.confirmed_at is not None
    assert Newsletter.objects.get(slug="daily").unsubscribed_count == 1

    assert client.get(path[:-3] + "xx/").status_code == 404  # a forged link
    response = client.post(path, {"action": "delete"})
    assert b"everything we kept about it are deleted" in response.content
    assert not Subscriber.objects.exists()
    assert not Subscription.objects.exists()
    assert client.get(path).status_code == 404
