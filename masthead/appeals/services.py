"""Writes of appeals: adding one to a daily total."""

from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import F

from masthead.appeals.models import EVENT_COLUMNS, Appeal, DailyCount


def daily_count_increment(
    *, appeal: Appeal, variant: str, event: str, day: date
) -> None:
    """Add one ``event`` to the day's total for the appeal's variant.

    Safe under concurrent beacons: the row is created once (a unique
    constraint decides the race) and totals are incremented in SQL.
    """
    column = EVENT_COLUMNS[event]
    filters = {"appeal": appeal, "variant": variant, "day": day}
    if DailyCount.objects.filter(**filters).update(**{column: F(column) + 1}):
        return
    try:
        with transaction.atomic():
            DailyCount.objects.create(**filters, **{column: 1})
    except IntegrityError:  # another beacon created the row first
        DailyCount.objects.filter(**filters).update(**{column: F(column) + 1})
