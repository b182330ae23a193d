from django.conf import settings
from django.urls import include, path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("masthead.funding.urls")),
    path("", include("masthead.appeals.urls")),
    path("", include("masthead.mirrors.urls")),
    path("", include("masthead.news.urls")),
]


def media(request, path):
    """Serve an uploaded file; behind nginx or a CDN, the front server does."""
    return serve(request, path, document_root=settings.MEDIA_ROOT)


if not settings.MEDIA_URL.startswith(("http://", "https://", "//")):
    urlpatterns.append(path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", media))

urlpatterns.append(path("", include(wagtail_urls)))
