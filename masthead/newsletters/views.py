"""Reader pages of the newsletters: sign-up, confirmation, editions, leaving.

The sign-up form is on cached pages, so it posts without a CSRF cookie and is
protected like the support form: a same-origin check, a honeypot and rate
limits. The confirmation and unsubscribe links carry their own secret.
"""

from django.conf import settings
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import (
    require_http_methods,
    require_POST,
    require_safe,
)

from masthead import ratelimit
from masthead.newsletters import rendering, services
from masthead.newsletters.forms import SignUpForm
from masthead.newsletters.models import EDITIONS_LISTED, Edition, Newsletter
from masthead.newsletters.tasks import request_subscription
from masthead.security import client_address, same_origin


def _index(request, form, *, status=200):
    context = {
        "form": form,
        "newsletters": Newsletter.objects.filter(is_public=True),
    }
    response = render(request, "newsletters/index.html", context, status=status)
    if status != 200:
        response["Cache-Control"] = "no-store"
    return response


@require_safe
def index(request):
    return _index(request, SignUpForm())


@csrf_exempt  # the form is on cached, cookie-free pages; see same_origin
@require_POST
def subscribe(request):
    form = SignUpForm(request.POST)
    allowed = same_origin(request)
    if allowed and form.is_valid():
        limit = settings.NEWSLETTERS_SIGNUP_LIMIT
        allowed = ratelimit.hit(
            "newsletter-signup-ip",
            client_address(request),
            limit=limit["PER_IP"],
            window=limit["WINDOW"],
        )
        if allowed:
            request_subscription.enqueue(
                email=form.cleaned_data["email"],
                newsletter_ids=[n.pk for n in form.cleaned_data["newsletters"]],
                language=translation.get_language() or settings.LANGUAGE_CODE,
            )
            return redirect("newsletters:check_inbox")
    if not allowed:
        form.add_error(None, _("We could not sign you up. Please try again later."))
    return _index(request, form, status=400)


@require_safe
def check_inbox(request):
    return render(request, "newsletters/check_inbox.html")


@never_cache
@csrf_exempt  # the secret is the token in the URL
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    # A GET only shows a button: mail scanners that open links confirm nothing.
    if request.method == "POST":
        subscriber = services.subscription_confirm(token=token)
        if subscriber is None:
            return render(
                request, "newsletters/confirm.html", {"invalid": True}, status=400
            )
        return render(request, "newsletters/confirm.html", {"confirmed": True})
    if services.subscriber_for_token(token) is None:
        return render(
            request, "newsletters/confirm.html", {"invalid": True}, status=400
        )
    return render(request, "newsletters/confirm.html", {})


@never_cache
@csrf_exempt  # RFC 8058: the mail client posts from nowhere; the link is signed
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, subscriber_id, newsletter, signature):
    subscription = services.subscription_for_unsubscribe(
        subscriber_id=subscriber_id, newsletter_slug=newsletter, signature=signature
    )
    if request.method == "POST":
        if subscription is not None:
            services.subscription_cancel(subscription=subscription)
        # Done either way: a second click, or a list already left.
        return render(request, "newsletters/unsubscribed.html")
    if subscription is None:
        return render(request, "newsletters/unsubscribed.html")
    return render(
        request, "newsletters/unsubscribe.html", {"subscription": subscription}
    )


@require_safe
def edition(request, newsletter, edition):
    edition = get_object_or_404(
        Edition.objects.select_related("newsletter"),
        newsletter__slug=newsletter,
        slug=edition,
        status__in=[Edition.Status.SENDING, Edition.Status.SENT],
    )
    context = rendering.edition_context(edition)
    return render(request, "newsletters/edition.html", context)


@require_safe
def newsletter_editions(request, newsletter):
    newsletter = get_object_or_404(Newsletter, slug=newsletter)
    editions = newsletter.editions.filter(
        status__in=[Edition.Status.SENDING, Edition.Status.SENT]
    )
    if not newsletter.is_public and not editions.exists():
        raise Http404
    return render(
        request,
        "newsletters/newsletter.html",
        {"newsletter": newsletter, "editions": editions[:EDITIONS_LISTED]},
    )


@never_cache
@csrf_exempt  # the secret is the signed link, which came in the reader's email
@require_http_methods(["GET", "HEAD", "POST"])
def preferences(request, subscriber_id, signature):
    subscriber = services.subscriber_for_preferences(
        subscriber_id=subscriber_id, signature=signature
    )
    if subscriber is None:
        return render(
            request, "newsletters/preferences.html", {"invalid": True}, status=404
        )
    if request.method == "POST":
        if request.POST.get("action") == "delete":
            services.subscriber_delete(subscriber=subscriber)
            return render(request, "newsletters/unsubscribed.html", {"deleted": True})
        chosen = {int(v) for v in request.POST.getlist("newsletters") if v.isdigit()}
        if (
            services.subscriber_preferences_set(
                subscriber=subscriber, newsletter_ids=chosen
            )
            is None
        ):
            return render(request, "newsletters/unsubscribed.html")
        return redirect(request.path + "?saved=1")
    mine = set(
        subscriber.subscriptions.filter(confirmed_at__isnull=False).values_list(
            "newsletter_id", flat=True
        )
    )
    newsletters = Newsletter.objects.filter(
        Q(is_public=True) | Q(pk__in=mine)
    ).distinct()
    return render(
        request,
        "newsletters/preferences.html",
        {
            "subscriber": subscriber,
            "newsletters": newsletters,
            "mine": mine,
            "saved": request.GET.get("saved") == "1",
        },
    )
