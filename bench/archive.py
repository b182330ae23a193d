"""A synthetic archive for benchmarks: the demo newsroom plus N generated articles.

``prepare(articles)`` returns a ``MASTHEAD_VAR_DIR`` folder under ``var/bench/``
holding a migrated SQLite database with the demo newsroom (``masthead demo``)
and ``articles`` extra articles spread over the demo's sections, authors and
tags. It builds the folder once and reuses it afterwards (a ``ready`` file
marks a finished build); building 10,000 articles takes about a minute of
CPU (a few minutes on a busy machine).

The articles are written straight into the page tree (treebeard paths
computed here, rows inserted in batches) rather than through 10,000
``add_child`` calls, and indexed for Wagtail's database search backend in
batches. Their text is generated from our own small vocabulary.

The build runs in a child process with ``MASTHEAD_VAR_DIR`` set before
``django.setup()``, so ``prepare`` can be called from any process, Django set
up or not. From the shell::

    python bench/archive.py --articles 10000    # prints the folder
"""

import argparse
import io
import os
import random
import subprocess
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = 20261201
BATCH = 500

# Our own vocabulary for the fictional Nordavia of the demo newsroom.
PLACES = ["Stalhaven", "Korvik", "Ilmsby", "Varta", "Nordhamn", "Eskvik", "Tarsby"]
PLACES += ["the Varta plain", "the northern districts", "the port of Korvik"]
WHO = ["the regional council", "the finance ministry", "a district court"]
WHO += ["teachers in Ilmsby", "the port workers' union", "the central bank"]
WHO += ["hospital staff", "a group of farmers", "the city's housing office"]
WHO += ["opposition deputies", "the electoral commission", "local volunteers"]
DID = ["published figures on", "raised questions about", "voted to delay"]
DID += ["quietly changed the rules for", "refused to comment on", "promised to review"]
DID += ["filed a complaint over", "cut the budget for", "asked for an audit of"]
WHAT = ["heating tariffs", "the new school timetable", "grain prices", "bus routes"]
WHAT += ["the pension reform", "water supplies", "rents in the old town"]
WHAT += ["a road contract", "the winter fuel subsidy", "clinic opening hours"]
WHAT += ["court fees", "the state broadcaster's budget", "local bank branches"]
WHEN = ["on Monday", "last week", "this spring", "before the vote", "in March"]
WHEN += ["after months of delay", "at a closed session", "late on Friday"]
WHY = ["citing a shortfall in the regional budget", "without public consultation"]
WHY += ["after residents wrote to the ministry", "despite objections from experts"]
WHY += ["according to documents seen by The Lantern", "for the second year running"]
HEADLINE_VERB = ["weighs", "delays", "questions", "rethinks", "defends", "cuts"]
HEADLINE_VERB += ["audits", "reopens", "freezes", "expands"]


def folder_for(articles: int) -> Path:
    return ROOT / "var" / "bench" / f"archive-{articles}"


def prepare(articles: int = 10000) -> Path:
    """Return a prepared ``MASTHEAD_VAR_DIR`` with the demo plus ``articles``."""
    folder = folder_for(articles)
    if (folder / "ready").is_file() and (folder / "warm").is_file():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    environment = {
        **os.environ,
        "MASTHEAD_VAR_DIR": str(folder),
        "DJANGO_SETTINGS_MODULE": "masthead.settings",
        "CACHE_URL": "locmemcache://archive",
    }
    environment.pop("DATABASE_URL", None)  # always the folder's own SQLite
    subprocess.run(  # noqa: S603 - our own script, with our own interpreter
        [sys.executable, __file__, "--articles", str(articles), "--build"],
        env=environment,
        check=True,
    )
    return folder


def sentence(rng: random.Random) -> str:
    text = (
        f"{rng.choice(WHO).capitalize()} in {rng.choice(PLACES)} "
        f"{rng.choice(DID)} {rng.choice(WHAT)} {rng.choice(WHEN)}, "
        f"{rng.choice(WHY)}."
    )
    return text


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 5)))


def headline(rng: random.Random, number: int) -> str:
    who = rng.choice(WHO)
    return (
        f"{who[0].upper()}{who[1:]} {rng.choice(HEADLINE_VERB)} "
        f"{rng.choice(WHAT)} in {rng.choice(PLACES)} ({number})"
    )


def body(rng: random.Random) -> list[dict]:
    blocks = []
    for index in range(rng.randint(5, 8)):
        if index == 3:
            text = f"What {rng.choice(WHO)} said"
            blocks.append({"type": "heading", "value": text, "id": str(uuid.uuid4())})
        value = f"<p>{paragraph(rng)}</p>"
        blocks.append({"type": "paragraph", "value": value, "id": str(uuid.uuid4())})
    if rng.random() < 0.3:
        quote = {"text": sentence(rng), "attribution": f"A resident of {PLACES[0]}"}
        blocks.insert(2, {"type": "quote", "value": quote, "id": str(uuid.uuid4())})
    return blocks


def say(message: str) -> None:
    print(f"\r{message}", end="", file=sys.stderr, flush=True)


def build(articles: int) -> None:
    """Build the archive in the current ``MASTHEAD_VAR_DIR`` (Django set up)."""
    from django.conf import settings
    from django.core.management import call_command
    from django.db import transaction

    from masthead.news.models import ArticlePage

    folder = Path(settings.VAR_DIR)
    started = time.perf_counter()
    say("Migrating …")
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    synthetic = ArticlePage.objects.filter(slug__startswith="archive-").count()
    if not synthetic:  # later, the demo would rank "Read more" over all of them
        say("Loading the demo newsroom …")
        call_command("demo", stdout=io.StringIO())
    if synthetic < articles:
        with transaction.atomic():
            add_articles(articles - synthetic, start=synthetic)
        index_articles()
    check(articles)
    (folder / "ready").write_text(f"{articles}\n")
    warm()
    (folder / "warm").write_text("renditions\n")
    say(f"Archive ready in {time.perf_counter() - started:.0f} s.\n")


def add_articles(count: int, *, start: int) -> None:
    """Insert ``count`` live articles into the demo's sections, in batches."""
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from taggit.models import Tag
    from wagtail.models import Locale, Page

    from masthead.news.models import (
        ArticleAuthor,
        ArticlePage,
        ArticleTag,
        Author,
        CitedSource,
        NewsImage,
        RelatedArticle,
        SectionPage,
    )

    rng = random.Random(SEED + start)
    sections = list(SectionPage.objects.live().order_by("path"))
    authors = list(Author.objects.order_by("slug"))
    tags = list(Tag.objects.filter(news_articletag_items__isnull=False).distinct())
    images = list(NewsImage.objects.filter(title__startswith="Lead: ").order_by("pk"))
    content_type = ContentType.objects.get_for_model(ArticlePage)
    locale = Locale.get_default()
    now = timezone.now()
    # Numbers of the next child of each section, after its existing children.
    next_step = {}
    for section in sections:
        last = section.get_last_child()
        next_step[section.pk] = (
            Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
        )
    created: list[int] = []
    for batch_start in range(0, count, BATCH):
        pages, details, numbers = [], [], []
        for number in range(
            start + batch_start, start + min(count, batch_start + BATCH)
        ):
            section = sections[number % len(sections)]
            step = next_step[section.pk]
            next_step[section.pk] = step + 1
            title = headline(rng, number)
            slug = f"archive-{number}"
            # Older than the demo's two months, newest first by number.
            published = now - timedelta(days=61, hours=number * 3 + rng.random())
            page = Page(
                title=title,
                draft_title=title,
                slug=slug,
                content_type=content_type,
                path=Page._get_path(section.path, section.depth + 1, step),
                depth=section.depth + 1,
                numchild=0,
                url_path=f"{section.url_path}{slug}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=published,
                last_published_at=published,
                latest_revision_created_at=published,
                locale=locale,
                translation_key=uuid.uuid4(),
            )
            pages.append(page)
            numbers.append(number)
            details.append(
                {
                    "standfirst": paragraph(rng)[:390],
                    "lead_image": rng.choice(images) if images else None,
                    "dateline": rng.choice(PLACES[:7]),
                    "body": body(rng),
                    "authors": rng.sample(authors, k=rng.choice((1, 1, 2))),
                    "tags": rng.sample(tags, k=min(len(tags), rng.randint(1, 3))),
                    "source": rng.random() < 0.4,
                }
            )
        Page.objects.bulk_create(pages)
        # bulk_create does not return ids on every database: read them back.
        ids = dict(
            Page.objects.filter(path__in=[p.path for p in pages]).values_list(
                "path", "pk"
            )
        )
        rows, links, tagged, sources = [], [], [], []
        for page, data in zip(pages, details, strict=True):
            pk = ids[page.path]
            created.append(pk)
            article = ArticlePage(
                page_ptr_id=pk,
                standfirst=data["standfirst"],
                lead_image=data["lead_image"],
                lead_image_caption="",
                dateline=data["dateline"],
                body=data["body"],
                language="en",
            )
            rows.append(article)
            links += [
                ArticleAuthor(article_id=pk, author=author, sort_order=order)
                for order, author in enumerate(data["authors"])
            ]
            tagged += [
                ArticleTag(content_object_id=pk, tag=tag) for tag in data["tags"]
            ]
            if data["source"]:
                name = f"The {rng.choice(PLACES[:7])} statistics office"
                sources.append(
                    CitedSource(
                        article_id=pk,
                        name=name,
                        url="https://example.org/statistics",
                        verb=CitedSource.Verb.ACCORDING_TO,
                        sort_order=0,
                    )
                )
        # Only the article table: the page rows exist (multi-table inheritance
        # is out of bulk_create's reach).
        fields = ArticlePage._meta.local_concrete_fields
        ArticlePage._base_manager._insert(rows, fields=fields)
        ArticleAuthor.objects.bulk_create(links)
        ArticleTag.objects.bulk_create(tagged)
        CitedSource.objects.bulk_create(sources)
        say(f"Articles {batch_start + len(pages)}/{count}")
    for section in sections:
        section.numchild = Page.objects.child_of(section).count()
        Page.objects.filter(pk=section.pk).update(numchild=section.numchild)
    # "Read more": four articles sharing a tag, as the ranking would pick.
    by_tag: dict[int, list[int]] = {}
    for article_id, tag_id in ArticleTag.objects.filter(
        content_object_id__in=created
    ).values_list("content_object_id", "tag_id"):
        by_tag.setdefault(tag_id, []).append(article_id)
    first_tag = dict(
        ArticleTag.objects.filter(content_object_id__in=created)
        .order_by("content_object_id", "pk")
        .values_list("content_object_id", "tag_id")
    )
    related = []
    for article_id in created:
        pool = by_tag.get(first_tag.get(article_id), [])
        picks = [pk for pk in rng.sample(pool, k=min(5, len(pool))) if pk != article_id]
        for rank, other in enumerate(picks[:4]):
            related.append(
                RelatedArticle(
                    article_id=article_id, related_id=other, score=1.0, rank=rank
                )
            )
    RelatedArticle.objects.bulk_create(related, batch_size=BATCH)
    say(f"Articles {count}/{count}, related links {len(related)}\n")


def index_articles() -> None:
    """Index the articles for Wagtail's database search backend, in batches."""
    from wagtail.search.backends import get_search_backend

    from masthead.news.models import ArticlePage

    backend = get_search_backend()
    index = backend.get_index_for_model(ArticlePage)
    queryset = ArticlePage.objects.filter(slug__startswith="archive-").order_by("pk")
    total = queryset.count()
    ids = list(queryset.values_list("pk", flat=True))
    for start in range(0, total, BATCH):
        batch = list(
            ArticlePage.objects.filter(pk__in=ids[start : start + BATCH])
            .select_related("lead_image")
            .prefetch_related("tags")
        )
        index.add_items(ArticlePage, batch)
        say(f"Search index {min(total, start + BATCH)}/{total}")
    say(f"Search index {total}/{total}\n")


def check(articles: int) -> None:
    """Fail loudly unless the generated articles are served and listed."""
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.utils.html import escape

    from masthead.news.models import ArticlePage, SectionPage

    setup_test_environment()
    client = Client()
    queryset = ArticlePage.objects.all()
    if articles:
        queryset = queryset.filter(slug__startswith="archive-")
    assert queryset.count() >= articles, queryset.count()
    article = queryset.live().order_by("-first_published_at").first()
    assert article.url.endswith(f"/{article.get_parent().slug}/{article.slug}/")
    response = client.get(article.url)
    assert response.status_code == 200, (article.url, response.status_code)
    assert article.standfirst[:40] in response.content.decode()
    section = SectionPage.objects.get(pk=article.get_parent().pk)
    # The demo's articles are newer: the generated ones follow on later pages.
    listed = section.articles()
    assert article.pk in set(listed.values_list("pk", flat=True))
    oldest = listed.last()
    pages = -(-listed.count() // 12)
    response = client.get(f"{section.url}?page={pages}")
    assert response.status_code == 200, response.status_code
    assert escape(oldest.title) in response.content.decode(), oldest.title
    feed = client.get("/feed.xml")
    assert feed.status_code == 200
    found = client.get("/search/", {"q": article.title.split(" (")[0]})
    assert found.status_code == 200
    assert article.url in found.content.decode(), "search does not find it"


def warm() -> None:
    """Make every image rendition the pages use, as a served site has them.

    Without this the first export of a fresh copy would spend most of its
    time resizing images. The generated articles reuse the demo's images, so
    serving the demo's pages (and the first page of each listing) is enough.
    """
    from django.test import Client

    from masthead.news.models import ArticlePage, Author, SectionPage

    client = Client()
    urls = ["/", "/authors/", "/feed.xml", "/atom.xml", "/feed.json"]
    urls += [s.url for s in SectionPage.objects.live()]
    urls += [a.get_absolute_url() for a in Author.objects.all()]
    urls += [a.url for a in ArticlePage.objects.exclude(slug__startswith="archive-")]
    for number, url in enumerate(urls, start=1):
        client.get(url)
        say(f"Renditions: page {number}/{len(urls)}")
    say(f"Renditions: {len(urls)} pages served\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--build", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.articles < 0:
        parser.error("--articles must be zero or more")
    if not options.build:
        print(prepare(options.articles))
        return
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    build(options.articles)


if __name__ == "__main__":
    main()
