from django.conf import settings
from django.core.management.base import BaseCommand
from django.test.utils import override_settings
from django.utils import timezone

from masthead.appeals import demo as appeals_demo
from masthead.funding import demo as funding_demo
from masthead.funding.models import Donation
from masthead.mirrors import demo as mirrors_demo
from masthead.news import demo
from masthead.newsletters import demo as newsletters_demo

IMMEDIATE = "django_tasks.backends.immediate.ImmediateBackend"


class Command(BaseCommand):
    help = "Load the demo newsroom (idempotent) and print the admin login."

    def handle(self, *args, **options):
        # Run index and "Read more" updates inline: the demo must be searchable
        # as soon as it is served, without waiting for a worker to drain a queue.
        with override_settings(TASKS={"default": {"BACKEND": IMMEDIATE}}):
            counts = demo.build(progress=self._progress)
            # Appeals first: the demo donations are credited to them.
            appeals = appeals_demo.build()
            funding_demo.build()
            # Demo donors have fictional addresses: send them no receipts.
            Donation.objects.filter(receipt_sent_at__isnull=True).update(
                receipt_sent_at=timezone.now()
            )
        self.stdout.write("")
        username, password = demo.ensure_admin()
        counts["appeals"] = len(appeals)
        counts["mirrors"] = len(mirrors_demo.build())
        counts["newsletters"] = len(newsletters_demo.build())
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Demo newsroom ready: {summary}."))
        self.stdout.write(f"Admin: {settings.SITE_URL}/admin/")
        self.stdout.write(f"User: {username}")
        self.stdout.write(f"Password: {password}")

    def _progress(self, message: str) -> None:
        self.stdout.write(f"\r{message}", ending="")
        self.stdout.flush()
