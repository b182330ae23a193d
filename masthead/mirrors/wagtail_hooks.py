from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

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
