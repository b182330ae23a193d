"""What the logs keep: no reader address and no secret link, tracebacks included."""

import io
import logging

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def log_output():
    """The text the console handler of settings.LOGGING writes, as configured."""
    handler = next(h for h in logging.getLogger().handlers if h.name == "console")
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


def test_a_host_header_with_an_address_is_not_logged_even_in_tracebacks(
    client, home, log_output
):
    response = client.get("/", HTTP_HOST="203.0.113.77")
    assert response.status_code == 400
    output = log_output.getvalue()
    assert "Traceback (most recent call last)" in output
    assert "DisallowedHost" in output
    assert "[address]" in output
    assert "203.0.113.77" not in output
    # One traceback: the page cache does not handle the request again
    # inside its except clause.
    assert "During handling of the above exception" not in output
    assert output.count("Traceback (most recent call last)") == 1


def test_an_exception_logged_by_any_logger_has_its_traceback_scrubbed(log_output):
    try:
        raise ValueError("no route to 198.51.100.23 or 2001:db8::7")
    except ValueError:
        logging.getLogger("masthead.anything").exception("failed")
    output = log_output.getvalue()
    assert "ValueError: no route to [address] or [address]" in output
    assert "198.51.100.23" not in output
    assert "2001:db8::7" not in output


def test_secret_links_are_not_logged(client, home, log_output):
    token = "Zq3kV9xL2mN8pR4tW6yB1cD5fG7hJ0sA-uE_oI"
    client.get(f"/support/manage/sign-in/{token}/missing/")
    response = client.get(f"/support/manage/sign-in/{token}/", HTTP_ORIGIN="null")
    assert response.status_code in (200, 404)
    logging.getLogger("django.request").warning(
        "Not Found: %s", f"/support/manage/sign-in/{token}/"
    )
    logging.getLogger("masthead").error(
        "Link https://news.example/admin/password_reset/confirm/MQ/%s/ failed",
        "cdo3ty-1a2b3c4d5e6f7a8b9c0d1e2f3a4b",
    )
    output = log_output.getvalue()
    assert "/support/manage/sign-in/[token]/" in output
    assert "/admin/password_reset/confirm/[token]/[token]/" in output
    assert token not in output
    assert "cdo3ty" not in output


def test_paths_without_secrets_are_logged_as_they_are(client, home, log_output):
    client.get("/politics/no-such-story-2024/")
    assert "Not Found: /politics/no-such-story-2024/" in log_output.getvalue()
