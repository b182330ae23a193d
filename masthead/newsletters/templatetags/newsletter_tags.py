"""The small sign-up form for the footer and the end of articles."""

from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.template.loader import get_template
from django.urls import NoReverseMatch, get_script_prefix, reverse
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from masthead.memo import Memo, exporting
from masthead.newsletters import selectors

register = template.Library()

TEMPLATE = "newsletters/signup_form.html"
STATIC_TEMPLATE = "newsletters/signup_static.html"  # in the static export
# The empty form of every page's footer, by the newsletters it offers: the
# list is read from the shared cache, which a saved newsletter renews.
_EMPTY_FORMS = Memo(size=32, seconds=24 * 3600)


def _render(prefix: str, newsletters, form=None) -> SafeString:
    chosen = set()
    if form is not None and form.is_bound:
        chosen = set(form.data.getlist("newsletters"))
    elif len(newsletters) == 1:
        chosen = {str(newsletters[0].pk)}
    context = {
        "form": form,
        "newsletters": newsletters,
        "chosen": chosen,
        "prefix": prefix,
    }
    return get_template(TEMPLATE).render(context)


@register.simple_tag
def newsletter_signup(prefix: str = "footer", form=None) -> SafeString:
    """Render the sign-up form; ``prefix`` keeps its ids apart from another's.

    A form the reader filled in (``form`` bound) shows their choices and
    errors; the empty one is the same for everyone and kept in memory.
    """
    newsletters = selectors.public_newsletters()
    if exporting():
        # A static copy has no server to sign anyone up: it says so, and
        # where to go, rather than post an address to a file that is not there.
        key = ("static", tuple(newsletters), get_language(), get_script_prefix())
        return _EMPTY_FORMS.get_or_build(key, lambda: _render_static(newsletters))
    if form is not None and form.is_bound:
        return _render(prefix, newsletters, form)
    key = (prefix, tuple(newsletters), get_language(), get_script_prefix())
    return _EMPTY_FORMS.get_or_build(key, lambda: _render(prefix, newsletters))


def _how_to_reach() -> str | None:
    try:
        return reverse("mirrors:how_to_reach")
    except NoReverseMatch:  # the mirrors app is not installed
        return None


def _render_static(newsletters) -> SafeString:
    context = {
        "newsletters": newsletters,
        "site_host": urlsplit(settings.SITE_URL).netloc,
        "mirrors": _how_to_reach(),
    }
    return get_template(STATIC_TEMPLATE).render(context)
