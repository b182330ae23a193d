"""The demo newsroom ships a registry of fictional mirrors."""

import json

import pytest

from masthead.mirrors import demo
from masthead.mirrors.models import Kind, Mirror

pytestmark = pytest.mark.django_db


def test_demo_registry_loads_once_and_is_served(client, home):
    first = demo.build()
    assert [mirror.kind for mirror in first] == [
        Kind.WEB,
        Kind.WEB,
        Kind.ONION,
        Kind.OTHER,
    ]
    for mirror in first:
        mirror.full_clean()
        assert mirror.host.endswith((".example", ".onion"))
    edited = first[0]
    edited.note = "Edited by the team."
    edited.save()
    assert [mirror.pk for mirror in demo.build()] == [mirror.pk for mirror in first]
    assert Mirror.objects.count() == 4
    assert Mirror.objects.get(pk=edited.pk).note == "Edited by the team."
    for mirror in first[:3]:
        assert client.get("/", HTTP_HOST=mirror.host).status_code == 200
    data = json.loads(client.get("/mirrors.json").content)
    assert len(data["sites"][0]["available_alternatives"]) == 3
