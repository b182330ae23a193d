"""Admin forms in which people type money in currency units: 10,000 for $10,000.

Amounts are stored as integers of minor units (cents); these forms show and
take them in the units of the currency chosen on the same form, with that
currency's decimals (none for yen). Nothing here imports the models, so the
models can name these forms as their ``base_form_class``.
"""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from masthead.funding.money import SYMBOLS, Money, MoneyError, exponent

# Comma groups of three, or plain digits; then an optional point and decimals.
_UNITS = re.compile(r"(\d{1,3}(,\d{3})+|\d+)(\.\d+)?|\.\d+")
# Far above any newsroom's monthly cost, far below the database's limit.
MAX_MINOR = 10**15


def parse_units(text: str, currency: str) -> Money:
    """Return the amount typed in units of ``currency`` ("10,000", "12.50").

    A comma groups thousands and a point marks decimals. What could be read
    both ways ("10.000", "10,50") is refused with a message, never guessed.
    """
    places = exponent(currency)
    cleaned = re.sub(r"[\s\u00a0\u202f]", "", text or "")
    if not cleaned:
        raise MoneyError(_("Enter an amount."))
    if cleaned.startswith("-"):
        raise MoneyError(_("Enter an amount above zero."))
    if not _UNITS.fullmatch(cleaned):
        raise MoneyError(
            _("Write the amount with a point for decimals: 10,000 or 12.50.")
        )
    if (
        "," not in cleaned
        and places != 3
        and re.fullmatch(r"[1-9]\d{0,2}\.\d{3}", cleaned)
    ):
        whole = cleaned.replace(".", "")
        raise MoneyError(
            _(
                "Did you mean %(whole)s? Write thousands with a comma "
                "(%(grouped)s) and decimals with a point."
            )
            % {"whole": whole, "grouped": f"{int(whole):,}"}
        )
    try:
        value = Decimal(cleaned.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern above rules it out
        raise MoneyError(_("Enter the amount as a number.")) from None
    scaled = value.scaleb(places)
    if scaled != scaled.to_integral_value():
        if places == 0:
            raise MoneyError(
                _("%(currency)s amounts have no decimals.") % {"currency": currency}
            )
        raise MoneyError(
            _("%(currency)s amounts have at most %(places)s decimal places.")
            % {"currency": currency, "places": places}
        )
    if scaled <= 0:
        raise MoneyError(_("Enter an amount above zero."))
    if scaled > MAX_MINOR:
        raise MoneyError(_("That amount is too large."))
    return Money(int(scaled), currency)


def format_units(money: Money, *, exact: bool = False) -> str:
    """Return the amount in currency units, without a symbol: "10,000", "2.50".

    Whole amounts drop their zero decimals unless ``exact``.
    """
    places = exponent(money.currency)
    text = f"{money.as_decimal():,.{places}f}"
    if not exact and places and text.endswith("." + "0" * places):
        text = text[: -(places + 1)]
    return text


def format_money(money: Money, *, exact: bool = False) -> str:
    """Return "$2,380.00", "¥12,000" or "2,380.000 KWD"."""
    text = format_units(money, exact=exact)
    symbol = SYMBOLS.get(money.currency)
    sign = "−" if money.minor < 0 else ""
    text = text.lstrip("-")
    return f"{sign}{symbol}{text}" if symbol else f"{sign}{text} {money.currency}"


# A comma between a digit and three digits reads as a thousands separator.
_GROUPED = re.compile(r"\d,\d{3}(?!\d)")


def parse_unit_list(text: str, currency: str) -> list[Money]:
    """Return the amounts typed in units of ``currency``, separated by commas.

    "2.50, 5, 10" is three amounts. "5, 1,000" could be two or three, so it is
    refused with a message.
    """
    if _GROUPED.search(text or ""):
        raise MoneyError(
            _(
                "Separate amounts with a comma and a space, and write thousands "
                "without a separator: 5, 1000."
            )
        )
    parts = [part.strip() for part in (text or "").split(",")]
    if not any(parts):
        raise MoneyError(_("Enter at least one amount."))
    amounts = []
    for part in parts:
        if not part:
            continue
        try:
            amounts.append(parse_units(part, currency))
        except MoneyError as error:
            raise MoneyError(f"“{part}”: {error}") from None
    return amounts


class AmountField(forms.CharField):
    """An amount in units of the currency chosen in another field of the form.

    The form (``AmountsForm``) turns it into minor units, since only the form
    knows the currency.
    """

    def __init__(self, *, currency_field: str, **kwargs):
        kwargs.setdefault("max_length", 24)
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        )
        super().__init__(**kwargs)
        self.currency_field = currency_field


class AmountListField(AmountField):
    """Amounts in units of the currency chosen in another field, comma-separated.

    The model stores them as a list of minor units.
    """


class AmountsForm(forms.Form):
    """Shows each ``AmountField`` in currency units and cleans it to minor units."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self._amount_fields():
            minor = self.initial.get(name)
            currency = (
                self.initial.get(field.currency_field)
                or self.fields[field.currency_field].initial
            )
            if not currency:
                continue
            if isinstance(field, AmountListField) and isinstance(minor, list):
                self.initial[name] = ", ".join(
                    format_units(Money(value, currency))
                    for value in minor
                    if isinstance(value, int)
                )
            elif isinstance(minor, int):
                self.initial[name] = format_units(Money(minor, currency))

    def _amount_fields(self):
        return [
            (name, field)
            for name, field in self.fields.items()
            if isinstance(field, AmountField)
        ]

    def clean(self):
        data = super().clean()
        for name, field in self._amount_fields():
            text, currency = data.get(name), data.get(field.currency_field)
            if text is None or not currency:
                continue  # the field or the currency has its own error
            try:
                if isinstance(field, AmountListField):
                    amounts = parse_unit_list(text, currency)
                    data[name] = [money.minor for money in amounts]
                else:
                    data[name] = parse_units(text, currency).minor
            except MoneyError as error:
                self.add_error(name, str(error))
        return data


class AmountsModelForm(AmountsForm, WagtailAdminModelForm):
    pass


class FundingSettingsForm(AmountsModelForm):
    goal_minor = AmountField(
        currency_field="goal_currency",
        label=_("Monthly cost"),
        help_text=_(
            "What running the newsroom costs a month, in the goal currency: "
            "10,000 for $10,000; yen without decimals."
        ),
    )


class DonationOptionForm(AmountsModelForm):
    minimum_minor = AmountField(
        currency_field="currency",
        label=_("Minimum"),
        help_text=_(
            "The smallest gift taken, in the currency: 2 for $2, 1.50 for €1.50."
        ),
    )

    presets_minor = AmountListField(
        currency_field="currency",
        max_length=200,
        label=_("Preset amounts"),
        help_text=_(
            "Amounts in the currency, separated by commas: 2, 5, 10, 25 offers "
            "$2, $5, $10 and $25; 2.50 for $2.50; yen without decimals. "
            "The middle one is preselected."
        ),
    )

    def clean(self):
        data = super().clean()
        currency, minimum = data.get("currency"), data.get("minimum_minor")
        presets = data.get("presets_minor")
        if currency and isinstance(minimum, int) and isinstance(presets, list):
            if presets and min(presets) < minimum:
                self.add_error(
                    "presets_minor",
                    _("Every preset must be at least the minimum (%(minimum)s).")
                    % {"minimum": format_money(Money(minimum, currency))},
                )
        return data
