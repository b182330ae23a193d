from django.urls import path

from masthead.funding import views

app_name = "funding"

urlpatterns = [
    path("support/", views.support, name="support"),
    path("support/checkout/", views.checkout, name="checkout"),
    path("support/thanks/", views.thanks, name="thanks"),
    path("support/pay/<uuid:public_id>/", views.dummy_checkout, name="dummy_checkout"),
    path("support/transfer/<uuid:public_id>/", views.transfer, name="transfer"),
    path("support/manage/", views.manage, name="manage"),
    path(
        "support/manage/sign-in/<str:token>/",
        views.manage_sign_in,
        name="manage_sign_in",
    ),
    path("support/manage/donations/", views.manage_donations, name="manage_donations"),
    path("support/manage/sign-out/", views.manage_sign_out, name="manage_sign_out"),
    path("funding/webhooks/<slug:provider>/", views.webhook, name="webhook"),
]
