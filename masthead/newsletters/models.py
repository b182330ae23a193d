"""Newsletters, their subscribers, editions and the send record of each.

Nothing here tracks a reader: a subscriber is an email address, the lists
it confirmed, a language and the time of confirmation. No address, no user
agent, no opens, no clicks.
"""

from django.conf import settings
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, PreviewableMixin

from masthead.mirrors.models import Kind, Mirror
from masthead.newsletters import rendering


class Schedule(models.TextChoices):
    MANUAL = "manual", _("By hand")
    DAILY = "daily", _("Daily digest")
    WEEKLY = "weekly", _("Weekly digest")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class Newsletter(models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.CharField(_("description"), max_length=300, blank=True)
    language = models.CharField(
        _("language"),
        max_length=12,
        default=settings.LANGUAGE_CODE,
        help_text=_("A code such as en, ru or uk; digests take articles in it."),
    )
    sender_name = models.CharField(_("sender name"), max_length=120, blank=True)
    sender_email = models.EmailField(
        _("sender address"),
        blank=True,
        help_text=_("Empty: the newsroom's DEFAULT_FROM_EMAIL."),
    )
    schedule = models.CharField(
        _("schedule"), max_length=10, choices=Schedule.choices, default=Schedule.MANUAL
    )
    send_time = models.TimeField(
        _("send at"),
        default="07:00",
        help_text=_("Digests go out at this time, in the newsroom's time zone."),
    )
    weekday = models.PositiveSmallIntegerField(
        _("weekday"), choices=Weekday.choices, default=Weekday.MONDAY
    )
    link_mirror = models.ForeignKey(
        Mirror,
        verbose_name=_("links point to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"kind__in": [Kind.WEB, Kind.ONION]},
        help_text=_(
            "Empty: the main domain. A mirror, for readers who cannot open the "
            "main domain; while the mirror is not served, the main domain."
        ),
    )
    full_text = models.BooleanField(
        _("full text"),
        default=False,
        help_text=_("Carry each article's whole text, not only its standfirst."),
    )
    is_public = models.BooleanField(_("offered on the sign-up form"), default=True)
    # Aggregates only: how many readers left, bounced or complained.
    unsubscribed_count = models.PositiveIntegerField(
        _("unsubscribed"), default=0, editable=False
    )
    bounced_count = models.PositiveIntegerField(_("bounced"), default=0, editable=False)
    complained_count = models.PositiveIntegerField(
        _("complained"), default=0, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("language"),
        FieldRowPanel([FieldPanel("sender_name"), FieldPanel("sender_email")]),
        MultiFieldPanel(
            [FieldPanel("schedule"), FieldPanel("send_time"), FieldPanel("weekday")],
            heading=_("Schedule"),
        ),
        FieldPanel("link_mirror"),
        FieldPanel("full_text"),
        FieldPanel("is_public"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("newsletter")

    def __str__(self) -> str:
        return self.name

    @property
    def from_email(self) -> str:
        address = self.sender_email or settings.DEFAULT_FROM_EMAIL
        if self.sender_name:
            name = self.sender_name.replace('"', "")
            return f'"{name}" <{address}>'
        return address


class Subscriber(models.Model):
    email = models.EmailField(_("email"), unique=True)
    language = models.CharField(_("language"), max_length=12, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    # Only a hash of the one-time confirmation token, and when it was made.
    token_hash = models.CharField(max_length=64, blank=True, editable=False)
    token_created_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    # Set from the email service's tracking webhooks: no more mail goes to
    # an address that bounced or whose reader marked a message as spam.
    bounced_at = models.DateTimeField(null=True, blank=True, editable=False)
    complained_at = models.DateTimeField(null=True, blank=True, editable=False)
    newsletters = models.ManyToManyField(
        Newsletter, through="Subscription", related_name="subscribers"
    )

    class Meta:
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(
                fields=["token_hash"],
                condition=~models.Q(token_hash=""),
                name="newsletters_token_hash_unique",
            )
        ]

    def __str__(self) -> str:
        return self.email


class Subscription(models.Model):
    """A list an address asked for; it gets mail once ``confirmed_at`` is set."""

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="subscriptions"
    )
    newsletter = models.ForeignKey(
        Newsletter, on_delete=models.CASCADE, related_name="subscriptions"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "newsletter"],
                name="newsletters_one_subscription_per_list",
            )
        ]

    def __str__(self) -> str:
        return f"{self.subscriber} → {self.newsletter}"


# A newsletter's page lists its newest editions sent, this many.
EDITIONS_LISTED = 100


class Edition(PreviewableMixin, ClusterableModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SCHEDULED = "scheduled", _("Scheduled")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")

    newsletter = models.ForeignKey(
        Newsletter, on_delete=models.CASCADE, related_name="editions"
    )
    subject = models.CharField(_("subject"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80)
    introduction = models.TextField(_("introduction"), blank=True)
    # The day a scheduled digest is for, so the worker builds each one once.
    digest_date = models.DateField(null=True, blank=True, editable=False)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    send_at = models.DateTimeField(
        _("send at"),
        null=True,
        blank=True,
        help_text=_("Set by “Schedule” on the send page."),
        editable=False,
    )
    started_at = models.DateTimeField(null=True, blank=True, editable=False)
    sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    panels = [
        FieldPanel("newsletter"),
        FieldPanel("subject"),
        FieldPanel("slug"),
        FieldPanel("introduction"),
        InlinePanel("edition_articles", label=_("Articles")),
    ]

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["newsletter", "slug"], name="newsletters_edition_slug_unique"
            ),
            models.UniqueConstraint(
                fields=["newsletter", "digest_date"],
                condition=models.Q(digest_date__isnull=False),
                name="newsletters_one_digest_per_day",
            ),
        ]

    def __str__(self) -> str:
        return self.subject

    def get_url(self) -> str:
        return f"/newsletters/{self.newsletter.slug}/{self.slug}/"

    @property
    def articles(self) -> list:
        """The edition's articles readers may see: an edition goes to anyone
        who subscribes and stays on the web, so it lists as every listing
        does (live, no view restriction)."""
        links = list(self.edition_articles.select_related("article"))
        articles = EditionArticle._meta.get_field("article").related_model
        listed = set(
            articles.objects.listed()
            .filter(pk__in=[link.article_id for link in links])
            .values_list("pk", flat=True)
        )
        return [link.article.specific for link in links if link.article_id in listed]

    def get_preview_template(self, request, mode_name):
        return "newsletters/email/edition.html"

    def serve_preview(self, request, mode_name):
        return HttpResponse(rendering.render_edition(self).html)


class EditionArticle(Orderable):
    edition = ParentalKey(
        Edition, on_delete=models.CASCADE, related_name="edition_articles"
    )
    article = models.ForeignKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("article")]


class Delivery(models.Model):
    """One edition to one subscriber: made once, sent at most once."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        CLAIMED = "claimed", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        SUPPRESSED = "suppressed", _("Not sent: bounced or complained")

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="deliveries"
    )
    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="deliveries"
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING
    )
    # "<host>:<pid>:<random>" of the worker that claimed it, so a restarted
    # worker knows at once which claims belong to a process that is gone.
    claim = models.CharField(max_length=120, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "subscriber"], name="newsletters_one_delivery"
            )
        ]
        indexes = [
            models.Index(fields=["edition", "status"]),
            # The hourly cap counts the claims of the last hour.
            models.Index(fields=["claimed_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.edition} → {self.subscriber}"
