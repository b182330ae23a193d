from django.apps import AppConfig


class MastheadConfig(AppConfig):
    name = "masthead"
    verbose_name = "Masthead"

    def ready(self) -> None:
        from masthead import checks  # noqa: F401 - registers the checks
