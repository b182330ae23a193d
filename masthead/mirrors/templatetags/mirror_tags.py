"""The short mirror list in the footer of every page."""

from django import template
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from masthead.memo import Memo
from masthead.mirrors import selectors

register = template.Library()

# By the registry this process holds (``selectors.snapshot``), the day (a
# deprecated mirror is listed until it retires) and the language.
_FOOTERS = Memo(size=16, seconds=3600)


@register.simple_tag
def mirrors_footer() -> SafeString:
    """The footer's list; rendered again when this process's registry changes."""
    registry = selectors.snapshot().mirrors
    today = timezone.localdate()
    key = (id(registry), today, get_language())
    found = _FOOTERS.get(key)
    # The registry's own tuple is kept with the HTML: an id is unique only
    # while its object lives.
    if found is not None and found[0] is registry:
        return found[1]
    html = render_to_string(
        "mirrors/footer.html", {"mirrors": selectors.short_list(today=today)}
    )
    _FOOTERS.set(key, (registry, html))
    return html
