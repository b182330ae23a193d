"""What an article holds besides its body: tags, authors, sources,
corrections and its ranked "Read more" links.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
)
from wagtail.models import Orderable

from masthead.news.models.authors import Author


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticleAuthor(Orderable):
    article = ParentalKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="article_authors"
    )
    author = models.ForeignKey(Author, on_delete=models.PROTECT, related_name="+")

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self) -> str:
        return str(self.author)


class CitedSource(Orderable):
    """A source the article cites: "Radio Kestrel reported"."""

    class Verb(models.TextChoices):
        REPORTED = "reported", _("… reported")
        SAID = "said", _("… said")
        ACCORDING_TO = "according_to", _("According to …")
        NONE = "", _("The name alone")

    article = ParentalKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="sources"
    )
    name = models.CharField(max_length=200)
    url = models.URLField(blank=True, verbose_name=_("link"))
    verb = models.CharField(
        max_length=20,
        choices=Verb.choices,
        default=Verb.REPORTED,
        blank=True,
        verbose_name=_("credited as"),
        help_text=_(
            "How readers see the source under the article: “Radio Kestrel"
            " reported”, “Radio Kestrel said”, “According to Radio Kestrel”, or"
            " the name alone."
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("url"), FieldPanel("verb")]

    class Meta(Orderable.Meta):
        verbose_name = _("cited source")

    def __str__(self) -> str:
        return self.name


class Correction(Orderable):
    article = ParentalKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="corrections"
    )
    date = models.DateTimeField()
    text = models.TextField()

    panels = [FieldPanel("date"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        ordering = ["date"]

    def __str__(self) -> str:
        return self.text[:60]


class RelatedArticle(models.Model):
    """A ranked "Read more" link, recomputed when an article is published."""

    article = models.ForeignKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="related_links"
    )
    related = models.ForeignKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="+"
    )
    score = models.FloatField()
    rank = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["article", "rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "related"], name="unique_related_article"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.article_id} → {self.related_id} ({self.score:.3f})"
