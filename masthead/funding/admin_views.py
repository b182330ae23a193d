"""The funding dashboard and the donations export, in Wagtail's admin."""

import csv

from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from masthead.funding import charts, selectors, services
from masthead.funding.models import Donation

PERMISSION = "funding.view_donation"


def _require_permission(request) -> None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def dashboard(request):
    _require_permission(request)
    report = selectors.funding_report()
    return TemplateResponse(
        request,
        "funding/admin/dashboard.html",
        {
            "report": report,
            "chart": charts.months_chart(
                report.history, "Received per month, last 12 months"
            ),
            "header_title": "Funding",
        },
    )


class _Echo:
    def write(self, value):
        return value


def donations_csv(request):
    """Stream every donation as CSV, oldest first."""
    _require_permission(request)
    writer = csv.writer(_Echo())
    header = [
        "received_at", "provider", "provider_payment_id", "amount", "currency",
        "amount_minor", "status", "email", "name", "recurring_interval", "appeal",
        "variant",
    ]  # fmt: skip

    def rows():
        yield writer.writerow(header)
        for donation in selectors.donations_for_export():
            yield writer.writerow(
                [
                    donation.received_at.isoformat(),
                    donation.provider,
                    donation.provider_payment_id,
                    str(donation.money.as_decimal()),
                    donation.currency,
                    donation.amount_minor,
                    donation.status,
                    donation.donor.email if donation.donor else "",
                    donation.donor.name if donation.donor else "",
                    donation.recurring.interval if donation.recurring else "",
                    donation.appeal,
                    donation.variant,
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="donations.csv"'
    return response


@require_POST
def approve(request, pk: int):
    """Count a donation held for review, at the provider's amount."""
    if not request.user.has_perm("funding.change_donation"):
        raise PermissionDenied
    services.donation_review_approve(donation=get_object_or_404(Donation, pk=pk))
    return redirect("funding_dashboard")
