"""The beacon: only {appeal, variant, event}, only daily totals."""

import json
import logging
from datetime import date

import pytest
from django.utils import timezone

from masthead.appeals import services
from masthead.appeals.models import DailyCount
from masthead.testing import race

pytestmark = pytest.mark.django_db

URL = "/appeals/beacon"


@pytest.fixture
def appeal(appeal_factory):
    return appeal_factory("favour", variants=[{}, {}])


def beacon(client, body, **headers):
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    return client.post(URL, data, content_type="text/plain;charset=UTF-8", **headers)


def totals(appeal, variant="A") -> dict:
    row = DailyCount.objects.filter(appeal=appeal, variant=variant).first()
    if row is None:
        return {}
    assert row.day == timezone.localdate()
    return {
        "impressions": row.impressions,
        "clicks": row.clicks,
        "snoozes": row.snoozes,
        "supporters": row.supporters,
    }


def test_each_event_adds_one_to_its_daily_total(client, appeal):
    for event in ("impression", "impression", "click", "snooze", "supporter"):
        response = beacon(client, {"appeal": "favour", "variant": "A", "event": event})
        assert response.status_code == 204
        assert not response.cookies
        assert response["Cache-Control"].startswith("max-age=0")
    assert (
        beacon(
            client, {"appeal": "favour", "variant": "B", "event": "impression"}
        ).status_code
        == 204
    )
    assert totals(appeal) == {
        "impressions": 2,
        "clicks": 1,
        "snoozes": 1,
        "supporters": 1,
    }
    assert totals(appeal, "B")["impressions"] == 1
    assert DailyCount.objects.count() == 2


@pytest.mark.parametrize(
    "body",
    [
        {"appeal": "nope", "variant": "A", "event": "impression"},
        {"appeal": "favour", "variant": "Z", "event": "impression"},
        {"appeal": "favour", "variant": "A", "event": "donate"},
        {"appeal": "favour", "variant": "A", "event": "impression", "id": "x"},
        {"appeal": "favour", "variant": "A"},
        {"appeal": "favour", "variant": 1, "event": "impression"},
        ["favour", "A", "impression"],
        "not json",
        b"\xff\xfe",
    ],
)
def test_bad_beacons_are_refused_and_count_nothing(client, appeal, body):
    response = beacon(client, body)
    assert response.status_code == 400
    assert response.content  # says why
    assert DailyCount.objects.count() == 0


def test_large_bodies_are_refused_before_reading(client, appeal):
    body = {"appeal": "favour", "variant": "A", "event": "impression" + " " * 300}
    assert beacon(client, body).status_code == 413
    assert DailyCount.objects.count() == 0


def test_cross_site_beacons_and_reads_are_refused(client, appeal):
    body = {"appeal": "favour", "variant": "A", "event": "click"}
    assert beacon(client, body, HTTP_SEC_FETCH_SITE="cross-site").status_code == 403
    assert beacon(client, body, HTTP_ORIGIN="https://evil.example").status_code == 403
    assert client.get(URL).status_code == 405
    assert DailyCount.objects.count() == 0


def test_beacons_are_rate_limited_per_address(client, appeal, settings):
    settings.APPEALS_BEACON_LIMIT = {"PER_IP": 3, "WINDOW": 60}
    body = {"appeal": "favour", "variant": "A", "event": "impression"}
    codes = [beacon(client, body).status_code for _ in range(5)]
    assert codes == [204, 204, 204, 429, 429]
    assert totals(appeal)["impressions"] == 3
    other = beacon(client, body, REMOTE_ADDR="198.51.100.7")
    assert other.status_code == 204


def test_behind_a_proxy_readers_are_told_apart_by_its_header(client, appeal, settings):
    settings.APPEALS_BEACON_LIMIT = {"PER_IP": 2, "WINDOW": 60}
    settings.CLIENT_ADDRESS_HEADER = "X-Real-IP"
    body = {"appeal": "favour", "variant": "A", "event": "impression"}
    codes = [
        beacon(client, body, HTTP_X_REAL_IP=address).status_code
        for address in ("198.51.100.1", "198.51.100.1", "198.51.100.2", "198.51.100.1")
    ]
    # All come from the proxy (127.0.0.1); the header tells them apart.
    assert codes == [204, 204, 204, 429]


def test_the_address_is_not_logged_or_stored(client, appeal, caplog):
    caplog.set_level(logging.DEBUG)
    beacon(
        client,
        {"appeal": "favour", "variant": "A", "event": "click"},
        REMOTE_ADDR="203.0.113.99",
    )
    beacon(client, "bad", REMOTE_ADDR="203.0.113.99")
    assert "203.0.113.99" not in caplog.text
    row = DailyCount.objects.values().get()
    assert "203.0.113.99" not in json.dumps(row, default=str)


@pytest.mark.django_db(transaction=True)
def test_concurrent_beacons_are_all_counted(appeal_factory):
    """Beacons racing to create the day's row lose none of their counts."""
    appeal = appeal_factory("race")

    def count_five() -> None:
        for _ in range(5):
            services.daily_count_increment(
                appeal=appeal, variant="A", event="impression", day=date(2026, 11, 2)
            )

    assert race(count_five) == []
    assert DailyCount.objects.get(appeal=appeal).impressions == 20
