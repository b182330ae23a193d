"""The goal meter, rendered once per page-cache generation and reused."""

from django import template
from django.core.cache import cache
from django.template.loader import render_to_string

from masthead import pagecache
from masthead.funding import selectors
from masthead.funding.admin_forms import format_money
from masthead.funding.money import Money

register = template.Library()

METER_SECONDS = 300


@register.simple_tag
def goal_meter(compact: bool = False) -> str:
    """Return the meter's HTML, cached until the money behind it changes.

    The compact meter, for appeals, has no heading and no ids, so that a page
    may carry several.
    """
    template = (
        "funding/goal_meter_compact.html" if compact else "funding/goal_meter.html"
    )
    key = f"funding:{template}:{pagecache.version('funding')}"
    html = cache.get(key)
    if html is None:
        html = render_to_string(template, {"progress": selectors.goal_progress()})
        cache.set(key, html, METER_SECONDS)
    return html


@register.filter
def money(value: Money | None) -> str:
    """Return the amount with its currency's decimals: "$2,380.00", "¥12,000"."""
    if value is None:
        return ""
    return format_money(value, exact=True)
