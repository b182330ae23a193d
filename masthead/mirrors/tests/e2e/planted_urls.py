"""The site's URLs plus two scripts an audit must catch: one sets a cookie,
one logs an error. Used as ROOT_URLCONF by the audit's browser tests."""

from django.http import HttpResponse
from django.urls import path

from masthead.urls import urlpatterns as site_urlpatterns


def cookie_script(request):
    response = HttpResponse("", content_type="text/javascript")
    response.set_cookie("planted", "1")
    return response


def error_script(request):
    return HttpResponse(
        'console.error("planted error");', content_type="text/javascript"
    )


urlpatterns = [
    path("planted/cookie.js", cookie_script),
    path("planted/error.js", error_script),
    *site_urlpatterns,
]
