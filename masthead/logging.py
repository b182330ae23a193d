"""Logging that never carries a reader's address nor a secret link.

The filter runs on the handler, before the formatter; so it formats the
traceback itself and scrubs it, as the formatter would otherwise print the
exception (whose message may hold a Host header or an address) unfiltered.
"""

import ipaddress
import logging
import re

from django.apps import apps
from django.urls import Resolver404, resolve

# Runs of characters an IP address is made of; each is checked by ipaddress,
# so that times ("12:30:45") and versions ("8.0.1") are left alone.
_CANDIDATE = re.compile(r"(?<![\w.:])[0-9A-Fa-f:.]*[:.][0-9A-Fa-f:.]*(?![\w.:])")
# Paths, alone ("/support/…") or in a URL ("//host/support/…").
_PATH = re.compile(r"/[^\s'\"<>?#]*")
# URL arguments that are secrets: sign-in and password-reset links, and the
# per-donation pages only their donor is given.
_SECRET_ARGUMENTS = re.compile(r"token|uidb64|public_id")
# Every such link has a long part (a token, a UUID): other paths are left be.
_LONG_SEGMENT = re.compile(r"/[^/]{20,}")
REDACTED_LINK_PART = "[token]"
_formatter = logging.Formatter()


def _is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def _replace_address(match: re.Match) -> str:
    text = match.group(0).strip(".")
    host, _, port = text.rpartition(":")
    if _is_address(text) or (port.isdigit() and _is_address(host)):
        return "[address]"
    return match.group(0)


def _replace_secrets(match: re.Match) -> str:
    text = match.group(0)
    if not _LONG_SEGMENT.search(text):
        return text  # saves resolving every file path of a traceback
    prefix, path = "", text
    if text.startswith("//"):  # scheme://host/path: resolve the path only
        start = text.find("/", 2)
        if start == -1:
            return text
        prefix, path = text[:start], text[start:]
    # A mangled link (".../sign-in/<token>/x/") matches no secret route as a
    # whole, so each leading part of the path is tried too.
    ends = [index + 1 for index, char in enumerate(path) if char == "/"]
    for end in [*ends[1:], len(path)]:
        try:
            arguments = resolve(path[:end]).kwargs
        except Resolver404:
            continue
        for name, value in arguments.items():
            if _SECRET_ARGUMENTS.search(name) and str(value):
                path = path.replace(str(value), REDACTED_LINK_PART)
    return prefix + path


def scrub(text: str) -> str:
    """Return ``text`` with IP addresses and the secrets in links blanked out."""
    text = _CANDIDATE.sub(_replace_address, text)
    if apps.ready and "/" in text:  # resolving needs the URLconf and models
        text = _PATH.sub(_replace_secrets, text)
    return text


class ScrubClientAddress(logging.Filter):
    """Drop the request from log records; blank out addresses and secret links."""

    def filter(self, record: logging.LogRecord) -> bool:
        # Django attaches the request (and so REMOTE_ADDR) to error records;
        # a handler that formats it would leak the address.
        if hasattr(record, "request"):
            record.request = None
        record.msg = scrub(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = _formatter.formatException(record.exc_info)
        # The formatter prints exc_text when it is set; with exc_info gone,
        # no other handler or formatter can print the unscrubbed traceback.
        record.exc_info = None
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        if record.stack_info:
            record.stack_info = scrub(record.stack_info)
        return True
