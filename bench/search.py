"""Search misses on the synthetic archive: wrk at 8 connections, random queries.

Serves the archive with ``masthead serve --no-worker`` on a free port (the
per-address miss limit raised, since every request comes from 127.0.0.1),
then measures ``/healthz`` as the reference of the same run and searches
whose random last word matches nothing, so that each one misses the page
cache. Prints p50, p99 and requests/s of each::

    python bench/search.py --articles 10000 --seconds 20
"""

import argparse
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import archive
from loads import SEARCH_LUA, SEARCH_WORDS

# The same misses as make bench asks for (bench/loads.py).
LUA = SEARCH_LUA % ", ".join(f'"{word}"' for word in SEARCH_WORDS)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wrk(url: str, seconds: int, script: str | None = None) -> str:
    command = ["wrk", "-t2", "-c8", f"-d{seconds}s", "--latency"]
    if script:
        command += ["-s", script]
    done = subprocess.run(  # noqa: S603 - fixed arguments
        [*command, url], capture_output=True, text=True, timeout=seconds + 30
    )
    out = done.stdout
    p50 = re.search(r"\s50%\s+(\S+)", out).group(1)
    p99 = re.search(r"\s99%\s+(\S+)", out).group(1)
    rate = re.search(r"Requests/sec:\s+(\S+)", out).group(1)
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return f"p50 {p50}, p99 {p99}, {rate} req/s" + (
        f", {bad.group(1)} non-2xx" if bad else ""
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--seconds", type=int, default=20)
    options = parser.parse_args()
    folder = archive.prepare(options.articles)
    port = free_port()
    env = {
        **os.environ,
        "MASTHEAD_VAR_DIR": str(folder),
        "PAGE_CACHE_MISS_LIMIT_PER_IP": "1000000000",
    }
    masthead = Path(sys.executable).with_name("masthead")
    server = subprocess.Popen(  # noqa: S603 - our own command
        [str(masthead), "serve", "--no-worker", "--host", "127.0.0.1"]
        + ["--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(60):  # at most 30 s for the server to answer
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2)  # noqa: S310
                break
            except OSError:
                time.sleep(0.5)
        with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
            script.write(LUA)
            script.flush()
            print(f"/healthz, 8 connections: {wrk(base + '/healthz', 10)}")
            result = wrk(base + "/", options.seconds, script.name)
            print(f"search misses, {options.articles:,} articles: {result}")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
