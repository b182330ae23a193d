from django.urls import path

from masthead.accounts import views

urlpatterns = [
    path("", views.two_factor, name="accounts_two_factor"),
    path("verify/", views.verify, name="accounts_verify"),
    path("authenticator/", views.totp_add, name="accounts_totp_add"),
    path("passkey/", views.passkey_add, name="accounts_passkey_add"),
    path("recovery-codes/", views.recovery_codes, name="accounts_recovery_codes"),
    path("remove/", views.device_delete, name="accounts_device_delete"),
]
