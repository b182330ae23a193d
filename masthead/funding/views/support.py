"""Reader funding views: the support page, checkout, thanks, webhooks.

The support page and thanks page are anonymous and cacheable: their form
posts without a CSRF cookie and is protected by a same-origin check, a
honeypot, the minimum amount and rate limits instead.
"""

import logging

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from masthead import ratelimit
from masthead.funding import selectors, services, signups
from masthead.funding.forms import OTHER, SupportForm
from masthead.funding.models import (
    DonationIntent,
    Frequency,
    ManualRail,
)
from masthead.funding.money import Money
from masthead.funding.providers import (
    enabled_providers,
    get_provider,
    redirect_origins,
)
from masthead.funding.providers.base import ProviderError, WebhookError
from masthead.funding.qr import qr_svg
from masthead.funding.tasks import (
    process_after_commit,
    process_provider_event,
)
from masthead.mirrors import selectors as mirror_selectors
from masthead.security import client_address, same_origin

logger = logging.getLogger(__name__)


def _support_context(form: SupportForm) -> dict:
    # Switching frequency or currency keeps the appeal the reader came from.
    attribution = {
        name: form.initial.get(name) or form.data.get(name)
        for name in ("appeal", "variant")
    }
    return {
        "form": form,
        "attribution": urlencode({k: v for k, v in attribution.items() if v}),
        "frequency": form.frequency,
        "currency": form.currency,
        "frequencies": Frequency.choices,
        "currencies": sorted({code for code, _ in form.options}),
        "choice": form.options.get((form.currency, form.frequency)),
        "query": "",
    }


def _form(request, data=None) -> SupportForm:
    """Return the support form, its presets following the chosen currency."""
    options = selectors.donation_options()
    frequency = request.GET.get("frequency", Frequency.MONTHLY)
    if frequency not in Frequency.values:
        frequency = Frequency.MONTHLY
    currency = request.GET.get("currency", "USD").upper()
    amount = request.GET.get("amount", "")
    if not any(code == currency for code, _ in options):
        currency, amount = "USD", ""  # an amount means nothing in another currency
    initial = {
        "frequency": frequency,
        "currency": currency,
        "appeal": request.GET.get("appeal", "")[:100],
        "variant": request.GET.get("variant", "")[:100],
    }
    if amount.isascii() and amount.isdigit() and len(amount) <= 12:
        # An appeal's button may preselect an amount that is not a preset.
        choice = options.get((currency, frequency))
        if choice is None or any(str(m.minor) == amount for m in choice.presets):
            initial["amount"] = amount
        else:
            initial["amount"] = OTHER
            initial["custom_amount"] = Money(int(amount), currency).as_decimal()
    return SupportForm(
        data, initial=initial, options=options, providers=enabled_providers()
    )


def _render_support(request, form: SupportForm, *, status: int = 200):
    """Render the support form, its CSP allowing the providers' checkout pages.

    A checkout answers the form with a redirect to the provider's own page
    (Stripe Checkout); the browser checks that redirect against the
    ``form-action`` of the page the form is on.
    """
    response = render(
        request, "funding/support.html", _support_context(form), status=status
    )
    origins = redirect_origins()
    if origins:
        response._csp_update = {"form-action": origins}
    if status != 200:
        response["Cache-Control"] = "no-store"
    return response


@require_safe
def support(request):
    return _render_support(request, _form(request))


@csrf_exempt  # the page is cached and cookie-free; see same_origin
@require_POST
def checkout(request):
    form = _form(request, request.POST)
    limits = settings.FUNDING_CHECKOUT_LIMITS
    allowed = same_origin(request)
    if allowed and form.is_valid():
        email = form.cleaned_data["email"].lower()
        address = client_address(request)
        allowed = ratelimit.hit(
            "checkout-ip", address, limit=limits["PER_IP"], window=limits["WINDOW"]
        ) and ratelimit.hit(
            "checkout-email", email, limit=limits["PER_EMAIL"], window=limits["WINDOW"]
        )
        if allowed:
            _sign_up_for_newsletters(form)
            return _start(request, form)
    if not allowed:
        return _could_not_start(request, form, status=400)
    return _render_support(request, form, status=400)


def _sign_up_for_newsletters(form: SupportForm) -> None:
    """Start double opt-in for the lists the donor ticked, at once.

    Not after the payment: the tick asks for the newsletter whether or not
    the payment goes through (a card declined, a transfer paid days later),
    and only the confirmation link, clicked from the donor's inbox, starts
    the mail, as on the sign-up form.
    """
    signups.sign_up(
        email=form.cleaned_data["email"],
        list_ids=form.cleaned_data.get("newsletters") or [],
        language=translation.get_language() or settings.LANGUAGE_CODE,
    )


def _could_not_start(request, form: SupportForm, *, status: int):
    """The support form again, saying the donation could not start."""
    form.add_error(None, _("We could not start your donation. Please try again later."))
    return _render_support(request, form, status=status)


def _support_again(**query: str) -> str:
    """The support page as the reader left it, still crediting their appeal."""
    present = {name: value for name, value in query.items() if value}
    return f"{reverse('funding:support')}?{urlencode(present)}"


def _start(request, form: SupportForm):
    data = form.cleaned_data
    try:
        started = services.donation_intent_start(
            provider=data["provider"],
            amount=data["money"],
            frequency=data["frequency"],
            email=data["email"],
            name=data["name"],
            appeal=data["appeal"],
            variant=data["variant"],
            site_url=mirror_selectors.base_url_for(request.get_host()),
            success_url=request.build_absolute_uri(reverse("funding:thanks")),
            cancel_url=request.build_absolute_uri(
                _support_again(
                    frequency=data["frequency"],
                    currency=data["money"].currency,
                    appeal=data["appeal"],
                    variant=data["variant"],
                )
            ),
        )
    except ProviderError:
        logger.exception("Checkout could not start")
        return _could_not_start(request, form, status=502)
    return redirect(started.checkout.redirect_url)


def _process_now(event) -> None:
    """Queue a stored event, and apply it at once as well.

    The worker's next round may come seconds after the reader is back on the
    thank-you page, whose meter must count their gift. Applying an event
    twice changes nothing; the queued run retries one that cannot be applied
    yet.
    """
    process_after_commit(event)
    if event.processed_at is None:
        process_provider_event.call(event_id=event.pk)


@require_safe
def thanks(request):
    response = render(request, "funding/thanks.html")
    # Kept by the server's page cache, which a payment renews, but a CDN or
    # browser must ask again: a copy from before the reader paid would leave
    # their gift out of the total.
    patch_cache_control(response, public=True, no_cache=True)
    return response


@csrf_exempt  # see same_origin
@never_cache
def dummy_checkout(request, public_id):
    """The dummy provider's checkout page: pay or decline, no money moves."""
    provider_name = "dummy"
    intent = get_object_or_404(
        DonationIntent, public_id=public_id, provider=provider_name
    )
    if request.method == "POST":
        if not same_origin(request):
            return HttpResponseBadRequest("Cross-site request refused.")
        succeed = request.POST.get("outcome") == "pay"
        provider = get_provider(provider_name)
        for raw in provider.payment_events(intent, succeed=succeed):
            event, _ = services.provider_event_record(provider=provider_name, raw=raw)
            _process_now(event)
        if succeed:
            return redirect("funding:thanks")
        return redirect(
            _support_again(
                frequency=intent.frequency,
                currency=intent.currency,
                appeal=intent.appeal,
                variant=intent.variant,
                declined="1",
            )
        )
    return render(request, "funding/dummy_checkout.html", {"intent": intent})


@csrf_exempt  # providers sign their deliveries instead
@require_POST
def webhook(request, provider: str):
    """Verify, store once, answer 2xx; processing runs after the commit."""
    if provider not in settings.FUNDING_PROVIDERS:
        raise Http404
    backend = get_provider(provider)
    try:
        raw = backend.verify_webhook(request.body, request.headers)
    except WebhookError as error:
        logger.warning("Webhook for %s rejected: %s", provider, error)
        return HttpResponseBadRequest("Webhook rejected.\n")
    event, created = services.provider_event_record(provider=provider, raw=raw)
    _process_now(event)
    return HttpResponse("ok\n" if created else "duplicate\n", content_type="text/plain")


@never_cache
def transfer(request, public_id):
    """How to give by bank transfer or crypto, with the reader's reference code."""
    intent = get_object_or_404(
        DonationIntent, public_id=public_id, reference__isnull=False
    )
    rails = [
        (rail, qr_svg(rail.address) if rail.address else "")
        for rail in ManualRail.objects.filter(active=True)
    ]
    return render(request, "funding/transfer.html", {"intent": intent, "rails": rails})
