"""Helpers for the tests of several apps."""

import socket
import threading
from collections.abc import Callable

from django.db import connection
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from masthead import pagecache


def race(work: Callable[[], object], *, threads: int = 4) -> list[Exception]:
    """Run ``work`` in ``threads`` threads released at once; return their errors.

    Each thread has its own database connection, closed when it ends. Use it
    in ``django_db(transaction=True)`` tests, so that the threads see the data.
    """
    barrier = threading.Barrier(threads)
    errors: list[Exception] = []

    def run() -> None:
        try:
            barrier.wait()
            work()
        except Exception as error:  # noqa: BLE001 - returned to the test
            errors.append(error)
        finally:
            connection.close()

    started = [threading.Thread(target=run) for _ in range(threads)]
    for thread in started:
        thread.start()
    for thread in started:
        thread.join()
    return errors


def confirmed_totp_device(user):
    """Give ``user`` a confirmed authenticator app, as enrolling would."""
    return TOTPDevice.objects.create(user=user, name="Test app", confirmed=True)


def totp_code(device) -> str:
    """The code the device's authenticator app shows right now."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def sign_in_verified(client, user):
    """Sign ``client`` in as ``user``, past the second factor; return the device.

    Like ``force_login``, for tests that are not about signing in: the
    session is marked as django-otp marks it after a good code.
    """
    device = confirmed_totp_device(user)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    # What the sign-in's response sets (SignedInSignalMiddleware): without
    # it, reader pages come from the page cache as for anyone.
    client.cookies[pagecache.SIGNAL_COOKIE] = pagecache.signal_for(session.session_key)
    return device


def browser_sign_in(page, base_url: str, username: str, password: str, device):
    """Sign in to the admin in a browser: password, then the app's code."""
    page.goto(base_url + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/two-factor/verify/**")
    page.get_by_role("textbox", name="Code").fill(totp_code(device))
    page.get_by_role("button", name="Verify").click()
    page.wait_for_url("**/admin/")


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def file_cache_settings(location, *, max_entries: int = 5000) -> dict:
    """CACHES as the settings build them by default: a file cache under var/."""
    return {
        "default": {
            "BACKEND": "masthead.cache.FileBasedCache",
            "LOCATION": str(location),
            "OPTIONS": {"MAX_ENTRIES": max_entries},
        }
    }
