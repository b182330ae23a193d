"""The export's render processes: forked from the exporter, each with its own
database connections, rendering pages in chunks.
"""

import multiprocessing
from collections.abc import Iterator

from django.db import connections

PARALLEL_FROM = 60  # pages: fewer are rendered faster than processes start
CHUNK = 40  # pages a process renders per task

# The exporter the forked processes render with (each has its own copy).
_WORKER = None

# Connections a forked worker inherited: kept referenced and never closed,
# since their sockets are the parent's (closing one ends the parent's session).
_INHERITED: list = []


def start(exporter, workers: int):
    """Fork ``workers`` processes that render with ``exporter``."""
    global _WORKER
    _WORKER = exporter
    # Each process opens its own connection; none may share the parent's.
    connections.close_all()
    return multiprocessing.get_context("fork").Pool(
        workers, initializer=_own_connections
    )


def render(pool, pages: list[str]) -> Iterator[tuple]:
    """Yield each page's render result, in the order they are done."""
    chunks = [pages[i : i + CHUNK] for i in range(0, len(pages), CHUNK)]
    for results in pool.imap_unordered(_render_chunk, chunks):
        yield from results


def _own_connections() -> None:
    """Make a forked worker open database connections of its own.

    ``close_all()`` before the fork does not always leave nothing open: in the
    PostgreSQL test suite both workers were seen sending queries over the
    parent's session and waiting for each other's answers forever. The worker
    forgets any connection it inherited, and Django connects afresh on its
    next query.
    """
    for connection in connections.all(initialized_only=True):
        if connection.connection is not None:
            _INHERITED.append(connection.connection)
            connection.connection = None


def _render_chunk(urls: list[str]) -> list[tuple]:
    return _WORKER.render_and_store(urls)
