"""The people who write the articles."""

from django.db import models
from django.urls import reverse
from wagtail.admin.panels import (
    FieldPanel,
)
from wagtail.fields import RichTextField
from wagtail.search import index

from masthead.news.blocks import RICH_TEXT_FEATURES
from masthead.news.models.images import NewsImage


class Author(index.Indexed, models.Model):
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True)
    role = models.CharField(max_length=120, blank=True)
    bio = RichTextField(blank=True, features=RICH_TEXT_FEATURES)
    photo = models.ForeignKey(
        NewsImage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("role"),
        FieldPanel("bio"),
        FieldPanel("photo"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("news:author", kwargs={"slug": self.slug})
