"""masthead export: relative links only, static twins, incremental renders."""

import hashlib
import json
import re
import zipfile

import pytest
from django.core.cache import cache
from django.core.management import call_command

from masthead.funding.models import ManualRail, PaymentLink
from masthead.mirrors import generations, render_pool, search_index
from masthead.mirrors.export import MANIFEST, STATE, export_site
from masthead.mirrors.exporter import Exporter
from masthead.mirrors.paths import output_path, relative
from masthead.mirrors.services import mirror_add
from masthead.news.factories import ArticlePageFactory
from masthead.news.models import ArticlePage, CitedSource, RelatedArticle

pytestmark = pytest.mark.django_db

ROOT_LINK = re.compile(r"""\s(?:href|src|action|data-worker)=["'](/[^/"'][^"']*)""")


@pytest.fixture
def newsroom(section, other_section):
    for number in range(13):  # more than one page of the section listing
        ArticlePageFactory(parent=section, title=f"Story {number}", tag_names=("law",))
    ArticlePageFactory(parent=other_section, title="Lantern festival returns")
    mirror_add(url="https://lantern.mirror.example")
    ManualRail.objects.create(
        kind=ManualRail.Kind.CRYPTO,
        label="USDT (TRC-20)",
        details="Network TRC-20",
        address="TXYZlanternaddress",
    )


def test_output_paths_and_relative_links():
    assert output_path("/") == "index.html"
    assert output_path("/politics/x/") == "politics/x/index.html"
    assert output_path("/politics/", "page=2") == "politics/page/2/index.html"
    assert output_path("/feed.xml") == "feed.xml"
    assert (
        relative("politics/x/index.html", "culture/y/index.html")
        == "../../politics/x/index.html"
    )


def test_export_writes_the_whole_site_with_relative_links(newsroom, tmp_path):
    report = export_site(tmp_path / "site", zip_path=tmp_path / "site.zip")
    site = tmp_path / "site"
    for expected in (
        "index.html",
        "politics/index.html",
        "politics/page/2/index.html",
        "politics/story-0/index.html",
        "culture/lantern-festival-returns/index.html",
        "tags/law/index.html",
        "mirrors/index.html",
        "mirrors.json",
        "feed.xml",
        "sitemap.xml",
        "search/index.html",
        "support/index.html",
        "pagefind/pagefind.js",
    ):
        assert (site / expected).is_file(), expected
    assert any((site / "authors").iterdir())
    assert list((site / "static").rglob("site*.css"))
    for page in site.rglob("*.html"):
        assert ROOT_LINK.findall(page.read_text()) == [], page
    support = (site / "support/index.html").read_text()
    assert "TXYZlanternaddress" in support and "<svg" in support
    assert "<form" not in support.split('<main id="main"')[1]
    article = (site / "politics/story-0/index.html").read_text()
    assert 'href="../../culture/index.html"' in article
    assert report.pages >= 18 and report.written == report.files
    with zipfile.ZipFile(tmp_path / "site.zip") as bundle:
        assert "site/politics/story-0/index.html" in bundle.namelist()


def test_incremental_export_rewrites_only_what_changed(newsroom, tmp_path, section):
    site = tmp_path / "site"
    export_site(site)
    first = json.loads((site / MANIFEST).read_text())
    again = export_site(site)
    assert again.written == 0 and again.removed == 0

    story = section.get_children().live().specific().get(slug="story-3")
    story.standfirst = "An edited standfirst."
    story.save_revision().publish()
    gone = section.get_children().live().get(slug="story-5")
    gone.unpublish()
    report = export_site(site)

    second = json.loads((site / MANIFEST).read_text())
    changed = {path for path in second if first.get(path) != second[path]}
    assert "politics/story-3/index.html" in changed
    assert "An edited standfirst." in (site / "politics/story-3/index.html").read_text()
    assert not (site / "politics/story-5").exists()
    assert "politics/story-5/index.html" not in second
    assert report.removed >= 1
    # Static assets and pages that show nothing of the edit are not rewritten.
    assert not any(path.startswith("static/") for path in changed)
    assert "mirrors/index.html" not in changed
    assert report.written == len(changed) < len(second) / 2


def test_the_command_prints_a_summary(newsroom, tmp_path, capsys):
    call_command("export", str(tmp_path / "out"), "--zip")
    out = capsys.readouterr().out
    assert re.search(r"Exported \d+ pages, \d+ files, .* MB in .* s", out)
    assert (tmp_path / "out.zip").is_file()


@pytest.fixture
def rendered(monkeypatch):
    """Record the URLs each export renders (it still renders them)."""
    urls: list[str] = []
    render = Exporter.render

    def recording(self, url):
        urls.append(url)
        return render(self, url)

    monkeypatch.setattr(Exporter, "render", recording)
    return urls


def pages(urls: list[str]) -> set[str]:
    return {url for url in urls if not url.startswith(("/static/", "/media/"))}


def test_an_edit_renders_the_article_and_the_pages_that_show_it(
    newsroom, tmp_path, section, rendered
):
    site = tmp_path / "site"
    export_site(site)
    rendered.clear()
    story = section.get_children().live().specific().get(slug="story-3")
    story.standfirst = "An edited standfirst."
    story.save_revision().publish()

    report = export_site(site)

    again = pages(rendered)
    for url in ("/politics/story-3/", "/politics/", "/tags/law/", "/feed.xml"):
        assert url in again, url
    # The front page shows the newest four of each section: not story-3.
    assert "/" not in again and "story-3" not in (site / "index.html").read_text()
    assert {"/politics/feed.xml", "/atom.xml", "/feed.json"} <= again
    for path in ("politics/story-3/index.html", "politics/index.html", "feed.xml"):
        assert "An edited standfirst." in (site / path).read_text(), path
    # Articles that show it in "Read more" are rendered; the others are not
    # (it is not among the section's newest, shown under every article).
    showing = set(
        RelatedArticle.objects.filter(related=story).values_list(
            "article__url_path", flat=True
        )
    )
    untouched = ArticlePage.objects.live().exclude(pk=story.pk)
    for article in untouched:
        url = article.url
        assert (url in again) == (article.url_path in showing), url
    assert "/culture/" not in again
    assert "/culture/lantern-festival-returns/" not in again
    assert "/politics/?page=2" not in again  # story-3 is on the first page
    assert report.skipped > 0 and report.pages == report.rendered + report.skipped
    assert report.rendered < report.pages / 2


def test_an_export_with_nothing_changed_renders_no_keyed_page(
    newsroom, tmp_path, rendered
):
    site = tmp_path / "site"
    first = export_site(site)
    rendered.clear()
    again = export_site(site)
    assert again.written == 0 and again.removed == 0
    assert again.pages == first.pages
    assert not {url for url in pages(rendered) if "/story-" in url or "?page" in url}
    assert "/politics/" not in rendered and "/" not in rendered


def test_a_site_wide_change_renders_every_page_again(newsroom, tmp_path, rendered):
    site = tmp_path / "site"
    first = export_site(site)
    rendered.clear()
    mirror_add(url="https://second-lantern.mirror.example")  # in every footer
    report = export_site(site)
    assert report.skipped == 0 and report.rendered == first.rendered
    article = (site / "culture/lantern-festival-returns/index.html").read_text()
    assert "second-lantern.mirror.example" in article


def test_unpublishing_removes_the_article_quietly(newsroom, tmp_path, section):
    site = tmp_path / "site"
    export_site(site)
    gone = section.get_children().live().get(slug="story-5")
    gone.unpublish()
    report = export_site(site)
    assert not (site / "politics/story-5").exists()
    assert "story-5" not in (site / "politics/index.html").read_text()
    assert "story-5" not in (site / "sitemap.xml").read_text()
    assert report.missing == []  # gone on purpose, not a broken link
    manifest = json.loads((site / MANIFEST).read_text())
    assert not any("story-5" in path for path in manifest)


def test_a_full_export_renders_everything_even_unchanged(newsroom, tmp_path):
    site = tmp_path / "site"
    first = export_site(site)
    report = export_site(site, full=True)
    assert report.skipped == 0 and report.rendered == first.rendered
    assert report.written == 0


@pytest.mark.django_db(transaction=True)
def test_two_processes_export_the_same_files_as_one(newsroom, tmp_path, monkeypatch):
    monkeypatch.setattr(render_pool, "PARALLEL_FROM", 2)  # even this small site
    monkeypatch.setattr(render_pool, "CHUNK", 3)
    one = export_site(tmp_path / "one", workers=1)
    two = export_site(tmp_path / "two", workers=2)
    assert two.pages == one.pages and two.missing == one.missing == []
    first = json.loads((tmp_path / "one" / MANIFEST).read_text())
    second = json.loads((tmp_path / "two" / MANIFEST).read_text())
    assert first == second
    # The render processes wrote the files themselves: what is on disk is
    # what the manifest says, and nothing else is there.
    on_disk = {
        file.relative_to(tmp_path / "two").as_posix(): file
        for file in (tmp_path / "two").rglob("*")
        if file.is_file() and file.name not in (MANIFEST, STATE)
    }
    assert set(on_disk) == set(second)
    for path, file in on_disk.items():
        assert hashlib.sha256(file.read_bytes()).hexdigest() == second[path], path


def test_an_edit_rebuilds_only_the_search_index_part_of_its_article(
    newsroom, tmp_path, section, monkeypatch
):
    monkeypatch.setattr(search_index, "PART_SIZE", 1)  # a part per page id
    site = tmp_path / "site"
    export_site(site)
    first = json.loads((site / MANIFEST).read_text())
    parts = json.loads((site / search_index.PARTS_LIST).read_text())
    assert len(parts) >= 13  # merged into the primary part in the browser
    story = section.get_children().live().specific().get(slug="story-3")
    story.standfirst = "An edited standfirst."
    story.save_revision().publish()

    export_site(site)

    second = json.loads((site / MANIFEST).read_text())
    changed = {
        path
        for path in set(first) | set(second)
        if path.startswith("pagefind/") and first.get(path) != second.get(path)
    }
    folder = f"{search_index.PARTS_DIR}/{search_index.part_name(story.pk)}/"
    assert changed and all(path.startswith(folder) for path in changed), changed
    assert any(path.startswith(folder + "fragment/") for path in changed)


def test_pagefind_works_in_memory_when_there_is_room_and_leaves_nothing(
    tmp_path, monkeypatch
):
    memory = tmp_path / "memory"
    monkeypatch.setattr(search_index, "MEMORY_FOLDER", str(memory))
    assert search_index.scratch_folder() is None  # no such folder: TMPDIR
    memory.mkdir()
    monkeypatch.setattr(search_index, "MEMORY_NEEDED", 1 << 60)
    assert search_index.scratch_folder() is None  # too little room
    monkeypatch.setattr(search_index, "MEMORY_NEEDED", 1)
    assert search_index.scratch_folder() == str(memory)
    document = search_index.document(
        '<html lang="en"><main><article><h1>Ferry strike</h1>'
        "<p>Dockers stopped the ferries.</p></article></main></html>"
    )

    files = search_index.build_part({"news/ferry/index.html": document}, merged=True)

    assert any(name.startswith("fragment/") for name in files)
    assert list(memory.iterdir()) == []  # its scratch files are gone


def test_links_to_other_sites_are_kept_as_the_page_has_them(
    newsroom, tmp_path, section, client
):
    story = section.get_children().live().specific().get(slug="story-3")
    url = "https://example.org/wiki/O'Brien_(writer)?lang=en&view=full"
    story.sources.add(CitedSource(name="A reference", url=url))
    story.save_revision().publish()
    live = client.get(story.url).content.decode()
    href = re.search(r'href="(https://example\.org/wiki/[^"]*)"', live)[1]
    assert "&#x27;" in href and "&amp;" in href  # escaped by the template

    export_site(tmp_path / "site")

    page = (tmp_path / "site/politics/story-3/index.html").read_text()
    assert f'href="{href}"' in page  # the same bytes: the same link


def test_articles_read_together_render_as_each_alone(newsroom, tmp_path, section):
    # One has ranked "Read more" links, one of them unpublished; the others
    # fall back on their section's newest articles.
    first, second, third = section.get_children().live().specific()[:3]
    RelatedArticle.objects.create(article=first, related=second, rank=0, score=2)
    RelatedArticle.objects.create(article=first, related=third, rank=1, score=1)
    third.unpublish()
    plan = generations.plan()
    together, alone = Exporter(), Exporter()
    together.plan = alone.plan = plan
    urls = sorted(plan.articles)
    together.read_shown(urls)
    assert together.known.shown and all(together.known.shown.values())
    assert len(together.known.articles) == len(urls)  # read with their parts
    for url in urls:
        cache.clear()  # or the page's "Read more" part comes from the cache
        expected = alone.render(url)[1]
        cache.clear()
        assert together.render(url)[1] == expected, url
    assert "Read more" in (expected or b"").decode()


def test_the_export_says_where_to_sign_up_instead_of_posting_to_no_server(
    newsroom, tmp_path, client
):
    from masthead.newsletters.models import Newsletter

    Newsletter.objects.create(name="Morning briefing", slug="morning", is_public=True)
    report = export_site(tmp_path / "site")
    # No form posts a reader's address to a file the copy does not have.
    assert report.missing == []
    pages = list((tmp_path / "site").rglob("*.html"))
    assert pages and not [p for p in pages if 'method="post"' in p.read_text()]
    front = (tmp_path / "site" / "index.html").read_text()
    assert "Morning briefing" in front and "cannot sign you up" in front
    assert 'href="mirrors/index.html">Other ways to reach us' in front
    # The site itself, in the same process, still offers the form.
    served = client.get("/").content.decode()
    assert 'class="newsletter-signup" action="/newsletters/subscribe/"' in served
    assert "cannot sign you up" not in served


def test_the_support_page_lists_the_payment_links_the_newsroom_made(newsroom, tmp_path):
    monthly = PaymentLink.objects.create(
        label="Give $5 a month",
        frequency="month",
        url="https://buy.stripe.com/test_lantern5",
    )
    PaymentLink.objects.create(
        label="Old link", frequency="one_time", url="https://buy.stripe.com/old",
        active=False,
    )  # fmt: skip
    site = tmp_path / "site"
    export_site(site)
    support = (site / "support/index.html").read_text()
    assert 'href="https://buy.stripe.com/test_lantern5"' in support
    assert "Give $5 a month" in support and "Old link" not in support
    assert "TXYZlanternaddress" in support  # beside the other rails

    # A link changed in the admin reaches the copy on the next export.
    monthly.url = "https://buy.stripe.com/test_lantern7"
    monthly.save()
    export_site(site)
    support = (site / "support/index.html").read_text()
    assert "test_lantern7" in support and "test_lantern5" not in support
