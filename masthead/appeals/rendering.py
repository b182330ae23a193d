"""An appeal's HTML: the same for every reader, rendered once per version
in each process.

Reader pages (the template tags) and the admin's preview both render here.
"""

from django.template.loader import render_to_string
from django.urls import get_script_prefix, reverse
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from masthead import pagecache
from masthead.appeals import figures
from masthead.funding.templatetags.funding_tags import METER_SECONDS
from masthead.memo import Memo

# As long as the goal meter inside is kept (it restarts with each month).
HTML_SECONDS = METER_SECONDS
# Each live appeal at each rank, shown or hidden, of the current versions.
_HTML = Memo(size=256, seconds=HTML_SECONDS)


def _render(appeal, variants, **flags) -> SafeString:
    support = reverse("funding:support")
    return render_to_string(
        "appeals/appeal.html",
        {
            "appeal": appeal,
            "variants": [(v, v.support_url(support)) for v in variants],
            # Cached with the HTML, which is renewed with version("funding").
            "figures": figures.current(),
            **flags,
        },
    )


def render_appeal(appeal, *, rank: int, shown: bool) -> SafeString:
    """Return the appeal's HTML, the same on every page.

    Kept in this process's memory by the appeals' and the money's versions,
    for as long as the goal meter inside it.
    """
    key = (
        pagecache.version("appeals"),
        pagecache.version("funding"),
        appeal.pk,
        rank,
        shown,
        get_language(),
        get_script_prefix(),
    )
    html = _HTML.get(key)
    if html is None:
        html = _render(appeal, appeal.variant_list, rank=rank, shown=shown)
        _HTML.set(key, html)
    return html


def render_preview(appeal) -> list[tuple[object, SafeString]]:
    """Return each variant of an appeal as readers would see it, for the admin.

    Works on unsaved appeals too: the variants are the editor's form.
    """
    return [
        (variant, _render(appeal, [variant], rank=0, shown=True, preview=True))
        for variant in appeal.variants.all()
    ]
