from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from masthead.admin_menu import PermissionMenuItem
from masthead.funding import admin_views
from masthead.funding.admin_forms import DonationOptionForm, format_money
from masthead.funding.models import (
    DonationOption,
    ExchangeRate,
    ManualRail,
    PaymentLink,
)


class DonationOptionViewSet(SnippetViewSet):
    model = DonationOption
    icon = "list-ul"
    menu_label = "Amounts"
    list_display = [
        "currency",
        "frequency",
        Column(
            "presets",
            label="Preset amounts",
            accessor=lambda option: ", ".join(
                format_money(money) for money in option.preset_amounts()
            ),
        ),
        Column(
            "minimum",
            label="Minimum",
            accessor=lambda option: format_money(option.minimum),
        ),
    ]
    # The minimum is typed and shown in currency units, not minor units.
    edit_handler = ObjectList(DonationOption.panels, base_form_class=DonationOptionForm)


class ExchangeRateViewSet(SnippetViewSet):
    model = ExchangeRate
    icon = "resubmit"
    menu_label = "Exchange rates"
    list_display = ["currency", "rate", "updated_at"]


class ManualRailViewSet(SnippetViewSet):
    model = ManualRail
    icon = "site"
    menu_label = "Bank and crypto accounts"
    list_display = ["label", "kind", "active"]


class PaymentLinkViewSet(SnippetViewSet):
    model = PaymentLink
    icon = "link"
    menu_label = "Payment Links (static copies)"
    list_display = ["label", "frequency", "url", "active"]


class FundingViewSetGroup(SnippetViewSetGroup):
    items = (
        DonationOptionViewSet,
        ExchangeRateViewSet,
        ManualRailViewSet,
        PaymentLinkViewSet,
    )
    menu_icon = "tag"
    menu_label = "Funding"
    menu_name = "funding"
    menu_order = 300


register_snippet(FundingViewSetGroup)


@hooks.register("register_admin_urls")
def funding_admin_urls():
    return [
        path("funding/", admin_views.dashboard, name="funding_dashboard"),
        path("funding/transfers/", admin_views.transfers, name="funding_transfers"),
        path(
            "funding/donations.csv",
            admin_views.donations_csv,
            name="funding_donations_csv",
        ),
        path(
            "funding/review/<int:pk>/approve/",
            admin_views.approve,
            name="funding_approve",
        ),
    ]


@hooks.register("register_admin_menu_item")
def funding_dashboard_menu_item():
    return PermissionMenuItem(
        "Funding dashboard",
        reverse("funding_dashboard"),
        icon_name="pick",
        order=290,
        permission=admin_views.PERMISSION,
    )
