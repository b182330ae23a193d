"""Donor self-service: sign in by emailed link, change or stop a recurring gift."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from masthead import ratelimit
from masthead.funding import selectors, services
from masthead.funding.forms import ChangeAmountForm
from masthead.funding.models import Donor
from masthead.funding.money import MoneyError
from masthead.funding.providers.base import ProviderError
from masthead.funding.tasks import send_sign_in_link
from masthead.mirrors import selectors as mirror_selectors
from masthead.security import client_address, same_origin

DONOR_SESSION_KEY = "masthead_donor_id"


def _send_sign_in_link(request, email: str) -> None:
    """Queue the link's email; the same work whether or not the address gave.

    A donor who asked on a mirror gets a link to that mirror, as registered.
    """
    donor_id = Donor.objects.filter(email=email).values_list("pk", flat=True).first()
    base_url = mirror_selectors.base_url_for(request.get_host())
    send_sign_in_link.enqueue(donor_id=donor_id, base_url=base_url)


@csrf_exempt  # cookie-free page; see same_origin
def manage(request):
    """Ask for an email and send a one-time sign-in link to it."""
    sent = False
    error = ""
    if request.method == "POST":
        email = request.POST.get("email", "").strip().lower()
        limits = settings.FUNDING_CHECKOUT_LIMITS
        try:
            validate_email(email)
        except ValidationError:
            error = _("Enter the email address you gave with your donation.")
        else:
            window = limits["WINDOW"]
            address = client_address(request)
            allowed = (
                same_origin(request)
                and ratelimit.hit(
                    "sign-in-email", email, limit=limits["PER_EMAIL"], window=window
                )
                and ratelimit.hit(
                    "sign-in-ip", address, limit=limits["PER_IP"], window=window
                )
            )
            if allowed:
                _send_sign_in_link(request, email)
            sent = True
    response = render(
        request,
        "funding/manage.html",
        {"sent": sent, "error": error},
        status=400 if error else 200,
    )
    if request.method == "POST":
        response["Cache-Control"] = "no-store"
    return response


@csrf_exempt  # the token in the address is the secret; see same_origin
@never_cache
def manage_sign_in(request, token: str):
    """Confirm with a button, so that mail scanners opening links spend nothing."""
    if request.method == "POST" and same_origin(request):
        donor = services.sign_in_token_redeem(token=token)
        if donor is not None:
            request.session.cycle_key()
            request.session[DONOR_SESSION_KEY] = donor.pk
            return redirect("funding:manage_donations")
        return render(
            request, "funding/manage_sign_in.html", {"invalid": True}, status=400
        )
    return render(request, "funding/manage_sign_in.html", {"invalid": False})


def _signed_in_donor(request) -> Donor | None:
    donor_id = request.session.get(DONOR_SESSION_KEY)
    return Donor.objects.filter(pk=donor_id).first() if donor_id else None


@never_cache
def manage_donations(request):
    donor = _signed_in_donor(request)
    if donor is None:
        return redirect("funding:manage")
    message = error = ""
    if request.method == "POST":
        form = ChangeAmountForm(
            request.POST, donor=donor, options=selectors.donation_options()
        )
        if not form.is_valid():
            error = form.first_error()
        else:
            message, error = _change_donation(**form.cleaned_data)
    context = {
        **selectors.donor_donations(donor=donor),
        "donor": donor,
        "message": message,
        "error": error,
    }
    return render(
        request, "funding/manage_donations.html", context, status=400 if error else 200
    )


def _change_donation(*, recurring, action, money=None, **unused) -> tuple[str, str]:
    """Cancel or change at the provider; return the message and the error."""
    try:
        if action == "cancel":
            services.recurring_donation_cancel(recurring=recurring)
            return _(
                "Your recurring donation is canceled. Thank you for your support."
            ), ""
        services.recurring_donation_change_amount(recurring=recurring, amount=money)
        return _("Your donation is now %(amount)s.") % {"amount": money}, ""
    except MoneyError as problem:
        return "", str(problem)
    except ProviderError:
        if action == "cancel":
            return "", _("We could not cancel it just now. Please try again later.")
        return "", _("We could not change it just now. Please try again later.")


@require_POST
def manage_sign_out(request):
    request.session.flush()
    return redirect("funding:manage")
