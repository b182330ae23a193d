"""The checks for cookie-free forms and endpoints (masthead.security)."""

import json

import pytest
from django.test import RequestFactory

from masthead.appeals.factories import appeal_build
from masthead.appeals.models import DailyCount
from masthead.checks import trusted_proxies_are_addresses
from masthead.funding.models import DonationIntent
from masthead.security import client_address, same_origin

pytestmark = pytest.mark.django_db

CHECKOUT = {
    "frequency": "month",
    "currency": "USD",
    "amount": "500",
    "custom_amount": "",
    "email": "reader@example.org",
    "name": "A reader",
    "provider": "dummy",
    "website": "",
}
BEACON = json.dumps({"appeal": "favour", "variant": "A", "event": "click"})


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({}, True),  # curl and old browsers; other defences apply
        ({"HTTP_SEC_FETCH_SITE": "same-origin"}, True),
        ({"HTTP_SEC_FETCH_SITE": "cross-site"}, False),
        ({"HTTP_ORIGIN": "http://testserver"}, True),
        ({"HTTP_ORIGIN": "https://evil.example"}, False),
        ({"HTTP_ORIGIN": "null"}, False),
        ({"HTTP_ORIGIN": "null", "HTTP_REFERER": "http://testserver/support/"}, False),
        ({"HTTP_REFERER": "http://testserver/support/"}, True),
        ({"HTTP_REFERER": "/support/"}, False),
    ],
)
def test_a_post_counts_as_same_origin_only_from_this_site(headers, expected):
    request = RequestFactory().post("/support/checkout/", **headers)
    assert same_origin(request) is expected


def test_a_support_form_posted_from_an_opaque_origin_starts_nothing(client, home):
    refused = client.post("/support/checkout/", CHECKOUT, HTTP_ORIGIN="null")
    assert refused.status_code == 400
    assert not DonationIntent.objects.exists()
    allowed = client.post(
        "/support/checkout/", CHECKOUT, HTTP_ORIGIN="http://testserver"
    )
    assert allowed.status_code == 302
    assert DonationIntent.objects.count() == 1


def test_a_beacon_from_an_opaque_origin_counts_nothing(client, db):
    appeal_build("favour")

    def send(origin: str) -> int:
        return client.post(
            "/appeals/beacon", BEACON, content_type="text/plain", HTTP_ORIGIN=origin
        ).status_code

    assert send("null") == 403
    assert not DailyCount.objects.exists()
    assert send("http://testserver") == 204
    assert DailyCount.objects.get().clicks == 1


@pytest.mark.parametrize(
    ("remote", "header", "expected"),
    [
        # From nginx on this machine: the header is the reader's address.
        ("127.0.0.1", "198.51.100.7", "198.51.100.7"),
        ("::1", "2001:db8::7", "2001:db8::7"),
        ("::ffff:127.0.0.1", "198.51.100.7", "198.51.100.7"),
        # From anyone else: the header is whatever they chose to send.
        ("203.0.113.9", "198.51.100.7", "203.0.113.9"),
        # A list: the last hop that is not a trusted proxy, not the first
        # (which the client wrote itself).
        ("127.0.0.1", "192.0.2.66, 198.51.100.7", "198.51.100.7"),
        ("127.0.0.1", "198.51.100.7, 10.0.0.2", "198.51.100.7"),
        # Nothing usable: count it against the proxy.
        ("127.0.0.1", "", "127.0.0.1"),
        ("127.0.0.1", "not-an-address", "127.0.0.1"),
    ],
)
def test_the_address_header_is_believed_only_from_trusted_proxies(
    settings, remote, header, expected
):
    settings.CLIENT_ADDRESS_HEADER = "X-Forwarded-For"
    settings.TRUSTED_PROXIES = ["127.0.0.1", "::1", "10.0.0.0/8"]
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=header)
    assert client_address(request) == expected


def test_rotating_the_header_from_outside_the_proxy_does_not_pass_the_limit(
    client, settings
):
    appeal_build("favour")
    settings.CLIENT_ADDRESS_HEADER = "X-Real-IP"
    settings.APPEALS_BEACON_LIMIT = {"PER_IP": 2, "WINDOW": 3600}

    def send(n: int, remote: str) -> int:
        return client.post(
            "/appeals/beacon",
            BEACON,
            content_type="text/plain",
            REMOTE_ADDR=remote,
            HTTP_X_REAL_IP=f"198.51.100.{n}",
        ).status_code

    assert [send(n, "203.0.113.9") for n in range(1, 6)] == [204, 204, 429, 429, 429]
    # Through the proxy, each reader has a limit of their own.
    assert [send(n, "127.0.0.1") for n in range(1, 6)] == [204] * 5


def test_a_bad_trusted_proxy_is_a_clear_error(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "nginx.local"]
    errors = trusted_proxies_are_addresses(None)
    assert [error.id for error in errors] == ["masthead.E001"]
    assert "'nginx.local'" in errors[0].msg
