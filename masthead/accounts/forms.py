"""The admin's sign-in form, throttled, and the second-factor forms."""

import logging
import math

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.forms.auth import LoginForm

from masthead import ratelimit
from masthead.security import client_address

logger = logging.getLogger(__name__)

ACCOUNT_SCOPE = "sign-in-account"
ADDRESS_SCOPE = "sign-in-address"


class ThrottledLoginForm(LoginForm):
    """Wagtail's sign-in form, with attempts counted per account and address.

    Every attempt is counted before the password is checked, so that
    concurrent guesses cannot slip past the limit; a successful sign-in
    clears the account's count (not the address's: a newsroom may share one).
    """

    def clean(self):
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if username and password:
            self._check_throttle(username)
        cleaned = super().clean()
        if username and password:
            ratelimit.reset(ACCOUNT_SCOPE, username.casefold())
        return cleaned

    def _check_throttle(self, username: str) -> None:
        limits = settings.ADMIN_SIGN_IN_LIMITS
        window = limits["WINDOW"]
        account = ratelimit.count(ACCOUNT_SCOPE, username.casefold(), window=window)
        address = ratelimit.count(
            ADDRESS_SCOPE, client_address(self.request) or "unknown", window=window
        )
        blocked = [
            hit
            for hit, limit in (
                (account, limits["PER_ACCOUNT"]),
                (address, limits["PER_ADDRESS"]),
            )
            if hit.hits > limit
        ]
        if not blocked:
            return
        # Neither the username nor the address: see docs/deploy.md, "Logs".
        logger.warning("Admin sign-in paused after too many attempts")
        seconds = max(hit.seconds_left() for hit in blocked)
        minutes = max(1, math.ceil(seconds / 60))
        raise ValidationError(
            ngettext(
                "Too many sign-in attempts for this account or from your network. "
                "Signing in is paused: try again in %(minutes)d minute.",
                "Too many sign-in attempts for this account or from your network. "
                "Signing in is paused: try again in %(minutes)d minutes.",
                minutes,
            )
            % {"minutes": minutes},
            code="throttled",
        )


class TokenForm(forms.Form):
    """A code from an authenticator app, or one of the recovery codes."""

    token = forms.CharField(
        label=_("Code"),
        max_length=32,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "off",
                "spellcheck": "false",
                "autofocus": True,
            }
        ),
    )

    def clean_token(self) -> str:
        return "".join(self.cleaned_data["token"].split()).lower()
