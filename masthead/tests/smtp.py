"""A real SMTP server for tests that send mail (aiosmtpd on a free port)."""

import time
from email import message_from_bytes
from email.message import Message as EmailMessage

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message

from masthead.testing import free_port


class Inbox(Message):
    """Keep every message the server accepts, parsed."""

    def __init__(self):
        super().__init__()
        self.messages: list[EmailMessage] = []

    def handle_message(self, message):
        self.messages.append(message)

    def prepare_message(self, session, envelope):
        return message_from_bytes(envelope.content)


def smtp_inbox(settings):
    """Start a server, point Django's SMTP backend at it; yield its messages."""
    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    try:
        yield handler.messages
    finally:
        controller.stop()


def wait_for(messages, count, seconds=10):
    """Wait until ``count`` messages arrived, then a little more for strays."""
    deadline = time.monotonic() + seconds
    while len(messages) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.2)  # and make sure no more arrive
    return messages
