"""Factories for the publication, shared by the tests and ``masthead demo``."""

import hashlib
import io
from datetime import timedelta

import factory
import wagtail_factories
from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.models import Page
from wagtail.rich_text import RichText

from masthead.news.models import (
    ArticleAuthor,
    ArticlePage,
    Author,
    CitedSource,
    Correction,
    HomePage,
    InfoPage,
    NewsImage,
    SectionPage,
)

PALETTES = [
    ((32, 52, 84), (196, 120, 64)),
    ((66, 33, 51), (222, 176, 96)),
    ((24, 70, 62), (230, 210, 150)),
    ((90, 40, 30), (120, 170, 200)),
    ((45, 45, 60), (200, 90, 90)),
]


def picture(seed: str, width: int = 1600, height: int = 900) -> ImageFile:
    """Draw an abstract, deterministic picture for ``seed`` as a JPEG file."""
    digest = hashlib.sha256(seed.encode()).digest()
    dark, light = PALETTES[digest[0] % len(PALETTES)]
    canvas = PILImage.new("RGB", (width, height), dark)
    draw = ImageDraw.Draw(canvas)
    for row in range(height):
        shade = row / height
        colour = tuple(
            int(lo + (hi - lo) * shade * 0.6)
            for lo, hi in zip(dark, light, strict=True)
        )
        draw.line([(0, row), (width, row)], fill=colour)
    for index in range(6):
        a, b, c = digest[1 + index * 3 : 4 + index * 3]
        x, y = a * width // 255, b * height // 255
        radius = 60 + c * 2
        tint = tuple(min(255, int(channel * (0.5 + index / 10))) for channel in light)
        draw.ellipse(
            [x - radius, y - radius, x + radius, y + radius], outline=tint, width=8
        )
    draw.rectangle([0, height - 90, width, height], fill=dark)
    buffer = io.BytesIO()
    canvas.save(buffer, format="JPEG", quality=82)
    return ImageFile(buffer, name=f"{hashlib.sha1(seed.encode()).hexdigest()[:12]}.jpg")  # noqa: S324 - a file name, not security


class NewsImageFactory(DjangoModelFactory):
    class Meta:
        model = NewsImage

    title = factory.Sequence(lambda n: f"Picture {n}")
    description = factory.LazyAttribute(lambda o: f"Illustration: {o.title}")
    credit = "The Lantern"
    file = factory.LazyAttribute(lambda o: picture(o.title))
    collection = factory.LazyFunction(
        lambda: wagtail_factories.CollectionFactory._meta.model.get_first_root_node()
    )


class AuthorFactory(DjangoModelFactory):
    class Meta:
        model = Author
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Reporter {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    role = "Correspondent"
    bio = factory.LazyAttribute(lambda o: f"<p>{o.name} reports for the newsroom.</p>")


class _PublishedPageFactory(wagtail_factories.PageFactory):
    """Create a page under ``parent`` (default: the tree root), then publish it."""

    class Meta:
        abstract = True

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        relations = {
            name: kwargs.pop(name) for name in cls._relations if name in kwargs
        }
        instance = model_class(**kwargs)
        cls._attach(instance, **relations)
        if parent is None:
            parent = Page.get_first_root_node()
        parent.add_child(instance=instance)
        if instance.live:
            instance.save_revision().publish()
        return instance

    _relations: tuple[str, ...] = ()

    @classmethod
    def _attach(cls, instance, **relations) -> None:
        pass


class HomePageFactory(_PublishedPageFactory):
    class Meta:
        model = HomePage

    title = "Front page"
    slug = "front"


class SectionPageFactory(_PublishedPageFactory):
    class Meta:
        model = SectionPage

    title = factory.Sequence(lambda n: f"Section {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    intro = ""


class InfoPageFactory(_PublishedPageFactory):
    class Meta:
        model = InfoPage

    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    intro = ""
    body = factory.LazyAttribute(lambda o: f"<p>{escape(o.title)}.</p>")


def body_blocks(paragraphs: list[str]) -> list[tuple]:
    """Return paragraph blocks of the given HTML fragments."""
    return [("paragraph", RichText(f"<p>{html}</p>")) for html in paragraphs]


class ArticlePageFactory(_PublishedPageFactory):
    """An article with its authors, tags, cited sources and corrections.

    ``sources`` is a list of (name, url) or (name, url, verb); ``corrections``
    of (datetime, text).
    """

    class Meta:
        model = ArticlePage

    title = factory.Sequence(lambda n: f"Article {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title)[:80])
    standfirst = factory.LazyAttribute(lambda o: f"What happened in “{o.title}”.")
    body = factory.LazyAttribute(
        lambda o: body_blocks(
            [f"{escape(o.title)}: the first paragraph.", "The second."]
        )
    )
    dateline = "Riga"
    language = "en"
    first_published_at = factory.LazyFunction(timezone.now)
    authors = factory.LazyFunction(lambda: [AuthorFactory()])
    tag_names: tuple[str, ...] = ()
    sources: tuple[tuple[str, str], ...] = ()
    corrections: tuple = ()

    _relations = ("authors", "tag_names", "sources", "corrections")

    @classmethod
    def _attach(cls, instance, authors=(), tag_names=(), sources=(), corrections=()):
        instance.article_authors = [ArticleAuthor(author=a) for a in authors]
        instance.sources = [CitedSource(**source_fields(s)) for s in sources]
        instance.corrections = [Correction(date=d, text=t) for d, t in corrections]
        if tag_names:
            instance.tags.add(*tag_names)


def source_fields(source: tuple) -> dict:
    """Return a cited source's fields from (name, url) or (name, url, verb)."""
    name, url, *verb = source
    return {"name": name, "url": url, **({"verb": verb[0]} if verb else {})}


def hours_ago(hours: float):
    return timezone.now() - timedelta(hours=hours)
