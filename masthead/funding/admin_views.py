"""The funding dashboard and the donations export, in Wagtail's admin."""

import csv
from dataclasses import dataclass
from datetime import date, datetime, time

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_POST

from masthead.funding import attribution, charts, selectors, services
from masthead.funding.admin_forms import AmountField, AmountsForm
from masthead.funding.models import CURRENCY_CHOICES, Donation
from masthead.funding.money import Money, MoneyError

PERMISSION = "funding.view_donation"


def _require_permission(request) -> None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


@dataclass(frozen=True)
class CurrencyRow:
    received: Money  # net, in its own currency
    converted: Money | None  # in the goal currency; None without a rate


def _by_currency(report) -> list[CurrencyRow]:
    goal_currency = report.progress.goal.currency
    rates = selectors.exchange_rates(goal_currency)
    rows = []
    for currency, minor in report.by_currency:
        received = Money(minor, currency)
        rate = rates.get(currency)
        converted = None if rate is None else received.convert(goal_currency, rate)
        rows.append(CurrencyRow(received, converted))
    return rows


def _by_appeal(report) -> list[tuple[str, Money, int]]:
    """Return the "by appeal" rows with each appeal's name, not its key."""
    names = attribution.appeal_names()
    rows = []
    for key, money, count in report.by_appeal:
        if key == "—":
            name = "No appeal (the support page, a link)"
        else:
            name = names.get(key) or f"{key} (deleted appeal)"
        rows.append((name, money, count))
    return rows


def dashboard(request):
    _require_permission(request)
    report = selectors.funding_report()
    goal_currency = report.progress.goal.currency
    currencies = _by_currency(report)
    return TemplateResponse(
        request,
        "funding/admin/dashboard.html",
        {
            "report": report,
            "by_currency": currencies,
            "by_currency_total": Money(
                sum(row.converted.minor for row in currencies if row.converted),
                goal_currency,
            ),
            "by_appeal": _by_appeal(report),
            "chart": charts.months_chart(
                report.history,
                f"Money received per month, net of refunds, in {goal_currency}",
            ),
            "header_title": "Funding",
            "page_title": "Funding",
            "header_icon": "pick",
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
        "received_at",
        "provider",
        "provider_payment_id",
        "amount",
        "currency",
        "amount_minor",
        "status",
        "email",
        "name",
        "recurring_interval",
        "appeal",
        "variant",
    ]

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
                    donation.recurring.period_code if donation.recurring else "",
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


class TransferForm(AmountsForm):
    reference = forms.CharField(
        label="Reference or transfer text",
        max_length=300,
        help_text="The code the reader gave, such as MH-7KQ4-M2XP, or the "
        "whole text of the transfer.",
    )
    amount = AmountField(
        currency_field="currency",
        label="Amount received",
        help_text="In the currency of the transfer: 1,250.50; yen without decimals.",
    )
    currency = forms.ChoiceField(choices=CURRENCY_CHOICES, initial="EUR")
    received_on = forms.DateField(label="Received on", initial=date.today)
    transaction_id = forms.CharField(
        label="Bank or blockchain transaction id", max_length=200
    )


class StatementForm(forms.Form):
    statement = forms.FileField(
        label="Bank statement (CSV)",
        help_text="Columns: date, amount, currency, reference, transaction_id.",
    )


def transfers(request):
    """Record transfers that arrived, one by one or from a statement."""
    if not request.user.has_perm("funding.add_donation"):
        raise PermissionDenied
    transfer_form, statement_form, report = TransferForm(), StatementForm(), None
    if request.method == "POST" and "statement" in request.FILES:
        statement_form = StatementForm(request.POST, request.FILES)
        if statement_form.is_valid():
            upload = statement_form.cleaned_data["statement"]
            if upload.size > 5 * 2**20:
                statement_form.add_error("statement", "The file is larger than 5 MB.")
            else:
                try:
                    text = upload.read().decode("utf-8-sig")
                except UnicodeDecodeError:
                    statement_form.add_error(
                        "statement", "Save the statement as UTF-8 CSV."
                    )
                else:
                    report = services.transfers_import_csv(text=text)
    elif request.method == "POST":
        transfer_form = TransferForm(request.POST)
        if transfer_form.is_valid():
            data = transfer_form.cleaned_data
            try:
                event = services.manual_transfer_record(
                    reference_text=data["reference"],
                    amount=Money(data["amount"], data["currency"]),
                    received_at=timezone.make_aware(
                        datetime.combine(data["received_on"], time(12))
                    ),
                    transaction_id=data["transaction_id"],
                )
            except (MoneyError, services.TransferError) as error:
                transfer_form.add_error(None, str(error))
            else:
                if event.processed_at is None:
                    transfer_form.add_error(None, event.error)
                else:
                    messages.success(request, "Transfer recorded.")
                    return redirect("funding_transfers")
    return TemplateResponse(
        request,
        "funding/admin/transfers.html",
        {
            "transfer_form": transfer_form,
            "statement_form": statement_form,
            "report": report,
            "header_title": "Record transfers",
            "page_title": "Record transfers",
            "header_icon": "site",
        },
    )
