from django.apps import AppConfig


class FundingConfig(AppConfig):
    name = "masthead.funding"
    label = "funding"
    verbose_name = "Reader funding"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from masthead.funding import checks, signals  # noqa: F401 - registers checks

        signals.connect()
