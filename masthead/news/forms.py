"""Admin forms."""

from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm


class NewsImageForm(BaseImageForm):
    """Require alt text on every image that an editor adds or edits.

    The multiple uploader first posts the file alone and then asks for the
    other fields per image; only that first step may leave the alt text out.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("description")
        if field is None:
            return
        field.label = _("Alt text")
        field.help_text = _(
            "Describe the image for readers who cannot see it. Required."
        )
        uploading_file_only = (
            self.is_bound
            and self.instance.pk is None
            and "description" not in self.data
        )
        field.required = not uploading_file_only
