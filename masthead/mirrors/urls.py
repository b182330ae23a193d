from django.urls import path

from masthead.mirrors import views

app_name = "mirrors"

urlpatterns = [
    path("mirrors/", views.how_to_reach, name="how_to_reach"),
    path("mirrors.json", views.mirrors_json, name="json"),
    path("mirrors-worker.js", views.worker, name="worker"),
]
