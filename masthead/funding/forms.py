"""The support form: frequency, amount, currency, email, payment method."""

from django import forms
from django.utils.translation import gettext_lazy as _

from masthead.funding import selectors, signups
from masthead.funding.models import Frequency
from masthead.funding.money import Money, MoneyError
from masthead.funding.selectors import AmountChoice

OTHER = "other"


class SupportForm(forms.Form):
    frequency = forms.ChoiceField(choices=Frequency.choices, widget=forms.HiddenInput)
    currency = forms.CharField(max_length=3, widget=forms.HiddenInput)
    amount = forms.ChoiceField(label=_("Amount"), widget=forms.RadioSelect)
    custom_amount = forms.CharField(
        label=_("Other amount"), required=False, max_length=20
    )
    email = forms.EmailField(
        label=_("Email"), help_text=_("For your receipt. We never share it.")
    )
    name = forms.CharField(label=_("Name (optional)"), required=False, max_length=200)
    provider = forms.ChoiceField(label=_("Payment method"), widget=forms.RadioSelect)
    appeal = forms.CharField(required=False, max_length=100, widget=forms.HiddenInput)
    variant = forms.CharField(required=False, max_length=100, widget=forms.HiddenInput)
    # "Send me the newsletter": one tick per list offered (funding.signups).
    newsletters = forms.TypedMultipleChoiceField(
        label=_("Send me the newsletter"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )
    # Left empty by people; bots that fill every field give themselves away.
    website = forms.CharField(required=False, label=_("Leave this empty"))

    def __init__(self, *args, options: dict, providers: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.options = options
        # Card first and chosen: a transfer with a reference code is the way
        # for readers a card cannot reach, not the one to fall into.
        providers = sorted(providers, key=lambda provider: provider.needs_reference)
        self.fields["provider"].choices = [(p.name, p.label) for p in providers]
        # The newsletters app keeps them in the cache: no query for them.
        self.fields["newsletters"].choices = signups.choices()
        if providers:
            self.fields["provider"].initial = providers[0].name
        currency = self.data.get("currency") or self.initial.get("currency", "USD")
        frequency = self.data.get("frequency") or self.initial.get("frequency")
        # What the page shows: the presets of this currency and frequency.
        self.currency, self.frequency = str(currency).upper(), frequency
        choice = options.get((self.currency, frequency))
        presets = choice.presets if choice else []
        self.fields["amount"].choices = [
            (str(money.minor), str(money)) for money in presets
        ] + [(OTHER, _("Other"))]
        if presets:
            # The middle preset, unless the appeal the reader came from
            # (``initial``) names an amount.
            self.fields["amount"].initial = str(presets[len(presets) // 2].minor)

    def clean_currency(self) -> str:
        currency = self.cleaned_data["currency"].upper()
        if not any(code == currency for code, _ in self.options):
            raise forms.ValidationError(_("We do not take that currency."))
        return currency

    def clean(self):
        data = super().clean()
        if data.get("website"):
            raise forms.ValidationError(_("We could not start your donation."))
        currency, frequency = data.get("currency"), data.get("frequency")
        choice: AmountChoice | None = self.options.get((currency, frequency))
        if choice is None or "amount" not in data:
            return data
        try:
            if data["amount"] == OTHER:
                money = Money.parse(data.get("custom_amount", ""), currency)
            else:
                money = Money(int(data["amount"]), currency)
        except (MoneyError, ValueError) as error:
            self.add_error("custom_amount", str(error))
            return data
        problem = below_minimum(money, choice)
        if problem:
            self.add_error("custom_amount", problem)
            return data
        data["money"] = money
        return data


def below_minimum(money: Money, choice: AmountChoice | None) -> str:
    """Return why ``money`` is too small to take, or "" if it is not."""
    if choice is not None and money < choice.minimum:
        return _("The smallest amount we can take is %(minimum)s.") % {
            "minimum": choice.minimum
        }
    return ""


class ChangeAmountForm(forms.Form):
    """A signed-in donor cancels a recurring donation or changes its amount."""

    recurring = forms.CharField(max_length=20)
    action = forms.ChoiceField(
        choices=[("cancel", _("Cancel")), ("change", _("Change"))]
    )
    amount = forms.CharField(required=False, max_length=20)

    def __init__(self, *args, donor, options: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.donor, self.options = donor, options

    def clean_recurring(self):
        recurring = selectors.recurring_donation_of(
            donor=self.donor, pk=self.cleaned_data["recurring"]
        )
        if recurring is None:
            raise forms.ValidationError(_("That donation was not found."))
        return recurring

    def clean(self):
        data = super().clean()
        recurring = data.get("recurring")
        if recurring is None or data.get("action") != "change":
            return data
        try:
            money = Money.parse(data.get("amount", ""), recurring.currency)
        except MoneyError as error:
            raise forms.ValidationError(str(error)) from None
        problem = below_minimum(
            money, self.options.get((recurring.currency, recurring.interval))
        )
        if problem:
            raise forms.ValidationError(problem)
        data["money"] = money
        return data

    def first_error(self) -> str:
        return next(iter(self.errors.values()))[0]
