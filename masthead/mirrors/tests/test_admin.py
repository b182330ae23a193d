"""The team keeps the registry in Wagtail's admin, with clear errors."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from masthead.mirrors.models import Mirror
from masthead.mirrors.services import mirror_add
from masthead.testing import sign_in_verified

pytestmark = pytest.mark.django_db

ADD = "/admin/snippets/mirrors/mirror/add/"
ONION = "http://" + "lanternx" * 7 + ".onion"


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
    sign_in_verified(client, user)
    return client


def form(**changes) -> dict:
    data = {
        "url": "https://lantern.mirror.example",
        "kind": "web",
        "status": "active",
        "retire_on": "",
        "label": "",
        "note": "",
    }
    return {**data, **changes}


def errors(response) -> dict:
    assert response.status_code == 200, "the form was accepted"
    return response.context["form"].errors


def test_an_editor_adds_a_mirror(editor):
    response = editor.post(ADD, form(url="HTTPS://Lantern.Mirror.Example/"))
    assert response.status_code == 302
    mirror = Mirror.objects.get()
    assert mirror.url == "https://lantern.mirror.example"
    assert mirror.host == "lantern.mirror.example"
    assert mirror.created_at and mirror.updated_at


def test_the_list_shows_whether_each_mirror_is_served_today(editor):
    mirror_add(url="https://served.example")
    mirror_add(
        url="https://gone.example",
        status="deprecated",
        retire_on=timezone.localdate(),
    )
    page = editor.get("/admin/snippets/mirrors/mirror/").content.decode()
    rows = {}
    for row in page.split("<tr")[1:]:
        words = re.sub(r"<[^>]+>", " ", row).split()
        for host in ("served.example", "gone.example"):
            if f"https://{host}" in words:
                rows[host] = words
    assert "yes" in rows["served.example"] and "no" not in rows["served.example"]
    assert "no" in rows["gone.example"] and "yes" not in rows["gone.example"]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"url": "not a url"}, "url", "Enter a valid URL"),
        ({"url": "ftp://files.example"}, "url", "Enter a valid URL"),
        ({"url": "javascript:alert(1)"}, "url", "Enter a valid URL"),
        ({"url": "https://x.example/sub/"}, "url", "root of its host"),
        ({"url": "https://x.example/?a=1"}, "url", "root of its host"),
        ({"url": "https://news.example"}, "url", "main address"),
        ({"url": "https://u:p@x.example"}, "url", "passwords"),
        ({"kind": "onion"}, "url", "56 letters"),
        ({"kind": "onion", "url": "http://short.onion"}, "url", "56 letters"),
        ({"url": ONION}, "kind", "choose the kind"),
        ({"status": "deprecated"}, "retire_on", "from which day"),
        ({"retire_on": "2030-01-01"}, "retire_on", "Only a deprecated mirror"),
    ],
)
def test_bad_input_gets_a_clear_error_and_saves_nothing(
    editor, changes, field, message
):
    found = errors(editor.post(ADD, form(**changes)))
    assert message in " ".join(found[field]), found
    assert not Mirror.objects.exists()


def test_an_address_is_registered_once(editor):
    mirror_add(url="https://lantern.mirror.example")
    found = errors(editor.post(ADD, form(url="https://lantern.mirror.example/")))
    assert "already registered" in " ".join(found["url"])
    # The same host under the other scheme serves the same site.
    found = errors(editor.post(ADD, form(url="http://lantern.mirror.example")))
    assert "already registered" in " ".join(found["url"])
    assert Mirror.objects.count() == 1


def test_links_that_only_announce_may_share_a_host(editor):
    for channel in ("lantern", "lantern_en"):
        response = editor.post(
            ADD, form(url=f"https://t.me/{channel}", kind="other", label="Telegram")
        )
        assert response.status_code == 302
    assert Mirror.objects.filter(host="t.me").count() == 2
    found = errors(editor.post(ADD, form(url="https://t.me/lantern", kind="other")))
    assert "already exists" in " ".join(found["url"])


def test_an_onion_service_and_a_deprecated_mirror_are_accepted(editor):
    assert editor.post(ADD, form(url=ONION, kind="onion")).status_code == 302
    later = (timezone.localdate() + timedelta(days=30)).isoformat()
    response = editor.post(
        ADD,
        form(url="https://old.mirror.example", status="deprecated", retire_on=later),
    )
    assert response.status_code == 302
    assert Mirror.objects.count() == 2


def test_editing_a_mirror_keeps_its_created_date(editor):
    mirror = mirror_add(url="https://lantern.mirror.example")
    created, updated = mirror.created_at, mirror.updated_at
    response = editor.post(
        f"/admin/snippets/mirrors/mirror/edit/{mirror.pk}/",
        form(note="Fast in the east of the country."),
    )
    assert response.status_code == 302
    mirror.refresh_from_db()
    assert mirror.note == "Fast in the east of the country."
    assert mirror.created_at == created
    assert mirror.updated_at > updated


def test_a_mirror_added_in_the_admin_is_served_at_once(editor, home, client):
    assert client.get("/", HTTP_HOST="lantern.mirror.example").status_code == 400
    assert editor.post(ADD, form()).status_code == 302
    editor.logout()
    assert client.get("/", HTTP_HOST="lantern.mirror.example").status_code == 200
