"""Second-factor views in the admin: verify, enrol, recovery codes."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import devices_for_user, verify_token
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from masthead.accounts import policy, services
from masthead.accounts.forms import TokenForm
from masthead.funding.qr import qr_svg

PENDING_TOTP = "accounts_pending_totp"


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def verify(request):
    """Ask for the second factor of a session signed in with a password."""
    user = request.user
    if user.is_verified() or not policy.needs_verification(user):
        return redirect(_next_url(request))
    form = TokenForm(request.POST or None)
    if form.is_valid():
        token = form.cleaned_data["token"]
        # An app's code is six digits, a recovery code eight letters and
        # digits: try each on its own kind of device only, so that a recovery
        # code does not count as a wrong code for the app (and back).
        kind = TOTPDevice if token.isdigit() and len(token) < 8 else StaticDevice
        code_devices = [
            device for device in devices_for_user(user) if isinstance(device, kind)
        ]
        # django-otp refuses every code for a while after wrong ones.
        paused = any(not device.verify_is_allowed()[0] for device in code_devices)
        device = next(
            (
                device
                for device in code_devices
                if verify_token(user, device.persistent_id, token)
            ),
            None,
        )
        if device is not None:
            request.session.cycle_key()
            otp_login(request, device)
            if isinstance(device, StaticDevice):
                messages.warning(
                    request,
                    _(
                        "You signed in with a recovery code; %(left)d are left. "
                        "Create new ones in Two-step verification."
                    )
                    % {"left": services.recovery_codes_left(user)},
                )
            return redirect(_next_url(request))
        form.add_error(
            "token",
            _("Too many wrong codes in a row: wait a few seconds, then try again.")
            if paused
            else _("That code is not right, or it was used already. Try again."),
        )
    has_passkey = any(
        isinstance(device, WebAuthnCredential) for device in devices_for_user(user)
    )
    return render(
        request,
        "accounts/verify.html",
        {"form": form, "next": _next_url(request), "has_passkey": has_passkey},
    )


def two_factor(request):
    """List the user's second factors and offer to add or remove them."""
    user = request.user
    devices = services.primary_devices(user)
    context = {
        "authenticators": [d for d in devices if isinstance(d, TOTPDevice)],
        "passkeys": [d for d in devices if isinstance(d, WebAuthnCredential)],
        "recovery_codes_left": services.recovery_codes_left(user),
        "required": policy.second_factor_required(user),
        "next": request.GET.get("next", ""),
    }
    return render(request, "accounts/two_factor.html", context)


def totp_add(request):
    """Set up an authenticator app: scan the code, then type what it shows."""
    user = request.user
    device = services.totp_device_pending(
        user=user, device_id=request.session.get(PENDING_TOTP)
    )
    request.session[PENDING_TOTP] = device.pk
    form = TokenForm(request.POST or None)
    if form.is_valid():
        if services.totp_device_confirm(
            device=device, token=form.cleaned_data["token"]
        ):
            del request.session[PENDING_TOTP]
            device.refresh_from_db()
            if not user.is_verified():
                request.session.cycle_key()
                otp_login(request, device)
            messages.success(request, _("Your authenticator app is set up."))
            if services.recovery_codes_left(user) == 0:
                return _show_recovery_codes(request)
            return redirect(_next_url(request))
        form.add_error("token", _("That code is not right. Check the app's clock."))
    return render(
        request,
        "accounts/totp_add.html",
        {
            "form": form,
            "qr": qr_svg(device.config_url),
            "secret": services.totp_secret_text(device),
            "next": request.GET.get("next") or request.POST.get("next", ""),
        },
    )


def passkey_add(request):
    """Register a passkey (WebAuthn) with django-otp-webauthn's script."""
    return render(
        request,
        "accounts/passkey_add.html",
        {"done_url": reverse("accounts_two_factor")},
    )


@require_POST
def recovery_codes(request):
    """Replace the recovery codes and show the new ones, this once."""
    if not services.primary_devices(request.user):
        messages.error(request, _("Set up an authenticator app or a passkey first."))
        return redirect("accounts_two_factor")
    return _show_recovery_codes(request)


def _show_recovery_codes(request):
    codes = services.recovery_codes_create(user=request.user)
    # Wagtail's admin views send Cache-Control: no-store already.
    return render(
        request,
        "accounts/recovery_codes.html",
        {"codes": codes, "next": _next_url(request)},
    )


@require_POST
def device_delete(request):
    if services.device_delete(
        user=request.user, persistent_id=request.POST.get("device", "")
    ):
        messages.success(request, _("The second factor was removed."))
    return redirect("accounts_two_factor")
