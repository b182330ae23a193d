"""masthead export: relative links only, static twins, incremental rewrites."""

import json
import re
import zipfile

import pytest
from django.core.management import call_command

from masthead.funding.models import ManualRail
from masthead.mirrors.export import MANIFEST, export_site, output_path, relative
from masthead.mirrors.services import mirror_add
from masthead.news.factories import ArticlePageFactory

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
