"""Donor self-service: a one-time emailed link, then see, change or cancel."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from masthead.funding.models import Donor, RecurringDonation, SignInToken
from masthead.funding.notifications import notifications_send_pending
from masthead.funding.tasks import send_sign_in_link

pytestmark = pytest.mark.django_db


@pytest.fixture
def recurring(db):
    donor = Donor.objects.create(email="reader@example.org")
    return RecurringDonation.objects.create(
        donor=donor,
        provider="dummy",
        provider_subscription_id="dummy_sub_1",
        amount_minor=1000,
        currency="USD",
        interval="month",
        status="active",
        started_at=timezone.now(),
    )


def ask_for_link(client, email="reader@example.org"):
    return client.post("/support/manage/", {"email": email})


def link_from(mail) -> str:
    """The path of the emailed link, which points at SITE_URL."""
    return re.search(
        r"https://news\.example(/support/manage/sign-in/[^/\s]+/)", mail.body
    )[1]


def test_the_manage_page_is_cookie_free(client, home):
    response = client.get("/support/manage/")
    assert response.status_code == 200
    assert not response.cookies


def test_unknown_and_known_emails_get_the_same_answer(
    client, home, recurring, mailoutbox
):
    unknown = ask_for_link(client, "stranger@example.org")
    known = ask_for_link(client)
    for response in (unknown, known):
        assert "If we have donations under that address" in response.content.decode()
    assert [mail.to for mail in mailoutbox] == [["reader@example.org"]]
    assert SignInToken.objects.count() == 1
    assert "expires in 30 minutes" in mailoutbox[0].body


def test_a_bad_email_is_explained(client, home):
    response = ask_for_link(client, "not an email")
    assert response.status_code == 400
    assert "Enter the email address" in response.content.decode()


def test_the_link_signs_in_once(client, home, recurring, mailoutbox):
    ask_for_link(client)
    link = link_from(mailoutbox[0])
    assert client.get(link).status_code == 200  # a mail scanner's visit spends nothing
    response = client.post(link)
    assert response["Location"] == "/support/manage/donations/"
    page = client.get("/support/manage/donations/")
    assert "$10" in page.content.decode()
    assert page["Cache-Control"].startswith("max-age=0")
    client.post("/support/manage/sign-out/")
    again = client.post(link)
    assert again.status_code == 400
    assert "expired or was already used" in again.content.decode()


def test_an_expired_link_does_not_sign_in(client, home, recurring, mailoutbox):
    ask_for_link(client)
    SignInToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.post(link_from(mailoutbox[0])).status_code == 400


def test_donations_need_a_signed_in_donor(client, home):
    response = client.get("/support/manage/donations/")
    assert response["Location"] == "/support/manage/"


@pytest.fixture
def signed_in(client, home, recurring, mailoutbox):
    ask_for_link(client)
    client.post(link_from(mailoutbox[0]))
    mailoutbox.clear()
    return client


def test_cancel_a_recurring_donation(signed_in, recurring, mailoutbox):
    response = signed_in.post(
        "/support/manage/donations/", {"recurring": recurring.pk, "action": "cancel"}
    )
    assert "is canceled" in response.content.decode()
    recurring.refresh_from_db()
    assert recurring.status == "canceled"
    notifications_send_pending()
    assert [mail.subject for mail in mailoutbox] == [
        "Your monthly donation to The Lantern is canceled"
    ]


def test_change_the_amount(signed_in, recurring):
    response = signed_in.post(
        "/support/manage/donations/",
        {"recurring": recurring.pk, "action": "change", "amount": "15"},
    )
    assert "Your donation is now $15." in response.content.decode()
    recurring.refresh_from_db()
    assert recurring.amount_minor == 1500


@pytest.mark.parametrize(
    ("amount", "message"),
    [("1", "smallest amount we can take is $2"), ("abc", "as a number"), ("", "Enter")],
)
def test_a_bad_new_amount_is_explained(signed_in, recurring, amount, message):
    response = signed_in.post(
        "/support/manage/donations/",
        {"recurring": recurring.pk, "action": "change", "amount": amount},
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    recurring.refresh_from_db()
    assert recurring.amount_minor == 1000


def test_someone_elses_donation_cannot_be_touched(signed_in, recurring):
    other = Donor.objects.create(email="other@example.org")
    theirs = RecurringDonation.objects.create(
        donor=other,
        provider="dummy",
        provider_subscription_id="dummy_sub_2",
        amount_minor=1000,
        currency="USD",
        interval="month",
        status="active",
        started_at=timezone.now(),
    )
    response = signed_in.post(
        "/support/manage/donations/", {"recurring": theirs.pk, "action": "cancel"}
    )
    assert response.status_code == 400
    theirs.refresh_from_db()
    assert theirs.status == "active"


def test_the_link_is_built_from_site_url_never_from_the_host_header(
    client, home, recurring, mailoutbox
):
    client.post(
        "/support/manage/",
        {"email": "reader@example.org"},
        HTTP_HOST="localhost:31337",
    )
    (mail,) = mailoutbox
    assert "https://news.example/support/manage/sign-in/" in mail.body
    assert "31337" not in mail.body


def test_a_new_link_ends_the_ones_sent_before(client, home, recurring, mailoutbox):
    ask_for_link(client)
    ask_for_link(client)
    first, second = (link_from(mail) for mail in mailoutbox)
    assert client.post(first).status_code == 400
    assert client.post(second)["Location"] == "/support/manage/donations/"
    token = second.rstrip("/").rsplit("/", 1)[1]
    assert not SignInToken.objects.filter(token_hash=token).exists()


def test_the_request_does_the_same_work_for_known_and_unknown_emails(
    client, home, recurring, mailoutbox, settings
):
    """No mail work in the request: a task per address, known or not."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    for email in ("stranger@example.org", "reader@example.org"):
        assert ask_for_link(client, email).status_code == 200
    assert mailoutbox == []
    assert SignInToken.objects.count() == 0
    queued = DBTaskResult.objects.order_by("enqueued_at")
    assert [task.task_path for task in queued] == [
        "masthead.funding.tasks.send_sign_in_link"
    ] * 2
    # The task's arguments hold the donor's id, not the address.
    assert "example.org" not in str([task.args_kwargs for task in queued])
    for task in queued:  # as the worker runs them
        send_sign_in_link.call(*task.args_kwargs["args"], **task.args_kwargs["kwargs"])
    assert [mail.to for mail in mailoutbox] == [["reader@example.org"]]
