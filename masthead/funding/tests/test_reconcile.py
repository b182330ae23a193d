"""`masthead funding_reconcile`: safe at any time, clear about bad input."""

import pytest
from django.core.management import CommandError, call_command

from masthead.funding.models import LedgerEntry
from masthead.funding.services import provider_event_record
from masthead.funding.tests.conftest import payment

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("since", ["yesterday", "2026-13-01", "2999-01-01"])
def test_bad_dates_are_refused(since):
    with pytest.raises(CommandError, match="--since"):
        call_command("funding_reconcile", since=since)


def test_events_stored_but_never_processed_are_applied_once(
    start_intent, capsys, settings
):
    settings.FUNDING_PROVIDERS = {
        "dummy": {"BACKEND": "masthead.funding.providers.dummy.DummyProvider"}
    }
    intent = start_intent()
    provider_event_record(provider="dummy", raw=payment(intent=intent))  # the crash
    call_command("funding_reconcile", since="2020-01-01")
    call_command("funding_reconcile", since="2020-01-01")
    out = capsys.readouterr().out
    assert "dummy: dummy cannot list past events" in out
    assert "processed 1" in out
    assert sum(LedgerEntry.objects.values_list("amount_minor", flat=True)) == 1000
