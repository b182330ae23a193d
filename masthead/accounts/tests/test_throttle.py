"""Admin sign-in is throttled per account and per address."""

import re

import pytest
from django.contrib.auth import get_user_model

from masthead import ratelimit
from masthead.models import RateLimitWindow
from masthead.testing import race

LOGIN = "/admin/login/"
PAUSED = "Too many sign-in attempts for this account or from your network"


@pytest.fixture
def editor(db, settings):
    # Hashing is not under test here; PBKDF2 would make each guess take 0.3 s.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return get_user_model().objects.create_user(
        "editor", "editor@example.org", "right-password-42", is_staff=True
    )


def _sign_in(client, username, password, address="198.51.100.7"):
    return client.post(
        LOGIN,
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def test_forty_wrong_passwords_lock_the_account_and_the_right_one_is_refused(
    client, editor
):
    answers = [_sign_in(client, "editor", f"guess-{n}") for n in range(40)]
    assert all(response.status_code == 200 for response in answers)
    # The first ten are ordinary wrong passwords; then signing in is paused.
    assert PAUSED not in answers[9].content.decode()
    assert all(PAUSED in response.content.decode() for response in answers[10:])

    response = _sign_in(client, "editor", "right-password-42")
    assert response.status_code == 200
    assert PAUSED in response.content.decode()
    assert re.search(r"try again in \d+ minutes?\.", response.content.decode())
    assert "_auth_user_id" not in client.session


def test_the_sign_in_page_for_restricted_pages_is_throttled_too(client, editor):
    """Wagtail's /_util/login/ checks passwords as well: same counts."""
    for n in range(10):
        _sign_in(client, "editor", f"guess-{n}")
    response = client.post(
        "/_util/login/",
        {"username": "editor", "password": "right-password-42"},
        REMOTE_ADDR="198.51.100.7",
    )
    assert response.status_code == 200
    assert PAUSED in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_pause_holds_for_the_account_from_any_address(client, editor):
    for n in range(11):
        _sign_in(client, "editor", "wrong", address=f"203.0.113.{n}")
    response = _sign_in(client, "Editor", "right-password-42", address="192.0.2.1")
    assert PAUSED in response.content.decode()


def test_one_address_trying_many_accounts_is_paused(client, editor):
    for n in range(30):
        _sign_in(client, f"user{n}", "wrong")
    response = _sign_in(client, "editor", "right-password-42")
    assert PAUSED in response.content.decode()
    # Another address may still sign in to the same account.
    response = _sign_in(client, "editor", "right-password-42", address="192.0.2.9")
    assert response.status_code == 302


def test_signing_in_clears_the_accounts_count(client, editor):
    for _ in range(9):
        _sign_in(client, "editor", "wrong")
    assert _sign_in(client, "editor", "right-password-42").status_code == 302
    client.logout()
    for _ in range(9):
        _sign_in(client, "editor", "wrong")
    assert _sign_in(client, "editor", "right-password-42").status_code == 302


@pytest.fixture
def database_store(settings):
    """The default setup's store for the counts: the database (no Redis)."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    }


def test_counters_keep_neither_the_username_nor_the_address(
    client, editor, database_store
):
    _sign_in(client, "editor", "wrong", address="198.51.100.77")
    rows = list(RateLimitWindow.objects.values_list("scope", "digest"))
    assert {scope for scope, _ in rows} == {"sign-in-account", "sign-in-address"}
    stored = " ".join(ident for _, ident in rows)
    assert "editor" not in stored
    assert "198.51.100.77" not in stored
    assert all(len(ident) == 64 for _, ident in rows)  # HMAC-SHA256, hex


@pytest.mark.django_db(transaction=True)
def test_concurrent_attempts_each_count_once(database_store):
    hits = []

    def attempt():
        hits.append(ratelimit.count("sign-in-account", "target", window=900).hits)

    assert race(attempt, threads=8) == []
    assert sorted(hits) == list(range(1, 9))
    assert RateLimitWindow.objects.get().hits == 8
