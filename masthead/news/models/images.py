"""Images with alt text and credits, and their renditions."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image

from masthead.news.models.export_hints import snapshot


class NewsImage(AbstractImage):
    """An image with alt text (``description``, required) and a credit."""

    credit = models.CharField(max_length=255, blank=True, verbose_name=_("credit"))

    admin_form_fields = (*Image.admin_form_fields, "credit")

    @property
    def alt(self) -> str:
        return self.description or self.title

    def get_renditions(self, *filters):
        """Wagtail's, looked up once per image and filters while the static
        export renders (a card's image is on many of its pages)."""
        known = snapshot()
        if known is None:
            return super().get_renditions(*filters)
        memo = known.renditions
        key = (
            self.pk,
            self.file.name,
            self.focal_point_x,
            self.focal_point_y,
            self.focal_point_width,
            self.focal_point_height,
            *(str(getattr(f, "spec", f)) for f in filters),
        )
        found = memo.get(key)
        if found is None:
            found = memo[key] = super().get_renditions(*filters)
        return found


def rendition_for(image: "NewsImage", spec: str) -> "NewsRendition":
    """Return the rendition of ``image`` for the filter ``spec``.

    Unlike Wagtail's ``get_rendition``, it does not write the rendition back
    to the cache when it came from there (or from prefetched renditions): a
    write on every use costs the file cache a directory scan.
    """
    return image.get_renditions(spec)[spec]


class NewsRendition(AbstractRendition):
    image = models.ForeignKey(
        NewsImage, on_delete=models.CASCADE, related_name="renditions"
    )

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
