from django.apps import AppConfig


class AppealsConfig(AppConfig):
    name = "masthead.appeals"
    label = "appeals"
    verbose_name = "Appeals"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from masthead.appeals import selectors, signals
        from masthead.funding import attribution

        signals.connect()
        # The funding reports name appeals by these, without importing appeals.
        attribution.register_names(selectors.appeal_names)
