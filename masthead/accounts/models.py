"""Staff accounts keep no models of their own.

Second factors are django-otp's and django-otp-webauthn's devices; sign-in
attempts are counted by the project's rate limits (masthead.ratelimit).
"""
