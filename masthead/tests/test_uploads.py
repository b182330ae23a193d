"""Uploaded files cannot run script on the site's origin (issue 9, finding 1)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.models import Document
from wagtail.models import Collection

pytestmark = pytest.mark.django_db

PROBE = b"<!doctype html><title>probe</title><script src='probe.js'></script>"


@pytest.fixture
def editor(client, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    user = get_user_model().objects.create_user("writer", "w@example.org", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


def _upload(client, name, content):
    return client.post(
        "/admin/documents/add/",
        {
            "title": name,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


@pytest.mark.parametrize("name", ["probe.html", "probe.svg", "probe.js", "x.xhtml"])
def test_an_editor_cannot_upload_a_document_a_browser_would_run(client, editor, name):
    response = _upload(client, name, PROBE)
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert "File extension “" in errors[0]
    assert "is not allowed" in errors[0]
    assert not Document.objects.exists()


def test_an_allowed_document_downloads_with_nosniff_and_a_sandbox(client, editor):
    assert _upload(client, "report.pdf", b"%PDF-1.4 <script>").status_code == 302
    document = Document.objects.get()
    client.logout()
    response = client.get(document.url)
    assert response.status_code == 200
    _assert_inert(response)
    assert response["Content-Disposition"] == 'attachment; filename="report.pdf"'


def test_a_document_planted_earlier_is_still_inert(client, home):
    """An HTML file uploaded before the allow-list existed still downloads."""
    document = Document.objects.create(
        title="probe", file=ContentFile(PROBE, name="probe.html")
    )
    response = client.get(document.url)
    assert response.status_code == 200
    _assert_inert(response)
    assert response["Content-Type"].startswith("text/html")
    # The file itself, under /media/documents/, is not served at all.
    assert client.get(document.file.url).status_code == 404
    assert client.get("/media/images/../documents/probe.html").status_code == 404


@pytest.mark.parametrize(
    ("name", "content", "inline"),
    [
        ("original_images/x.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", False),
        ("original_images/x.html", PROBE, False),
        ("images/x.png", b"\x89PNG\r\n\x1a\n", True),
    ],
)
def test_media_files_carry_nosniff_and_a_sandbox(
    client, settings, name, content, inline
):
    path = settings.MEDIA_ROOT / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    response = client.get(f"/media/{name}")
    assert response.status_code == 200
    _assert_inert(response, inline=inline)


def _assert_inert(response, *, inline=False):
    assert response["X-Content-Type-Options"] == "nosniff"
    csp = response["Content-Security-Policy"]
    assert "sandbox" in [part.strip() for part in csp.split(";")]
    assert "default-src 'none'" in csp
    assert "script-src" not in csp
    if inline:
        assert not response.get("Content-Disposition", "").startswith("attachment")
        assert response["Cross-Origin-Resource-Policy"] == "cross-origin"
    else:
        assert response["Content-Disposition"].startswith("attachment")
        assert response["Cross-Origin-Resource-Policy"] == "same-origin"
