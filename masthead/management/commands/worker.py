import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from masthead.funding.tasks import worker_round as funding_round
from masthead.newsletters.tasks import worker_round as newsletters_round


class Command(BaseCommand):
    help = (
        "Run background tasks, publish scheduled pages and do reader funding's "
        "rounds (retries, scheduled reconcile, receipts) and send newsletters, "
        "every INTERVAL seconds. "
        "Without a worker, run `masthead publish_scheduled` from cron instead."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=10.0)
        parser.add_argument(
            "--once", action="store_true", help="Run one round, then exit."
        )

    def handle(self, *args, interval, once, **options):
        uses_queue = "DatabaseBackend" in settings.TASKS["default"]["BACKEND"]
        while True:
            call_command("publish_scheduled", verbosity=0)
            if uses_queue:
                call_command(
                    "db_worker",
                    batch=True,
                    startup_delay=False,
                    reload=False,
                    verbosity=0,
                )
            funding_round()
            newsletters_round()
            if once:
                return
            time.sleep(interval)
