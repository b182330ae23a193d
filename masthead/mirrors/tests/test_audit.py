"""`masthead audit` without a browser: page types, crawl order, bad arguments."""

import pytest
from django.core.management import CommandError, call_command

from masthead.mirrors.audit_report import AuditReport, PageResult
from masthead.mirrors.frontier import (
    Frontier,
    guess_kind,
    is_page_link,
    refine_kind,
    relative_path,
)

SITE = "http://127.0.0.1:8000/"
EXPORT = "http://127.0.0.1:9000/"


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("", "front"),
        ("politics/", "section"),
        ("politics/page/2/", "section"),
        ("politics/story/", "article"),
        ("authors/", "authors"),
        ("authors/mira-holm/", "author"),
        ("tags/elections/", "tag"),
        ("search/", "search"),
        ("support/", "support"),
        ("support/manage/", "support"),
        ("mirrors/", "mirrors"),
        ("newsletters/weekly/", "newsletters"),
        ("a/b/c/", "other"),
    ],
)
def test_a_path_names_its_page_type(path, kind):
    assert guess_kind(path) == kind


def test_the_page_tells_a_section_from_an_information_page():
    assert refine_kind("section", "info") == "info"
    assert refine_kind("section", "section") == "section"
    assert refine_kind("article", "") == "other"


def test_site_and_export_paths_read_alike():
    assert relative_path(SITE + "politics/story/", SITE) == "politics/story/"
    assert relative_path(EXPORT + "politics/story/index.html", EXPORT) == (
        "politics/story/"
    )
    assert relative_path(EXPORT + "index.html", EXPORT) == ""
    sub = "http://127.0.0.1:9000/copies/lantern/"
    assert relative_path(sub + "mirrors/index.html", sub) == "mirrors/"


@pytest.mark.parametrize(
    ("url", "followed"),
    [
        (SITE + "politics/", True),
        (SITE + "politics/story/index.html", True),
        (SITE + "search/?q=vote", True),
        (SITE + "feed.xml", False),
        (SITE + "mirrors.json", False),
        (SITE + "media/images/a.webp", False),
        (SITE + "admin/", False),
        (SITE + "documents/1/report.pdf", False),
        ("http://127.0.0.1:8001/politics/", False),
        ("https://lantern.mirror.example/", False),
    ],
)
def test_only_reader_pages_of_the_same_origin_are_followed(url, followed):
    assert is_page_link(url, SITE) is followed


def test_the_crawl_takes_page_types_in_turn_and_few_variants_of_a_page():
    frontier = Frontier()
    for number in range(5):
        frontier.add(f"{SITE}politics/story-{number}/", "article")
    frontier.add(SITE + "tags/vote/", "tag")
    frontier.add(SITE + "tags/vote/", "tag")
    for tab in ("one-time", "monthly", "annual"):
        frontier.add(f"{SITE}support/?frequency={tab}", "support")
    order = []
    while (item := frontier.pop()) is not None:
        order.append(item)
    kinds = [kind for _, kind in order]
    assert kinds[:3] == ["article", "tag", "support"]
    assert kinds.count("tag") == 1
    assert kinds.count("support") == Frontier.VARIANTS
    assert kinds.count("article") == 5


def test_a_report_fails_on_any_violation_and_on_no_page():
    clean = PageResult(url=SITE, path="/", kind="front", status=200, requests=3)
    assert AuditReport(SITE, SITE, [clean], 1.0, "done").ok
    assert not AuditReport(SITE, SITE, [], 1.0, "done").ok
    broken = PageResult(url=SITE + "x/", path="x/", kind="section", status=404)
    cookie = PageResult(
        url=SITE + "y/", path="y/", kind="section", status=200, cookies=["csrftoken"]
    )
    report = AuditReport(SITE, SITE, [clean, broken, cookie], 1.0, "done")
    assert not report.ok
    assert [(page.path, what) for page, what, _ in report.violations] == [
        ("x/", "status"),
        ("y/", "cookie"),
    ]
    assert report.kinds()["section"]["cookies"] == ["csrftoken"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ftp://example.org/"], r"neither an http\(s\) URL nor a folder"),
        (["no/such/folder"], r"neither an http\(s\) URL nor a folder"),
        ([SITE, "--max-pages", "0"], "--max-pages must be at least 1"),
    ],
)
def test_bad_arguments_get_a_clear_error(args, message):
    with pytest.raises(CommandError, match=message) as raised:
        call_command("audit", *args)
    assert raised.value.returncode == 2


def test_a_folder_that_is_not_an_export_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("not a site")
    with pytest.raises(CommandError, match="no index.html") as raised:
        call_command("audit", str(tmp_path))
    assert raised.value.returncode == 2


def test_links_of_one_type_found_elsewhere_on_the_page_get_their_own_turn():
    frontier = Frontier()
    for name in ("politics", "culture", "economy"):
        frontier.add(f"{SITE}{name}/", "section", where="header")
        frontier.add(f"{SITE}{name}/", "section", where="footer")
    frontier.add(SITE + "about/", "section", where="footer")
    first_two = [frontier.pop()[0] for _ in range(2)]
    assert first_two == [SITE + "politics/", SITE + "about/"]
