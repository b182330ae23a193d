"""Donor self-service: a one-time emailed link, then see, change or cancel."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.funding.models import Donor, RecurringDonation, SignInToken
from masthead.funding.notifications import notifications_send_pending

pytestmark = pytest.mark.django_db


@pytest.fixture
def recurring(db):
    donor = Donor.objects.create(email="reader@example.org")
    return RecurringDonation.objects.create(
        donor=donor, provider="dummy", provider_subscription_id="dummy_sub_1",
        amount_minor=1000, currency="USD", interval="month", status="active",
        started_at=timezone.now(),
    )  # fmt: skip


def ask_for_link(client, email="reader@example.org"):
    return client.post("/support/manage/", {"email": email})


def link_from(mail) -> str:
    return re.search(r"http://testserver(/support/manage/sign-in/[^/\s]+/)", mail.body)[
        1
    ]


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
        donor=other, provider="dummy", provider_subscription_id="dummy_sub_2",
        amount_minor=1000, currency="USD", interval="month", status="active",
        started_at=timezone.now(),
    )  # fmt: skip
    response = signed_in.post(
        "/support/manage/donations/", {"recurring": theirs.pk, "action": "cancel"}
    )
    assert response.status_code == 400
    theirs.refresh_from_db()
    assert theirs.status == "active"
