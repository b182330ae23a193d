from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import ObjectList, TabbedInterface
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from masthead.admin_menu import PermissionMenuItem
from masthead.appeals import admin_views
from masthead.appeals.forms import AppealForm
from masthead.appeals.models import Appeal
from masthead.appeals.templatetags import appeal_tags
from masthead.news import body


class ResultsColumn(Column):
    def get_value(self, instance):
        return format_html(
            '<a href="{}">Results</a>', reverse("appeal_results", args=[instance.pk])
        )


class AppealViewSet(SnippetViewSet):
    model = Appeal
    icon = "pick"
    menu_label = "Appeals"
    menu_name = "appeals"
    menu_order = 295
    add_to_admin_menu = True
    list_display = [
        "name",
        "placement",
        "status",
        "priority",
        ResultsColumn("results", label="Results"),
    ]
    list_filter = ["placement", "active"]
    edit_handler = TabbedInterface(
        [
            ObjectList(Appeal.appeal_panels, heading=_("Appeal")),
            ObjectList(Appeal.audience_panels, heading=_("Who sees it, and when")),
        ],
        # Checks the currency against the support page and keys new variants.
        base_form_class=AppealForm,
    )


register_snippet(AppealViewSet)


@hooks.register("register_admin_urls")
def appeal_admin_urls():
    return [
        path("appeals/results/", admin_views.index, name="appeal_results_index"),
        path("appeals/<int:pk>/results/", admin_views.results, name="appeal_results"),
    ]


@hooks.register("register_admin_menu_item")
def appeal_results_menu_item():
    return PermissionMenuItem(
        "Appeal results",
        reverse("appeal_results_index"),
        icon_name="table",
        order=296,
        permission=admin_views.PERMISSION,
    )


# Appeals in the article, through the places news offers (masthead.news.body).
hooks.register(body.INSERT_AFTER_PARAGRAPHS, appeal_tags.inline_appeals)
hooks.register(body.AFTER_ARTICLE, appeal_tags.appeal_end)
