"""Bad input gets a clear answer and never a 500."""

import io

import pytest
from django.urls import reverse
from PIL import Image as PILImage

from masthead.news.factories import ArticlePageFactory
from masthead.news.models import NewsImage

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(section):
    return ArticlePageFactory(parent=section, title="Heating tariffs rise")


def test_unknown_page_gets_a_styled_404_without_cookie(client, story):
    response = client.get("/politics/not-an-article/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "We could not find that page" in html
    assert 'href="/politics/"' in html  # the site's navigation is there
    assert not response.cookies


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "x" * 10_000,
        "\x00\x01\x02",
        "'; DROP TABLE wagtailcore_page; --",
        '"unbalanced (quotes AND OR NOT * ~',
        "%%%___",
        "🙂 ∑ ☃",
        "AND",
    ],
)
def test_search_answers_any_query(client, story, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert b"Search" in response.content


def test_search_says_when_a_huge_query_was_shortened(client, story):
    response = client.get("/search/", {"q": "heating " * 100})
    assert "we used its first 100 characters" in response.content.decode()


def test_search_finds_with_a_messy_query(client, story):
    response = client.get("/search/", {"q": "  HEATING\x00  "})
    assert [a.title for a in response.context["articles"]] == ["Heating tariffs rise"]


def test_search_repeats_only_the_words_of_the_query(client, story):
    response = client.get("/search/", {"q": "<script>alert(1)</script>"})
    assert b"<script>alert(1)</script>" not in response.content
    assert "found for “script alert 1 script”" in response.content.decode()


def test_query_string_that_is_not_utf8(client, story):
    response = client.get("/search/?q=%ff%fe%c3%28")
    assert response.status_code == 200
    response = client.get("/politics/?page=%ff")
    assert response.status_code == 404


@pytest.mark.parametrize("url", ["/politics/", "/search/?q=heating&", "/tags/t/"])
@pytest.mark.parametrize("page", ["0", "-1", "99", "abc", "1.5", "9" * 50, "١"])
def test_bad_page_numbers_are_404(client, story, url, page):
    story.tags.add("t")
    story.save_revision().publish()
    separator = "&" if "?" in url else "?"
    response = client.get(f"{url}{separator}page={page}")
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


def test_unknown_author_and_tag_are_404(client, story):
    assert client.get("/authors/nobody/").status_code == 404
    assert client.get("/tags/nothing/").status_code == 404


def test_post_to_a_reader_page_is_refused(client, story):
    assert client.post("/search/", {"q": "x"}).status_code == 405


def _upload(admin_client, data):
    return admin_client.post(reverse("wagtailimages:add"), data)


def _jpeg(size=(40, 30)) -> io.BytesIO:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "navy").save(buffer, format="JPEG")
    buffer.seek(0)
    buffer.name = "photo.jpg"
    return buffer


def test_image_upload_requires_alt_text(admin_client):
    data = {"title": "Square", "description": "", "file": _jpeg()}
    response = _upload(admin_client, data)
    assert response.status_code == 200
    assert "description" in response.context["form"].errors
    assert not NewsImage.objects.exists()


def test_image_upload_with_alt_text_is_saved(admin_client):
    data = {"title": "Square", "description": "A navy square", "file": _jpeg()}
    response = _upload(admin_client, data)
    assert response.status_code == 302
    assert NewsImage.objects.get().alt == "A navy square"


def test_image_upload_that_is_not_an_image_is_refused(admin_client):
    fake = io.BytesIO(b"this is not a picture")
    fake.name = "photo.jpg"
    response = _upload(
        admin_client, {"title": "Fake", "description": "x", "file": fake}
    )
    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert not NewsImage.objects.exists()


def test_oversized_image_upload_is_refused(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    big = _jpeg(size=(800, 800))
    response = _upload(admin_client, {"title": "Big", "description": "x", "file": big})
    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert not NewsImage.objects.exists()
