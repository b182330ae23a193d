from django.urls import path

from masthead.appeals import views

app_name = "appeals"

urlpatterns = [
    path("appeals/beacon", views.beacon, name="beacon"),
]
