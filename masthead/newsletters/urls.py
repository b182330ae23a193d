from django.urls import include, path

from masthead.newsletters import views
from masthead.newsletters.webhooks import tracking_urlpatterns

app_name = "newsletters"

urlpatterns = [
    path("newsletters/", views.index, name="index"),
    path("newsletters/subscribe/", views.subscribe, name="subscribe"),
    path("newsletters/check-your-inbox/", views.check_inbox, name="check_inbox"),
    path("newsletters/confirm/<str:token>/", views.confirm, name="confirm"),
    path(
        "newsletters/unsubscribe/<int:subscriber_id>/<slug:newsletter>/<str:signature>/",
        views.unsubscribe,
        name="unsubscribe",
    ),
    path(
        "newsletters/preferences/<int:subscriber_id>/<str:signature>/",
        views.preferences,
        name="preferences",
    ),
    path("newsletters/", include(tracking_urlpatterns())),
    path(
        "newsletters/<slug:newsletter>/", views.newsletter_editions, name="newsletter"
    ),
    path(
        "newsletters/<slug:newsletter>/<slug:edition>/", views.edition, name="edition"
    ),
]
