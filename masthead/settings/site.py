"""The site: where it keeps its files, its key, its address and its hosts."""

import secrets
from pathlib import Path
from urllib.parse import urlsplit

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent
env = environ.Env()

VAR_DIR = Path(env("MASTHEAD_VAR_DIR", default=str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key(var_dir: Path) -> str:
    """Return the key stored in ``var_dir``, generating it on first run."""
    path = var_dir / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="") or _secret_key(VAR_DIR)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# The main public address of the newsroom; canonical links point here.
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
WAGTAIL_SITE_NAME = env("SITE_NAME", default="The Lantern")

# Hosts. Every web mirror and onion service in the registry serves the whole
# site, and mirrors are added in the admin while it runs. Django checks the
# Host header against ALLOWED_HOSTS, which is fixed at start-up, so Django is
# told to let any host through ("*") to MirrorHostMiddleware, which comes
# first after the security headers: it allows SITE_URL's host, the hosts in
# ALLOWED_HOSTS and the registry's served mirrors, and answers 400 to any
# other host. ALLOWED_HOSTS=* in the environment still turns the check off.
_ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
MIRRORS_CHECK_HOSTS = "*" not in _ALLOWED_HOSTS
ALLOWED_HOSTS = [*_ALLOWED_HOSTS, urlsplit(SITE_URL).hostname or "localhost", "*"]

LANGUAGE_CODE = env("LANGUAGE_CODE", default="en")
TIME_ZONE = env("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True
