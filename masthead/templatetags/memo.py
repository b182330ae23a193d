"""``{% memo %}``: a part of a template kept in each process's memory.

``{% memo <seconds> <name> [vary_on …] [using="<cache>"] %}…{% endmemo %}``
renders its content once per key and keeps it in this process
(``masthead.memo``), for at most ``seconds``. The key is the tag itself (the
parsed template's own), the values ``vary_on`` resolve to, the active
language and the script prefix. As with Django's ``{% cache %}``, every value
the part shows that can change must be among ``vary_on``: a version that
renews it, the current section, the request's origin.

With ``using``, a part missing from memory is looked for in that cache
before it is rendered, and stored there (by ``name`` and the same values,
so ``name`` must be unique across templates): for parts of which there are
many (one per article), that other processes and a restart find rendered.
Without it the part lives only in memory, where a new release never finds
what the old one rendered.
"""

import itertools

from django import template
from django.core.cache import caches
from django.core.cache.utils import make_template_fragment_key
from django.urls import get_script_prefix
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from masthead.memo import Memo, rendered_once

register = template.Library()

# The site's own parts (a few per language and section) and each article's
# (four): the articles read most stay, the others are read from the cache.
PARTS = Memo(size=4096, seconds=24 * 3600)
_serials = itertools.count()


class MemoNode(template.Node):
    def __init__(self, nodelist, timeout, name: str, vary_on, using):
        self.nodelist = nodelist
        self.timeout = timeout
        self.name = name
        self.vary_on = vary_on
        self.using = using
        # Each parsed template's own: a template reloaded in development
        # is not answered with what its earlier text rendered.
        self.serial = next(_serials)

    def render(self, context) -> str:
        vary = (get_language(), get_script_prefix())
        vary += tuple(str(value.resolve(context)) for value in self.vary_on)
        if self.using is not None and rendered_once():  # one of many, needed once
            return mark_safe(self.nodelist.render(context))  # noqa: S308 - rendered
        key = (self.serial, *vary)
        html = PARTS.get(key)
        if html is not None:
            return html
        timeout = self.timeout.resolve(context)
        try:
            timeout = int(timeout)
        except (TypeError, ValueError) as error:
            raise template.TemplateSyntaxError(
                f"memo tag got a non-integer timeout value: {timeout!r}"
            ) from error
        if self.using is None:
            html = self.nodelist.render(context)
        else:
            shared = caches[self.using.resolve(context)]
            shared_key = make_template_fragment_key(f"memo.{self.name}", vary)
            html = shared.get(shared_key)
            if html is None:
                html = self.nodelist.render(context)
                shared.set(shared_key, html, timeout)
        html = mark_safe(html)  # noqa: S308 - a rendered template
        PARTS.set(key, html, seconds=timeout)
        return html


@register.tag("memo")
def do_memo(parser, token) -> MemoNode:
    nodelist = parser.parse(("endmemo",))
    parser.delete_first_token()
    bits = token.split_contents()
    using = None
    if len(bits) > 3 and bits[-1].startswith("using="):
        using = parser.compile_filter(bits.pop().removeprefix("using="))
    if len(bits) < 3:
        raise template.TemplateSyntaxError(
            f"'{bits[0]}' tag requires at least 2 arguments: seconds and a name."
        )
    return MemoNode(
        nodelist,
        parser.compile_filter(bits[1]),
        bits[2].strip("\"'"),
        [parser.compile_filter(bit) for bit in bits[3:]],
        using,
    )
