"""Run localstripe on 127.0.0.1 and a free port; print the port, then serve.

localstripe itself listens on every interface on port 8420; tests must not.
"""

import socket
import sys

from aiohttp import web
from localstripe.server import app


def main() -> None:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    print(sock.getsockname()[1], flush=True)  # noqa: T201 - read by the test fixture
    web.run_app(app, sock=sock, access_log=None, print=None)


if __name__ == "__main__":
    sys.exit(main())
