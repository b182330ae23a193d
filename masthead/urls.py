from django.conf import settings
from django.contrib.auth.views import LoginView
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from masthead import media
from masthead.accounts.forms import ThrottledLoginForm

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Same pattern and name as Wagtail's, first: its links lead here.
    re_path(r"^documents/(\d+)/(.*)$", media.serve_document, name="wagtaildocs_serve"),
    path("documents/", include(wagtaildocs_urls)),
    path(
        "accounts/webauthn/",
        include("django_otp_webauthn.urls", namespace="otp_webauthn"),
    ),
    path("", include("masthead.funding.urls")),
    path("", include("masthead.appeals.urls")),
    path("", include("masthead.mirrors.urls")),
    path("", include("masthead.newsletters.urls")),
    path("", include("masthead.news.urls")),
]

if not settings.MEDIA_URL.startswith(("http://", "https://", "//")):
    urlpatterns.append(
        path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", media.serve_media)
    )

urlpatterns += [
    # Wagtail's sign-in page for restricted pages, with the admin's throttle.
    path(
        "_util/login/",
        LoginView.as_view(
            template_name="wagtailcore/login.html", form_class=ThrottledLoginForm
        ),
        name="wagtailcore_login",
    ),
    path("", include(wagtail_urls)),
]
