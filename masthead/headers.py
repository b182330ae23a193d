"""Security headers that Django and django-csp do not send on their own."""

# Powerful browser features that no page of ours uses. Passkeys
# (publickey-credentials-*) are left to their default, this origin only.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "interest-cohort",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
)


class SecurityHeadersMiddleware:
    """Add Permissions-Policy, Cross-Origin-Resource-Policy and a blank Server.

    First in the stack, so that cache hits get them too. A response that set
    its own value (media files) keeps it. The blank ``Server`` header stands
    in for granian's ``server: granian``, which granian sends only when the
    application sends none (granian has no option to leave it out).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        response.headers.setdefault("Server", "")
        return response
