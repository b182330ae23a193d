from django.apps import AppConfig


class MastheadConfig(AppConfig):
    name = "masthead"
    verbose_name = "Masthead"
