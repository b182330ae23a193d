"""The appeal editor's form: what needs a query of other rows than the appeal's."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from masthead.appeals import selectors, services


class AppealForm(WagtailAdminModelForm):
    def clean(self):
        data = super().clean()
        currency = data.get("currency")
        if currency and not selectors.currency_offered(currency):
            self.add_error(
                "currency",
                _(
                    "The support page takes no %(currency)s yet: add its "
                    "amounts under Funding → Amounts first."
                )
                % {"currency": currency},
            )
        return data

    def save(self, commit=True):
        appeal = super().save(commit=commit)
        if commit:
            services.appeal_variants_key(appeal=appeal)
        return appeal
