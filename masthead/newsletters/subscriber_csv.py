"""Subscribers in and out as CSV, with their consent dates.

A newsroom moving from Mailchimp, Ghost or a spreadsheet brings its list;
the same columns come out of the export, so an export imports again. A file
with a broken row imports nothing: every broken row is reported by its line,
and the editor fixes the file and uploads it again.
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import datetime, time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from masthead.newsletters.models import Newsletter, Subscriber, Subscription
from masthead.newsletters.tasks import request_subscription

COLUMNS = ["email", "language", "confirmed_at", "subscribed_at", "status"]
# Header names other tools export, lower-cased.
_EMAIL = {"email", "email address", "e-mail", "e-mail address", "mail"}
_CONSENT = {
    "confirmed_at",
    "confirm_time",
    "optin_time",
    "consent_date",
    "consented_at",
}
_LANGUAGE = {"language", "lang", "locale"}
MAX_BYTES = 20 * 1024 * 1024


@dataclass
class ImportResult:
    errors: list[tuple[int, str]] = field(default_factory=list)
    created: int = 0
    added: int = 0
    already: int = 0
    confirmed: int = 0
    to_confirm: int = 0
    suppressed: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class _Row:
    line: int
    email: str
    language: str
    consent: datetime | None


def _parse_consent(value: str) -> datetime | None:
    value = value.strip()
    if not value:
        return None
    moment = parse_datetime(value.replace("Z", "+00:00"))
    if moment is None:
        day = parse_date(value)
        if day is None:
            raise ValueError
        moment = datetime.combine(day, time(0, 0))
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, timezone.get_default_timezone())
    return moment


def _rows(data: bytes, *, consent_asserted: bool, result: ImportResult) -> list[_Row]:
    if len(data) > MAX_BYTES:
        result.errors.append((0, _("The file is larger than 20 MB: split it.")))
        return []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        result.errors.append(
            (0, _("The file is not UTF-8 text: save it as CSV UTF-8."))
        )
        return []
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [name.strip().lower() for name in next(reader)]
    except StopIteration:
        result.errors.append((0, _("The file is empty.")))
        return []
    except csv.Error as error:
        result.errors.append((1, _("Not readable as CSV: %s") % error))
        return []

    def column(names):
        return next((i for i, name in enumerate(header) if name in names), None)

    email_at, consent_at, language_at = (
        column(_EMAIL),
        column(_CONSENT),
        column(_LANGUAGE),
    )
    if email_at is None:
        result.errors.append((1, _("No “email” column in the first line.")))
        return []
    if consent_asserted and consent_at is None:
        result.errors.append(
            (1, _("No “confirmed_at” column: readers' consent needs its date."))
        )
        return []
    rows, seen, now = [], {}, timezone.now()
    try:
        for values in reader:
            line = reader.line_num
            if not any(value.strip() for value in values):
                continue  # a blank line
            if len(values) != len(header):
                result.errors.append(
                    (
                        line,
                        _("%(found)s fields where the first line has %(expected)s.")
                        % {"found": len(values), "expected": len(header)},
                    )
                )
                continue
            email = values[email_at].strip().lower()
            try:
                validate_email(email)
            except ValidationError:
                result.errors.append(
                    (line, _("“%(email)s” is not an email address.") % {"email": email})
                )
                continue
            if email in seen:
                result.errors.append(
                    (
                        line,
                        _("%(email)s is on line %(line)s already.")
                        % {"email": email, "line": seen[email]},
                    )
                )
                continue
            seen[email] = line
            consent = None
            if consent_at is not None:
                try:
                    consent = _parse_consent(values[consent_at])
                except ValueError:
                    result.errors.append(
                        (
                            line,
                            _(
                                "“%(value)s” is not a date (use 2026-03-31 or "
                                "2026-03-31T09:30:00Z)."
                            )
                            % {"value": values[consent_at].strip()},
                        )
                    )
                    continue
                if consent and consent > now:
                    result.errors.append(
                        (line, _("The consent date is in the future."))
                    )
                    continue
            if consent_asserted and consent is None:
                result.errors.append((line, _("No consent date.")))
                continue
            language = values[language_at].strip() if language_at is not None else ""
            if len(language) > 12:
                result.errors.append((line, _("The language code is too long.")))
                continue
            rows.append(_Row(line, email, language, consent))
    except csv.Error as error:
        result.errors.append((reader.line_num, _("Not readable as CSV: %s") % error))
    return rows


def subscribers_import(
    *, newsletter: Newsletter, data: bytes, consent_asserted: bool
) -> ImportResult:
    """Import the subscribers of a CSV file onto ``newsletter``; all or nothing.

    Unless the editor asserts that every reader in the file already agreed
    (and each row carries the date), imported readers get a confirmation
    email and no edition until they click it: a list bought or scraped
    cannot be mailed through Masthead.
    """
    result = ImportResult()
    rows = _rows(data, consent_asserted=consent_asserted, result=result)
    if result.errors:
        return result
    to_confirm = []
    with transaction.atomic():
        existing = {
            s.email: s
            for s in Subscriber.objects.filter(email__in=[row.email for row in rows])
        }
        for row in rows:
            subscriber = existing.get(row.email)
            if subscriber is None:
                subscriber = Subscriber.objects.create(
                    email=row.email,
                    language=row.language or newsletter.language,
                    confirmed_at=row.consent if consent_asserted else None,
                )
                result.created += 1
            elif consent_asserted and subscriber.confirmed_at is None:
                Subscriber.objects.filter(pk=subscriber.pk).update(
                    confirmed_at=row.consent
                )
            if subscriber.bounced_at or subscriber.complained_at:
                result.suppressed += 1
            subscription, created = Subscription.objects.get_or_create(
                subscriber=subscriber,
                newsletter=newsletter,
                defaults={"confirmed_at": row.consent if consent_asserted else None},
            )
            if created:
                result.added += 1
            if subscription.confirmed_at is not None:
                if created:
                    result.confirmed += 1
                else:
                    result.already += 1
            elif consent_asserted:
                subscription.confirmed_at = row.consent
                subscription.save(update_fields=["confirmed_at"])
                result.confirmed += 1
            else:
                to_confirm.append(subscriber)
        result.to_confirm = len(to_confirm)

        def ask():
            for subscriber in to_confirm:
                request_subscription.enqueue(
                    email=subscriber.email,
                    newsletter_ids=[newsletter.pk],
                    language=subscriber.language or settings.LANGUAGE_CODE,
                )

        transaction.on_commit(ask)
    return result


def _cell(value: str) -> str:
    # A spreadsheet runs a cell that starts like a formula.
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def subscribers_export(*, newsletter: Newsletter, out) -> int:
    """Write ``newsletter``'s subscribers to ``out`` as CSV; return how many."""
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    count = 0
    subscriptions = (
        Subscription.objects.filter(newsletter=newsletter)
        .select_related("subscriber")
        .order_by("subscriber__email")
    )
    for subscription in subscriptions.iterator(chunk_size=2000):
        subscriber = subscription.subscriber
        if subscriber.complained_at:
            status = "complained"
        elif subscriber.bounced_at:
            status = "bounced"
        elif subscription.confirmed_at:
            status = "subscribed"
        else:
            status = "unconfirmed"
        writer.writerow(
            [
                _cell(subscriber.email),
                _cell(subscriber.language),
                subscription.confirmed_at.isoformat()
                if subscription.confirmed_at
                else "",
                subscriber.created_at.isoformat(),
                status,
            ]
        )
        count += 1
    return count
