"""The checks for cookie-free forms and endpoints (masthead.security)."""

import json

import pytest
from django.test import RequestFactory

from masthead.appeals.factories import appeal_build
from masthead.appeals.models import DailyCount
from masthead.funding.models import DonationIntent
from masthead.security import same_origin

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
def test_same_origin(headers, expected):
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
