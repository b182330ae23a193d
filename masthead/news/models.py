"""The publication: front page, sections, articles, authors, images."""

from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.core.paginator import Page as PaginatorPage
from django.db import models
from django.db.models import Exists, OuterRef, prefetch_related_objects
from django.db.models.functions import Length, Substr
from django.http import Http404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    TitleFieldPanel,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Orderable, Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.search import index

from masthead.news.blocks import RICH_TEXT_FEATURES, ArticleBodyBlock
from masthead.news.panels import RequiredRowsPanel

ARTICLES_PER_PAGE = 12


def paginate(request, queryset, per_page: int = ARTICLES_PER_PAGE) -> PaginatorPage:
    """Return the requested page of ``queryset``; 404 on a bad page number."""
    raw = request.GET.get("page", "1")
    if not raw.isascii() or not raw.isdigit() or len(raw) > 6:
        raise Http404(_("That page number is not valid."))
    try:
        return Paginator(queryset, per_page).page(int(raw))
    except EmptyPage as error:
        raise Http404(_("There is no page with that number.")) from error


def prepare_cards(
    articles, *, section: "SectionPage | None" = None
) -> list["ArticlePage"]:
    """Return ``articles`` with what their cards show read in three queries.

    A card names the article's section and authors; without this each card
    would ask for its parent page and its authors on its own.
    """
    articles = list(articles)
    prefetch_related_objects(articles, "article_authors__author")
    if section is None:
        parents = {article.path[: -Page.steplen] for article in articles}
        by_path = {s.path: s for s in SectionPage.objects.filter(path__in=parents)}
    for article in articles:
        article.__dict__["section"] = (
            section
            if section is not None
            else by_path.get(article.path[: -Page.steplen])
        )
        article.__dict__["authors"] = [
            link.author for link in article.article_authors.all()
        ]
    return articles


class NewsImage(AbstractImage):
    """An image with alt text (``description``, required) and a credit."""

    credit = models.CharField(max_length=255, blank=True, verbose_name=_("credit"))

    admin_form_fields = (*Image.admin_form_fields, "credit")

    @property
    def alt(self) -> str:
        return self.description or self.title


class NewsRendition(AbstractRendition):
    image = models.ForeignKey(
        NewsImage, on_delete=models.CASCADE, related_name="renditions"
    )

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class Author(index.Indexed, models.Model):
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True)
    role = models.CharField(max_length=120, blank=True)
    bio = RichTextField(blank=True, features=RICH_TEXT_FEATURES)
    photo = models.ForeignKey(
        NewsImage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("role"),
        FieldPanel("bio"),
        FieldPanel("photo"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("news:author", kwargs={"slug": self.slug})


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class OneChildTypeRoutingMixin:
    """Route to a child page in one query when it is of the usual type.

    Wagtail's default finds the child, then fetches its specific model: two
    queries per level of the URL. The front page's children are mostly
    sections (the rest are pages such as About), and a section's children
    are articles, so the usual type is asked for first.
    """

    def route(self, request, path_components):
        child_models = self.allowed_subpage_models()
        if not path_components:
            return super().route(request, path_components)
        model = child_models[0]
        try:
            child = model.objects.child_of(self).get(slug=path_components[0])
        except model.DoesNotExist:
            return super().route(request, path_components)  # other pages; 404
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])


def view_restricted() -> Exists:
    """Whether a view restriction covers the page: on it or an ancestor.

    The same rule as Wagtail's ``PageQuerySet.public()``, as one subquery
    rather than a query for the restrictions each time it is used.
    """
    return Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
    )


class ArticlePageQuerySet(PageQuerySet):
    def listed(self):
        """The articles readers may see listed: live, with no view restriction.

        The one rule of every listing (front page, sections, tags, authors,
        feeds, sitemaps, search, "Read more"), through
        ``masthead.news.selectors.listed_articles`` or, in the page models
        that selectors import, this method.
        """
        return self.live().exclude(view_restricted())

    def listed_for_search(self):
        """The same rule in the filters a search backend takes (indexed fields)."""
        return self.live().public()


class HomePage(OneChildTypeRoutingMixin, Page):
    """The front page: a lead story and the latest articles of each section."""

    lead_article = models.ForeignKey(
        "news.ArticlePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave blank to lead with the latest article."),
    )

    content_panels = [*Page.content_panels, FieldPanel("lead_article")]
    subpage_types = ["news.SectionPage", "news.InfoPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = ArticlePage.objects.listed().descendant_of(self)
        lead = None
        if self.lead_article_id:
            lead = articles.filter(pk=self.lead_article_id).first()
        if lead is None:
            lead = articles.order_by("-first_published_at").first()
        sections = []
        for section in (
            SectionPage.objects.live().exclude(view_restricted()).child_of(self)
        ):
            latest = section.articles().select_related("lead_image")
            if lead is not None:
                latest = latest.exclude(pk=lead.pk)
            sections.append((section, prepare_cards(latest[:4], section=section)))
        if lead is not None:
            lead = prepare_cards([lead])[0]
        context.update(lead=lead, sections=sections)
        return context


class SectionPage(OneChildTypeRoutingMixin, Page):
    """A section: a paginated listing of its articles."""

    intro = models.TextField(blank=True, max_length=500)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["news.HomePage"]
    subpage_types = ["news.ArticlePage"]

    def articles(self):
        return (
            ArticlePage.objects.listed()
            .child_of(self)
            .order_by("-first_published_at", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = paginate(request, self.articles().select_related("lead_image"))
        articles.object_list = prepare_cards(articles.object_list, section=self)
        context["articles"] = articles
        return context


class InfoPage(Page):
    """A page every newsroom has, such as About, Contact or Privacy.

    Linked from every page's footer while "Show in menus" is on.
    """

    intro = models.TextField(
        blank=True, max_length=500, help_text=_("A sentence under the title.")
    )
    body = RichTextField(features=["h2", "h3", *RICH_TEXT_FEATURES])

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    parent_page_types = ["news.HomePage"]
    subpage_types = []
    show_in_menus_default = True

    class Meta:
        verbose_name = _("information page")


class ArticlePage(Page):
    standfirst = models.TextField(
        max_length=400, help_text=_("One or two sentences under the headline.")
    )
    lead_image = models.ForeignKey(
        NewsImage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lead_image_caption = models.CharField(max_length=255, blank=True)
    dateline = models.CharField(
        max_length=100, blank=True, help_text=_("Where the story was reported.")
    )
    body = StreamField(ArticleBodyBlock())
    tags = ClusterTaggableManager(through=ArticleTag, blank=True)
    language = models.CharField(
        max_length=12,
        default=settings.LANGUAGE_CODE,
        help_text=_("Language of the article, as a code such as en, ru or uk."),
    )
    updated_at = models.DateTimeField(
        null=True,
        blank=True,
        verbose_name=_("updated"),
        help_text=_("Shown as 'Updated' when set; set it for meaningful updates."),
    )

    objects = PageManager.from_queryset(ArticlePageQuerySet)()

    # The headline fills the slug as the editor types (Wagtail's title field
    # behaviour) and the slug sits under it, so that its errors show where
    # the editor is rather than on the Promote tab.
    content_panels = [
        TitleFieldPanel(
            "title",
            heading=_("Headline"),
            placeholder=_("Headline*"),
            help_text=_("The headline as readers see it."),
        ),
        FieldPanel(
            "slug",
            help_text=_(
                "The article's address, filled from the headline until it is published."
            ),
        ),
        FieldPanel("standfirst"),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_caption")],
            heading=_("Lead image"),
        ),
        RequiredRowsPanel(
            "article_authors", heading=_("Authors"), label=_("Author"), min_num=1
        ),
        FieldPanel("dateline"),
        FieldPanel("body"),
        InlinePanel("sources", heading=_("Cited sources"), label=_("Source")),
        InlinePanel("corrections", heading=_("Corrections"), label=_("Correction")),
    ]
    promote_panels = [
        MultiFieldPanel(
            [FieldPanel("seo_title"), FieldPanel("search_description")],
            heading=_("For search engines"),
        ),
        FieldPanel("show_in_menus"),
        FieldPanel("tags"),
        FieldPanel("language"),
        FieldPanel("updated_at"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.SearchField("dateline"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("first_published_at"),
    ]
    parent_page_types = ["news.SectionPage"]
    subpage_types = []

    @cached_property
    def authors(self) -> list[Author]:
        return [link.author for link in self.article_authors.select_related("author")]

    @cached_property
    def tag_list(self) -> list:
        """The article's tags, read once per request (page, JSON-LD, Open Graph)."""
        return list(self.tags.all())

    @cached_property
    def section(self) -> "SectionPage | None":
        parent = self.get_parent()
        return (
            parent.specific if parent and parent.specific_class is SectionPage else None
        )

    def read_more(self, limit: int = 4) -> list["ArticlePage"]:
        """Return the ranked related articles, or the section's latest ones."""
        links = (
            self.related_links.filter(related__in=ArticlePage.objects.listed())
            .select_related("related", "related__lead_image")
            .order_by("rank")[:limit]
        )
        related = [link.related for link in links]
        if related:
            return prepare_cards(related)
        return prepare_cards(self.more_in_section(limit=limit), section=self.section)

    def more_in_section(
        self, limit: int = 4, exclude: tuple[int, ...] = ()
    ) -> list["ArticlePage"]:
        siblings = (
            ArticlePage.objects.listed()
            .sibling_of(self, inclusive=False)
            .exclude(pk__in=exclude)
            .order_by("-first_published_at", "-pk")
        )
        return list(siblings.select_related("lead_image")[:limit])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        read_more = self.read_more()
        context.update(
            read_more=read_more,
            more_in_section=self.more_in_section(
                exclude=tuple(article.pk for article in read_more)
            ),
        )
        return context


class ArticleAuthor(Orderable):
    article = ParentalKey(
        ArticlePage, on_delete=models.CASCADE, related_name="article_authors"
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

    article = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="sources")
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
        ArticlePage, on_delete=models.CASCADE, related_name="corrections"
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
        ArticlePage, on_delete=models.CASCADE, related_name="related_links"
    )
    related = models.ForeignKey(ArticlePage, on_delete=models.CASCADE, related_name="+")
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
