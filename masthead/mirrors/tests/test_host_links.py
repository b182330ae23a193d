"""Invariant 5: every page renders under every mirror host and the onion host.

No redirect, links relative or on the requesting host, ``rel=canonical`` the
only link to the main domain; in pages, feeds, sitemaps and emailed links.
"""

import re

import pytest
from django.utils import timezone

from masthead.funding.models import Donor, RecurringDonation
from masthead.mirrors.models import Kind
from masthead.mirrors.services import mirror_add
from masthead.news.factories import (
    ArticlePageFactory,
    AuthorFactory,
    NewsImageFactory,
)

pytestmark = pytest.mark.django_db

ONION = "lanternx" * 7 + ".onion"
MIRRORS = ["one.mirror.example", "two.mirror.example", "three.mirror.example"]
# (host, over https): the web mirrors behind TLS, the onion over plain http.
HOSTS = [(host, True) for host in MIRRORS] + [(ONION, False)]
PATHS = [
    "/",
    "/politics/",
    "/politics/commission-bars-candidate/",
    "/authors/mira-holm/",
    "/tags/elections/",
    "/search/?q=commission",
    "/support/",
    "/support/manage/",
    "/mirrors/",
    "/mirrors.json",
    "/feed.xml",
    "/atom.xml",
    "/feed.json",
    "/politics/feed.xml",
    "/sitemap.xml",
    "/news-sitemap.xml",
    "/robots.txt",
]
CANONICAL = re.compile(r'<link rel="canonical" href="https://news\.example/[^"]*">')
URL = re.compile(r"(?:https?:)?//([a-z0-9.-]+)", re.IGNORECASE)


@pytest.fixture
def newsroom(section, settings):
    settings.MIRRORS_SSL_REDIRECT = True
    mira = AuthorFactory(name="Mira Holm", slug="mira-holm")
    ArticlePageFactory(
        parent=section,
        title="Commission bars candidate",
        tag_names=["elections"],
        authors=[mira],
        lead_image=NewsImageFactory(title="Ballot boxes"),
    )
    for host in MIRRORS:
        mirror_add(url=f"https://{host}")
    mirror_add(url=f"http://{ONION}", kind=Kind.ONION)
    mirror_add(url="https://t.me/lantern_news", kind=Kind.OTHER)


def _hosts_linked(text: str) -> set[str]:
    return {match.lower() for match in URL.findall(text)}


@pytest.mark.parametrize(("host", "secure"), HOSTS)
def test_every_page_serves_on_the_host_with_only_the_canonical_elsewhere(
    client, newsroom, host, secure
):
    scheme = "https" if secure else "http"
    allowed = {host, *MIRRORS, ONION, "t.me", "example.org", "www.w3.org"}
    for path in PATHS:
        response = client.get(path, HTTP_HOST=host, secure=secure)
        assert response.status_code == 200, (host, path, response.status_code)
        text = response.content.decode()
        assert len(CANONICAL.findall(text)) <= 1
        without_canonical = CANONICAL.sub("", text)
        assert "news.example" not in without_canonical.replace(
            '"main_domain": "news.example"', ""
        ), (host, path)
        linked = _hosts_linked(without_canonical)
        # Feeds, sitemaps and JSON-LD name their specifications by URL.
        strangers = {
            found
            for found in linked - allowed
            if not found.endswith(
                (
                    "sitemaps.org",
                    "google.com",
                    "purl.org",
                    "jsonfeed.org",
                    "schema.org",
                    "search.yahoo.com",
                )
            )
        }
        assert strangers == set(), (host, path)
        # Absolute links to this very host use the scheme it was asked with.
        assert f"{'http' if secure else 'https'}://{host}/" not in text, (host, path)
        if path in ("/feed.xml", "/sitemap.xml", "/feed.json"):
            assert f"{scheme}://{host}/" in text, (host, path)


@pytest.mark.parametrize(("host", "secure"), HOSTS)
def test_article_structured_data_is_built_for_the_host(client, newsroom, host, secure):
    scheme = "https" if secure else "http"
    html = client.get(
        "/politics/commission-bars-candidate/", HTTP_HOST=host, secure=secure
    ).content.decode()
    url = f"{scheme}://{host}/politics/commission-bars-candidate/"
    assert f'<meta property="og:url" content="{url}">' in html
    assert f'"url": "{url}"' in html
    assert re.search(rf'og:image" content="{scheme}://{host}/media/', html)


@pytest.mark.parametrize(("host", "secure"), HOSTS)
def test_the_support_flow_stays_on_the_host(
    client, newsroom, host, secure, django_capture_on_commit_callbacks
):
    form = {
        "frequency": "month",
        "currency": "USD",
        "amount": "500",
        "custom_amount": "",
        "email": "reader@example.org",
        "name": "A reader",
        "provider": "dummy",
        "website": "",
    }
    started = client.post("/support/checkout/", form, HTTP_HOST=host, secure=secure)
    assert started.status_code == 302
    checkout = started["Location"]
    assert checkout.startswith("/") or f"//{host}/" in checkout
    with django_capture_on_commit_callbacks(execute=True):
        paid = client.post(checkout, {"outcome": "pay"}, HTTP_HOST=host, secure=secure)
    assert paid["Location"].startswith("/") or f"//{host}/" in paid["Location"]


@pytest.mark.parametrize(("host", "secure"), HOSTS)
def test_an_emailed_sign_in_link_points_to_the_host_it_was_asked_on(
    client, newsroom, host, secure, mailoutbox
):
    donor = Donor.objects.create(email="reader@example.org")
    RecurringDonation.objects.create(
        donor=donor,
        provider="dummy",
        provider_subscription_id="dummy_sub_1",
        amount_minor=1000,
        currency="USD",
        interval="month",
        status="active",
        started_at=timezone.now(),
    )
    response = client.post(
        "/support/manage/",
        {"email": "reader@example.org"},
        HTTP_HOST=host,
        secure=secure,
    )
    assert response.status_code in (200, 302)
    [mail] = mailoutbox
    scheme = "https" if secure else "http"
    assert f"{scheme}://{host}/support/manage/sign-in/" in mail.body
    assert "news.example" not in mail.body
