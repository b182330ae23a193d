from django import forms
from django.utils.translation import gettext_lazy as _

from masthead.newsletters.models import Newsletter


class SignUpForm(forms.Form):
    email = forms.EmailField(label=_("Your email"), max_length=254)
    newsletters = forms.ModelMultipleChoiceField(
        queryset=Newsletter.objects.filter(is_public=True),
        widget=forms.CheckboxSelectMultiple,
        label=_("Newsletters"),
        error_messages={"required": _("Choose at least one newsletter.")},
    )
    # A honeypot: people never see it, bots fill it in.
    website = forms.CharField(required=False, label=_("Leave this empty"))

    def clean(self):
        data = super().clean()
        if data.get("website"):
            raise forms.ValidationError(_("Please try again."))
        return data
