"""Who must use a second factor to reach the admin."""

from django.conf import settings
from django_otp import user_has_device

EVERYONE = "everyone"
SUPERUSERS = "superusers"


def second_factor_required(user) -> bool:
    """Whether ``user`` may not use the admin before enrolling a second factor."""
    if settings.ADMIN_2FA_REQUIRED == EVERYONE:
        return True
    return user.is_superuser


def needs_verification(user) -> bool:
    """Whether ``user`` has a second factor and has not used it this session."""
    return not user.is_verified() and user_has_device(user, confirmed=True)
