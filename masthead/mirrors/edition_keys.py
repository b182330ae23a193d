"""Keys of the newsletters' pages in the export, and the versions of pages
that no listing reads (``generations.plan`` keys everything else).

A newsletter's page lists its sent editions; an edition's page shows its own
row and its articles, and, when the newsletter sends full text, their bodies
with the links in them.
"""

from collections import defaultdict

from django.db.models import TextField
from django.db.models.functions import Cast
from django.urls import NoReverseMatch, reverse
from wagtail.models import Page

from masthead.mirrors import twins
from masthead.mirrors.page_keys import digest
from masthead.news.models import ArticlePage
from masthead.newsletters.models import EDITIONS_LISTED, Edition, EditionArticle


def newsletter_keys(site_key: str, versions: dict[int, str]) -> dict[str, str]:
    """Keys of the newsletters' pages, which show their sent editions: a
    newsletter's page lists them, an edition's shows its own row and its
    articles (``versions``; an article no longer listed by its id)."""
    published = [Edition.Status.SENDING, Edition.Status.SENT]
    columns = [f.attname for f in Edition._meta.concrete_fields]
    editions = defaultdict(list)
    for row in (
        Edition.objects.filter(status__in=published)
        .order_by("-created_at", "pk")
        .values_list("newsletter__slug", *columns)
    ):
        editions[row[0]].append(row[1:])
    shown = list(
        EditionArticle.objects.filter(edition__status__in=published)
        .order_by("edition", "sort_order", "pk")
        .values_list("edition_id", "article_id", "edition__newsletter__full_text")
    )
    # A full-text edition shows its articles' bodies, and their links: read
    # as the stored JSON text, not decoded into blocks.
    bodies = (
        ArticlePage.objects.filter(
            pk__in={article for _, article, full in shown if full}
        )
        .annotate(text=Cast("body", TextField()))
        .values_list("pk", "text")
    )
    linked = {pk: twins.linked_pages(text) for pk, text in bodies}
    versions = page_versions(
        versions,
        [article for _, article, _ in shown]
        + [pk for pks in linked.values() for pk in pks],
    )
    articles = defaultdict(list)
    for edition, article, full in shown:
        links = [versions[pk] for pk in linked.get(article, ())] if full else []
        articles[edition].append((versions[article], links))
    keys = {}
    slug_at = columns.index("slug")
    for newsletter, rows in editions.items():
        try:
            page_url = reverse("newsletters:newsletter", args=[newsletter])
        except NoReverseMatch:  # the app's pages are not served
            return {}
        keys[page_url] = digest(site_key, page_url, rows[:EDITIONS_LISTED])
        for row in rows:
            edition_url = reverse(
                "newsletters:edition", args=[newsletter, row[slug_at]]
            )
            keys[edition_url] = digest(site_key, edition_url, row, articles[row[0]])
    return keys


def page_versions(versions: dict[int, str], ids) -> dict[int, str]:
    """``versions`` with those of the pages ``ids`` that it lacks (a page not
    listed: restricted, of another site, not an article), read from their rows."""
    missing = set(ids) - set(versions)
    if not missing:
        return versions
    versions = dict(versions)
    rows = Page.objects.filter(pk__in=missing).values_list(
        "pk", "url_path", "title", "live", "last_published_at", "latest_revision_id"
    )
    for pk, *row in rows:
        versions[pk] = digest(pk, *row)[:20]
    for pk in missing - set(versions):
        versions[pk] = f"gone {pk}"  # deleted: its link is gone too
    return versions
