"""The fundraising team writes appeals in Wagtail's admin."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from masthead.appeals.models import Appeal
from masthead.testing import sign_in_verified

pytestmark = pytest.mark.django_db

ADD = "/admin/snippets/appeals/appeal/add/"
PREVIEW = "/admin/snippets/appeals/appeal/preview/"


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
    sign_in_verified(client, user)
    return client


def form(**changes):
    data = {
        "name": "Spring appeal",
        "key": "spring",
        "placement": "end",
        "inline_after": 4,
        "show_goal_meter": "on",
        "remind_label": "Remind me later",
        "snooze_days": 7,
        "supporter_label": "I already support you",
        "supporter_days": 30,
        "audience": "non_donors",
        "donor_days": 180,
        "min_articles": 1,
        "active": "on",
        "starts_at": "",
        "ends_at": "",
        "language": "",
        "priority": 0,
        "currency": "USD",
        "variants": inline_formset(
            [
                {
                    "headline": "A small favour",
                    "body": rich_text("<p>Support us from $2.</p>"),
                    "button_label": "Support us",
                    "frequency": "month",
                    "amount": 2,
                    "weight": 3,
                },
                {
                    "headline": "Give once",
                    "body": rich_text("<p>Any amount helps.</p>"),
                    "button_label": "Give",
                    "frequency": "one_time",
                    "amount": "",
                    "weight": 1,
                },
            ],
            min=1,
        ),
    }
    data.update(changes)
    return nested_form_data(data)


def test_an_appeal_with_two_variants_is_created(editor):
    response = editor.post(ADD, form())
    assert response.status_code == 302, response.context["form"].errors
    appeal = Appeal.objects.get(key="spring")
    variants = list(appeal.variants.order_by("sort_order"))
    assert [(v.key, v.weight, v.amount) for v in variants] == [
        ("A", 3, 2),
        ("B", 1, None),
    ]
    assert (
        editor.get(f"/admin/snippets/appeals/appeal/edit/{appeal.pk}/").status_code
        == 200
    )
    listing = editor.get("/admin/snippets/appeals/appeal/").content.decode()
    assert f"/admin/appeals/{appeal.pk}/results/" in listing


@pytest.mark.parametrize(
    "changes, field, message",
    [
        (
            {"starts_at": "2026-12-10 10:00", "ends_at": "2026-12-01 10:00"},
            "ends_at",
            "The end must come after the start.",
        ),
        ({"language": "english!"}, "language", "Use a language code"),
        ({"snooze_days": 0}, "snooze_days", "greater than or equal to 1"),
        ({"key": "has spaces"}, "key", "Enter a valid “slug”"),
        ({"currency": "JPY"}, "currency", "The support page takes no JPY yet"),
    ],
)
def test_bad_input_is_explained_and_nothing_is_saved(editor, changes, field, message):
    response = editor.post(ADD, form(**changes))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert message in " ".join(errors[field])
    assert not Appeal.objects.exists()


def test_the_key_is_made_from_the_name_when_left_blank(editor):
    Appeal.objects.create(name="Taken", key="spring-appeal")
    response = editor.post(ADD, form(key=""))
    assert response.status_code == 302
    assert Appeal.objects.filter(key="spring-appeal-2", name="Spring appeal").exists()


def test_an_appeal_needs_a_variant(editor):
    data = form()
    data.update(nested_form_data({"variants": inline_formset([], min=1)}))
    response = editor.post(ADD, data)
    assert response.status_code == 200
    assert not Appeal.objects.exists()


def test_the_preview_shows_every_variant_as_readers_see_it(editor):
    posted = editor.post(PREVIEW, form(placement="banner"))
    assert posted.json()["is_valid"] is True
    html = editor.get(PREVIEW).content.decode()
    assert "A small favour" in html and "Give once" in html
    assert "New variant · weight 3" in html
    assert "appeal--banner appeal--preview" in html  # not fixed over the page
    assert "appeals.js" not in html  # nothing decides to hide them here
    assert Appeal.objects.count() == 0  # previewing saves nothing


def test_a_saved_appeal_previews_with_its_letters(editor):
    editor.post(ADD, form())
    appeal = Appeal.objects.get()
    url = f"{PREVIEW}{appeal.pk}/"
    editor.post(url, form())
    html = editor.get(url).content.decode()
    assert "Variant A · weight 3" in html
    assert "variant=B" in html
