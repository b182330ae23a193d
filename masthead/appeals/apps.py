from django.apps import AppConfig


class AppealsConfig(AppConfig):
    name = "masthead.appeals"
    label = "appeals"
    verbose_name = "Appeals"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from masthead.appeals import signals

        signals.connect()
