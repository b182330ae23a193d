"""The demo newsroom: The Lantern, an exiled newsroom covering fictional Nordavia.

All of the text is the project's own writing; the people, places and sources
are invented. ``build`` loads it through the same factories the tests use,
and is idempotent: what exists already is left as it is.
"""

from collections.abc import Callable
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from masthead import pagecache
from masthead.news import services
from masthead.news.demo.content_1 import ARTICLES as ARTICLES_1
from masthead.news.demo.content_2 import ARTICLES as ARTICLES_2
from masthead.news.factories import (
    ArticlePageFactory,
    AuthorFactory,
    HomePageFactory,
    InfoPageFactory,
    NewsImageFactory,
    SectionPageFactory,
    picture,
)
from masthead.news.models import (
    ArticlePage,
    Author,
    CitedSource,
    HomePage,
    InfoPage,
    NewsImage,
    SectionPage,
)

ARTICLES = [*ARTICLES_1, *ARTICLES_2]

SECTIONS = [
    ("politics", "Politics", "Power in Nordavia: the government, the courts and the people who still oppose them."),
    ("economy", "Economy", "Prices, wages, sanctions and the budget, from the kitchen table to the central bank."),
    ("society", "Society", "Schools, hospitals, housing and the lives of people who stayed and who left."),
    ("culture", "Culture", "Theatre, music, books and film, at home and in exile."),
    ("investigations", "Investigations", "Long reporting on money and power, built on documents."),
]  # fmt: skip

AUTHORS = [
    ("mira-holm", "Mira Holm", "Politics editor", "Mira Holm has covered Nordavian politics for twelve years, the last three from Riga. She ran the parliamentary desk of a Stalhaven daily until it was closed."),
    ("tomas-varga", "Tomas Varga", "Economy correspondent", "Tomas Varga writes about prices, banks and the budget. He trained as an economist and reads ministry spreadsheets so readers do not have to."),
    ("elin-saar", "Elin Saar", "Society reporter", "Elin Saar reports on schools, hospitals and housing. She left Stalhaven in 2023 and works from Vilnius with sources across the country."),
    ("jonas-kell", "Jonas Kell", "Culture editor", "Jonas Kell covers theatre, music and books, and the artists who keep working after being banned at home."),
    ("ana-brook", "Ana Brook", "Investigations editor", "Ana Brook leads the investigations desk. Her team follows public money through company registries, court files and procurement records."),
    ("petr-lind", "Petr Lind", "Regions correspondent", "Petr Lind reports from Korvik, Ilmsby and Varta through a network of local contributors whose names we do not publish."),
]  # fmt: skip

# The pages every newsroom has, linked from the footer: (slug, title, intro, body).
INFO_PAGES = [
    (
        "about",
        "About us",
        "The Lantern is an independent newsroom reporting on Nordavia from exile.",
        "<p>We are journalists who worked for newspapers, radio stations and websites"
        " in Stalhaven until they were closed or taken over. Since 2023 we have"
        " worked from Riga and Vilnius, with contributors across Nordavia whose"
        " names we do not publish.</p>"
        "<h2>How we work</h2>"
        "<p>We check every fact with at least two sources, name our sources where it"
        " is safe to do so, and say so when we cannot. When we get something wrong"
        " we correct it at the end of the article and keep the correction there.</p>"
        "<h2>Who pays for it</h2>"
        "<p>Our readers. We carry no advertising and accept no money from"
        " governments or political parties. Foundations that support independent"
        " media cover part of our costs; they have no say over what we publish.</p>",
    ),
    (
        "contact",
        "Contact",
        "How to reach the newsroom, send us a tip or ask for a correction.",
        "<h2>Tips and documents</h2>"
        "<p>Write to tips@lantern.example. If what you send could put you at risk,"
        " do not use a work device or a work network, and tell us how you would"
        " like to be contacted. We never publish a source's name without"
        " consent.</p>"
        "<h2>Corrections</h2>"
        "<p>If you think we got something wrong, write to"
        " corrections@lantern.example with a link to the article. An editor who"
        " did not work on the story will look at it.</p>"
        "<h2>Everything else</h2>"
        "<p>The newsroom: editors@lantern.example. Questions about a donation:"
        " support@lantern.example.</p>",
    ),
    (
        "privacy",
        "Privacy",
        "What this site does not collect about you, and the little it needs.",
        "<h2>When you read</h2>"
        "<p>Reading this site sets no cookie. We run no analytics and no"
        " advertising, and the pages load nothing from other companies: no fonts,"
        " no videos, no share buttons, no tracking pixels. We do not keep your IP"
        " address, not even in our server logs. What you search for is not"
        " stored.</p>"
        "<p>We count how many times our appeals for support are shown and clicked,"
        " as totals per day, with nothing that could tell one reader from"
        " another. When you choose \u201cRemind me later\u201d, that choice is"
        " kept in your own browser, and we never see it.</p>"
        "<h2>When you give</h2>"
        "<p>To take a donation we need an email address for the receipt and the"
        " amount. Card payments are made on the payment provider's own page: your"
        " card number never reaches us. We do not sell or share donors' details,"
        " and we delete them when you ask.</p>"
        "<h2>Questions</h2>"
        "<p>Write to privacy@lantern.example.</p>",
    ),
]


def ensure_home() -> HomePage:
    """Return the front page, making it the root of the default site."""
    home = HomePage.objects.first()
    root = Page.get_first_root_node()
    if home is None:
        home = HomePageFactory(
            parent=root, title=settings.WAGTAIL_SITE_NAME, slug="front"
        )
    url = urlsplit(settings.SITE_URL)
    site = Site.objects.filter(is_default_site=True).first() or Site(
        is_default_site=True
    )
    site.hostname = url.hostname or "localhost"
    site.port = url.port or (443 if url.scheme == "https" else 80)
    site.site_name = settings.WAGTAIL_SITE_NAME
    site.root_page = home
    site.save()
    # Wagtail's own welcome page is of no use once the front page exists.
    for page in (
        root.get_children().exclude(pk=home.pk).filter(content_type__model="page")
    ):
        page.delete()
    return home


def ensure_info_pages(home: HomePage) -> None:
    """Publish the About, Contact and Privacy pages, unless they exist."""
    for slug, title, intro, body in INFO_PAGES:
        if not InfoPage.objects.child_of(home).filter(slug=slug).exists():
            InfoPageFactory(parent=home, slug=slug, title=title, intro=intro, body=body)


def _body(blocks: list[tuple], images: Callable[[str], NewsImage]) -> list[tuple]:
    body = []
    for index, (kind, value) in enumerate(blocks):
        if kind == "paragraph":
            body.append(("paragraph", RichText(f"<p>{escape(value)}</p>")))
        elif kind == "image":
            body.append(
                (
                    "image",
                    {
                        "image": images(f"{value['caption']}#{index}"),
                        "caption": value["caption"],
                        "credit": value.get("credit", ""),
                    },
                )
            )
        else:
            body.append((kind, value))
    return body


def _image(title: str, alt: str, credit: str = "The Lantern") -> NewsImage:
    existing = NewsImage.objects.filter(title=title).first()
    if existing:
        return existing
    return NewsImageFactory(
        title=title, description=alt, credit=credit, file=picture(title)
    )


def build(progress: Callable[[str], None] = lambda message: None) -> dict:
    """Load the demo newsroom; return counts of what exists afterwards."""
    with transaction.atomic():
        home = ensure_home()
        sections = {}
        for slug, title, intro in SECTIONS:
            section = SectionPage.objects.child_of(home).filter(slug=slug).first()
            sections[slug] = section or SectionPageFactory(
                parent=home, slug=slug, title=title, intro=intro
            )
        authors = {
            slug: AuthorFactory(slug=slug, name=name, role=role, bio=f"<p>{bio}</p>")
            for slug, name, role, bio in AUTHORS
        }
    now = timezone.now()
    total = len(ARTICLES)
    for number, data in enumerate(ARTICLES, start=1):
        section = sections[data["section"]]
        if not ArticlePage.objects.child_of(section).filter(slug=data["slug"]).exists():
            _create_article(data, section, authors, now)
        progress(f"Articles {number}/{total}")
    progress("Ranking related articles")
    services.related_articles_recompute(articles=list(ArticlePage.objects.live()))
    # The front page is left to lead with the latest article: a lead pinned
    # here would hide every story published after the demo.
    ensure_info_pages(home)
    pagecache.clear()
    return {
        "sections": SectionPage.objects.count(),
        "articles": ArticlePage.objects.count(),
        "authors": Author.objects.count(),
        "images": NewsImage.objects.count(),
    }


DOCUMENT_WORDS = ("record", "register", "portal", "gazette", "report", "document")
DOCUMENT_WORDS += ("declaration", "directive", "ruling", "order", "budget")


def _source_verb(name: str) -> str:
    """Credit a demo source as an editor would: documents by name alone."""
    lowered = name.lower()
    if any(word in lowered for word in DOCUMENT_WORDS):
        return CitedSource.Verb.NONE
    if lowered.startswith(("radio kestrel", "vesna daily")):
        return CitedSource.Verb.REPORTED
    if "statistics" in lowered:
        return CitedSource.Verb.ACCORDING_TO
    return CitedSource.Verb.SAID


def _create_article(
    data: dict, section: SectionPage, authors: dict, now
) -> ArticlePage:
    published = now - timedelta(hours=data["hours_ago"])
    updated = data.get("updated_hours_ago")
    correction = data.get("correction")
    with transaction.atomic():
        return ArticlePageFactory(
            parent=section,
            slug=data["slug"],
            title=data["headline"],
            standfirst=data["standfirst"],
            dateline=data["dateline"],
            lead_image=_image(
                f"Lead: {data['headline']}",
                alt=f"Illustration for the article “{data['headline']}”",
            ),
            body=_body(
                data["body"], lambda title: _image(title, alt=title.split("#")[0])
            ),
            first_published_at=published,
            updated_at=now - timedelta(hours=updated) if updated is not None else None,
            authors=[authors[slug] for slug in data["authors"]],
            tag_names=data["tags"],
            sources=[
                (s["name"], s["url"], s.get("verb", _source_verb(s["name"])))
                for s in data["sources"]
            ],
            corrections=(
                [
                    (
                        published + timedelta(hours=correction["hours_after"]),
                        correction["text"],
                    )
                ]
                if correction
                else []
            ),
        )
