"""Benchmark: Stripe webhook ingestion, end to end, in events per second.

Signed deliveries go through the whole stack (signature check, storing the
raw event once, processing it into the ledger) with 10% duplicates in
shuffled order, on a fresh test database of whichever engine DATABASE_URL
names (SQLite by default). A trivial request (/healthz) timed in the same run
is the reference, since the machines are shared and noisy. The run checks its
own result: the ledger must hold exactly one entry per distinct payment.
"""

import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("MASTHEAD_VAR_DIR", str(ROOT / "var" / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
os.environ["TASKS_BACKEND"] = "django_tasks.backends.immediate.ImmediateBackend"
os.environ.setdefault("STRIPE_SECRET_KEY", "sk_test_bench")
os.environ.setdefault("STRIPE_WEBHOOK_SECRET", "whsec_bench")
os.environ.setdefault("STRIPE_API_BASE", "http://127.0.0.1:9")
os.environ.setdefault("CACHE_URL", "locmemcache://bench")
os.environ["EMAIL_URL"] = "memorymail://"  # receipts are built, not printed

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from masthead.funding.factories import stripe_events as se  # noqa: E402
from masthead.funding.models import LedgerEntry, ProviderEvent  # noqa: E402

EVENTS = int(os.environ.get("BENCH_EVENTS", "1000"))
SECRET = os.environ["STRIPE_WEBHOOK_SECRET"]


def deliveries(count: int) -> list[bytes]:
    unique = []
    for number in range(count):
        if number % 2:
            obj = se.invoice(
                amount=500 + number, subscription=f"sub_{number}",
                payment_intent=f"pi_inv_{number}", invoice_id=f"in_{number}",
            )  # fmt: skip
            obj["customer_email"] = f"reader{number}@example.org"
            obj["customer"] = f"cus_{number}"
            event = se.event(f"evt_{number}", "invoice.paid", obj)
        else:
            session = {
                "id": f"cs_{number}", "object": "checkout.session", "mode": "payment",
                "status": "complete", "payment_status": "paid",
                "amount_total": 1000 + number, "currency": "usd",
                "customer": f"cus_{number}",
                "customer_details": {"email": f"reader{number}@example.org"},
                "client_reference_id": None, "payment_intent": f"pi_{number}",
                "metadata": {},
            }  # fmt: skip
            event = se.event(f"evt_{number}", "checkout.session.completed", session)
        unique.append(se.body(event))
    duplicates = random.Random(7).sample(unique, count // 10)
    stream = unique + duplicates
    random.Random(11).shuffle(stream)
    return stream


def per_second(action, count: int) -> float:
    start = time.perf_counter()
    for index in range(count):
        action(index)
    return count / (time.perf_counter() - start)


def main() -> None:
    setup_test_environment()
    engine = connection.vendor
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        client = Client()
        stream = deliveries(EVENTS)
        signed = [(body, se.sign(body, secret=SECRET)) for body in stream]

        def deliver(index: int) -> None:
            body, signature = signed[index]
            response = client.post(
                "/funding/webhooks/stripe/", body, content_type="application/json",
                HTTP_STRIPE_SIGNATURE=signature,
            )  # fmt: skip
            assert response.status_code == 200, response.content

        reference = per_second(lambda _: client.get("/healthz"), 300)
        rate = per_second(deliver, len(signed))
        assert ProviderEvent.objects.count() == EVENTS
        assert ProviderEvent.objects.filter(processed_at__isnull=True).count() == 0
        assert LedgerEntry.objects.count() == EVENTS, "counted twice or lost"
        print(
            f"| {engine} | {len(signed):,} ({EVENTS:,} distinct) | {rate:,.0f} | "
            f"{reference:,.0f} | {rate / reference:.3f} |"
        )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
