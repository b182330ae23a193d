"""Newsletters in the Wagtail admin: the lists, their editions, the send page."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from masthead.newsletters import services
from masthead.newsletters.models import Delivery, Edition, Newsletter
from masthead.newsletters.tasks import send_edition_batch


class SendColumn(Column):
    def get_value(self, instance):
        url = reverse("newsletters_send", args=[instance.pk])
        return format_html('<a href="{}">{}</a>', url, _("Send…"))


class NewsletterViewSet(SnippetViewSet):
    model = Newsletter
    icon = "mail"
    list_display = ["name", "language", "schedule", "link_mirror", "unsubscribed_count"]


class EditionViewSet(SnippetViewSet):
    model = Edition
    icon = "doc-full"
    list_display = ["subject", "newsletter", "status", "sent_at", SendColumn("send")]
    list_filter = ["newsletter", "status"]


class NewslettersGroup(SnippetViewSetGroup):
    items = (NewsletterViewSet, EditionViewSet)
    menu_icon = "mail"
    menu_label = _("Newsletters")
    menu_name = "newsletters"
    menu_order = 298


register_snippet(NewslettersGroup)


class SendForm(forms.Form):
    test_email = forms.EmailField(label=_("Send a test to"), required=False)
    send_at = forms.DateTimeField(
        label=_("Schedule for"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )


def send_view(request, pk):
    if not request.user.has_perm("newsletters.change_edition"):
        raise PermissionDenied
    edition = get_object_or_404(Edition.objects.select_related("newsletter"), pk=pk)
    form = SendForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        action = request.POST.get("action")
        if action == "test" and form.cleaned_data["test_email"]:
            services.edition_send_test(
                edition=edition, email=form.cleaned_data["test_email"]
            )
            messages.success(request, _("Test sent."))
        elif action == "now":
            services.edition_send_start(edition=edition)
            send_edition_batch.enqueue(edition_id=edition.pk)
            messages.success(request, _("Sending."))
        elif action == "schedule" and form.cleaned_data["send_at"]:
            services.edition_schedule(
                edition=edition, send_at=form.cleaned_data["send_at"]
            )
            messages.success(request, _("Scheduled."))
        return redirect("newsletters_send", pk=edition.pk)
    counts = edition.deliveries.aggregate(
        total=Count("pk"),
        sent=Count("pk", filter=Q(status=Delivery.Status.SENT)),
        failed=Count("pk", filter=Q(status=Delivery.Status.FAILED)),
    )
    return render(
        request,
        "newsletters/admin/send.html",
        {
            "edition": edition,
            "form": form,
            "counts": counts,
            "preview_url": reverse("newsletters_preview", args=[edition.pk]),
            "now": timezone.now(),
        },
    )


def preview_view(request, pk):
    if not request.user.has_perm("newsletters.change_edition"):
        raise PermissionDenied
    edition = get_object_or_404(Edition.objects.select_related("newsletter"), pk=pk)
    return edition.serve_preview(request, "")


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("newsletters/editions/<int:pk>/send/", send_view, name="newsletters_send"),
        path(
            "newsletters/editions/<int:pk>/preview/",
            preview_view,
            name="newsletters_preview",
        ),
    ]
