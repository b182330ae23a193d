"""Newsletters in the Wagtail admin: the lists, their editions, the send page."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from masthead.newsletters import services, subscriber_csv
from masthead.newsletters.models import Delivery, Edition, Newsletter
from masthead.newsletters.tasks import send_edition_batch


class SendColumn(Column):
    def get_value(self, instance):
        url = reverse("newsletters_send", args=[instance.pk])
        return format_html('<a href="{}">{}</a>', url, _("Send…"))


class SubscribersColumn(Column):
    """Confirmed subscribers, and the links to import and export them."""

    def get_value(self, instance):
        confirmed = instance.subscriptions.filter(confirmed_at__isnull=False).count()
        return format_html(
            '{} · <a href="{}">{}</a> · <a href="{}">{}</a>',
            confirmed,
            reverse("newsletters_import", args=[instance.pk]),
            _("Import"),
            reverse("newsletters_export", args=[instance.pk]),
            _("Export"),
        )


class SentColumn(Column):
    def get_value(self, instance):
        return Delivery.objects.filter(
            edition__newsletter=instance, status=Delivery.Status.SENT
        ).count()


class NewsletterViewSet(SnippetViewSet):
    model = Newsletter
    icon = "mail"
    # Aggregates only: nothing in the admin says who opened or clicked what.
    list_display = [
        "name",
        "language",
        "schedule",
        "link_mirror",
        SubscribersColumn("subscribers", label=_("Subscribers")),
        SentColumn("sent", label=_("Sent")),
        "bounced_count",
        "complained_count",
        "unsubscribed_count",
    ]


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
        suppressed=Count("pk", filter=Q(status=Delivery.Status.SUPPRESSED)),
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


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "UTF-8, a first line naming the columns: email (required), "
            "confirmed_at, language. Mailchimp's and Ghost's exports work."
        ),
    )
    consent_asserted = forms.BooleanField(
        label=_("These readers already agreed to get this newsletter"),
        required=False,
        help_text=_(
            "Only if you can show when each one did: every row then needs its "
            "date in confirmed_at, and nobody is asked again. Unticked, each "
            "reader gets a confirmation email and no edition until they click it."
        ),
    )


def import_view(request, pk):
    if not request.user.has_perm("newsletters.add_subscriber"):
        raise PermissionDenied
    newsletter = get_object_or_404(Newsletter, pk=pk)
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    status = 200
    if request.method == "POST" and form.is_valid():
        # One byte past the limit is enough to refuse the file.
        data = form.cleaned_data["file"].read(subscriber_csv.MAX_BYTES + 1)
        result = subscriber_csv.subscribers_import(
            newsletter=newsletter,
            data=data,
            consent_asserted=form.cleaned_data["consent_asserted"],
        )
        if result.ok:
            messages.success(
                request,
                _(
                    "Imported: %(added)s added to the list (%(created)s new "
                    "addresses), %(confirmed)s confirmed, %(to_confirm)s asked to "
                    "confirm, %(already)s already subscribed, %(suppressed)s "
                    "bounced or complained before and get no mail."
                )
                % result.__dict__,
            )
            return redirect("wagtailsnippets_newsletters_newsletter:list")
    if request.method == "POST":
        status = 400
    return render(
        request,
        "newsletters/admin/import.html",
        {"newsletter": newsletter, "form": form, "result": result},
        status=status,
    )


def export_view(request, pk):
    if not request.user.has_perm("newsletters.view_subscriber"):
        raise PermissionDenied
    newsletter = get_object_or_404(Newsletter, pk=pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = (
        f'attachment; filename="{newsletter.slug}-subscribers-{stamp}.csv"'
    )
    response["Cache-Control"] = "no-store"
    subscriber_csv.subscribers_export(newsletter=newsletter, out=response)
    return response


def preview_view(request, pk):
    if not request.user.has_perm("newsletters.change_edition"):
        raise PermissionDenied
    edition = get_object_or_404(Edition.objects.select_related("newsletter"), pk=pk)
    return edition.serve_preview(request, "")


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("newsletters/editions/<int:pk>/send/", send_view, name="newsletters_send"),
        path("newsletters/<int:pk>/import/", import_view, name="newsletters_import"),
        path("newsletters/<int:pk>/export/", export_view, name="newsletters_export"),
        path(
            "newsletters/editions/<int:pk>/preview/",
            preview_view,
            name="newsletters_preview",
        ),
    ]
