"""Refuse to start with a second-factor policy that means nothing."""

from django.conf import settings
from django.core.checks import Error, register

from masthead.accounts import policy


@register()
def check_second_factor_policy(app_configs, **kwargs):
    value = settings.ADMIN_2FA_REQUIRED
    if value in (policy.SUPERUSERS, policy.EVERYONE):
        return []
    return [
        Error(
            f"ADMIN_2FA_REQUIRED is {value!r}.",
            hint=f"Set it to {policy.SUPERUSERS!r} (the default) or "
            f"{policy.EVERYONE!r}.",
            id="masthead.accounts.E001",
        )
    ]
