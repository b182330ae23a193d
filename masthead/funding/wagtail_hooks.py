from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from masthead.funding.models import DonationOption, ExchangeRate


class DonationOptionViewSet(SnippetViewSet):
    model = DonationOption
    icon = "list-ul"
    menu_label = "Amounts"
    list_display = ["currency", "frequency", "presets", "minimum_minor"]


class ExchangeRateViewSet(SnippetViewSet):
    model = ExchangeRate
    icon = "resubmit"
    menu_label = "Exchange rates"
    list_display = ["currency", "rate", "updated_at"]


class FundingViewSetGroup(SnippetViewSetGroup):
    items = (DonationOptionViewSet, ExchangeRateViewSet)
    menu_icon = "tag"
    menu_label = "Funding"
    menu_name = "funding"
    menu_order = 300


register_snippet(FundingViewSetGroup)
