from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from masthead.accounts import urls


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("two-factor/", include(urls))]


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):
    return {
        "url": reverse("accounts_two_factor"),
        "label": _("Two-step verification"),
        "help_text": _(
            "Authenticator apps, passkeys and recovery codes for signing in."
        ),
    }
