"""Sections and articles, and the listings they share."""

import functools
import uuid

from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.core.paginator import Page as PaginatorPage
from django.db import models
from django.db.models import (
    Prefetch,
    prefetch_related_objects,
)
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    TitleFieldPanel,
)
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from masthead import pagecache
from masthead.news import fragments
from masthead.news.blocks import ArticleBodyBlock
from masthead.news.models.article_parts import ArticleAuthor, ArticleTag
from masthead.news.models.authors import Author
from masthead.news.models.export_hints import (
    PlannedPaginator,
    listing_ids,
    snapshot,
)
from masthead.news.models.images import NewsImage
from masthead.news.models.routing import (
    NewsPage,
    OneChildTypeRoutingMixin,
    view_restricted,
)
from masthead.news.panels import RequiredRowsPanel

ARTICLES_PER_PAGE = 12
# The articles a section shows on the front page.
FRONT_SECTION_ARTICLES = 4
# What "Read more" and "More in section" show under each article.
SHOWN_WITH = 4
# Lead images the export keeps, each with all its renditions.
IMAGES_KEPT = 2000


def author_links() -> Prefetch:
    """Prefetch articles' authors in one query (the links with their authors).

    In the editor's order, and by link for links of the same place (rows
    made outside the admin): PostgreSQL gives ties in any order, and a
    byline must read the same on every page.
    """
    return Prefetch(
        "article_authors",
        queryset=ArticleAuthor.objects.select_related("author").order_by(
            "sort_order", "pk"
        ),
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
    ids = listing_ids(request.path)
    if ids is None or not isinstance(queryset, models.QuerySet):
        paginator = Paginator(queryset, per_page)
    else:
        paginator = PlannedPaginator(queryset, per_page, ids=ids)
    try:
        return paginator.page(int(raw))
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
    share_lead_images(articles)
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


def share_lead_images(articles: list["ArticlePage"]) -> None:
    """Give ``articles`` one instance of each of their lead images, read
    (``select_related``) with them, with its renditions read in one query:
    Wagtail finds an image's renditions among those prefetched with it
    rather than asking the cache and the database for each.

    While the export renders, each image's instance serves the whole export
    (``Snapshot.images``): a few images lead thousands of articles, and an
    image met again costs no query. Past ``IMAGES_KEPT`` (an archive whose
    every article has an image of its own) it keeps only those of ``articles``.
    """
    known = snapshot()
    images = known.images if known is not None else {}
    fresh: dict[int, NewsImage] = {}
    for article in articles:
        if article.lead_image_id and article.lead_image_id not in images:
            if article.lead_image is not None:
                fresh.setdefault(article.lead_image_id, article.lead_image)
    if len(images) + len(fresh) > IMAGES_KEPT:
        shown = {
            pk: images[pk] for pk in {a.lead_image_id for a in articles} & set(images)
        }
        images.clear()
        images.update(shown)
    prefetch_related_objects(list(fresh.values()), "renditions")
    images.update(fresh)
    for article in articles:
        if article.lead_image_id in images:
            article.lead_image = images[article.lead_image_id]


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


class SectionPage(OneChildTypeRoutingMixin, NewsPage):
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


class ArticlePage(NewsPage):
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
            links = self.article_authors.select_related("author").order_by(
                "sort_order", "pk"
            )
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

    def read_more(self, limit: int = SHOWN_WITH) -> list["ArticlePage"]:
        """Return the ranked related articles, or the section's latest ones."""
        known = snapshot()
        if known is not None and limit == SHOWN_WITH and self.pk in known.shown:
            return known.shown[self.pk][0]
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
        self, limit: int = SHOWN_WITH, exclude: tuple[int, ...] = ()
    ) -> list["ArticlePage"]:
        known = snapshot()
        if known is not None and limit == SHOWN_WITH and self.pk in known.shown:
            cards, articles = known.shown[self.pk]
            if set(exclude) == {card.pk for card in cards}:
                return articles
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
        version = self.fragment_version
        if getattr(request, "is_preview", False):
            # A draft shares the live revision's number: its parts are its own.
            version = f"preview.{uuid.uuid4().hex}"
        context.update(
            fragment_seconds=fragments.FRAGMENT_SECONDS,
            article_version=version,
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
