"""Keep the admin closed to a session that has not passed its second factor."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from masthead.accounts import policy

ADMIN_PREFIX = "/admin/"
WEBAUTHN_NAMESPACE = "otp_webauthn"
# Reachable with a password alone: signing in and out, the admin's own assets.
OPEN = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "accounts_verify",
}
# Reachable with a password alone while the account has no second factor yet:
# enrolling one. Once it has one, adding another needs the first.
ENROL = {
    "accounts_two_factor",
    "accounts_totp_add",
    "accounts_passkey_add",
    "accounts_recovery_codes",
}


class RequireSecondFactorMiddleware:
    """Send staff to verify (or to enrol) before any other admin view.

    Below django-otp's ``OTPMiddleware``, which tells whether the session
    has passed a second factor.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            # Nobody is signed in; reading request.user would read the
            # session and add "Vary: Cookie" to every reader page.
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        match = request.resolver_match
        if not request.path_info.startswith(ADMIN_PREFIX):
            # Elsewhere (pages and documents restricted to signed-in users),
            # a password alone counts for nothing; the passkey endpoints need
            # the user that the password signed in.
            if match.namespace != WEBAUTHN_NAMESPACE and (
                policy.second_factor_required(user) or policy.needs_verification(user)
            ):
                request.user = AnonymousUser()
            return None
        name = match.url_name
        if name in OPEN:
            return None
        query = urlencode({"next": request.get_full_path()})
        if policy.needs_verification(user):
            return redirect(f"{reverse('accounts_verify')}?{query}")
        if policy.second_factor_required(user) and name not in ENROL:
            return redirect(f"{reverse('accounts_two_factor')}?{query}")
        return None
