import sys
import time

import django_rq
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from masthead.funding.tasks import worker_round as funding_round
from masthead.management.commands.serve import STOP_SIGNALS, Children
from masthead.mirrors.tasks import worker_round as mirrors_round
from masthead.newsletters.tasks import worker_round as newsletters_round

RQ_BACKEND = "django_tasks_rq.RQBackend"
RQ_JOB_CLASS = "django_tasks_rq.Job"


def uses_rq() -> bool:
    return settings.TASKS["default"]["BACKEND"] == RQ_BACKEND


def rq_queues() -> list[str]:
    return list(settings.TASKS["default"].get("QUEUES") or ["default"])


def run_rq_burst() -> None:
    """Run every task waiting on the RQ queues in this process, then return."""
    worker = django_rq.get_worker(
        *rq_queues(), job_class=RQ_JOB_CLASS, worker_class="rq.worker.SimpleWorker"
    )
    worker.work(burst=True, logging_level="WARNING")


class Command(BaseCommand):
    help = (
        "Run background tasks, publish scheduled pages, retire mirrors whose "
        "retirement day has come, do reader funding's rounds (retries, "
        "scheduled reconcile, receipts) and send newsletters, "
        "every INTERVAL seconds. With TASKS_URL (tasks on Redis), an RQ worker "
        "runs tasks as soon as they are queued. "
        "Without a worker, run `masthead publish_scheduled` from cron instead."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=10.0)
        parser.add_argument(
            "--once", action="store_true", help="Run one round, then exit."
        )

    def handle(self, *args, interval, once, **options):
        if uses_rq() and not once:
            self.loop_beside_rq(interval)
            return
        while True:
            self.round()
            if once:
                return
            time.sleep(interval)

    def round(self):
        call_command("publish_scheduled", verbosity=0)
        mirrors_round()
        if "DatabaseBackend" in settings.TASKS["default"]["BACKEND"]:
            call_command(
                "db_worker",
                batch=True,
                startup_delay=False,
                reload=False,
                verbosity=0,
            )
        elif uses_rq():
            run_rq_burst()
        funding_round()
        newsletters_round()

    def loop_beside_rq(self, interval):
        """Run RQ's worker in a child process and the periodic rounds here.

        The child (django-rq's ``rqworker``, with its scheduler for tasks that
        run later) takes each task the moment it is queued; a stop signal
        reaches it once, and this process exits when it has stopped.
        """
        command = [
            sys.executable, "-m", "masthead.cli", "rqworker",
            "--job-class", RQ_JOB_CLASS, "--with-scheduler", "--verbosity", "0",
            *rq_queues(),
        ]  # fmt: skip
        children = Children()
        with children.forwarding(STOP_SIGNALS):
            try:
                rq_worker = children.start(command)
                while children.stopping is None and rq_worker.poll() is None:
                    call_command("publish_scheduled", verbosity=0)
                    mirrors_round()
                    funding_round()
                    newsletters_round()
                    deadline = time.monotonic() + interval
                    while (
                        children.stopping is None
                        and rq_worker.poll() is None
                        and time.monotonic() < deadline
                    ):
                        time.sleep(0.2)
            finally:
                children.stop()
        if rq_worker.returncode and children.stopping is None:
            raise SystemExit(rq_worker.returncode)
