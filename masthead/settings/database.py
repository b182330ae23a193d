"""The database: SQLite in WAL mode under var/ unless DATABASE_URL names another."""

import os

from .site import VAR_DIR, env

DATABASES = {
    "default": env.db(
        "DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'masthead.sqlite3'}"
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL;"
            "PRAGMA synchronous=NORMAL;"
            "PRAGMA busy_timeout=5000;"
        ),
        "transaction_mode": "IMMEDIATE",
    }
    # Kept open between requests: opening one (and closing the last one,
    # which checkpoints the WAL) cost about a fifth of an uncached render.
    DATABASES["default"].setdefault("CONN_MAX_AGE", 600)
    # Tests use a file, as deployments do: an in-memory database has table
    # locks that fail concurrent writers instead of making them wait.
    # One file per test process, so that two test runs never share one.
    DATABASES["default"]["TEST"] = {
        "NAME": str(VAR_DIR / f"test-{os.getpid()}.sqlite3")
    }

else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", 60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
