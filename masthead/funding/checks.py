from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def dummy_provider_on_a_public_site(app_configs, **kwargs):
    if "dummy" in settings.FUNDING_PROVIDERS and not settings.DEBUG:
        return [
            Warning(
                "The dummy payment provider is enabled: readers can record "
                "donations that move no money.",
                hint="Set FUNDING_DUMMY_PROVIDER=false on a public site.",
                id="funding.W001",
            )
        ]
    return []


# Backends that keep mail on this machine: a receipt or sign-in link never
# reaches the reader, and the console one prints live sign-in links to the log.
MAIL_STAYS_HERE = {
    "django.core.mail.backends.console.EmailBackend": "printed to the log",
    "django.core.mail.backends.filebased.EmailBackend": "written to files",
    "django.core.mail.backends.locmem.EmailBackend": "kept in memory",
    "django.core.mail.backends.dummy.EmailBackend": "thrown away",
}


@register(Tags.security, deploy=True)
def mail_leaves_the_machine(app_configs, **kwargs):
    fate = MAIL_STAYS_HERE.get(settings.EMAIL_BACKEND)
    if fate is None or settings.DEBUG:
        return []
    return [
        Warning(
            f"Email is {fate}, not sent: donors get no receipts and no "
            "sign-in links to manage their donations"
            + (
                ", and anyone who reads the log can sign in as a donor."
                if "console" in settings.EMAIL_BACKEND
                else "."
            ),
            hint="Set EMAIL_URL to your mail server, e.g. "
            "EMAIL_URL=smtp+tls://user:password@mail.example:587 (docs/deploy.md).",
            id="funding.W002",
        )
    ]
