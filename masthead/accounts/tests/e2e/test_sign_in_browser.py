"""Signing in to the admin with a second factor, in a real browser."""

import re
from base64 import b32decode

import pytest
from django.contrib.auth import get_user_model
from django_otp.oath import TOTP
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _password_step(page, base_url):
    page.goto(base_url + "/admin/login/")
    page.get_by_label("Username").fill("chief")
    page.get_by_label("Password").fill("pw-chief-editor")
    page.get_by_role("button", name="Sign in").click()


def test_a_superuser_sets_up_an_authenticator_then_signs_in_with_codes(
    tab, live_server, home
):
    get_user_model().objects.create_superuser(
        "chief", "c@example.org", "pw-chief-editor"
    )
    page = tab.page
    _password_step(page, live_server.url)
    # No device yet: the admin sends the superuser to set one up.
    page.wait_for_url("**/admin/two-factor/?next=%2Fadmin%2F")
    expect(
        page.get_by_text("Your account must use two-step verification")
    ).to_be_visible()
    page.goto(live_server.url + "/admin/pages/")
    page.wait_for_url("**/admin/two-factor/?next=%2Fadmin%2Fpages%2F")

    page.get_by_role("link", name="Add an authenticator app").click()
    secret = page.locator("[data-totp-secret]").inner_text()
    expect(page.get_by_role("img", name="QR code")).to_be_visible()
    tab.screenshot("admin-two-factor-authenticator", full_page=False)
    code = f"{TOTP(b32decode(secret.replace(' ', ''))).token():06d}"
    page.get_by_role("textbox", name="Code").fill(code)
    page.get_by_role("button", name="Confirm").click()

    codes = page.locator(".accounts-recovery-codes li")
    expect(codes).to_have_count(10)
    recovery = codes.first.inner_text()
    assert re.fullmatch(r"[a-z2-7]{8}", recovery)
    page.get_by_role("link", name="I have kept them: continue").click()
    page.wait_for_url("**/admin/pages/")

    # Signed out, the password alone no longer opens the admin.
    page.context.clear_cookies()
    _password_step(page, live_server.url)
    page.wait_for_url("**/admin/two-factor/verify/?next=%2Fadmin%2F")
    tab.screenshot("admin-two-factor-verify", full_page=False)
    page.goto(live_server.url + "/admin/users/")
    page.wait_for_url("**/admin/two-factor/verify/**")
    # The app's code was used once already; a recovery code stands in.
    page.get_by_role("textbox", name="Code").fill(recovery)
    page.get_by_role("button", name="Verify").click()
    page.wait_for_url("**/admin/users/")
    expect(
        page.get_by_text("You signed in with a recovery code; 9 are left")
    ).to_be_visible()
    assert tab.outside_requests() == []
    assert tab.errors == []


def test_a_locked_account_says_so(tab, live_server, home, settings):
    settings.ADMIN_SIGN_IN_LIMITS = {"PER_ACCOUNT": 2, "PER_ADDRESS": 30, "WINDOW": 900}
    get_user_model().objects.create_superuser(
        "chief", "c@example.org", "pw-chief-editor"
    )
    page = tab.page
    for _ in range(3):
        page.goto(live_server.url + "/admin/login/")
        page.get_by_label("Username").fill("chief")
        page.get_by_label("Password").fill("wrong")
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_load_state()
    _password_step(page, live_server.url)
    expect(page.locator(".messages")).to_contain_text(
        "Too many sign-in attempts for this account or from your network."
    )
    assert "/admin/login/" in page.url


def test_a_superuser_registers_a_passkey_and_signs_in_with_it(
    tab, live_server, home, settings
):
    """Chromium's virtual authenticator stands in for a phone or security key."""
    base = live_server.url.replace("127.0.0.1", "localhost")
    settings.OTP_WEBAUTHN_RP_ID = "localhost"
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [base]
    user = get_user_model().objects.create_superuser(
        "chief", "c@example.org", "pw-chief-editor"
    )
    page = tab.page
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    _password_step(page, base)
    page.wait_for_url("**/admin/two-factor/?next=**")
    page.get_by_role("link", name="Add a passkey").click()
    page.get_by_role("button", name="Register a passkey").click()
    page.wait_for_url("**/admin/two-factor/")
    expect(page.get_by_role("button", name="Create new recovery codes")).to_be_visible()
    assert user.webauthncredential_set.filter(confirmed=True).count() == 1

    page.context.clear_cookies()
    _password_step(page, base)
    page.wait_for_url("**/admin/two-factor/verify/**")
    page.get_by_role("button", name="Use a passkey").click()
    page.wait_for_url("**/admin/")
    assert page.url == base + "/admin/"
    expect(page.get_by_role("navigation", name="Main menu")).to_be_visible()
    assert tab.errors == []
