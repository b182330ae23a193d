"""Benchmark: newsletter emails per second into a local SMTP server.

10,000 confirmed subscribers (BENCH_SUBSCRIBERS), an edition of five
articles, sent the way the worker sends it: ``edition_send_batch`` in a loop,
NEWSLETTERS_BATCH_SIZE messages over each SMTP connection, one row update per
message. The SMTP server (aiosmtpd) runs in its own process and counts what
it accepts; the run checks that every subscriber got exactly one message.
The reference, run in the same session against the same server, is smtplib
sending one ready-made message as often over one connection: what the
server and the socket allow, with no database and no rendering.

Prints one Markdown section for docs/benchmarks.md; progress goes to stderr.
Run: .venv/bin/python bench/newsletters.py  (DATABASE_URL picks the engine).
"""

import multiprocessing
import os
import smtplib
import socket
import sys
import time
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("MASTHEAD_VAR_DIR", str(ROOT / "var" / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
os.environ["TASKS_BACKEND"] = "django_tasks.backends.immediate.ImmediateBackend"
os.environ.setdefault("CACHE_URL", "locmemcache://bench")
os.environ.setdefault("SITE_URL", "https://news.example")

SUBSCRIBERS = int(os.environ.get("BENCH_SUBSCRIBERS", "10000"))
TARGET = 200


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve(port: int, accepted, ready) -> None:
    """The SMTP server's process: accept everything, count it."""
    from aiosmtpd.controller import Controller

    class Count:
        async def handle_DATA(self, server, session, envelope):
            with accepted.get_lock():
                accepted.value += len(envelope.rcpt_tos)
            return "250 OK"

    controller = Controller(Count(), hostname="127.0.0.1", port=port)
    controller.start()
    ready.set()
    while True:
        time.sleep(3600)


def _progress(message: str) -> None:
    print(f"\r{message}", end="", file=sys.stderr, flush=True)


def _reference(port: int, count: int) -> float:
    message = EmailMessage()
    message["From"] = "newsroom@news.example"
    message["Subject"] = "Reference"
    message.set_content("x" * 3000)
    start = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", port) as smtp:
        for number in range(count):
            del message["To"]
            message["To"] = f"r{number}@example.org"
            smtp.send_message(message)
    return count / (time.perf_counter() - start)


def main() -> None:
    port = _free_port()
    accepted = multiprocessing.Value("l", 0)
    ready = multiprocessing.Event()
    server = multiprocessing.Process(
        target=_serve, args=(port, accepted, ready), daemon=True
    )
    server.start()
    ready.wait(30)
    os.environ["EMAIL_URL"] = f"smtp://127.0.0.1:{port}"

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_test_environment

    from masthead.conftest import ensure_wagtail_tree
    from masthead.news.factories import (
        ArticlePageFactory,
        HomePageFactory,
        SectionPageFactory,
    )
    from masthead.newsletters import services
    from masthead.newsletters.models import (
        Delivery,
        Edition,
        EditionArticle,
        Newsletter,
        Subscriber,
        Subscription,
    )

    setup_test_environment()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    engine = connection.vendor
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        _progress("building the edition and the subscribers…")
        home = HomePageFactory(parent=ensure_wagtail_tree(), title="The Lantern")
        section = SectionPageFactory(parent=home, title="World", slug="world")
        newsletter = Newsletter.objects.create(name="Daily", slug="daily")
        edition = Edition.objects.create(
            newsletter=newsletter, subject="Today", slug="today", introduction="Hi."
        )
        for order in range(5):
            EditionArticle.objects.create(
                edition=edition,
                article=ArticlePageFactory(parent=section, title=f"Story {order}"),
                sort_order=order,
            )
        now = datetime.now(UTC)
        subscribers = Subscriber.objects.bulk_create(
            (
                Subscriber(email=f"r{n}@example.org", confirmed_at=now)
                for n in range(SUBSCRIBERS)
            ),
            batch_size=2000,
        )
        Subscription.objects.bulk_create(
            (
                Subscription(subscriber=s, newsletter=newsletter, confirmed_at=now)
                for s in subscribers
            ),
            batch_size=2000,
        )
        started = time.perf_counter()
        services.edition_send_start(edition=edition)
        start_seconds = time.perf_counter() - started
        started = time.perf_counter()
        remaining = SUBSCRIBERS
        while remaining:
            remaining = services.edition_send_batch(edition_id=edition.pk)
            _progress(f"sent {SUBSCRIBERS - remaining:,} of {SUBSCRIBERS:,}…")
        seconds = time.perf_counter() - started
        deadline = time.monotonic() + 10
        while accepted.value < SUBSCRIBERS and time.monotonic() < deadline:
            time.sleep(0.05)
        sent = Delivery.objects.filter(status=Delivery.Status.SENT).count()
        assert sent == SUBSCRIBERS, f"{sent} rows marked sent"
        assert accepted.value == SUBSCRIBERS, f"the server got {accepted.value}"
        _progress("reference: smtplib alone…" + " " * 20)
        before = accepted.value
        reference = _reference(port, SUBSCRIBERS)
        assert accepted.value - before == SUBSCRIBERS
        print(file=sys.stderr)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        server.kill()
    rate = SUBSCRIBERS / seconds
    verdict = "met" if rate >= TARGET else "NOT met"
    print(
        f"""## Newsletters ({datetime.now(UTC):%Y-%m-%d %H:%M} UTC)

Command: `.venv/bin/python bench/newsletters.py` ({engine}, {os.cpu_count()} cores)

{SUBSCRIBERS:,} confirmed subscribers, an edition of five articles, sent as the
worker sends it (`edition_send_batch` in a loop, {settings.NEWSLETTERS_BATCH_SIZE}
messages per SMTP connection, each row claimed before and marked after its
message) into aiosmtpd in its own process; every subscriber got exactly one
message. Reference: smtplib sending one ready-made message as many times over
one connection to the same server, in the same run.

| | emails/s | seconds |
|---|---:|---:|
| Masthead, {SUBSCRIBERS:,} subscribers | {rate:,.0f} | {seconds:.1f} |
| reference (smtplib alone) | {reference:,.0f} | {SUBSCRIBERS / reference:.1f} |
| ratio | {rate / reference:.2f} | |

Making the {SUBSCRIBERS:,} delivery rows took {start_seconds:.1f} s. Target: at least
{TARGET} emails/s (100,000 readers in under 10 minutes): {verdict}."""
    )


if __name__ == "__main__":
    main()
