"""Newsletters (masthead.newsletters): sign-up limits, batches, the hourly cap.

How the emails leave (SMTP or an email service) is in mail.py.
"""

from .site import env

# Sign-ups per reader address (kept as HMACs only), and confirmation emails
# per address: one per window, so the form cannot flood someone's inbox.
NEWSLETTERS_SIGNUP_LIMIT = {
    "PER_IP": env.int("NEWSLETTERS_SIGNUP_LIMIT_PER_IP", default=20),
    "WINDOW": env.int("NEWSLETTERS_SIGNUP_LIMIT_WINDOW", default=3600),
}
NEWSLETTERS_CONFIRM_LIMIT = {
    "PER_EMAIL": 1,
    "WINDOW": env.int("NEWSLETTERS_CONFIRM_WINDOW", default=3600),
}
# Seconds a confirmation link works.
NEWSLETTERS_CONFIRM_MAX_AGE = env.int("NEWSLETTERS_CONFIRM_MAX_AGE", default=72 * 3600)
# Messages per batch (one SMTP connection each), and seconds after which a
# batch claimed by a worker that died is sent by another.
NEWSLETTERS_BATCH_SIZE = env.int("NEWSLETTERS_BATCH_SIZE", default=200)
NEWSLETTERS_CLAIM_TIMEOUT = env.int("NEWSLETTERS_CLAIM_TIMEOUT", default=600)
# At most this many newsletter emails in any 60 minutes (0: no cap), for
# the mail server's or email service's limits; the send resumes as the hour
# moves on.
NEWSLETTERS_MAX_PER_HOUR = env.int("NEWSLETTERS_MAX_PER_HOUR", default=0)
