from django.urls import path

from masthead.newsletters import views

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
        "newsletters/<slug:newsletter>/", views.newsletter_editions, name="newsletter"
    ),
    path(
        "newsletters/<slug:newsletter>/<slug:edition>/", views.edition, name="edition"
    ),
]
