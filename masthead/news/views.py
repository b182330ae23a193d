"""Reader views outside the page tree: authors, tags, search, feeds, robots."""

from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.core.paginator import Page as PaginatorPage
from django.db import connection
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from taggit.models import Tag

from masthead.news import feeds, selectors
from masthead.news.models import Author, SectionPage, paginate, prepare_cards
from masthead.news.sitemaps import NEWS_SITEMAP_HOURS, sitemaps_for


def _cards(request, articles) -> PaginatorPage:
    page = paginate(request, articles)
    page.object_list = prepare_cards(page.object_list)
    return page


@require_safe
def authors(request):
    authors = Author.objects.select_related("photo")
    return render(request, "news/authors.html", {"authors": authors})


@require_safe
def author(request, slug: str):
    author = get_object_or_404(Author.objects.select_related("photo"), slug=slug)
    articles = _cards(request, selectors.articles_by_author(author=author))
    return render(request, "news/author.html", {"author": author, "articles": articles})


@require_safe
def tag(request, slug: str):
    tag = get_object_or_404(Tag, slug=slug)
    articles = _cards(request, selectors.articles_tagged(tag=tag))
    if not articles.object_list:
        raise Http404("No published articles carry this tag.")
    return render(request, "news/tag.html", {"tag": tag, "articles": articles})


@require_safe
def search(request):
    """Search live articles; the query is never logged or stored."""
    query, shortened = selectors.normalise_query(request.GET.get("q", ""))
    ids, limited = selectors.search_results(query=query)
    results = paginate(request, ids)
    shown = list(results.object_list)
    return render(
        request,
        "news/search.html",
        {
            "query": query,
            "shortened": shortened,
            "max_length": selectors.SEARCH_QUERY_MAX,
            "results": results,
            # A miss builds no query of the listing rule, and reads no cards.
            "articles": (
                prepare_cards(selectors.articles_in_order(shown)) if shown else []
            ),
            "total": len(ids),
            # More articles matched than the first ``limit`` shown.
            "limited": limited,
            "limit": selectors.SEARCH_RESULTS_MAX,
            "query_prefix": urlencode({"q": query}) + "&",
        },
    )


def _section(slug: str) -> SectionPage:
    section = SectionPage.objects.live().filter(slug=slug).first()
    if section is None:
        raise Http404("No such section.")
    return section


@require_safe
def rss(request, section: str | None = None):
    return feeds.RssFeed(section=_section(section) if section else None)(request)


@require_safe
def atom(request, section: str | None = None):
    return feeds.AtomFeed(section=_section(section) if section else None)(request)


@require_safe
def json_feed(request, section: str | None = None):
    return feeds.JsonFeed(section=_section(section) if section else None)(request)


@require_safe
def sitemap(request):
    return django_sitemap(request, sitemaps=sitemaps_for(request))


@require_safe
def news_sitemap(request):
    since = timezone.now() - timedelta(hours=NEWS_SITEMAP_HOURS)
    articles = selectors.articles_since(since=since)[:1000]
    return render(
        request,
        "news/news_sitemap.xml",
        {
            "articles": articles,
            "publication": settings.WAGTAIL_SITE_NAME,
            "base_url": request.build_absolute_uri("/").rstrip("/"),
        },
        content_type="application/xml; charset=utf-8",
    )


@require_safe
def robots(request):
    base = request.build_absolute_uri("/").rstrip("/")
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        f"Sitemap: {base}/sitemap.xml",
        f"Sitemap: {base}/news-sitemap.xml",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@never_cache
def healthz(request):
    """Return 200 when the database answers, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any database failure means unhealthy
        return HttpResponse(
            "database unavailable\n", status=503, content_type="text/plain"
        )
    return HttpResponse("ok\n", content_type="text/plain")
