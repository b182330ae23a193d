"""The goal meter, rendered once per page-cache generation and reused."""

from django import template
from django.core.cache import cache
from django.template.loader import render_to_string

from masthead import pagecache
from masthead.funding import selectors

register = template.Library()

METER_SECONDS = 300


@register.simple_tag
def goal_meter() -> str:
    """Return the meter's HTML; processing a payment starts a new generation."""
    key = f"funding:goal-meter:{pagecache.generation()}"
    html = cache.get(key)
    if html is None:
        html = render_to_string(
            "funding/goal_meter.html", {"progress": selectors.goal_progress()}
        )
        cache.set(key, html, METER_SECONDS)
    return html
