"""Writes of appeals: variants' keys, and adding one to a daily total."""

from datetime import date
from string import ascii_uppercase

from django.db import IntegrityError, transaction
from django.db.models import F

from masthead.appeals import selectors
from masthead.appeals.models import EVENT_COLUMNS, Appeal, AppealVariant, DailyCount


def next_variant_key(taken: set[str]) -> str:
    for letter in ascii_uppercase:
        if letter not in taken:
            return letter
    number = len(ascii_uppercase) + 1
    while f"V{number}" in taken:
        number += 1
    return f"V{number}"


def appeal_variants_key(*, appeal: Appeal) -> None:
    """Give each saved variant without a key the next free letter, in order.

    A letter that counts or donations still carry is never given again.
    """
    taken = selectors.variant_keys_used(appeal)
    unkeyed = AppealVariant.objects.filter(appeal_id=appeal.pk, key="").order_by(
        "sort_order", "pk"
    )
    for variant in unkeyed:
        variant.key = next_variant_key(taken)
        taken.add(variant.key)
        variant.save(update_fields=["key"])


def appeal_variant_add(*, appeal: Appeal, **fields) -> AppealVariant:
    """Add a variant to a saved appeal, with the next free key."""
    variant = AppealVariant.objects.create(appeal=appeal, **fields)
    appeal_variants_key(appeal=appeal)
    variant.refresh_from_db(fields=["key"])
    return variant


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
