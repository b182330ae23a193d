from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class NewslettersConfig(AppConfig):
    name = "masthead.newsletters"
    label = "newsletters"
    verbose_name = "Newsletters"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from anymail.signals import tracking

        from masthead.newsletters import selectors, webhooks

        newsletter = self.get_model("Newsletter")
        for signal in (post_save, post_delete):
            signal.connect(
                selectors.forget_public_newsletters,
                sender=newsletter,
                dispatch_uid=f"newsletters-public-{signal}",
            )
        tracking.connect(webhooks.tracking_event, dispatch_uid="newsletters-tracking")
