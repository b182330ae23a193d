from datetime import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from masthead.funding import notifications, services


def parse_since(value: str) -> datetime:
    try:
        day = datetime.fromisoformat(value)
    except ValueError as error:
        raise CommandError(
            f"--since wants a date such as 2026-11-01, not {value!r}"
        ) from error
    if timezone.is_naive(day):
        day = timezone.make_aware(day)
    if day > timezone.now():
        raise CommandError("--since is in the future.")
    return day


class Command(BaseCommand):
    help = (
        "List payment providers' events since a date, store any that were missed "
        "and process everything not yet processed, in the order the providers "
        "created them; then send the receipts that are due. Safe at any time."
    )

    def add_arguments(self, parser):
        parser.add_argument("--since", required=True, help="A date: 2026-11-01")

    def handle(self, *args, since: str, **options):
        report = services.funding_reconcile(
            since=parse_since(since), progress=self._progress
        )
        sent = notifications.notifications_send_pending()
        self.stdout.write("")
        self.stdout.write(
            f"Listed {report.listed} events, {report.new} new; "
            f"processed {report.processed}; {len(report.failed)} could not be "
            f"applied; {report.skipped} skipped (provider not configured); "
            f"{sent} emails sent."
        )
        for failure in report.failed:
            self.stderr.write(failure)

    def _progress(self, message: str) -> None:
        self.stdout.write(f"\r{message}", ending="")
        self.stdout.flush()
