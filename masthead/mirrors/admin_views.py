"""The Publishing page in Wagtail's admin: how each target's last publish went."""

from django.contrib import messages
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from masthead.mirrors.publishing import targets_status
from masthead.mirrors.tasks import publish_site

PERMISSION = "mirrors.change_mirror"


@require_http_methods(["GET", "POST"])
def publishing(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    try:
        rows, due_at = targets_status()
        problem = ""
    except ImproperlyConfigured as error:
        rows, due_at, problem = [], None, str(error)
    if request.method == "POST":
        if problem or not rows:
            messages.error(request, problem or "No publishing target is configured.")
        else:
            publish_site.enqueue()
            messages.success(
                request, "Publishing queued: the worker exports and pushes the site."
            )
        return redirect("mirrors_publishing")
    return TemplateResponse(
        request,
        "mirrors/admin/publishing.html",
        {
            "rows": rows,
            "due_at": due_at,
            "problem": problem,
            "header_title": "Publishing",
            "page_title": "Publishing",
            "header_icon": "upload",
        },
    )
