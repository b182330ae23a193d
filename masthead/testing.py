"""Helpers for the tests of several apps."""

import threading
from collections.abc import Callable

from django.db import connection


def race(work: Callable[[], object], *, threads: int = 4) -> list[Exception]:
    """Run ``work`` in ``threads`` threads released at once; return their errors.

    Each thread has its own database connection, closed when it ends. Use it
    in ``django_db(transaction=True)`` tests, so that the threads see the data.
    """
    barrier = threading.Barrier(threads)
    errors: list[Exception] = []

    def run() -> None:
        try:
            barrier.wait()
            work()
        except Exception as error:  # noqa: BLE001 - returned to the test
            errors.append(error)
        finally:
            connection.close()

    started = [threading.Thread(target=run) for _ in range(threads)]
    for thread in started:
        thread.start()
    for thread in started:
        thread.join()
    return errors
