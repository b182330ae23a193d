"""Editors set newsletters up, preview an edition, test it and send it."""

import pytest
from django.core import mail

from masthead.news.factories import ArticlePageFactory
from masthead.newsletters.models import (
    Edition,
    EditionArticle,
    Newsletter,
    Subscriber,
    Subscription,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition(section):
    newsletter = Newsletter.objects.create(name="Daily", slug="daily")
    edition = Edition.objects.create(
        newsletter=newsletter, subject="Monday", slug="mon"
    )
    EditionArticle.objects.create(
        edition=edition, article=ArticlePageFactory(parent=section, title="Floods")
    )
    return edition


def test_newsletter_is_added_in_the_admin(admin_client):
    response = admin_client.post(
        "/admin/snippets/newsletters/newsletter/add/",
        {
            "name": "Weekly",
            "slug": "weekly",
            "language": "en",
            "schedule": "weekly",
            "send_time": "08:30",
            "weekday": "4",
            "is_public": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    newsletter = Newsletter.objects.get()
    assert (newsletter.schedule, newsletter.weekday) == ("weekly", 4)
    assert newsletter.link_mirror is None


def test_preview_test_send_and_send_now(admin_client, edition):
    preview = admin_client.get(f"/admin/newsletters/editions/{edition.pk}/preview/")
    assert b"Floods" in preview.content
    page = admin_client.get(f"/admin/newsletters/editions/{edition.pk}/send/")
    assert page.status_code == 200
    admin_client.post(
        f"/admin/newsletters/editions/{edition.pk}/send/",
        {"action": "test", "test_email": "editor@example.org"},
    )
    assert [m.to for m in mail.outbox] == [["editor@example.org"]]
    assert not edition.deliveries.exists()
    subscriber = Subscriber.objects.create(email="r@example.org")
    Subscription.objects.create(
        subscriber=subscriber,
        newsletter=edition.newsletter,
        confirmed_at="2026-01-01T00:00Z",
    )
    admin_client.post(
        f"/admin/newsletters/editions/{edition.pk}/send/", {"action": "now"}
    )
    assert mail.outbox[-1].to == ["r@example.org"]
    assert Edition.objects.get().status == Edition.Status.SENT


def test_preview_needs_the_permission(client, django_user_model, edition):
    user = django_user_model.objects.create_user("reporter", password="x")
    client.force_login(user)
    response = client.get(f"/admin/newsletters/editions/{edition.pk}/preview/")
    assert response.status_code in (302, 403)


def test_footer_and_mirrors_page_offer_the_sign_up(client, home, edition):
    response = client.get("/mirrors/")
    assert b'href="/newsletters/"' in response.content
    assert b'action="/newsletters/subscribe/"' in response.content
    assert not response.cookies
