from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from masthead.admin_menu import PermissionMenuItem
from masthead.mirrors import admin_views
from masthead.mirrors.models import Mirror


class ServedColumn(Column):
    """Whether readers are sent there today, retirement day included."""

    def get_value(self, instance):
        return _("yes") if instance.is_served(timezone.localdate()) else _("no")


class MirrorViewSet(SnippetViewSet):
    model = Mirror
    icon = "site"
    menu_label = _("Mirrors")
    menu_name = "mirrors"
    menu_order = 297
    add_to_admin_menu = True
    list_display = [
        "url",
        "kind",
        "status",
        "retire_on",
        ServedColumn("served", label=_("Served today")),
        "updated_at",
    ]
    list_filter = ["kind", "status"]
    search_fields = None


register_snippet(MirrorViewSet)


@hooks.register("register_admin_urls")
def publishing_admin_urls():
    return [
        path("mirrors/publishing/", admin_views.publishing, name="mirrors_publishing")
    ]


@hooks.register("register_admin_menu_item")
def publishing_menu_item():
    return PermissionMenuItem(
        _("Publishing"),
        reverse("mirrors_publishing"),
        icon_name="upload",
        order=298,
        permission=admin_views.PERMISSION,
    )
