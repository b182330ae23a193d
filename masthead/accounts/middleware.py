"""Keep the admin closed to a session that has not passed its second factor."""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from masthead.accounts import policy

ADMIN_PREFIX = "/admin/"
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
        if not request.path_info.startswith(ADMIN_PREFIX):
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        name = request.resolver_match.url_name if request.resolver_match else None
        if name in OPEN:
            return None
        query = urlencode({"next": request.get_full_path()})
        if policy.needs_verification(user):
            return redirect(f"{reverse('accounts_verify')}?{query}")
        if policy.second_factor_required(user) and name not in ENROL:
            return redirect(f"{reverse('accounts_two_factor')}?{query}")
        return None
