import os
import subprocess
import sys

from django.core.management.base import BaseCommand


def default_workers() -> int:
    # Measured on 2 cores: two processes with two threads each served the most.
    return max(1, min(os.cpu_count() or 1, 4))


class Command(BaseCommand):
    help = "Serve Masthead with granian, plus the background task worker."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument(
            "--port", type=int, default=int(os.environ.get("PORT", "8000"))
        )
        parser.add_argument("--workers", type=int, default=default_workers())
        parser.add_argument("--threads", type=int, default=2)
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="Do not start the task worker (run `masthead worker` elsewhere).",
        )

    def handle(self, *args, host, port, workers, threads, no_worker, **options):
        worker = None
        if not no_worker:
            worker = subprocess.Popen([sys.executable, "-m", "masthead.cli", "worker"])
        command = [
            sys.executable, "-m", "granian",
            "--interface", "wsgi",
            "--host", host,
            "--port", str(port),
            "--workers", str(workers),
            "--blocking-threads", str(threads),
            "--no-access-log",
            "masthead.wsgi:application",
        ]  # fmt: skip
        self.stdout.write(f"Serving on http://{host}:{port}/ ({workers} workers)")
        try:
            subprocess.run(command, check=False)  # noqa: S603 - fixed arguments
        except KeyboardInterrupt:
            pass
        finally:
            if worker is not None:
                worker.terminate()
                worker.wait(timeout=10)
