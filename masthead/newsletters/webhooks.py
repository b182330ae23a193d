"""Bounces and complaints from the email service, through django-anymail.

Anymail's tracking webhooks (one per service: Amazon SES, Mailgun, Postmark,
SendGrid …) check the service's signature and HTTP basic auth, and turn each
service's events into one ``tracking`` signal. A bad signature or password
is answered 400 by anymail, before any event is read. They are served only
once ``ANYMAIL_WEBHOOK_SECRET`` is set: without it anymail would accept
anyone's posts.
"""

from anymail import urls as anymail_urls
from django.conf import settings
from django.http import Http404
from django.urls import path
from django.utils import timezone

from masthead.newsletters import services


def tracking_event(sender, event, esp_name, **kwargs) -> None:
    """Suppress a reader who bounced or complained (anymail's ``tracking``)."""
    services.subscriber_suppress(
        email=event.recipient or "",
        event_type=event.event_type,
        when=event.timestamp or timezone.now(),
    )


def _when_secured(view):
    def secured(request, *args, **kwargs):
        if not settings.ANYMAIL.get("WEBHOOK_SECRET"):
            raise Http404
        return view(request, *args, **kwargs)

    return secured


def tracking_urlpatterns() -> list:
    """Anymail's tracking webhooks, at ``/newsletters/webhooks/<service>/tracking/``."""
    patterns = []
    for pattern in anymail_urls.urlpatterns:
        name = pattern.name or ""
        if name.endswith("_tracking_webhook") and "<" not in str(pattern.pattern):
            patterns.append(
                path(
                    f"webhooks/{pattern.pattern}",
                    _when_secured(pattern.callback),
                    name=name,
                )
            )
    return patterns
