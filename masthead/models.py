"""Models of the project itself, shared by every app."""

from django.db import models


class RateLimitWindow(models.Model):
    """Attempts one identifier made in one scope, in the window still open.

    ``digest`` is an HMAC of the identifier (an address, an email), never the
    identifier itself; a row is deleted once its window has ended (see
    masthead.ratelimit). Used when the cache is not Redis.
    """

    scope = models.CharField(max_length=40)
    digest = models.CharField(max_length=64)
    hits = models.PositiveIntegerField()
    # Unix time, as the raw UPSERT compares it the same way on every database.
    ends = models.FloatField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["scope", "digest"], name="unique_rate_limit_window"
            )
        ]

    def __str__(self) -> str:
        return f"{self.scope}: {self.hits}"
