"""Onion-Location tells Tor Browser that the same page exists as an onion."""

from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.mirrors.models import Kind, Status
from masthead.mirrors.services import mirror_add
from masthead.news.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

ONION = "lanternx" * 7 + ".onion"
PATH = "/politics/first-story/"


@pytest.fixture
def story(section):
    return ArticlePageFactory(parent=section, title="First story")


@pytest.fixture
def onion(story):
    return mirror_add(url=f"http://{ONION}", kind=Kind.ONION)


def test_https_responses_point_to_the_same_path_on_the_onion(client, onion):
    response = client.get(PATH + "?page=2", secure=True)
    assert response.status_code == 200
    assert response["Onion-Location"] == f"http://{ONION}{PATH}?page=2"
    # Cached pages carry it too.
    again = client.get(PATH + "?page=2", secure=True)
    assert again["X-Page-Cache"] == "hit"
    assert again["Onion-Location"] == f"http://{ONION}{PATH}?page=2"


def test_https_responses_on_a_mirror_point_to_the_onion_too(client, onion):
    mirror_add(url="https://lantern.mirror.example")
    response = client.get(PATH, secure=True, HTTP_HOST="lantern.mirror.example")
    assert response["Onion-Location"] == f"http://{ONION}{PATH}"


def test_plain_http_responses_carry_none(client, onion):
    assert "Onion-Location" not in client.get(PATH)


def test_the_onion_host_itself_carries_none(client, onion):
    assert "Onion-Location" not in client.get(PATH, HTTP_HOST=ONION)
    assert "Onion-Location" not in client.get(PATH, HTTP_HOST=ONION, secure=True)


def test_none_without_an_active_onion(client, story):
    assert "Onion-Location" not in client.get(PATH, secure=True)
    mirror_add(
        url=f"http://{ONION}",
        kind=Kind.ONION,
        status=Status.DEPRECATED,
        retire_on=timezone.localdate() + timedelta(days=3),
    )
    # A deprecated onion is still served, but no longer announced.
    assert client.get(PATH, HTTP_HOST=ONION).status_code == 200
    assert "Onion-Location" not in client.get(PATH, secure=True)


def test_retiring_the_onion_stops_the_header_on_cached_pages(client, onion):
    assert "Onion-Location" in client.get(PATH, secure=True)
    onion.status = Status.RETIRED
    onion.save()
    response = client.get(PATH, secure=True)
    assert "Onion-Location" not in response


def test_the_newest_active_onion_is_announced(client, onion):
    newer = "kestrelx" * 7 + ".onion"
    mirror_add(url=f"http://{newer}", kind=Kind.ONION)
    assert client.get(PATH, secure=True)["Onion-Location"] == f"http://{newer}{PATH}"
