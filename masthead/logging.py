"""Logging that never carries a reader's address."""

import logging
import re

# IPv4 dotted quads and anything that looks like an IPv6 address.
_ADDRESS = re.compile(
    r"\b(?:\d{1,3}\.){3}\d{1,3}\b"
    r"|(?<![\w:])(?:[0-9a-fA-F]{1,4}:){2,7}[0-9a-fA-F]{0,4}(?![\w:])"
    r"|(?<![\w:])::(?:[0-9a-fA-F]{1,4}:?){1,7}(?![\w:])"
)


def scrub(text: str) -> str:
    """Return ``text`` with every IP address replaced by a placeholder."""
    return _ADDRESS.sub("[address]", text)


class ScrubClientAddress(logging.Filter):
    """Drop the request from log records and blank out IP addresses."""

    def filter(self, record: logging.LogRecord) -> bool:
        # Django attaches the request (and so REMOTE_ADDR) to error records;
        # a handler that formats it would leak the address.
        if hasattr(record, "request"):
            record.request = None
        record.msg = scrub(record.getMessage())
        record.args = None
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        return True
