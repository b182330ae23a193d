"""The messages of a send: one per reader, built from the edition's bytes.

Building a message with Django's email classes costs milliseconds (MIME
objects, then the generator); over SMTP the edition's message is built
once a batch, with stand-ins for what differs per reader (the address, the
Message-ID, the unsubscribe and preferences links), and each reader's copy
is that byte string with the stand-ins replaced. Where that is not safe
(an encoded part the stand-ins could be split in, an address that is not
plain ASCII) or the backend is not SMTP, every message is built whole.
"""

import re
from email.utils import parseaddr

from django.conf import settings
from django.core import mail
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend
from django.core.mail.message import sanitize_address
from django.utils.crypto import salted_hmac

from masthead.newsletters.models import Delivery, Edition
from masthead.newsletters.rendering import base_url
from masthead.newsletters.services.subscriptions import (
    preferences_path,
    unsubscribe_path,
)

# Stand for each reader's own links in an edition rendered once a batch.
_UNSUBSCRIBE = "https://unsubscribe.invalid/reader"
_PREFERENCES = "https://preferences.invalid/reader"


def _mail_domain() -> str:
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    return address.rpartition("@")[2] or "localhost"


def delivery_message_id(delivery: Delivery) -> str:
    """The Message-ID of ``delivery``: the same every time it is sent.

    A message sent again after a crash (see ``deliveries_release_dead``)
    carries the Message-ID of the first attempt, so receivers that dedupe on
    it show it once. An HMAC, so it says nothing about how many readers
    there are; it is in a header, never in a link.
    """
    digest = salted_hmac(
        "masthead.newsletters.message-id",
        f"{delivery.edition_id}:{delivery.pk}",
        algorithm="sha256",
    ).hexdigest()[:32]
    return f"<{digest}.newsletter@{_mail_domain()}>"


def delivery_email(
    edition: Edition, rendered, delivery: Delivery, connection
) -> mail.EmailMultiAlternatives:
    """The whole message of ``delivery``, built with Django's email classes."""
    newsletter = edition.newsletter
    subscriber = delivery.subscriber
    base = base_url(newsletter)
    return _message_for(
        edition,
        rendered,
        to=subscriber.email,
        unsubscribe=base + unsubscribe_path(subscriber, newsletter),
        preferences=base + preferences_path(subscriber),
        message_id=delivery_message_id(delivery),
        connection=connection,
    )


def _message_for(
    edition: Edition,
    rendered,
    *,
    to: str,
    unsubscribe: str,
    preferences: str,
    message_id: str,
    connection,
) -> mail.EmailMultiAlternatives:
    newsletter = edition.newsletter

    def personal(text: str) -> str:
        return text.replace(_UNSUBSCRIBE, unsubscribe).replace(
            _PREFERENCES, preferences
        )

    message = mail.EmailMultiAlternatives(
        subject=rendered.subject,
        body=personal(rendered.text),
        from_email=newsletter.from_email,
        to=[to],
        connection=connection,
        headers={
            # RFC 8058: mail clients offer one-click unsubscribe with these.
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": f"{newsletter.name} <{newsletter.slug}.newsletters>",
            "Message-ID": message_id,
        },
    )
    message.attach_alternative(personal(rendered.html), "text/html")
    # Email services (through anymail) would add an open pixel and rewrite
    # links where their account is set so; SMTP ignores these.
    message.track_opens = message.track_clicks = False
    return message


_TO = "reader@to.invalid"
_MESSAGE_ID = "<reader.message-id@id.invalid>"
# Room a real link or address may take over its stand-in, per line.
_ROOM = 300
_LINE_LIMIT = 998
_PLAIN_ADDRESS = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+")


class Template:
    """The edition's message as bytes, with stand-ins for each reader's parts."""

    def __init__(self, edition: Edition, rendered, data: bytes, from_email: str):
        self.edition, self.rendered = edition, rendered
        self.data, self.from_email = data, from_email
        self.base = base_url(edition.newsletter)

    @classmethod
    def build(cls, edition: Edition, rendered, connection) -> "Template | None":
        """The template for this batch, or None if messages must be built whole."""
        if not isinstance(connection, SMTPBackend) or connection.connection is None:
            return None
        stand_in = _message_for(
            edition,
            rendered,
            to=_TO,
            unsubscribe=_UNSUBSCRIBE,
            preferences=_PREFERENCES,
            message_id=_MESSAGE_ID,
            connection=connection,
        )
        data = stand_in.message().as_bytes(linesep="\r\n")
        links = rendered.text + rendered.html
        expected = {
            _TO: 1,
            _MESSAGE_ID: 1,
            _UNSUBSCRIBE: 1 + links.count(_UNSUBSCRIBE),
            _PREFERENCES: links.count(_PREFERENCES),
        }
        if any(data.count(s.encode()) != n for s, n in expected.items()):
            return None  # a stand-in was encoded or folded: build each whole
        for line in data.split(b"\r\n"):
            stand_ins = sum(line.count(s.encode()) for s in expected)
            if stand_ins and len(line) + _ROOM * stand_ins > _LINE_LIMIT:
                return None
        from_email = sanitize_address(
            stand_in.from_email, stand_in.encoding or settings.DEFAULT_CHARSET
        )
        return cls(edition, rendered, data, from_email)

    def message(self, delivery: Delivery) -> tuple[str, bytes] | None:
        """The reader's address and message bytes, or None to build it whole."""
        subscriber = delivery.subscriber
        email = subscriber.email
        unsubscribe = self.base + unsubscribe_path(subscriber, self.edition.newsletter)
        preferences = self.base + preferences_path(subscriber)
        if not (
            _PLAIN_ADDRESS.fullmatch(email)
            and len(email) <= _ROOM
            and unsubscribe.isascii()
            and preferences.isascii()
            and len(unsubscribe) <= _ROOM
            and len(preferences) <= _ROOM
        ):
            return None
        data = (
            self.data.replace(_TO.encode(), email.encode())
            .replace(_MESSAGE_ID.encode(), delivery_message_id(delivery).encode())
            .replace(_UNSUBSCRIBE.encode(), unsubscribe.encode())
            .replace(_PREFERENCES.encode(), preferences.encode())
        )
        return email, data
