"""Staff reach the admin only past a second factor (where one is required)."""

import re
import time
from base64 import b32decode

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import PageViewRestriction

from masthead.accounts.checks import check_second_factor_policy
from masthead.accounts.services import recovery_codes_create
from masthead.news.factories import ArticlePageFactory
from masthead.testing import confirmed_totp_device, totp_code

pytestmark = pytest.mark.django_db
PASSWORD = "right-password-42"


@pytest.fixture(autouse=True)
def _fast_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def superuser():
    return get_user_model().objects.create_superuser("chief", "c@example.org", PASSWORD)


@pytest.fixture
def editor():
    """A member of Wagtail's Editors group, who is no superuser."""
    user = get_user_model().objects.create_user("writer", "w@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def _sign_in(client, user):
    response = client.post(
        "/admin/login/", {"username": user.username, "password": PASSWORD}
    )
    assert response.status_code == 302, response.content
    return response


def test_a_superuser_without_a_device_is_sent_to_set_one_up(client, superuser):
    _sign_in(client, superuser)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/two-factor/?next=%2Fadmin%2F"
    for url in ("/admin/pages/", "/admin/users/", "/admin/documents/"):
        assert client.get(url)["Location"].startswith("/admin/two-factor/?next=")
    page = client.get("/admin/two-factor/").content.decode()
    assert "Your account must use two-step verification" in page


def test_enrolling_an_authenticator_gives_recovery_codes_and_opens_the_admin(
    client, superuser
):
    _sign_in(client, superuser)
    page = client.get("/admin/two-factor/authenticator/").content.decode()
    secret = re.search(r"<code data-totp-secret>([A-Z2-7 ]+)</code>", page)[1]
    key = b32decode(secret.replace(" ", ""))
    assert "<svg" in page  # the QR code, drawn inline

    wrong = client.post("/admin/two-factor/authenticator/", {"token": "000000"})
    assert "That code is not right" in wrong.content.decode()
    time.sleep(1.1)  # django-otp refuses every code for 1 s after a wrong one

    code = f"{TOTP(key).token():06d}"
    response = client.post(
        "/admin/two-factor/authenticator/", {"token": code, "next": "/admin/"}
    )
    assert response.status_code == 200
    codes = re.findall(r"<li>([a-z2-7]{8})</li>", response.content.decode())
    assert len(codes) == 10
    assert "no-store" in response["Cache-Control"]
    assert TOTPDevice.objects.get(user=superuser).confirmed
    assert client.get("/admin/").status_code == 200


def test_a_user_with_a_device_must_type_its_code(client, superuser):
    device = confirmed_totp_device(superuser)
    _sign_in(client, superuser)
    response = client.get("/admin/pages/")
    assert response["Location"] == "/admin/two-factor/verify/?next=%2Fadmin%2Fpages%2F"

    wrong = client.post("/admin/two-factor/verify/", {"token": "123456"})
    assert "That code is not right" in wrong.content.decode()
    assert client.get("/admin/")["Location"].startswith("/admin/two-factor/verify/")
    # Straight after a wrong code, even the right one is refused, and it says so.
    paused = client.post("/admin/two-factor/verify/", {"token": totp_code(device)})
    assert "Too many wrong codes in a row" in paused.content.decode()
    time.sleep(2.1)  # django-otp refuses every code for 1 s, then 2 s, …

    response = client.post(
        "/admin/two-factor/verify/",
        {"token": totp_code(device), "next": "/admin/pages/"},
    )
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_a_password_alone_cannot_add_another_device(client, superuser):
    confirmed_totp_device(superuser)
    _sign_in(client, superuser)
    for url in ("/admin/two-factor/authenticator/", "/admin/two-factor/passkey/"):
        assert client.get(url)["Location"].startswith("/admin/two-factor/verify/")
    response = client.post("/accounts/webauthn/registration/begin/")
    assert response.status_code == 403
    assert TOTPDevice.objects.filter(user=superuser).count() == 1


def test_a_recovery_code_signs_in_once(client, superuser):
    confirmed_totp_device(superuser)
    codes = recovery_codes_create(user=superuser)
    _sign_in(client, superuser)
    response = client.post("/admin/two-factor/verify/", {"token": codes[0].upper()})
    assert response["Location"] == "/admin/"
    assert StaticToken.objects.filter(token=codes[0]).count() == 0
    assert "9 are left" in client.get("/admin/").content.decode()

    client.logout()
    _sign_in(client, superuser)
    reused = client.post("/admin/two-factor/verify/", {"token": codes[0]})
    assert "That code is not right, or it was used already" in reused.content.decode()


def test_editors_choose_unless_the_setting_requires_it_for_everyone(
    client, editor, settings
):
    _sign_in(client, editor)
    assert client.get("/admin/").status_code == 200
    settings.ADMIN_2FA_REQUIRED = "everyone"
    assert client.get("/admin/")["Location"] == "/admin/two-factor/?next=%2Fadmin%2F"


def test_removing_the_last_device_removes_the_recovery_codes(client, superuser):
    device = confirmed_totp_device(superuser)
    recovery_codes_create(user=superuser)
    _sign_in(client, superuser)
    client.post("/admin/two-factor/verify/", {"token": totp_code(device)})
    client.post("/admin/two-factor/remove/", {"device": device.persistent_id})
    assert not TOTPDevice.objects.filter(user=superuser).exists()
    assert not StaticToken.objects.filter(device__user=superuser).exists()
    assert client.get("/admin/")["Location"].startswith("/admin/two-factor/")


def test_the_account_page_links_to_two_step_verification(admin_client):
    page = admin_client.get("/admin/account/").content.decode()
    assert 'href="/admin/two-factor/"' in page
    assert "Two-step verification" in page


def test_a_policy_that_means_nothing_stops_the_site(settings):
    settings.ADMIN_2FA_REQUIRED = "all"
    errors = check_second_factor_policy(None)
    assert [error.id for error in errors] == ["masthead.accounts.E001"]
    settings.ADMIN_2FA_REQUIRED = "everyone"
    assert check_second_factor_policy(None) == []


def test_a_password_alone_opens_no_page_restricted_to_signed_in_users(
    client, superuser, section
):
    story = ArticlePageFactory(parent=section, title="For staff", slug="for-staff")
    PageViewRestriction.objects.create(
        page=story, restriction_type=PageViewRestriction.LOGIN
    )
    device = confirmed_totp_device(superuser)
    _sign_in(client, superuser)
    response = client.get(story.url)
    assert response.status_code == 302
    assert response["Location"] == "/_util/login/?next=/politics/for-staff/"

    client.post("/admin/two-factor/verify/", {"token": totp_code(device)})
    assert client.get(story.url).status_code == 200
