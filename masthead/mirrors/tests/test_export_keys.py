"""The export's keys of the pages besides articles and listings (``twins``),
and what the site-wide key holds (``page_keys``): an unchanged page is kept,
a change to what it shows renders it again."""

from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.appeals.factories import appeal_build, appeal_donation
from masthead.mirrors.export import export_site
from masthead.mirrors.exporter import Exporter
from masthead.mirrors.models import Mirror, PublishQueue, Status, TargetStatus
from masthead.mirrors.services import mirror_add
from masthead.news.factories import ArticlePageFactory, InfoPageFactory
from masthead.newsletters.models import Edition, EditionArticle, Newsletter

pytestmark = pytest.mark.django_db

KEYED = ("/mirrors/", "/mirrors.json", "/robots.txt", "/authors/", "/newsletters/")


@pytest.fixture
def newsroom(section, home, file_cache):
    story = ArticlePageFactory(parent=section, title="Harbour report")
    ArticlePageFactory(parent=section, title="Market day")
    InfoPageFactory(
        parent=home,
        title="About",
        slug="about",
        body=f'<p>Read <a linktype="page" id="{story.pk}">our report</a>.</p>',
    )
    mirror_add(url="https://lantern.mirror.example")
    Newsletter.objects.create(name="Daily", slug="daily")
    return story


@pytest.fixture
def rendered(monkeypatch):
    """Every URL the export renders, its static pages and files included."""
    urls: list[str] = []
    render, static_page = Exporter.render, Exporter.static_page

    def recording(self, url):
        urls.append(url)
        return render(self, url)

    def recording_static(self, template, url, *args):
        urls.append(url)
        return static_page(self, template, url, *args)

    monkeypatch.setattr(Exporter, "render", recording)
    monkeypatch.setattr(Exporter, "static_page", recording_static)
    return urls


@pytest.fixture
def later(monkeypatch):
    """Move the clock forward by the given time."""

    def move(delta: timedelta) -> None:
        now = timezone.now() + delta
        monkeypatch.setattr(timezone, "now", lambda: now)

    return move


def test_an_unchanged_export_renders_none_of_the_other_pages(
    newsroom, tmp_path, rendered
):
    site = tmp_path / "site"
    export_site(site)
    assert {*KEYED, "/about/", "/search/", "/support/"} <= set(rendered)
    assert any(url.startswith("/static/") for url in rendered)
    rendered.clear()
    report = export_site(site)
    assert report.written == 0 and report.removed == 0
    assert rendered == []
    assert (site / "support/index.html").is_file()
    assert (site / "search/index.html").is_file()


def test_a_publish_renders_no_page_again(newsroom, tmp_path, rendered):
    site = tmp_path / "site"
    export_site(site)
    rendered.clear()
    # What a publish writes: its queue, and how each target went.
    PublishQueue.objects.create(due_at=timezone.now())
    TargetStatus.objects.create(name="bucket", state=TargetStatus.State.OK)
    export_site(site)
    assert rendered == []


def test_a_mirror_added_renders_the_mirrors_pages_again(newsroom, tmp_path, rendered):
    site = tmp_path / "site"
    export_site(site)
    rendered.clear()
    mirror_add(url="https://second-lantern.mirror.example")
    export_site(site)
    assert {"/mirrors/", "/mirrors.json", "/about/"} <= set(rendered)
    assert "second-lantern" in (site / "mirrors/index.html").read_text()
    assert "second-lantern" in (site / "mirrors.json").read_text()


def test_a_mirror_retires_on_its_day(newsroom, tmp_path, rendered, later):
    mirror_add(
        url="https://old-lantern.mirror.example",
        status=Status.DEPRECATED,
        retire_on=timezone.localdate() + timedelta(days=1),
    )
    site = tmp_path / "site"
    export_site(site)
    assert "old-lantern" in (site / "mirrors/index.html").read_text()
    rendered.clear()
    later(timedelta(days=1))
    export_site(site)
    assert "/mirrors/" in rendered and "/" in rendered
    assert "old-lantern" not in (site / "mirrors/index.html").read_text()
    assert Mirror.objects.filter(host="old-lantern.mirror.example").exists()


def test_an_appeal_beginning_renders_the_pages_again(
    newsroom, tmp_path, rendered, later
):
    appeal_build("spring", starts_at=timezone.now() + timedelta(days=3))
    site = tmp_path / "site"
    export_site(site)
    rendered.clear()
    export_site(site)
    assert rendered == []
    later(timedelta(days=2, hours=1))  # within the day it is rendered ahead
    export_site(site)
    assert {"/", "/politics/harbour-report/", "/mirrors/"} <= set(rendered)


def test_an_information_page_edited_is_rendered_again(newsroom, tmp_path, rendered):
    site = tmp_path / "site"
    export_site(site)
    rendered.clear()
    about = newsroom.get_parent().get_parent().get_children().get(slug="about")
    about = about.specific
    about.body = "<p>We are a newsroom run by its readers.</p>"
    about.save_revision().publish()
    export_site(site)
    assert "/about/" in rendered
    assert "run by its readers" in (site / "about/index.html").read_text()


def test_a_page_an_information_page_links_to_renamed(newsroom, tmp_path, rendered):
    site = tmp_path / "site"
    export_site(site)
    assert (
        'href="../politics/harbour-report/' in (site / "about/index.html").read_text()
    )
    rendered.clear()
    newsroom.slug = "harbour-inquiry"
    newsroom.save_revision().publish()
    export_site(site)
    assert "/about/" in rendered
    about = (site / "about/index.html").read_text()
    assert 'href="../politics/harbour-inquiry/' in about


def test_a_sent_edition_renders_its_newsletter_pages_and_nothing_else(
    newsroom, tmp_path, rendered
):
    site = tmp_path / "site"
    export_site(site)
    rendered.clear()
    sent = timezone.now()
    edition = Edition.objects.create(
        newsletter=Newsletter.objects.get(slug="daily"),
        subject="Our first edition",
        slug="first",
        status=Edition.Status.SENT,
        started_at=sent,
        sent_at=sent,
    )
    EditionArticle.objects.create(edition=edition, article=newsroom)
    export_site(site)
    assert {"/newsletters/daily/", "/newsletters/daily/first/"} <= set(rendered)
    assert "Our first edition" in (site / "newsletters/daily/index.html").read_text()
    # Sending a newsletter is not an edit of every page.
    assert newsroom.url not in rendered and "/" not in rendered

    rendered.clear()
    export_site(site)
    assert not [url for url in rendered if url.startswith("/newsletters/")]

    newsroom.standfirst = "The harbour reopens."
    newsroom.save_revision().publish()
    rendered.clear()
    export_site(site)
    assert "/newsletters/daily/first/" in rendered  # it shows the article
    assert "/newsletters/daily/" not in rendered
    page = (site / "newsletters/daily/first/index.html").read_text()
    assert "The harbour reopens." in page


def test_a_changed_static_file_is_read_again(newsroom, tmp_path, rendered, settings):
    site = tmp_path / "site"
    export_site(site)
    script = next(url for url in rendered if url.endswith(".js") and "static" in url)
    name = script[len(settings.STATIC_URL) :]
    rendered.clear()
    collected = tmp_path / "collected"
    settings.STATIC_ROOT = str(collected)
    (collected / name).parent.mkdir(parents=True)
    (collected / name).write_text("// changed\n")
    export_site(site)
    assert script in rendered
    assert (site / script.lstrip("/")).read_text() == "// changed\n"


def test_a_donation_renders_the_pages_with_the_goal_meter_again(
    newsroom, tmp_path, rendered
):
    appeal_build("meter", show_goal_meter=True)
    site = tmp_path / "site"
    export_site(site)
    rendered.clear()
    appeal_donation("meter", "a", minor=2500)  # this month's total changes
    export_site(site)
    assert {"/", "/politics/harbour-report/"} <= set(rendered)
