"""Money: integer minor units with a currency; never a float."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from masthead.funding.money import EXPONENTS, Money, MoneyError


@pytest.mark.parametrize(
    ("text", "currency", "minor"),
    [
        ("10", "USD", 1000),
        ("10.5", "usd", 1050),
        ("1,000.25", "EUR", 100025),
        (" 2 ", "GBP", 200),
        ("1500", "JPY", 1500),
        ("1.234", "KWD", 1234),
    ],
)
def test_parse_amounts_people_type(text, currency, minor):
    assert Money.parse(text, currency) == Money(minor, currency.upper())


@pytest.mark.parametrize(
    ("text", "currency", "message"),
    [
        ("", "USD", "Enter an amount"),
        ("0", "USD", "above zero"),
        ("-5", "USD", "above zero"),
        ("abc", "USD", "as a number"),
        ("NaN", "USD", "as a number"),
        ("1e3", "USD", "as a number"),
        ("10.555", "USD", "at most 2 decimal places"),
        ("10.5", "JPY", "at most 0 decimal places"),
        ("99999999", "USD", "too large"),
        ("10", "XXX", "Unsupported currency"),
    ],
)
def test_parse_refuses_bad_amounts_with_a_reason(text, currency, message):
    with pytest.raises(MoneyError, match=message):
        Money.parse(text, currency)


def test_money_refuses_floats():
    with pytest.raises(TypeError):
        Money(10.5, "USD")


@pytest.mark.parametrize(
    ("money", "text"),
    [
        (Money(1000000, "USD"), "$10,000"),
        (Money(1050, "EUR"), "€10.50"),
        (Money(1500, "JPY"), "¥1,500"),
        (Money(250, "CHF"), "2.50 CHF"),
    ],
)
def test_money_prints_in_its_currencys_own_style(money, text):
    assert str(money) == text


def test_conversion_between_exponents():
    assert Money(1000, "JPY").convert("USD", Decimal("0.0067")) == Money(670, "USD")
    assert Money(1050, "EUR").convert("USD", Decimal("1.08")) == Money(1134, "USD")
    assert Money(1000, "USD").convert("JPY", Decimal("149.5")) == Money(1495, "JPY")


def test_mixing_currencies_is_an_error():
    with pytest.raises(MoneyError):
        Money(1, "USD") + Money(1, "EUR")


@given(
    minor=st.integers(min_value=1, max_value=10**8),
    currency=st.sampled_from(sorted(EXPONENTS)),
)
def test_parse_reads_back_what_it_shows(minor, currency):
    money = Money(minor, currency)
    if money.as_decimal() <= 1_000_000:
        assert Money.parse(str(money.as_decimal()), currency) == money
