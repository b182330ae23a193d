"""The export's stand-ins for the pages that need our server.

Search becomes a page that searches the Pagefind index in the browser, with
its script; support becomes a page of the rails that need no server (Stripe
Payment Links, bank transfer, crypto with their QR codes). Each is kept as
the last export wrote it when its key (``twins``) is the same.
"""

from collections import deque

from masthead.mirrors import search_index
from masthead.mirrors.paths import SEARCH_PATH, SUPPORT_PATH, output_path


def write(exporter, queue: deque, old_keys=None, old_manifest=None, directory=None):
    """Render, or keep, the stand-ins of ``exporter``'s export; queue their links."""
    from masthead.funding.models import ManualRail, PaymentLink
    from masthead.funding.qr import qr_svg

    def kept(url: str) -> bool:
        target = output_path(url)
        key = exporter.plan.found.get(url)
        if key is None:
            return False
        exporter.keys[target] = key
        # Not counted among the pages, as it is not when rendered.
        old = (old_keys or {}, old_manifest or {}, directory)
        return exporter.carry(target, key, *old, counted=False)

    if not kept(SUPPORT_PATH):
        rails = list(ManualRail.objects.filter(active=True))
        for rail in rails:
            rail.qr = qr_svg(rail.address) if rail.address else ""
        links = list(PaymentLink.objects.filter(active=True))
        exporter.static_page(
            "mirrors/export/support.html",
            SUPPORT_PATH,
            {"rails": rails, "payment_links": links},
            queue,
        )
    if not kept(SEARCH_PATH):
        exporter.static_page("mirrors/export/search.html", SEARCH_PATH, {}, queue)
    exporter.keep("search/search.js", search_index.SEARCH_SCRIPT.encode())
