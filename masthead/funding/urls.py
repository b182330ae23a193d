from django.urls import path

from masthead.funding import views

app_name = "funding"

urlpatterns = [
    path("support/", views.support, name="support"),
    path("support/checkout/", views.checkout, name="checkout"),
    path("support/thanks/", views.thanks, name="thanks"),
    path("support/pay/<uuid:public_id>/", views.dummy_checkout, name="dummy_checkout"),
    path("funding/webhooks/<slug:provider>/", views.webhook, name="webhook"),
]
