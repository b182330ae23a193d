"""What each exported page shows, as a key that changes when the page would.

The incremental export renders a page again only when its key differs from
the one kept from the last export. A key hashes everything the page displays,
read for all pages at once in a few queries:

- the site-wide part shown on every page (navigation, footer pages, mirrors,
  appeals and the goal meter, newsletters, authors, tags, images, the Site,
  the code and templates, the year in the footer): one global key, and any
  change to it re-renders every page;
- an article: its own version (published or moved), its tags, its "Read
  more" links and their versions, and the newest articles of its section
  ("More in this section");
- a listing page (front page, section, tag or author, each ``?page=N``): the
  versions of the articles on it and the number of pages;
- a feed (the site's, a section's): the versions of its newest articles;
- the sitemap: every listed article's address and the day it shows, their
  tags and authors; the news sitemap: the versions of the articles of its
  last two days;
- a newsletter's page: its editions sent; an edition's page: its row and
  its articles' versions (``newsletter_keys``);
- the other pages (``/mirrors/``, information pages, static files and
  renditions): ``mirrors.twins``, kept in ``Plan.found``.

An article's version is read from the page tree (published, moved, renamed):
a change made to the database behind Wagtail's back needs ``--full``.
"""

import hashlib
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Page, PageViewRestriction, Site

from masthead.mirrors import page_keys, twins
from masthead.mirrors.edition_keys import newsletter_keys, page_versions
from masthead.mirrors.page_keys import digest
from masthead.news.models import (
    ARTICLES_PER_PAGE,
    SHOWN_WITH,
    ArticleAuthor,
    ArticlePage,
    ArticleTag,
    Author,
    HomePage,
    InfoPage,
    NewsImage,
    RelatedArticle,
    SectionPage,
)
from masthead.news.selectors import FEED_LENGTH
from masthead.news.sitemaps import NEWS_SITEMAP_HOURS
from masthead.newsletters.models import Newsletter

# "More in this section" shows the 4 newest siblings, after leaving out up to
# 4 "Read more" articles and the article itself.
SECTION_HEAD = 9
# A feed shows the newest articles, of the site or of one section.
FEEDS = ("feed.xml", "atom.xml", "feed.json")
# Above this many rows a table is fingerprinted by count, last id and latest
# timestamps rather than read whole.
SMALL_TABLE = 5000
PACKAGE = Path(__file__).resolve().parent.parent


def _table(model: type[models.Model], columns: Iterable[str] = ()) -> tuple:
    queryset = model._default_manager.all()
    count = queryset.count()
    if count <= SMALL_TABLE:
        rows = queryset.order_by("pk").values_list(*columns)
        return (model._meta.label, count, list(rows))
    stamps = [
        models.Max(f.name)
        for f in model._meta.concrete_fields
        if isinstance(f, models.DateTimeField | models.DateField)
    ]
    return (
        model._meta.label,
        count,
        queryset.aggregate(models.Max("pk"), *stamps) if stamps else None,
    )


def _code() -> tuple:
    """The templates, code and static files that render the pages."""
    stats = []
    for path in sorted(PACKAGE.rglob("*")):
        if "tests" in path.relative_to(PACKAGE).parts:
            continue
        if path.suffix in (".py", ".html", ".css", ".js", ".svg", ".txt", ".xml"):
            stat = path.stat()
            stats.append(
                (str(path.relative_to(PACKAGE)), stat.st_mtime_ns, stat.st_size)
            )
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    static = manifest.read_bytes() if manifest.is_file() else b""
    return (stats, hashlib.sha256(static).hexdigest())


def site_wide(code: str | None = None) -> str:
    """Return the key of what every page shows besides its own content."""
    now = timezone.localtime()
    # First: reading the goal may create the funding settings' row.
    moment = page_keys.of_the_moment(now)
    tables = [
        _table(model, page_keys.shown_columns(model))
        for model in page_keys.shown_models()
    ]
    tables += [_table(m) for m in (Site, Author, Tag, NewsImage, PageViewRestriction)]
    other_pages = list(
        Page.objects.exclude(content_type__model="articlepage")
        .order_by("path")
        .values_list(
            "pk",
            "path",
            "url_path",
            "title",
            "live",
            "show_in_menus",
            "last_published_at",
            "content_type_id",
        )
    )
    return digest(
        settings.SITE_URL,
        settings.WAGTAIL_SITE_NAME,
        settings.LANGUAGE_CODE,
        now.year,
        now.month,
        moment,
        code or digest(_code()),
        tables,
        other_pages,
    )


@dataclass
class Plan:
    """Every keyed URL of the export with its key, and the article URLs."""

    keys: dict[str, str] = field(default_factory=dict)
    # Keys of pages reached by links (not queued for their key): ``twins``.
    found: dict[str, str] = field(default_factory=dict)
    code: str = ""  # the key of the code, templates and static files
    articles: dict[str, int] = field(default_factory=dict)  # URL -> page id
    info_pages: list[str] = field(default_factory=list)
    # Article id -> the ids of its "Read more" cards and of the "More in
    # section" articles after them, as the article's page reads them.
    shown: dict[int, tuple[list[int], list[int]]] = field(default_factory=dict)
    # Listing path -> the ids of the articles it lists, newest first.
    listings: dict[str, list[int]] = field(default_factory=dict)


def _pages(url: str, count: int) -> list[str]:
    pages = max(1, math.ceil(count / ARTICLES_PER_PAGE))
    return [url] + [f"{url}?page={number}" for number in range(2, pages + 1)]


def _listing(plan: Plan, url: str, ids: list[int], versions: dict, *extra) -> None:
    """Key each ``?page=N`` of a listing by the articles it shows."""
    total = len(ids)
    plan.listings[url] = ids
    for number, page_url in enumerate(_pages(url, total)):
        shown = ids[number * ARTICLES_PER_PAGE : (number + 1) * ARTICLES_PER_PAGE]
        plan.keys[page_url] = digest(
            plan.keys["*"], extra, total, [versions[pk] for pk in shown]
        )


def plan() -> Plan:
    """Return the keys of every keyed page, read in a few queries."""
    result = Plan(code=digest(_code()))
    result.keys["*"] = site_wide(result.code)
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return result
    root = site.root_page
    prefix = root.url_path

    def url(url_path: str) -> str:
        return "/" + url_path[len(prefix) :]

    listed = (
        ArticlePage.objects.listed()
        .descendant_of(root)
        .order_by("-first_published_at", "-pk")
        .values_list(
            "pk",
            "path",
            "url_path",
            "title",
            "first_published_at",
            "last_published_at",
            "latest_revision_id",
        )
    )
    # Each article's version as a short string, made once: the keys below
    # repeat them many times, and repr() of datetimes is slow.
    versions: dict[int, str] = {}
    first_published: dict[int, object] = {}
    order: list[int] = []
    by_parent: dict[str, list[int]] = defaultdict(list)
    paths: dict[int, str] = {}
    parents: dict[int, str] = {}
    zone = timezone.get_current_timezone()
    days: dict[int, tuple] = {}  # what the sitemap shows: address and day
    for pk, path, url_path, *rest in listed:
        versions[pk] = digest(pk, url_path, *rest)[:20]
        days[pk] = (url_path, rest[2] and rest[2].astimezone(zone).date())
        first_published[pk] = rest[1]
        order.append(pk)
        paths[pk] = url_path
        parents[pk] = path[: -Page.steplen]
        by_parent[parents[pk]].append(pk)
    tags: dict[int, list[int]] = defaultdict(list)
    tagged: dict[int, list[int]] = defaultdict(list)
    for article, tag in ArticleTag.objects.order_by("pk").values_list(
        "content_object_id", "tag_id"
    ):
        if article in versions:
            tags[article].append(tag)
            tagged[tag].append(article)
    related: dict[int, list[int]] = defaultdict(list)
    for article, other in RelatedArticle.objects.order_by(
        "article", "rank"
    ).values_list("article_id", "related_id"):
        if other in versions:
            related[article].append(other)
    by_author: dict[int, set[int]] = defaultdict(set)
    for article, author in ArticleAuthor.objects.values_list("article_id", "author_id"):
        if article in versions:
            by_author[author].add(article)

    sections = list(
        SectionPage.objects.live()
        .public()
        .child_of(root)
        .order_by("path")
        .values_list("pk", "path", "url_path", "last_published_at")
    )
    heads = {}
    for pk, path, url_path, published in sections:
        ids = by_parent.get(path, [])
        heads[path] = [versions[i] for i in ids[:SECTION_HEAD]]
        _listing(result, url(url_path), ids, versions, pk, published)
        latest = [versions[i] for i in ids[:FEED_LENGTH]]
        for feed in FEEDS:
            result.keys[url(url_path) + feed] = digest(
                result.keys["*"], feed, pk, published, latest
            )
    latest = [versions[i] for i in order[:FEED_LENGTH]]
    for feed in FEEDS:
        result.keys["/" + feed] = digest(result.keys["*"], feed, latest)
    position = {pk: index for index, pk in enumerate(order)}
    for article, version in versions.items():
        page_url = url(paths[article])
        shown = [versions[i] for i in related.get(article, [])]
        head = heads.get(parents[article], [])
        result.keys[page_url] = digest(
            result.keys["*"], version, tags.get(article), shown, head
        )
        result.articles[page_url] = article
        siblings = by_parent[parents[article]][:SECTION_HEAD]
        cards = related.get(article, [])[:SHOWN_WITH]
        cards = cards or [i for i in siblings if i != article][:SHOWN_WITH]
        left_out = {article, *cards}
        result.shown[article] = (
            cards,
            [i for i in siblings if i not in left_out][:SHOWN_WITH],
        )
    for pk, slug in Tag.objects.filter(pk__in=list(tagged)).values_list("pk", "slug"):
        ids = sorted(set(tagged[pk]), key=position.__getitem__)
        _listing(result, f"/tags/{slug}/", ids, versions, pk)
    for pk, slug in Author.objects.values_list("pk", "slug"):
        ids = sorted(by_author.get(pk, ()), key=position.__getitem__)
        _listing(result, f"/authors/{slug}/", ids, versions, pk)
    home = HomePage.objects.filter(pk=root.pk).values_list("lead_article_id").first()
    result.keys["/"] = digest(
        result.keys["*"],
        home,
        root.last_published_at,
        [versions[i] for i in order[:SECTION_HEAD]],
        heads,
    )
    # The sitemaps list every page, author and tag (the site-wide key holds
    # the other pages, authors and tags), the news sitemap the newest articles.
    result.keys["/sitemap.xml"] = digest(
        result.keys["*"],
        [days[i] for i in sorted(days)],
        sorted(tagged.items()),
        sorted((author, sorted(ids)) for author, ids in by_author.items()),
    )
    since = timezone.now() - timedelta(hours=NEWS_SITEMAP_HOURS)
    recent = [versions[i] for i in order if (first_published[i] or since) >= since]
    result.keys["/news-sitemap.xml"] = digest(result.keys["*"], recent[:1000])
    if Site.objects.count() > 1:
        # Tag and author listings show the articles of every site; the ids
        # above are of this one: let the listings query for themselves.
        result.listings.clear()
    info = list(
        InfoPage.objects.live()
        .public()
        .descendant_of(root)
        .values_list("url_path", "body")
    )
    versions = page_versions(
        versions, [pk for _, body in info for pk in twins.linked_pages(body)]
    )
    for url_path, body in info:
        # Its own row is in the site-wide key; the pages it links to here.
        linked = [versions[pk] for pk in twins.linked_pages(body)]
        result.found[url(url_path)] = digest(result.keys["*"], url_path, linked)
        result.info_pages.append(url(url_path))
    newsletters = Newsletter.objects.values_list("slug", flat=True)
    for page_url in [*twins.site_wide_pages(newsletters), *twins.STATIC_PAGES]:
        result.found[page_url] = digest(result.keys["*"], page_url)
    result.found.update(newsletter_keys(result.keys["*"], versions))
    return result


def listed_urls(plan: Plan) -> Iterable[str]:
    return (url for url in plan.keys if url != "*")
