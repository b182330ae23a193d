"""The front page and the information pages beside the sections."""

import functools

from django.db import connection, models
from django.db.models import (
    F,
    Window,
)
from django.db.models.functions import RowNumber, Substr
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
)
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from masthead.news import fragments
from masthead.news.blocks import RICH_TEXT_FEATURES
from masthead.news.models.export_hints import snapshot
from masthead.news.models.images import NewsImage
from masthead.news.models.pages import (
    FRONT_SECTION_ARTICLES,
    ArticlePage,
    SectionPage,
    prepare_cards,
    sections_by_path,
)
from masthead.news.models.routing import (
    NewsPage,
    OneChildTypeRoutingMixin,
    view_restricted,
)

_SLUG, _URL_PATH = "masthead-slug", "masthead-url-path"


@functools.cache
def _article_sql(alias: str) -> tuple[str, tuple[str, ...]]:
    """The SQL that reads an article by slug and URL path, and its parameters' order.

    Compiled by the ORM once per process: compiling this 60-column query
    took longer than running it. The lead image comes from the parts cached
    by version("news"), which a change of an image renews.
    """
    query = ArticlePage.objects.filter(slug=_SLUG, url_path=_URL_PATH).order_by()
    sql, params = query[:1].query.sql_with_params()
    return sql, tuple(params)


class HomePage(OneChildTypeRoutingMixin, NewsPage):
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
        url_path = f"{self.url_path}{section_slug}/{slug}/"
        known = snapshot()
        if known is not None and url_path in known.articles:
            return known.articles[url_path]  # read with its batch
        sql, order = _article_sql(connection.alias)
        values = {_SLUG: slug, _URL_PATH: url_path}
        article = next(
            iter(ArticlePage.objects.raw(sql, [values[name] for name in order])), None
        )
        if article is None:
            return None
        section = sections_by_path().get(article.path[: -Page.steplen])
        if section is None:
            return None
        article._cached_parent_obj = section
        if article.lead_image_id:
            image_id = article.lead_image_id
            article.lead_image = fragments.cached(
                f"image:{image_id}", lambda: NewsImage.objects.get(pk=image_id)
            )
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


class InfoPage(NewsPage):
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
