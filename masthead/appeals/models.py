"""Appeals: the requests for support a reader sees, and their aggregate counts.

An appeal is rendered into every cached page the same way for every reader;
the reader's own device decides whether to show it (see appeals.js). The
server only ever learns daily totals per appeal, variant and event.
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable, PreviewableMixin

from masthead.appeals import figures, rendering
from masthead.funding.models import CURRENCY_CHOICES, Frequency
from masthead.funding.money import Money

LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})*$")
BODY_FEATURES = ["bold", "italic", "link"]


class Placement(models.TextChoices):
    BANNER = "banner", _("Banner at the bottom of the screen")
    INLINE = "inline", _("Inline, after a paragraph of the article")
    END = "end", _("End of the article")


class Audience(models.TextChoices):
    EVERYONE = "everyone", _("Everyone")
    NON_DONORS = "non_donors", _("Readers who have not donated")


class Event(models.TextChoices):
    """What the reader's device reports, counted per day and nothing else."""

    IMPRESSION = "impression", _("Impression")
    CLICK = "click", _("Click")
    SNOOZE = "snooze", _("Remind me later")
    SUPPORTER = "supporter", _("I already support you")


class Appeal(PreviewableMixin, ClusterableModel):
    name = models.CharField(
        max_length=100, help_text=_("For the team only; readers never see it.")
    )
    key = models.SlugField(
        max_length=50,
        unique=True,
        blank=True,
        help_text=_(
            "Carried into the support page and the counts, as in "
            "/support/?appeal=spring-end. Made from the name if left blank; "
            "keep it once the appeal runs."
        ),
    )
    active = models.BooleanField(
        default=True, help_text=_("Switch off to stop the appeal at once.")
    )
    placement = models.CharField(
        max_length=10, choices=Placement.choices, default=Placement.END
    )
    inline_after = models.PositiveSmallIntegerField(
        default=4,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        verbose_name=_("inline after paragraph"),
        help_text=_(
            "For inline appeals: shown after this paragraph of the article; "
            "shorter articles go without."
        ),
    )
    show_goal_meter = models.BooleanField(
        default=True, help_text=_("Show how much of this month's goal is covered.")
    )
    remind_label = models.CharField(
        max_length=60, default="Remind me later", verbose_name=_("snooze label")
    )
    snooze_days = models.PositiveSmallIntegerField(
        default=7,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_("How long “Remind me later” hides this appeal on the device."),
    )
    supporter_label = models.CharField(
        max_length=60,
        default="I already support you",
        blank=True,
        help_text=_("Leave blank to leave the link out."),
    )
    supporter_days = models.PositiveSmallIntegerField(
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_("How long that link hides all appeals on the device."),
    )
    audience = models.CharField(
        max_length=12, choices=Audience.choices, default=Audience.NON_DONORS
    )
    donor_days = models.PositiveSmallIntegerField(
        default=180,
        validators=[MinValueValidator(1), MaxValueValidator(3650)],
        verbose_name=_("quiet days after a donation"),
        help_text=_(
            "For readers who have not donated: after a donation made on the "
            "device, the appeal stays hidden this many days."
        ),
    )
    min_articles = models.PositiveSmallIntegerField(
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(1000)],
        verbose_name=_("from the reader's article number"),
        help_text=_("1 shows it at once; 3 waits until the reader's third article."),
    )
    starts_at = models.DateTimeField(null=True, blank=True)
    ends_at = models.DateTimeField(null=True, blank=True)
    sections = ParentalManyToManyField(
        "news.SectionPage",
        blank=True,
        help_text=_("Leave empty for every section."),
    )
    language = models.CharField(
        max_length=12,
        blank=True,
        help_text=_("Only on pages in this language (en, ru, uk…); blank for all."),
    )
    priority = models.SmallIntegerField(
        default=0,
        help_text=_("When several appeals fit one place, the highest number wins."),
    )
    currency = models.CharField(
        max_length=3,
        choices=CURRENCY_CHOICES,
        default="USD",
        help_text=_("Currency of the amounts the buttons preselect."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    appeal_panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("placement"), FieldPanel("inline_after")]),
        InlinePanel(
            "variants",
            label=_("Variant"),
            heading=_("Variants"),
            min_num=1,
            help_text=_(
                "Each reader's device keeps one variant, chosen by weight. "
                "One variant is a plain appeal; two or more compare. "
                "Headline, text and button may use this month's figures: "
                "{goal} (the monthly cost), {raised} (covered so far) and "
                "{percent} (the share covered, such as 48%)."
            ),
        ),
        FieldPanel("show_goal_meter"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("remind_label"), FieldPanel("snooze_days")]),
                FieldRowPanel(
                    [FieldPanel("supporter_label"), FieldPanel("supporter_days")]
                ),
            ],
            heading=_("Letting readers say no"),
        ),
    ]
    audience_panels = [
        FieldPanel("active"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldRowPanel([FieldPanel("audience"), FieldPanel("donor_days")]),
        FieldPanel("min_articles"),
        FieldPanel("sections"),
        FieldRowPanel([FieldPanel("language"), FieldPanel("priority")]),
        FieldPanel("key"),
        FieldPanel("currency"),
    ]

    class Meta:
        ordering = ["-priority", "pk"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must come after the start.")})
        if not self.key:
            self.key = self._free_key(slugify(self.name)[:40] or "appeal")
        self.language = self.language.strip().lower()
        if self.language and not LANGUAGE_CODE.match(self.language):
            raise ValidationError(
                {"language": _("Use a language code such as en, ru or pt-br.")}
            )

    def _free_key(self, base: str) -> str:
        taken = set(
            Appeal.objects.exclude(pk=self.pk)
            .filter(key__startswith=base)
            .values_list("key", flat=True)
        )
        key, number = base, 1
        while key in taken:
            number += 1
            key = f"{base}-{number}"
        return key

    def get_preview_template(self, request, mode_name):
        return "appeals/preview.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["previews"] = rendering.render_preview(self)
        return context

    @property
    def status(self) -> str:
        now = timezone.now()
        if not self.active:
            return _("Off")
        if self.starts_at and self.starts_at > now:
            return _("Scheduled")
        if self.ends_at and self.ends_at <= now:
            return _("Ended")
        return _("Running")


class AppealVariant(Orderable):
    appeal = ParentalKey(Appeal, on_delete=models.CASCADE, related_name="variants")
    key = models.CharField(
        max_length=20,
        blank=True,
        help_text=_("A, B, C… given on save; counts and donations use it."),
    )
    weight = models.PositiveSmallIntegerField(
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Share of new readers: weights 3 and 1 show this one to 75%."),
    )
    headline = models.CharField(max_length=200)
    body = RichTextField(features=BODY_FEATURES, blank=True)
    button_label = models.CharField(max_length=60, default="Support us")
    frequency = models.CharField(
        max_length=10, choices=Frequency.choices, default=Frequency.MONTHLY
    )
    amount = models.PositiveIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Whole amount to preselect, such as 5; blank for none."),
    )

    panels = [
        FieldRowPanel([FieldPanel("key", read_only=True), FieldPanel("weight")]),
        FieldPanel("headline"),
        FieldPanel("body"),
        FieldRowPanel(
            [FieldPanel("button_label"), FieldPanel("frequency"), FieldPanel("amount")]
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("variant")

    def __str__(self) -> str:
        return f"{self.key or '?'}: {self.headline}"

    def clean(self) -> None:
        super().clean()
        errors = {}
        for name in ("headline", "body", "button_label"):
            wrong = figures.unknown(getattr(self, name))
            if wrong:
                errors[name] = _(
                    "%(wrong)s is not a figure we can fill in. Use {goal}, "
                    "{raised} or {percent}."
                ) % {"wrong": ", ".join(dict.fromkeys(wrong))}
        if errors:
            raise ValidationError(errors)

    def support_url(self, base: str) -> str:
        """The button's target: the support page, preselected and attributed."""
        query = {
            "frequency": self.frequency,
            "currency": self.appeal.currency,
            "appeal": self.appeal.key,
            "variant": self.key,
        }
        if self.amount:
            query["amount"] = Money.major(self.amount, self.appeal.currency).minor
        return f"{base}?{urlencode(query)}"


class DailyCount(models.Model):
    """How often an appeal's variant was seen, clicked or snoozed on one day.

    No row holds anything about a reader: a beacon only adds one to a total.
    """

    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="counts")
    variant = models.CharField(max_length=20)
    day = models.DateField()
    impressions = models.PositiveIntegerField(default=0)
    clicks = models.PositiveIntegerField(default=0)
    snoozes = models.PositiveIntegerField(default=0)
    supporters = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["appeal", "variant", "day"], name="unique_appeal_daily_count"
            )
        ]

    def __str__(self) -> str:
        return f"{self.appeal.key}/{self.variant} on {self.day}"


EVENT_COLUMNS = {
    Event.IMPRESSION: "impressions",
    Event.CLICK: "clicks",
    Event.SNOOZE: "snoozes",
    Event.SUPPORTER: "supporters",
}
