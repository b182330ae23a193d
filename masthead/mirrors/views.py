"""Announcing the mirrors: /mirrors/ for readers, /mirrors.json for tools."""

import json
from pathlib import Path

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from masthead.mirrors import selectors
from masthead.mirrors.models import Kind


@require_safe
def mirrors_json(request):
    """Return the registry in the Bypass Censorship "bc2" format."""
    response = HttpResponse(
        json.dumps(selectors.bc2(), indent=1) + "\n",
        content_type="application/json",
    )
    # Public data that readers' tools and other sites may fetch.
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
def how_to_reach(request):
    today = timezone.localdate()
    mirrors = selectors.served_mirrors(today=today)
    static = [mirror for mirror in mirrors if mirror.kind == Kind.STATIC]
    return render(
        request,
        "mirrors/how_to_reach.html",
        {
            "web": [mirror for mirror in mirrors if mirror.kind == Kind.WEB],
            "onions": [mirror for mirror in mirrors if mirror.kind == Kind.ONION],
            "copies": [mirror for mirror in static if not mirror.is_download],
            "bundles": [mirror for mirror in static if mirror.is_download],
            "others": [mirror for mirror in mirrors if mirror.kind == Kind.OTHER],
        },
    )


@require_safe
def worker(request):
    """The mirrors service worker, at the root so that its scope is the site."""
    script = (Path(__file__).parent / "static" / "mirrors" / "worker.js").read_text()
    response = HttpResponse(script, content_type="text/javascript")
    response["Cache-Control"] = "max-age=3600"
    return response
