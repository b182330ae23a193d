"""Money as integer minor units with an ISO 4217 currency. Never a float."""

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

# Minor-unit exponents of the currencies a newsroom is likely to take.
EXPONENTS = {
    "USD": 2, "EUR": 2, "GBP": 2, "CHF": 2, "CAD": 2, "AUD": 2, "NZD": 2,
    "SEK": 2, "NOK": 2, "DKK": 2, "PLN": 2, "CZK": 2, "HUF": 2, "RON": 2,
    "GEL": 2, "AMD": 2, "KZT": 2, "TRY": 2, "ILS": 2, "UAH": 2, "RUB": 2,
    "JPY": 0, "KRW": 0, "ISK": 0, "CLP": 0, "VND": 0, "XOF": 0,
    "BHD": 3, "KWD": 3, "JOD": 3, "TND": 3,
}  # fmt: skip
SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}
# A single donation above this many major units is refused as absurd.
MAX_MAJOR_UNITS = 1_000_000
_AMOUNT = re.compile(r"\d+(\.\d+)?|\.\d+")


class MoneyError(ValueError):
    """An amount or currency that cannot be accepted; the message says why."""


def exponent(currency: str) -> int:
    try:
        return EXPONENTS[currency]
    except KeyError:
        raise MoneyError(f"Unsupported currency: {currency!r}.") from None


@dataclass(frozen=True, order=True)
class Money:
    minor: int
    currency: str

    def __post_init__(self):
        if not isinstance(self.minor, int) or isinstance(self.minor, bool):
            raise TypeError("Money.minor must be an int of minor units")
        exponent(self.currency)

    @classmethod
    def parse(cls, text: str, currency: str) -> "Money":
        """Parse an amount a person typed ("10", "10.50", "1,000") in major units."""
        currency = (currency or "").upper()
        places = exponent(currency)
        cleaned = (text or "").strip().replace(",", "").replace(" ", "")
        if not cleaned:
            raise MoneyError("Enter an amount.")
        if cleaned.startswith("-"):
            raise MoneyError("Enter an amount above zero.")
        if not _AMOUNT.fullmatch(cleaned):
            raise MoneyError("Enter the amount as a number, such as 10 or 10.50.")
        value = Decimal(cleaned)
        if value <= 0:
            raise MoneyError("Enter an amount above zero.")
        if value > MAX_MAJOR_UNITS:
            raise MoneyError("That amount is too large.")
        scaled = value.scaleb(places)
        if scaled != scaled.to_integral_value():
            raise MoneyError(
                f"{currency} amounts have at most {places} decimal places."
            )
        return cls(int(scaled), currency)

    @classmethod
    def major(cls, units: int, currency: str) -> "Money":
        return cls(units * 10 ** exponent(currency), currency)

    def __add__(self, other: "Money") -> "Money":
        self._same_currency(other)
        return Money(self.minor + other.minor, self.currency)

    def __sub__(self, other: "Money") -> "Money":
        self._same_currency(other)
        return Money(self.minor - other.minor, self.currency)

    def _same_currency(self, other: "Money") -> None:
        if other.currency != self.currency:
            raise MoneyError(f"Cannot mix {self.currency} and {other.currency}.")

    def convert(self, currency: str, rate: Decimal) -> "Money":
        """Return this amount in ``currency``; ``rate`` is target units per unit."""
        places = exponent(currency) - exponent(self.currency)
        value = (Decimal(self.minor) * Decimal(rate)).scaleb(places)
        return Money(
            int(value.quantize(Decimal(1), rounding=ROUND_HALF_EVEN)), currency
        )

    def as_decimal(self) -> Decimal:
        return Decimal(self.minor).scaleb(-exponent(self.currency))

    def __str__(self) -> str:
        places = exponent(self.currency)
        amount = f"{self.as_decimal():,.{places}f}"
        if places and amount.endswith("." + "0" * places):
            amount = amount[: -(places + 1)]
        symbol = SYMBOLS.get(self.currency)
        return f"{symbol}{amount}" if symbol else f"{amount} {self.currency}"
