"""Every configured provider keeps the same contract."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from masthead.funding import providers
from masthead.funding.providers.base import Checkout, PaymentProvider, RawEvent

pytestmark = pytest.mark.django_db

NAMES = ["dummy", "manual", "stripe"]


@pytest.mark.parametrize("name", NAMES)
def test_every_provider_keeps_the_contract(name):
    provider = providers.get_provider(name)
    assert isinstance(provider, PaymentProvider)
    assert provider.name == name
    assert provider.label
    ignored = RawEvent(event_id="evt_x", type="something.nobody.sends", payload={})
    assert provider.translate(ignored) == []


# Stripe's checkout is tested against its own API shapes (test_localstripe).
@pytest.mark.parametrize("name", ["dummy", "manual"])
def test_a_provider_on_this_site_starts_checkout_on_the_support_pages(
    name, start_intent
):
    checkout = providers.get_provider(name).start_checkout(
        start_intent(),
        success_url="http://testserver/t/",
        cancel_url="http://testserver/s/",
    )
    assert isinstance(checkout, Checkout)
    assert checkout.redirect_url.startswith("/support/")


def test_a_missing_provider_is_a_clear_configuration_error(settings):
    settings.FUNDING_PROVIDERS = {"nope": {"BACKEND": "masthead.nowhere.Provider"}}
    with pytest.raises(ImproperlyConfigured, match="cannot import"):
        providers.get_provider("nope")
    with pytest.raises(ImproperlyConfigured, match="No payment provider named"):
        providers.get_provider("other")


def test_a_provider_without_backend_is_a_clear_configuration_error(settings):
    settings.FUNDING_PROVIDERS = {"bare": {}}
    with pytest.raises(ImproperlyConfigured, match="has no BACKEND"):
        providers.get_provider("bare")
