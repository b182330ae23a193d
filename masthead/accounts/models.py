"""Counters for the admin sign-in throttle."""

from django.db import models


class SignInCounter(models.Model):
    """Sign-in attempts in one fixed window, per account or per address.

    ``ident`` is an HMAC of the username or of the client's address, never
    the value itself; a row lives only as long as its window.
    """

    scope = models.CharField(max_length=32)
    ident = models.CharField(max_length=64)
    window_start = models.DateTimeField()
    expires_at = models.DateTimeField(db_index=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["scope", "ident", "window_start"],
                name="accounts_signincounter_one_per_window",
            )
        ]

    def __str__(self) -> str:
        return f"{self.scope} {self.ident[:8]}… {self.count}"
