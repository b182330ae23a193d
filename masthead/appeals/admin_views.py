"""Appeal results in Wagtail's admin: counts, donations and conversion."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone

from masthead.appeals import charts, selectors
from masthead.appeals.models import Appeal

PERMISSION = "appeals.view_appeal"
PERIODS = (7, 30, 90, 365)
DEFAULT_DAYS = 30


def _require_permission(request) -> None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def _period(request) -> tuple[int, object, object]:
    try:
        days = int(request.GET.get("days", DEFAULT_DAYS))
    except ValueError:
        days = DEFAULT_DAYS
    if days not in PERIODS:
        days = DEFAULT_DAYS
    # Days are the newsroom's (TIME_ZONE), as the counters are, whatever
    # time zone the editor's admin profile sets.
    until = timezone.localdate(timezone=timezone.get_default_timezone())
    return days, until - timedelta(days=days - 1), until


def index(request):
    _require_permission(request)
    days, since, until = _period(request)
    rows = [
        (appeal, selectors.appeal_results(appeal, since=since, until=until))
        for appeal in Appeal.objects.order_by("-active", "-priority", "name")
    ]
    return TemplateResponse(
        request,
        "appeals/admin/index.html",
        {
            "rows": rows,
            "days": days,
            "since": since,
            "until": until,
            "time_zone": settings.TIME_ZONE,
            "periods": PERIODS,
            "header_title": "Appeal results",
            "page_title": "Appeal results",
            "header_icon": "table",
        },
    )


def results(request, pk: int):
    _require_permission(request)
    appeal = get_object_or_404(Appeal, pk=pk)
    days, since, until = _period(request)
    report = selectors.appeal_results(appeal, since=since, until=until)
    return TemplateResponse(
        request,
        "appeals/admin/results.html",
        {
            "appeal": appeal,
            "report": report,
            "days": days,
            "since": since,
            "until": until,
            "time_zone": settings.TIME_ZONE,
            "periods": PERIODS,
            "chart": charts.conversion_chart(
                report.variants, "Donations per impression, by variant"
            ),
            "header_title": f"Results: {appeal.name}",
            "page_title": appeal.name,
            "page_subtitle": "Results",
            "header_icon": "pick",
        },
    )
