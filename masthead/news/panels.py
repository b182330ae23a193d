"""Editing panels for the article editor."""

from django.core.exceptions import ValidationError
from django.forms.formsets import ORDERING_FIELD_NAME
from django.utils.translation import gettext as _
from modelcluster.forms import BaseChildFormSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import InlinePanel


class BlankRowForm(WagtailAdminModelForm):
    """A row of an inline panel that counts as blank until a field is filled.

    The admin's script numbers every row (``ORDER``), so Django would see a
    row the editor never touched as changed, and validate it.
    """

    def has_changed(self) -> bool:
        return any(name != ORDERING_FIELD_NAME for name in self.changed_data)

    def full_clean(self):
        super().full_clean()
        # A blank row skips validation; the admin still sorts rows by ORDER.
        if hasattr(self, "cleaned_data") and ORDERING_FIELD_NAME in self.fields:
            self.cleaned_data.setdefault(ORDERING_FIELD_NAME, None)


class BlankRowsWaitFormSet(BaseChildFormSet):
    """Let a draft be saved while a row is still blank.

    Autosave then keeps working while the editor writes the headline before
    choosing an author; a Publish still needs ``min_num`` filled rows.

    After an autosave the admin counts every row as saved (``INITIAL_FORMS``),
    the blank one too, though it has no id: such a row stays blank-permitted
    and is saved as a new row once it is filled.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        meta = self.model._meta
        name = meta.verbose_name if self.min_num == 1 else meta.verbose_name_plural
        self.error_messages = {
            **self.error_messages,
            "too_few_forms": _("Add at least %(num)d {name}.").format(name=name),
        }

    def _unsaved(self, index) -> bool:
        if index is None or index >= self.initial_form_count():
            return True
        return not self.data.get(f"{self.add_prefix(index)}-{self.model._meta.pk.name}")

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        if self.is_bound and self._unsaved(index):
            kwargs["empty_permitted"] = True
        return kwargs

    def _filled(self, form) -> bool:
        if self.can_delete and self._should_delete_form(form):
            return False
        return form.instance.pk is not None or form.has_changed()

    def clean(self):
        super().clean()
        # Django counts only rows past INITIAL_FORMS as blank.
        if self.validate_min and self.min_num:
            filled = sum(1 for form in self.forms if self._filled(form))
            if filled < self.min_num:
                raise ValidationError(
                    self.error_messages["too_few_forms"] % {"num": self.min_num},
                    code="too_few_forms",
                )

    @property
    def ordered_forms(self):
        """Return the filled rows in the editor's order (blank rows have none)."""
        if not self.is_valid() or not self.can_order:
            return super().ordered_forms
        rows = [form for form in self.forms if self._filled(form)]
        last = len(self.forms) + 1
        return sorted(
            rows, key=lambda form: form.cleaned_data.get(ORDERING_FIELD_NAME) or last
        )

    def save_new_objects(self, commit=True):
        saved = super().save_new_objects(commit=commit)
        for form in self.initial_forms:
            if form.instance.pk is None and self._filled(form):
                saved.append(self.save_new(form, commit=commit))
                if not commit:
                    self.saved_forms.append(form)
        return saved


class RequiredRowsPanel(InlinePanel):
    """An inline panel whose blank new rows do not block a draft's autosave."""

    def get_form_options(self):
        options = super().get_form_options()
        formset = options["formsets"][self.relation_name]
        formset["formset"] = BlankRowsWaitFormSet
        formset.setdefault("form", BlankRowForm)
        return options
