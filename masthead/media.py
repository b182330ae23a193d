"""Uploaded files, served so that none can run script on the site's origin.

Documents are served only by Wagtail's document view (``/documents/<id>/…``),
which checks collection privacy; they always download as attachments. Other
uploads under ``/media/`` (images and their renditions) may be shown inline
when they are raster images; anything else downloads. Every file carries
``nosniff`` and a sandboxing CSP, so that even a file a browser renders
cannot run script with the site's cookies. docs/deploy.md gives nginx the
same rules.
"""

import posixpath

from django.conf import settings
from django.http import Http404
from django.views.static import serve
from wagtail.documents.views.serve import serve as wagtail_serve_document

FILE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"
INLINE_TYPES = frozenset(
    {"image/avif", "image/gif", "image/jpeg", "image/png", "image/webp"}
)
DOCUMENTS_DIR = "documents"


def harden(response, *, inline: bool):
    """Give a file response the headers that keep it inert."""
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = FILE_CSP
    if inline:
        # Newsletters and feed readers show our images from other origins.
        response["Cross-Origin-Resource-Policy"] = "cross-origin"
    else:
        response["Cross-Origin-Resource-Policy"] = "same-origin"
        disposition = response.get("Content-Disposition", "")
        if not disposition.startswith("attachment"):
            _, sep, filename = disposition.partition(";")  # keep the name
            response["Content-Disposition"] = f"attachment{sep}{filename}"
    return response


def serve_media(request, path):
    """Serve an upload; behind nginx or a CDN, the front server does."""
    normalized = posixpath.normpath(path).lstrip("/")
    if normalized.split("/", 1)[0] == DOCUMENTS_DIR:
        raise Http404("Documents are served at /documents/.")
    response = serve(request, normalized, document_root=settings.MEDIA_ROOT)
    content_type = response.get("Content-Type", "").split(";")[0].strip()
    return harden(response, inline=content_type in INLINE_TYPES)


def serve_document(request, document_id, document_filename):
    """Wagtail's document view, always as a download, with a sandboxing CSP."""
    response = wagtail_serve_document(request, document_id, document_filename)
    if response.streaming:  # not the password form of a private collection
        harden(response, inline=False)
    return response
