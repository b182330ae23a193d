"""The mirror registry: every other address where readers find the newsroom.

Web mirrors and onion services serve this very site under their own host
(see middleware.py); static copies, the offline bundle, Telegram channels
and apps are only announced. A mirror is active, or deprecated until a set
day (still served, listed as going away), or retired (neither served nor
listed, kept for the record).
"""

import re
from datetime import date
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

# A v3 onion address: 56 base32 characters (version 2 addresses are dead).
ONION_HOST = re.compile(r"^[a-z2-7]{56}\.onion$")
# A static mirror whose address ends so is a file to download.
BUNDLE_SUFFIXES = (".zip",)


class Kind(models.TextChoices):
    WEB = "web", _("Web mirror (another host or a proxy serving this site)")
    ONION = "onion", _("Onion service (Tor)")
    STATIC = "static", _("Static copy or offline bundle")
    OTHER = "other", _("Other: a Telegram channel, an app, …")


# Kinds whose host serves this very site: their hosts are allowed hosts.
SERVING_KINDS = (Kind.WEB, Kind.ONION)


class Status(models.TextChoices):
    ACTIVE = "active", _("Active")
    DEPRECATED = "deprecated", _("Deprecated: still served until the retirement day")
    RETIRED = "retired", _("Retired: no longer served nor listed")


def normalize_url(url: str) -> str:
    """Lower-case scheme and host; drop the lone slash of a root address."""
    parts = urlsplit(url.strip())
    path = "" if parts.path == "/" else parts.path
    return urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), path, parts.query, parts.fragment)
    )


def host_of(url: str) -> str:
    """The host as browsers send it: lower case, international names in IDNA."""
    host = (urlsplit(url).hostname or "").lower()
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host  # the URL validator reports the bad name


def main_host() -> str:
    return (urlsplit(settings.SITE_URL).hostname or "").lower()


class Mirror(models.Model):
    url = models.URLField(
        _("address"),
        max_length=500,
        unique=True,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_(
            "Web mirrors and onion services: the root of the host, as in "
            "https://lantern.mirror.example. Telegram: https://t.me/yourchannel."
        ),
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.WEB)
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.ACTIVE
    )
    retire_on = models.DateField(
        _("retirement day"),
        null=True,
        blank=True,
        help_text=_(
            "For a deprecated mirror: the first day it is no longer served "
            "nor listed (in the newsroom's time zone)."
        ),
    )
    label = models.CharField(
        max_length=80,
        blank=True,
        help_text=_(
            "Shown to readers instead of the address, e.g. 'Telegram channel'. "
            "Optional."
        ),
    )
    note = models.CharField(
        _("public note"),
        max_length=300,
        blank=True,
        help_text=_("Shown to readers on the How to reach us page."),
    )
    host = models.CharField(max_length=255, editable=False, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("url"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
        FieldPanel("retire_on"),
        MultiFieldPanel(
            [FieldPanel("label"), FieldPanel("note")], heading=_("What readers see")
        ),
    ]

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["host"],
                condition=Q(kind__in=SERVING_KINDS),
                name="mirrors_one_entry_per_served_host",
                violation_error_message=_(
                    "Another mirror is already registered for this host: "
                    "edit that one instead."
                ),
            )
        ]

    def __str__(self) -> str:
        return self.label or self.display_address

    @property
    def display_address(self) -> str:
        """The address without its scheme, as readers would type it."""
        parts = urlsplit(self.url)
        return parts.netloc + (parts.path if parts.path != "/" else "")

    @property
    def href(self) -> str:
        """The link to give readers: a served host's front page, or the address."""
        return self.url + "/" if self.serves_site else self.url

    @property
    def serves_site(self) -> bool:
        return self.kind in SERVING_KINDS

    @property
    def is_download(self) -> bool:
        return self.kind == Kind.STATIC and urlsplit(self.url).path.lower().endswith(
            BUNDLE_SUFFIXES
        )

    def is_served(self, today: date) -> bool:
        """Whether readers may still use the mirror on ``today``."""
        if self.status == Status.ACTIVE:
            return True
        if self.status == Status.DEPRECATED:
            return self.retire_on is not None and today < self.retire_on
        return False

    def save(self, *args, **kwargs) -> None:
        self.url = normalize_url(self.url)
        self.host = host_of(self.url)
        super().save(*args, **kwargs)

    def clean_fields(self, exclude=None) -> None:
        if self.url:
            self.url = normalize_url(self.url)
        super().clean_fields(exclude=exclude)
        self.host = host_of(self.url)

    def clean(self) -> None:
        errors: dict[str, list[str]] = {}
        parts = urlsplit(self.url or "")
        host = host_of(self.url or "")
        if not host:
            return  # the URL field has said what is wrong
        if parts.username or parts.password:
            errors.setdefault("url", []).append(
                _("Leave user names and passwords out of a public address.")
            )
        if self.kind == Kind.ONION and not ONION_HOST.match(host):
            errors.setdefault("url", []).append(
                _(
                    "An onion service address is 56 letters and digits followed "
                    "by .onion, as in http://%(example)s.onion."
                )
                % {"example": "a" * 56}
            )
        if self.kind != Kind.ONION and host.endswith(".onion"):
            errors.setdefault("kind", []).append(
                _("This is an onion address: choose the kind 'Onion service'.")
            )
        if self.serves_site:
            if parts.path or parts.query or parts.fragment:
                errors.setdefault("url", []).append(
                    _(
                        "A mirror serves the whole site from the root of its host: "
                        "remove the path, as in %(root)s."
                    )
                    % {"root": f"{parts.scheme}://{parts.netloc}"}
                )
            if host == main_host():
                errors.setdefault("url", []).append(
                    _("This is the main address of the site, not a mirror.")
                )
            # Checked here: the admin form leaves the host out of its
            # constraint checks, since editors do not type it.
            elif (
                Mirror.objects.filter(host=host, kind__in=SERVING_KINDS)
                .exclude(pk=self.pk)
                .exists()
            ):
                errors.setdefault("url", []).append(
                    _("%(host)s is already registered: edit that mirror instead.")
                    % {"host": host}
                )
        if self.status == Status.DEPRECATED and self.retire_on is None:
            errors.setdefault("retire_on", []).append(
                _("Say from which day a deprecated mirror is no longer served.")
            )
        if self.status == Status.ACTIVE and self.retire_on is not None:
            errors.setdefault("retire_on", []).append(
                _(
                    "Only a deprecated mirror has a retirement day: set the status "
                    "to Deprecated, or clear the day."
                )
            )
        if errors:
            raise ValidationError(errors)


# Publishing the static export to the targets of settings.MIRROR_TARGETS -----


class PublishQueue(models.Model):
    """One row: when the next debounced publish runs, while one is waiting."""

    due_at = models.DateTimeField(null=True, blank=True)
    requested_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"publish due at {self.due_at}" if self.due_at else "no publish due"


class TargetStatus(models.Model):
    """How the last publish to one target went, for the Publishing admin page."""

    class State(models.TextChoices):
        OK = "ok", _("Published")
        RETRYING = "retrying", _("Failed: will retry")
        FAILED = "failed", _("Failed")

    name = models.CharField(max_length=100, unique=True)
    description = models.CharField(max_length=500, blank=True)
    state = models.CharField(max_length=10, choices=State.choices)
    message = models.TextField(blank=True)
    failures = models.PositiveIntegerField(
        default=0, help_text=_("Failed attempts since the last success.")
    )
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    retry_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "target statuses"

    def __str__(self) -> str:
        return f"{self.name}: {self.get_state_display()}"
