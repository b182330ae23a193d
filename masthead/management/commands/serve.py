import contextlib
import os
import signal
import subprocess
import sys

from django.core.management.base import BaseCommand

# Signals that stop the server; each is passed on to every child.
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)
# Seconds a child has to finish its requests or its task after the signal.
GRACE = 20


def default_workers() -> int:
    # One process per core, at most four.
    return max(1, min(os.cpu_count() or 1, 4))


# Threads per process.
DEFAULT_THREADS = 2


class Command(BaseCommand):
    help = "Serve Masthead with granian, plus the background task worker."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument(
            "--port", type=int, default=int(os.environ.get("PORT", "8000"))
        )
        parser.add_argument("--workers", type=int, default=default_workers())
        parser.add_argument("--threads", type=int, default=DEFAULT_THREADS)
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="Do not start the task worker (run `masthead worker` elsewhere).",
        )

    def handle(self, *args, host, port, workers, threads, no_worker, **options):
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
        self.stdout.flush()
        children = Children()
        with children.forwarding(STOP_SIGNALS):
            try:
                if not no_worker:
                    children.start([sys.executable, "-m", "masthead.cli", "worker"])
                server = children.start(command)
                server.wait()
            finally:
                children.stop()
        if server.returncode and not children.stopping:
            raise SystemExit(server.returncode)


class Children:
    """The processes `serve` started: signals are passed on, and they are waited for.

    Each child runs in its own process group, so a Ctrl-C in the terminal
    reaches `serve` alone and every child is told exactly once; a plain
    `kill` of `serve` (a supervisor's SIGTERM) reaches them the same way.
    """

    def __init__(self):
        self.processes: list[subprocess.Popen] = []
        self.stopping: int | None = None

    def start(self, command: list[str]) -> subprocess.Popen:
        process = subprocess.Popen(command, process_group=0)  # noqa: S603 - fixed arguments
        self.processes.append(process)
        if self.stopping is not None:  # the signal came while it was starting
            process.send_signal(self.stopping)
        return process

    def forward(self, signum, frame):
        self.stopping = signum
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signum)

    @contextlib.contextmanager
    def forwarding(self, signals):
        previous = {signum: signal.signal(signum, self.forward) for signum in signals}
        try:
            yield
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)

    def stop(self):
        """Ask every child still running to stop, then wait; kill one that hangs."""
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(self.stopping or signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=GRACE)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
