from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class NewslettersConfig(AppConfig):
    name = "masthead.newsletters"
    label = "newsletters"
    verbose_name = "Newsletters"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from anymail.signals import tracking

        from masthead.funding import signups
        from masthead.newsletters import selectors, webhooks

        newsletter = self.get_model("Newsletter")
        for signal in (post_save, post_delete):
            signal.connect(
                selectors.forget_public_newsletters,
                sender=newsletter,
                dispatch_uid=f"newsletters-public-{signal}",
            )
        tracking.connect(webhooks.tracking_event, dispatch_uid="newsletters-tracking")
        # The support form's "Send me the newsletter" ticks, without funding
        # importing newsletters.
        signups.register(choices=selectors.support_form_choices, sign_up=_sign_up)


def _sign_up(*, email: str, list_ids: list[int], language: str) -> None:
    """Start double opt-in for the newsletters a donor ticked."""
    from masthead.newsletters.tasks import request_subscription

    request_subscription.enqueue(
        email=email, newsletter_ids=list_ids, language=language
    )
