"""Editors import and export subscribers as CSV in the admin."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from masthead.newsletters.models import Newsletter, Subscriber, Subscription

pytestmark = pytest.mark.django_db


@pytest.fixture
def daily(db):
    return Newsletter.objects.create(name="Daily", slug="daily")


def _import(admin_client, newsletter, text, *, consent=False, encoding="utf-8"):
    data = {"file": SimpleUploadedFile("list.csv", text.encode(encoding), "text/csv")}
    if consent:
        data["consent_asserted"] = "on"
    return admin_client.post(f"/admin/newsletters/{newsletter.pk}/import/", data)


def test_imported_readers_are_asked_to_confirm_by_default(
    admin_client, daily, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _import(
            admin_client,
            daily,
            "Email Address,First Name\nAda@Example.org,Ada\nbo@example.org,Bo\n",
        )
    assert response.status_code == 302
    assert sorted(Subscriber.objects.values_list("email", flat=True)) == [
        "ada@example.org",
        "bo@example.org",
    ]
    assert not Subscription.objects.filter(confirmed_at__isnull=False).exists()
    assert sorted(m.to[0] for m in mailoutbox) == ["ada@example.org", "bo@example.org"]
    assert all("/newsletters/confirm/" in m.body for m in mailoutbox)


def test_asserted_consent_keeps_each_readers_date_and_asks_nobody(
    admin_client, daily, mailoutbox
):
    response = _import(
        admin_client,
        daily,
        "email,confirmed_at,language\n"
        "ada@example.org,2024-03-05T09:30:00Z,uk\n"
        "bo@example.org,2023-11-30,\n",
        consent=True,
    )
    assert response.status_code == 302
    ada = Subscription.objects.get(subscriber__email="ada@example.org")
    assert ada.confirmed_at.isoformat() == "2024-03-05T09:30:00+00:00"
    assert ada.subscriber.language == "uk"
    assert Subscription.objects.get(subscriber__email="bo@example.org").confirmed_at
    assert mailoutbox == []


def test_a_file_with_broken_rows_imports_nothing_and_names_every_line(
    admin_client, daily, mailoutbox
):
    Subscriber.objects.create(email="kept@example.org")
    response = _import(
        admin_client,
        daily,
        "email,confirmed_at\n"
        "good@example.org,2024-01-01\n"  # line 2: fine
        "not an address,2024-01-01\n"  # line 3
        "late@example.org,yesterday\n"  # line 4
        "good@example.org,2024-01-02\n"  # line 5: twice
        "short@example.org\n"  # line 6: a field missing
        "future@example.org,2999-01-01\n"  # line 7
        "\n"
        "nodate@example.org,\n",  # line 9: no consent date
        consent=True,
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Nothing was imported: 6 lines need fixing." in page
    for line in ("<td>3</td>", "<td>4</td>", "<td>5</td>", "<td>6</td>", "<td>7</td>"):
        assert line in page
    assert "<td>9</td>" in page
    assert "is not an email address" in page
    assert "is not a date" in page
    assert list(Subscriber.objects.values_list("email", flat=True)) == [
        "kept@example.org"
    ]
    assert mailoutbox == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("name\nAda\n", "No “email” column"),
        ("", "is empty"),
        ("email\nada@exámple.org\n", "not UTF-8"),
    ],
)
def test_unreadable_files_are_refused_clearly(admin_client, daily, content, message):
    encoding = "latin-1" if "á" in content else "utf-8"
    response = _import(admin_client, daily, content, encoding=encoding)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Subscriber.objects.exists()


def test_consent_needs_a_date_column(admin_client, daily):
    response = _import(admin_client, daily, "email\nada@example.org\n", consent=True)
    assert response.status_code == 400
    assert "consent needs its date" in response.content.decode()


def test_export_lists_the_subscribers_and_imports_again(
    admin_client, daily, mailoutbox
):
    _import(
        admin_client,
        daily,
        "email,confirmed_at\nada@example.org,2024-03-05T09:30:00Z\n",
        consent=True,
    )
    Subscription.objects.create(
        subscriber=Subscriber.objects.create(email="=cmd@example.org"), newsletter=daily
    )
    response = admin_client.get(f"/admin/newsletters/{daily.pk}/export/")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(r["email"], r["status"]) for r in rows] == [
        ("'=cmd@example.org", "unconfirmed"),  # a spreadsheet runs no formula
        ("ada@example.org", "subscribed"),
    ]
    assert rows[1]["confirmed_at"] == "2024-03-05T09:30:00+00:00"

    weekly = Newsletter.objects.create(name="Weekly", slug="weekly")
    again = _import(
        admin_client,
        weekly,
        response.content.decode().replace("'=cmd", "cmd"),
        consent=False,
    )
    assert again.status_code == 302
    assert weekly.subscriptions.count() == 2


def test_import_and_export_need_their_permissions(client, django_user_model, daily):
    user = django_user_model.objects.create_user("reporter", password="x")
    client.force_login(user)
    for url in (
        f"/admin/newsletters/{daily.pk}/export/",
        f"/admin/newsletters/{daily.pk}/import/",
    ):
        assert client.get(url).status_code in (302, 403)


def test_the_newsletter_list_shows_counts_only(admin_client, daily):
    response = admin_client.get("/admin/snippets/newsletters/newsletter/")
    page = response.content.decode()
    assert response.status_code == 200
    for heading in ("Subscribers", "Sent", "bounced", "complained", "unsubscribed"):
        assert heading.lower() in page.lower()
    assert f"/admin/newsletters/{daily.pk}/import/" in page
