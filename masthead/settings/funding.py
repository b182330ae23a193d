"""Reader funding (masthead.funding): payment providers, reconciling, limits.

Payment providers are configured like CACHES; the dummy provider stands in
when no keys are set, so the demo works offline.
"""

from .site import env

FUNDING_PROVIDERS = {}
STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY", default="")
if STRIPE_SECRET_KEY:
    FUNDING_PROVIDERS["stripe"] = {
        "BACKEND": "masthead.funding.providers.stripe.StripeProvider",
        "SECRET_KEY": STRIPE_SECRET_KEY,
        "WEBHOOK_SECRET": env("STRIPE_WEBHOOK_SECRET", default=""),
        "API_BASE": env("STRIPE_API_BASE", default=""),
        "MAX_NETWORK_RETRIES": env.int("STRIPE_MAX_NETWORK_RETRIES", default=2),
        # Where Checkout sends readers; the support page's CSP allows it.
        "CHECKOUT_ORIGIN": env(
            "STRIPE_CHECKOUT_ORIGIN", default="https://checkout.stripe.com"
        ),
    }
# Bank transfers and crypto, offered once the team adds an account in the admin.
if env.bool("FUNDING_MANUAL_PROVIDER", default=True):
    FUNDING_PROVIDERS["manual"] = {
        "BACKEND": "masthead.funding.providers.manual.ManualProvider"
    }
# The dummy provider records payments that move no money: never offer it on
# a public site next to real rails (`masthead check --deploy` warns).
if env.bool("FUNDING_DUMMY_PROVIDER", default=not STRIPE_SECRET_KEY):
    FUNDING_PROVIDERS["dummy"] = {
        "BACKEND": "masthead.funding.providers.dummy.DummyProvider"
    }
# The worker lists the providers' events every EVERY seconds (0: never) over
# the last DAYS days, and applies any webhook that was missed.
FUNDING_RECONCILE = {
    "EVERY": env.int("FUNDING_RECONCILE_EVERY", default=3600),
    "DAYS": env.int("FUNDING_RECONCILE_DAYS", default=3),
}
# Card-testing defence: checkouts started per address and per email.
FUNDING_CHECKOUT_LIMITS = {
    "PER_IP": env.int("FUNDING_CHECKOUT_LIMIT_PER_IP", default=10),
    "PER_EMAIL": env.int("FUNDING_CHECKOUT_LIMIT_PER_EMAIL", default=5),
    "WINDOW": env.int("FUNDING_CHECKOUT_LIMIT_WINDOW", default=3600),
}
