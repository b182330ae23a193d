"""The publication: front page, sections, articles, authors, images."""

import functools

from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.core.paginator import Page as PaginatorPage
from django.db import models
from django.db.models import (
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    Window,
    prefetch_related_objects,
)
from django.db.models.functions import Length, RowNumber, Substr
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

from masthead import pagecache
from masthead.news import fragments
from masthead.news.blocks import RICH_TEXT_FEATURES, ArticleBodyBlock
from masthead.news.panels import RequiredRowsPanel

ARTICLES_PER_PAGE = 12
# The articles a section shows on the front page.
FRONT_SECTION_ARTICLES = 4


def author_links() -> Prefetch:
    """Prefetch articles' authors in one query (the links with their authors)."""
    return Prefetch(
        "article_authors", queryset=ArticleAuthor.objects.select_related("author")
    )


def tag_links() -> Prefetch:
    """Prefetch articles' tags in one query, in the order they were added."""
    return Prefetch(
        "tagged_items", queryset=ArticleTag.objects.select_related("tag").order_by("pk")
    )


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
    """Return ``articles`` with what their cards show read in two queries.

    A card names the article's section and authors and shows its lead image;
    without this each card would ask for its parent page, its authors and
    its image's renditions on its own. Sections come from the cache.
    """
    articles = list(articles)
    prefetch_related_objects(articles, author_links())
    images = [article.lead_image for article in articles if article.lead_image_id]
    prefetch_related_objects(
        [image for image in images if image is not None], "renditions"
    )
    by_path = sections_by_path() if section is None else {}
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


def sections_by_path() -> dict[str, "SectionPage"]:
    """Every section by its tree path, from the cache (they seldom change)."""
    return fragments.cached(
        "sections",
        lambda: {
            section.path: section
            for section in SectionPage.objects.only(
                "title",
                "slug",
                "url_path",
                "path",
                "depth",
                "live",
                "content_type",
                "locale",
            )
        },
    )


class NewsImage(AbstractImage):
    """An image with alt text (``description``, required) and a credit."""

    credit = models.CharField(max_length=255, blank=True, verbose_name=_("credit"))

    admin_form_fields = (*Image.admin_form_fields, "credit")

    @property
    def alt(self) -> str:
        return self.description or self.title


def rendition_for(image: "NewsImage", spec: str) -> "NewsRendition":
    """Return the rendition of ``image`` for the filter ``spec``.

    Unlike Wagtail's ``get_rendition``, it does not write the rendition back
    to the cache when it came from there (or from prefetched renditions): a
    write on every use costs the file cache a directory scan.
    """
    return image.get_renditions(spec)[spec]


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
    are articles, so the usual type is asked for first, with what its page
    shows at once (``route_select_related``).
    """

    def route(self, request, path_components):
        child_models = self.allowed_subpage_models()
        if not path_components:
            return super().route(request, path_components)
        model = child_models[0]
        children = model.objects.child_of(self).select_related(
            *getattr(model, "route_select_related", ())
        )
        try:
            child = children.get(slug=path_components[0])
        except model.DoesNotExist:
            return super().route(request, path_components)  # other pages; 404
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])


class OneQueryViewRestrictionsMixin:
    """Find the view restrictions on a page and its ancestors in one query.

    Wagtail reads the ancestors first, then their restrictions, on every
    request a reader makes. The ancestors' paths are prefixes of the page's
    own; an ancestor that is an alias takes its source's restrictions (as in
    Wagtail), and an alias page itself is left to Wagtail.
    """

    def get_view_restrictions(self):
        if self.alias_of_id:
            return super().get_view_restrictions()
        paths = [
            self.path[:end]
            for end in range(Page.steplen, len(self.path) + 1, Page.steplen)
        ]
        sources = Page.objects.filter(path__in=paths, alias_of__isnull=False)
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths) | Q(page__in=sources.values("alias_of"))
        )


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


class HomePage(OneQueryViewRestrictionsMixin, OneChildTypeRoutingMixin, Page):
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

    def route(self, request, path_components):
        if len(path_components) == 2:
            article = self.article_at(*path_components)
            if article is not None:
                return article.route(request, [])
        return super().route(request, path_components)

    def article_at(self, section_slug: str, slug: str) -> "ArticlePage | None":
        """Return the article at /<section>/<slug>/ in one query, if there is one.

        Its section comes from the cache; an article whose section is not
        there (nor an address that is not an article's) is routed as usual.
        """
        article = (
            ArticlePage.objects.select_related(*ArticlePage.route_select_related)
            .filter(slug=slug, url_path=f"{self.url_path}{section_slug}/{slug}/")
            .first()
        )
        if article is None:
            return None
        section = sections_by_path().get(article.path[: -Page.steplen])
        if section is None:
            return None
        article._cached_parent_obj = section
        return article

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = (
            ArticlePage.objects.listed()
            .descendant_of(self)
            .select_related("lead_image")
            .defer_streamfields()  # cards show no body
        )
        lead = None
        if self.lead_article_id:
            lead = articles.filter(pk=self.lead_article_id).first()
        if lead is None:
            lead = articles.order_by("-first_published_at", "-pk").first()
        sections = list(
            SectionPage.objects.live().exclude(view_restricted()).child_of(self)
        )
        latest = self.latest_by_section(articles, exclude=lead)
        cards = prepare_cards(
            [
                *([lead] if lead else []),
                *(a for group in latest.values() for a in group),
            ]
        )
        by_pk = {card.pk: card for card in cards}
        for section in sections:
            for article in latest.get(section.path, []):
                by_pk[article.pk].__dict__["section"] = section
        context.update(
            lead=by_pk[lead.pk] if lead else None,
            sections=[
                (section, [by_pk[a.pk] for a in latest.get(section.path, [])])
                for section in sections
            ],
        )
        return context

    def latest_by_section(
        self, articles, *, exclude: "ArticlePage | None"
    ) -> dict[str, list["ArticlePage"]]:
        """The latest articles of every section, by section path, in one query."""
        parent_path = Substr("path", 1, (self.depth + 1) * Page.steplen)
        ranked = (
            articles.filter(depth=self.depth + 2)
            .annotate(
                position=Window(
                    RowNumber(),
                    partition_by=[parent_path],
                    order_by=[F("first_published_at").desc(), F("pk").desc()],
                )
            )
            .filter(position__lte=FRONT_SECTION_ARTICLES)
            .order_by("position")
        )
        if exclude is not None:
            ranked = ranked.exclude(pk=exclude.pk)
        groups: dict[str, list[ArticlePage]] = {}
        for article in ranked:
            groups.setdefault(article.path[: -Page.steplen], []).append(article)
        return groups


class SectionPage(OneQueryViewRestrictionsMixin, OneChildTypeRoutingMixin, Page):
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
        articles = paginate(
            request, self.articles().select_related("lead_image").defer_streamfields()
        )
        articles.object_list = prepare_cards(articles.object_list, section=self)
        context["articles"] = articles
        return context


class InfoPage(OneQueryViewRestrictionsMixin, Page):
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


class ArticlePage(OneQueryViewRestrictionsMixin, Page):
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

    # Routing reads the article with what its page shows at once.
    route_select_related = ("lead_image",)

    @cached_property
    def authors(self) -> list[Author]:
        if "article_authors" in getattr(self, "_prefetched_objects_cache", {}):
            links = self.article_authors.all()
        else:
            links = self.article_authors.select_related("author")
        return [link.author for link in links]

    @cached_property
    def tag_list(self) -> list:
        """The article's tags, read once per request (page, JSON-LD, Open Graph)."""
        if "tagged_items" in getattr(self, "_prefetched_objects_cache", {}):
            return [item.tag for item in self.tagged_items.all()]
        return list(self.tags.all())

    @cached_property
    def section(self) -> "SectionPage | None":
        parent = self.get_parent()
        if isinstance(parent, SectionPage):
            return parent
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
        return list(siblings.select_related("lead_image").defer_streamfields()[:limit])

    @property
    def fragment_version(self) -> str:
        """What the article's own cached parts are renewed by (see fragments)."""
        return f"{self.pk}.{self.live_revision_id}.{fragments.news_version()}"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when their cached part is rendered again (the template
        # calls them): "Read more" and "More in section" are cached by the
        # generation, since they show other articles.
        read_more = functools.cache(self.read_more)
        context.update(
            fragment_seconds=fragments.FRAGMENT_SECONDS,
            article_version=self.fragment_version,
            origin=f"{request.scheme}://{request.get_host()}",
            generation=pagecache.generation(),
            read_more=read_more,
            more_in_section=functools.cache(
                lambda: self.more_in_section(
                    exclude=tuple(article.pk for article in read_more())
                )
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
