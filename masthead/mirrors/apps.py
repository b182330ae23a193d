from django.apps import AppConfig


class MirrorsConfig(AppConfig):
    name = "masthead.mirrors"
    label = "mirrors"
    verbose_name = "Mirrors"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from masthead.mirrors import checks, signals  # noqa: F401 - registers them

        signals.connect()
