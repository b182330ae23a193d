"""Sending under limits and failures: the hourly cap, a mail server that is
down, a worker killed mid-send, and what a restart does with its claims."""

import os
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from datetime import timedelta
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

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
from masthead.newsletters.rendering import render_edition
from masthead.newsletters.services import messages
from masthead.newsletters.tasks import worker_round
from masthead.testing import free_port
from masthead.tests.smtp import smtp_inbox, wait_for

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[3]
CONFIRMED = "2026-01-01T00:00Z"


@pytest.fixture
def inbox(settings):
    yield from smtp_inbox(settings)


def _readers(newsletter, count, *, start=0, confirmed=True):
    subscribers = Subscriber.objects.bulk_create(
        Subscriber(
            email=f"r{n}@example.org", confirmed_at=CONFIRMED if confirmed else None
        )
        for n in range(start, start + count)
    )
    Subscription.objects.bulk_create(
        Subscription(
            subscriber=s,
            newsletter=newsletter,
            confirmed_at=CONFIRMED if confirmed else None,
        )
        for s in subscribers
    )
    return subscribers


def _edition(newsletter, section):
    edition = Edition.objects.create(
        newsletter=newsletter, subject="Today", slug="today"
    )
    EditionArticle.objects.create(
        edition=edition, article=ArticlePageFactory(parent=section)
    )
    services.edition_send_start(edition=edition)
    return edition


@pytest.fixture
def daily(db):
    return Newsletter.objects.create(name="Daily", slug="daily")


def test_the_hourly_cap_holds_the_send_and_it_resumes_as_the_hour_moves_on(
    section, daily, inbox, settings
):
    settings.NEWSLETTERS_MAX_PER_HOUR = 5
    settings.NEWSLETTERS_BATCH_SIZE = 4
    _readers(daily, 12)
    edition = _edition(daily, section)
    start = timezone.now()
    worker_round(now=start)
    worker_round(now=start + timedelta(minutes=1))
    worker_round(now=start + timedelta(minutes=30))
    assert len(wait_for(inbox, 6, seconds=2)) == 5  # 4, then 1, then none
    worker_round(now=start + timedelta(minutes=61))
    worker_round(now=start + timedelta(minutes=62))
    assert len(wait_for(inbox, 11, seconds=2)) == 10
    for minutes in (125, 126):
        worker_round(now=start + timedelta(minutes=minutes))
    assert len(wait_for(inbox, 12)) == 12
    assert Edition.objects.get(pk=edition.pk).status == Edition.Status.SENT


def test_a_task_chain_stops_at_the_cap_instead_of_spinning(section, daily, settings):
    settings.NEWSLETTERS_MAX_PER_HOUR = 3
    _readers(daily, 5)
    edition = _edition(daily, section)
    assert services.edition_send_batch(edition_id=edition.pk) == 0
    assert edition.deliveries.filter(status=Delivery.Status.SENT).count() == 3


def test_a_mail_server_that_is_down_fails_nobody(section, daily, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    settings.EMAIL_TIMEOUT = 2
    _readers(daily, 3)
    edition = _edition(daily, section)
    # 0: the task chain stops instead of retrying at once, again and again.
    assert services.edition_send_batch(edition_id=edition.pk) == 0
    assert set(edition.deliveries.values_list("status", flat=True)) == {"pending"}
    assert Edition.objects.get().status == Edition.Status.SENDING


def test_a_dead_workers_claim_is_sent_at_once_with_the_same_message_id(
    section, daily, inbox
):
    _readers(daily, 3)
    edition = _edition(daily, section)
    first, *_ = edition.deliveries.order_by("pk")
    services.edition_send_batch(edition_id=edition.pk)
    (sent, *_) = wait_for(inbox, 3)
    assert sent["Message-ID"] == services.delivery_message_id(first)
    # As if the worker had been killed right after the server accepted it.
    dead = subprocess.Popen([sys.executable, "-c", ""])  # a process that is gone
    dead.wait()
    Delivery.objects.filter(pk=first.pk).update(
        status=Delivery.Status.CLAIMED,
        claim=f"{socket.gethostname()[:60]}:{dead.pid}:0000",
        claimed_at=timezone.now(),
    )
    Edition.objects.filter(pk=edition.pk).update(status=Edition.Status.SENDING)
    worker_round()
    again = wait_for(inbox, 4)[3]
    assert again["To"] == sent["To"]
    assert again["Message-ID"] == sent["Message-ID"]  # receivers show it once


def test_a_live_claim_of_another_machine_waits_for_the_timeout(section, daily, inbox):
    _readers(daily, 2)
    edition = _edition(daily, section)
    Delivery.objects.filter(edition=edition).update(
        status=Delivery.Status.CLAIMED,
        claim="elsewhere:1:ab",
        claimed_at=timezone.now(),
    )
    worker_round()
    assert wait_for(inbox, 1, seconds=0.5) == []
    later = timezone.now() + timedelta(hours=1)
    worker_round(now=later)
    worker_round(now=later)
    assert len(wait_for(inbox, 2)) == 2


def _database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    return f"postgres://{auth}@{host}/{db['NAME']}"


def _worker(env, log):
    return subprocess.Popen(
        [sys.executable, "-m", "masthead.cli", "worker", "--interval", "0.2"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


@pytest.mark.django_db(transaction=True)
def test_2000_readers_get_the_edition_exactly_once_across_a_killed_worker(
    home, section, inbox, settings, tmp_path
):
    newsletter = Newsletter.objects.create(name="Daily", slug="daily")
    _readers(newsletter, 2000)
    _readers(newsletter, 50, start=5000, confirmed=False)
    left = _readers(newsletter, 1, start=9000)[0]
    Subscription.objects.filter(subscriber=left).delete()  # unsubscribed
    edition = _edition(newsletter, section)
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "EMAIL_URL": f"smtp://127.0.0.1:{settings.EMAIL_PORT}",
        "NEWSLETTERS_BATCH_SIZE": "100",
        "MASTHEAD_VAR_DIR": str(tmp_path),
    }
    log = (tmp_path / "worker.log").open("w")
    worker = _worker(env, log)
    try:
        deadline = time.monotonic() + 120
        while len(inbox) < 650 and time.monotonic() < deadline:
            time.sleep(0.01)
        worker.send_signal(signal.SIGKILL)  # mid-batch, mid-send
        worker.wait()
        at_kill = len(inbox)
        assert 650 <= at_kill < 2000, (tmp_path / "worker.log").read_text()
        assert Edition.objects.get().status == Edition.Status.SENDING
        assert edition.deliveries.filter(status=Delivery.Status.CLAIMED).exists()

        worker = _worker(env, log)
        deadline = time.monotonic() + 180
        while Edition.objects.get().status != Edition.Status.SENT:
            assert time.monotonic() < deadline, (tmp_path / "worker.log").read_text()
            time.sleep(0.2)
    finally:
        worker.kill()
        worker.wait()
        log.close()
    messages = wait_for(inbox, 2000)
    confirmed = {f"r{n}@example.org" for n in range(2000)}
    per_reader = Counter(m["To"] for m in messages)
    assert set(per_reader) == confirmed  # nobody skipped, nobody else mailed
    # The one message the server may have accepted in the instant before
    # the kill goes again with its Message-ID, which receivers dedupe on.
    twice = [to for to, count in per_reader.items() if count > 1]
    assert len(twice) <= 1
    assert len({(m["To"], m["Message-ID"]) for m in messages}) == 2000
    assert edition.deliveries.filter(status=Delivery.Status.SENT).count() == 2000


def _without_boundary(data: bytes):
    parsed = message_from_bytes(data, policy=policy.default)
    boundary = parsed.get_boundary().encode()
    return message_from_bytes(data.replace(boundary, b"B"), policy=policy.default)


def _headers(message):
    return [(k, " ".join(str(v).split())) for k, v in message.items() if k != "Date"]


def test_a_message_from_the_batch_template_is_the_message_built_whole(
    section, daily, inbox
):
    (reader,) = _readers(daily, 1)
    edition = _edition(daily, section)
    delivery = edition.deliveries.select_related("subscriber").get()
    rendered = render_edition(
        edition,
        unsubscribe_url=messages._UNSUBSCRIBE,
        preferences_url=messages._PREFERENCES,
    )
    connection = mail.get_connection()
    connection.open()
    try:
        template = messages.Template.build(edition, rendered, connection)
        assert template is not None  # the fast path is taken over SMTP
        email, data = template.message(delivery)
        whole = messages.delivery_email(edition, rendered, delivery, connection)
        whole = whole.message().as_bytes(linesep="\r\n")
    finally:
        connection.close()
    assert email == reader.email
    fast, slow = _without_boundary(data), _without_boundary(whole)
    # The same headers; a long one may be folded in one and not the other.
    assert _headers(fast) == _headers(slow)
    parts = [(p.get_content_type(), p.get_content()) for p in fast.iter_parts()]
    assert parts == [(p.get_content_type(), p.get_content()) for p in slow.iter_parts()]
    unsubscribe = services.unsubscribe_path(reader, daily)
    assert all(unsubscribe in content for _, content in parts)
    assert messages._UNSUBSCRIBE.encode() not in data
    assert messages._TO.encode() not in data


def test_an_address_the_template_cannot_take_gets_its_message_built_whole(
    section, daily, inbox
):
    _readers(daily, 2)
    Subscriber.objects.filter(email="r1@example.org").update(
        email="leser@bücher.example"
    )
    edition = _edition(daily, section)
    services.edition_send_batch(edition_id=edition.pk)
    received = wait_for(inbox, 2)
    assert sorted(m["To"] for m in received) == [
        "leser@xn--bcher-kva.example",
        "r0@example.org",
    ]
    assert edition.deliveries.filter(status=Delivery.Status.SENT).count() == 2
