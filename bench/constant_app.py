"""A WSGI application that answers every request with the same bytes and
headers: the ceiling of granian itself, with no work in Python.

``bench/run.py`` serves the article a page cache hit sends, headers included,
through it under the same granian settings as the app, so that a hit's rate
can be read against what the server alone manages. The files come from
``BENCH_CONSTANT_DIR``: ``body`` and ``headers.json``.
"""

import json
import os
from pathlib import Path

_folder = Path(os.environ["BENCH_CONSTANT_DIR"])
BODY = (_folder / "body").read_bytes()
HEADERS = [tuple(pair) for pair in json.loads((_folder / "headers.json").read_text())]


def application(environ, start_response):
    start_response("200 OK", HEADERS)
    return [BODY]
