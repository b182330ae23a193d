"""Bank transfers and crypto: a reference code, then transfers the team records."""

import re
from datetime import datetime

import pytest
from django.core.management import CommandError, call_command

from masthead.funding.models import Donation, DonationIntent, LedgerEntry, ManualRail
from masthead.funding.money import Money
from masthead.funding.services import (
    TransferError,
    find_reference,
    manual_transfer_record,
    transfers_import_csv,
)

pytestmark = pytest.mark.django_db

GOOD = {
    "frequency": "one_time",
    "currency": "EUR",
    "amount": "2500",
    "custom_amount": "",
    "email": "reader@example.org",
    "provider": "manual",
    "website": "",
}


@pytest.fixture
def rails(db):
    return [
        ManualRail.objects.create(
            kind="bank",
            label="SEPA transfer (EUR)",
            details=(
                "Holder: Lantern Media\nIBAN: LT12 1000 0111 0100 1000\nBIC: EXAMPLT2X"
            ),
            address="LT121000011101001000",
        ),
        ManualRail.objects.create(
            kind="crypto",
            label="USDT (TRC-20)",
            details="Network: TRON",
            address="TXexampleaddress0000000000000000000",
        ),
    ]


def start(client) -> DonationIntent:
    response = client.post("/support/checkout/", GOOD)
    assert response.status_code == 302
    intent = DonationIntent.objects.get()
    assert response["Location"] == f"/support/transfer/{intent.public_id}/"
    return intent


def net() -> int:
    return sum(LedgerEntry.objects.values_list("amount_minor", flat=True))


def test_transfers_are_offered_only_once_an_account_exists(
    client, home, django_capture_on_commit_callbacks
):
    choices = client.get("/support/").context["form"].fields["provider"].choices
    assert "manual" not in dict(choices)
    assert client.get("/support/")["X-Page-Cache"] == "hit"
    # Saving a rail renews the funding fragments and every cached page.
    with django_capture_on_commit_callbacks(execute=True):
        ManualRail.objects.create(kind="bank", label="SEPA", details="IBAN …")
    response = client.get("/support/")
    assert response["X-Page-Cache"] == "miss"
    choices = response.context["form"].fields["provider"].choices
    assert dict(choices)["manual"] == "Bank transfer or crypto"


def test_the_reader_gets_a_reference_and_the_accounts_with_qr_codes(
    client, home, rails
):
    intent = start(client)
    assert re.fullmatch(r"MH-[A-Z2-9]{4}-[A-Z2-9]{4}", intent.reference)
    html = client.get(f"/support/transfer/{intent.public_id}/").content.decode()
    assert intent.reference in html
    assert "IBAN: LT12 1000 0111 0100 1000" in html
    assert html.count('<svg role="img" aria-label="QR code"') == 2


def test_the_transfer_page_tells_the_device_to_stop_asking(client, home, rails):
    intent = start(client)
    page = client.get(f"/support/transfer/{intent.public_id}/").content.decode()
    assert "data-appeals-donated" in page


def test_a_double_submitted_transfer_form_keeps_one_reference(client, home, rails):
    first = start(client)
    client.post("/support/checkout/", GOOD)
    assert DonationIntent.objects.get().reference == first.reference


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("MH-7KQ4-M2XP", "MH-7KQ4-M2XP"),
        ("donation mh 7kq4 m2xp thanks", "MH-7KQ4-M2XP"),
        ("Payment for MH-7KQ4M2XP", "MH-7KQ4-M2XP"),
        ("no code here", None),
    ],
)
def test_reference_codes_are_found_in_transfer_texts(text, code):
    assert find_reference(text) == code


def test_a_recorded_transfer_counts_once(client, home, rails):
    intent = start(client)
    when = datetime.fromisoformat("2026-11-20T10:00:00+00:00")
    for _ in range(2):
        manual_transfer_record(
            reference_text=f"Gift {intent.reference}",
            amount=Money(2500, "EUR"),
            received_at=when,
            transaction_id="BANK-0001",
        )
    assert net() == 2500
    donation = Donation.objects.get()
    assert donation.provider == "manual"
    assert donation.donor.email == "reader@example.org"


def test_a_transfer_of_another_amount_is_held_for_review(client, home, rails):
    intent = start(client)
    manual_transfer_record(
        reference_text=intent.reference,
        amount=Money(2000, "EUR"),
        received_at=datetime.fromisoformat("2026-11-20T10:00:00+00:00"),
        transaction_id="BANK-0002",
    )
    assert Donation.objects.get().status == "review"
    assert net() == 0


def test_unknown_references_are_refused(db, rails):
    with pytest.raises(TransferError, match="No donation was started"):
        manual_transfer_record(
            reference_text="MH-AAAA-BBBB",
            amount=Money(100, "EUR"),
            received_at=datetime.fromisoformat("2026-11-20T10:00:00+00:00"),
            transaction_id="X",
        )


def test_statement_import_reports_every_row(client, home, rails):
    intent = start(client)
    statement = (
        "date,amount,currency,reference,transaction_id\n"
        f"2026-11-20,25.00,EUR,Donation {intent.reference},T1\n"
        f"2026-11-20,25.00,EUR,Donation {intent.reference},T1\n"
        "2026-11-21,10.00,EUR,rent for november,T2\n"
        "2026-11-21,ten,EUR,MH-AAAA-BBBB,T3\n"
        "not a date,5,EUR,MH-AAAA-BBBB,T4\n"
    )
    report = transfers_import_csv(text=statement)
    assert report.recorded == 1
    assert report.already_recorded == 1
    assert [line for line, _ in report.problems] == [4, 5, 6]
    assert "No reference code found" in report.problems[0][1]
    assert net() == 2500
    again = transfers_import_csv(text=statement)
    assert again.recorded == 0
    assert net() == 2500


def test_statement_without_the_columns_is_refused(db):
    report = transfers_import_csv(text="when,how much\n2026-11-20,25\n")
    assert report.problems == [
        (1, "Missing columns: date, amount, currency, reference, transaction_id.")
    ]


def test_the_cli_imports_with_progress_and_fails_on_bad_rows(
    client, home, rails, tmp_path, capsys
):
    intent = start(client)
    path = tmp_path / "statement.csv"
    path.write_text(
        "date,amount,currency,reference,transaction_id\n"
        f"2026-11-20,25.00,EUR,{intent.reference},T1\n"
    )
    call_command("funding_import_transfers", str(path))
    out = capsys.readouterr().out
    assert "Rows 1/1" in out
    assert "Recorded 1" in out
    path.write_text("date,amount,currency,reference,transaction_id\nx,1,EUR,MH,T9\n")
    with pytest.raises(CommandError, match="not imported"):
        call_command("funding_import_transfers", str(path))
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("funding_import_transfers", str(tmp_path / "missing.csv"))


def test_the_admin_records_a_transfer(admin_client, client, home, rails):
    intent = start(client)
    response = admin_client.post(
        "/admin/funding/transfers/",
        {
            "reference": intent.reference,
            "amount": "25",
            "currency": "EUR",
            "received_on": "2026-11-20",
            "transaction_id": "T1",
        },
    )
    assert response.status_code == 302
    assert net() == 2500
    bad = admin_client.post(
        "/admin/funding/transfers/",
        {
            "reference": "nothing",
            "amount": "25",
            "currency": "EUR",
            "received_on": "2026-11-20",
            "transaction_id": "T2",
        },
    )
    assert bad.status_code == 200
    assert "No reference code found" in bad.content.decode()
