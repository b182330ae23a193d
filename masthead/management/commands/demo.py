"""``masthead demo``: the demo newsroom, composed from each app's demo data.

It lives in the project, not in an app, because it is the one place that
knows every app: news, funding, appeals and mirrors each build their own part
and know nothing of the others.
"""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.test.utils import override_settings

from masthead.appeals import demo as appeals_demo
from masthead.funding import demo as funding_demo
from masthead.mirrors import demo as mirrors_demo
from masthead.news import demo as news_demo
from masthead.newsletters import demo as newsletters_demo

IMMEDIATE = "django_tasks.backends.immediate.ImmediateBackend"
ADMIN_USERNAME = "admin"


def admin_password_file() -> Path:
    return Path(settings.VAR_DIR) / "admin-password"


def ensure_admin() -> tuple[str, str]:
    """Return the demo admin's user name and password, creating them once."""
    path = admin_password_file()
    User = get_user_model()
    user = User.objects.filter(username=ADMIN_USERNAME).first()
    if user is not None and path.exists():
        return ADMIN_USERNAME, path.read_text().strip()
    password = secrets.token_urlsafe(12)
    if user is None:
        User.objects.create_superuser(ADMIN_USERNAME, "admin@localhost", password)
    else:
        user.set_password(password)
        user.save(update_fields=["password"])
    path.write_text(password + "\n")
    path.chmod(0o600)
    return ADMIN_USERNAME, password


class Command(BaseCommand):
    help = "Load the demo newsroom (idempotent) and print the admin login."

    def handle(self, *args, **options):
        # Run index and "Read more" updates inline: the demo must be searchable
        # as soon as it is served, without waiting for a worker to drain a queue.
        with override_settings(TASKS={"default": {"BACKEND": IMMEDIATE}}):
            counts = news_demo.build(progress=self._progress)
            # Appeals first: the demo donations are credited to them.
            appeals = appeals_demo.build()
            funding_demo.build()
        self.stdout.write("")
        username, password = ensure_admin()
        counts["appeals"] = len(appeals)
        counts["mirrors"] = len(mirrors_demo.build())
        counts["newsletters"] = len(newsletters_demo.build())
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Demo newsroom ready: {summary}."))
        self.stdout.write(f"Admin: {settings.SITE_URL}/admin/")
        self.stdout.write(f"User: {username}")
        self.stdout.write(f"Password: {password}")

    def _progress(self, message: str) -> None:
        self.stdout.write(f"\r{message}", ending="")
        self.stdout.flush()
