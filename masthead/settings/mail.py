"""Email: SMTP from EMAIL_URL, or an email service through Anymail.

See docs/deploy.md, "Email: SMTP or an email service".
"""

import os

from .site import env

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="newsroom@localhost")
# An email service instead of SMTP: EMAIL_BACKEND=anymail.backends.<service>
# .EmailBackend and its settings as ANYMAIL_<NAME> variables, e.g.
# ANYMAIL_POSTMARK_SERVER_TOKEN. ANYMAIL_WEBHOOK_SECRET ("user:password")
# turns the bounce webhooks on.
if env("EMAIL_BACKEND", default=""):
    EMAIL_BACKEND = env("EMAIL_BACKEND")
ANYMAIL = {
    name.removeprefix("ANYMAIL_"): value
    for name, value in os.environ.items()
    if name.startswith("ANYMAIL_") and value
}
