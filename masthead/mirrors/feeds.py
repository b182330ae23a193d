"""The line that every feed item ends with: where else to read us."""

from urllib.parse import urljoin

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from masthead.mirrors import selectors


def feed_note(base_url: str) -> str:
    """Return HTML naming a few mirrors and the /mirrors/ page of ``base_url``."""
    mirrors = selectors.short_list()
    if not mirrors:
        return ""
    links = format_html_join(
        ", ", '<a href="{}">{}</a>', ((mirror.href, mirror) for mirror in mirrors)
    )
    return format_html(
        '<p><small>{} {}. <a href="{}">{}</a></small></p>',
        _("If this site is blocked where you are, read us at"),
        links,
        urljoin(base_url, "/mirrors/"),
        _("All the ways to reach us"),
    )
