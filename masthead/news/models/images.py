"""Images with alt text and credits, and their renditions."""

import functools

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Filter, Image


class NewsImage(AbstractImage):
    """An image with alt text (``description``, required) and a credit."""

    credit = models.CharField(max_length=255, blank=True, verbose_name=_("credit"))

    admin_form_fields = (*Image.admin_form_fields, "credit")

    @property
    def alt(self) -> str:
        return self.description or self.title


@functools.cache
def _filter(spec: str) -> Filter:
    """One ``Filter`` per spec: a ``Filter`` reads its operations from the
    spec (and Wagtail's hooks) the first time it is asked for them."""
    return Filter(spec=spec)


def rendition_for(image: "NewsImage", spec: str) -> "NewsRendition":
    """Return the rendition of ``image`` for the filter ``spec``.

    Unlike Wagtail's ``get_rendition``, it does not write the rendition back
    to the cache when it was prefetched with the image (``prepare_cards``,
    ``share_lead_images``): a write on every use costs the file cache a
    directory scan. The spec's ``Filter`` is made once per process.
    """
    return image.get_renditions(_filter(spec))[spec]


class NewsRendition(AbstractRendition):
    image = models.ForeignKey(
        NewsImage, on_delete=models.CASCADE, related_name="renditions"
    )

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
