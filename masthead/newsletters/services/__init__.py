"""Writes of the newsletters: sign-up, confirmation, unsubscribe, sending.

A package of three modules; every public name is re-exported here, so
callers keep writing ``services.edition_send_batch`` and the like.
"""

from masthead.newsletters.services.editions import (
    digest_articles,
    digest_build,
    editions_due,
)
from masthead.newsletters.services.messages import delivery_message_id
from masthead.newsletters.services.sending import (
    deliveries_release_stale,
    edition_schedule,
    edition_send_batch,
    edition_send_start,
    edition_send_test,
    sent_in_the_last_hour,
)
from masthead.newsletters.services.subscriptions import (
    preferences_path,
    subscriber_delete,
    subscriber_for_preferences,
    subscriber_for_token,
    subscriber_preferences_set,
    subscriber_suppress,
    subscription_cancel,
    subscription_confirm,
    subscription_for_unsubscribe,
    subscription_request,
    unsubscribe_path,
)

__all__ = [
    "deliveries_release_stale",
    "delivery_message_id",
    "digest_articles",
    "digest_build",
    "edition_schedule",
    "edition_send_batch",
    "edition_send_start",
    "edition_send_test",
    "editions_due",
    "preferences_path",
    "sent_in_the_last_hour",
    "subscriber_delete",
    "subscriber_for_preferences",
    "subscriber_for_token",
    "subscriber_preferences_set",
    "subscriber_suppress",
    "subscription_cancel",
    "subscription_confirm",
    "subscription_for_unsubscribe",
    "subscription_request",
    "unsubscribe_path",
]
