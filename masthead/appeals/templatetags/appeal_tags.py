"""Appeals in reader pages: the same HTML for every reader.

Every candidate for a place is rendered, highest priority first; the
reader's device shows at most one per place (see static/appeals/appeals.js).
"""

from django import template
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from masthead.appeals import figures, selectors
from masthead.appeals.models import Appeal, Placement
from masthead.appeals.rendering import render_appeal
from masthead.news.models import SectionPage

register = template.Library()

# More candidates than this for one place would only weigh the page down.
MAX_CANDIDATES = 4


def _target(page) -> tuple[int | None, str]:
    """The section and language of a Wagtail page, or of none."""
    language = getattr(page, "language", None) or get_language()
    if isinstance(page, SectionPage):
        return page.pk, language
    section = getattr(page, "section", None)
    return (section.pk if section is not None else None), language


def _candidates(context, page, placement: str) -> list[Appeal]:
    """The candidates for one place; the live list is read once per request."""
    request = context.get("request")
    live = getattr(request, "_masthead_live_appeals", None)
    if live is None:
        live = selectors.live_appeals()
        if request is not None:
            request._masthead_live_appeals = live
    section_id, language = _target(page)
    return selectors.appeals_for(
        placement=placement, section_id=section_id, language=language, live=live
    )[:MAX_CANDIDATES]


@register.filter(name="figures")
def figures_filter(text: str, values: dict[str, str]) -> str:
    """Fill {goal}, {raised} and {percent} in plain text (escaped later)."""
    return figures.fill(text, values or {})


@register.filter
def thousands(number: int) -> str:
    """Return 12,345 for 12345, as the admin's other figures read."""
    return f"{number:,}"


@register.filter
def figures_html(text: str, values: dict[str, str]) -> str:
    """Fill {goal}, {raised} and {percent} in stored rich text."""
    return figures.fill(text, values or {}, html=True)


@register.simple_tag(takes_context=True)
def appeal_banner(context) -> SafeString:
    """Banner candidates: hidden until the reader's device picks one."""
    appeals = _candidates(context, context.get("page"), Placement.BANNER)
    return mark_safe(  # noqa: S308 - rendered templates
        "".join(
            render_appeal(appeal, rank=rank, shown=False)
            for rank, appeal in enumerate(appeals)
        )
    )


@register.simple_tag(takes_context=True)
def appeal_end(context, page) -> SafeString:
    """End-of-article candidates; without JavaScript, the first one shows."""
    appeals = _candidates(context, page, Placement.END)
    now = timezone.now()
    started = [a for a in appeals if a.starts_at is None or a.starts_at <= now]
    shown = started[0] if started else None
    return mark_safe(  # noqa: S308 - rendered templates
        "".join(
            render_appeal(appeal, rank=rank, shown=appeal is shown)
            for rank, appeal in enumerate(appeals)
        )
    )


def inline_appeals(context, page) -> dict[int, list[str]]:
    """Inline candidates by the paragraph they follow, for news' article body."""
    waiting: dict[int, list[str]] = {}
    for rank, appeal in enumerate(_candidates(context, page, Placement.INLINE)):
        html = render_appeal(appeal, rank=rank, shown=False)
        waiting.setdefault(appeal.inline_after, []).append(html)
    return waiting
