"""Logging that never carries a reader's address."""

import ipaddress
import logging
import re

# Runs of characters an IP address is made of; each is checked by ipaddress,
# so that times ("12:30:45") and versions ("8.0.1") are left alone.
_CANDIDATE = re.compile(r"(?<![\w.:])[0-9A-Fa-f:.]*[:.][0-9A-Fa-f:.]*(?![\w.:])")


def _is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def _replace(match: re.Match) -> str:
    text = match.group(0).strip(".")
    host, _, port = text.rpartition(":")
    if _is_address(text) or (port.isdigit() and _is_address(host)):
        return "[address]"
    return match.group(0)


def scrub(text: str) -> str:
    """Return ``text`` with every IP address replaced by a placeholder."""
    return _CANDIDATE.sub(_replace, text)


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
