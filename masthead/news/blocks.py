"""StreamField blocks of an article body. Nothing here loads from other hosts."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, label=_("Who said it"))

    class Meta:
        icon = "openquote"
        template = "news/blocks/quote.html"


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    caption = blocks.CharBlock(required=False)
    credit = blocks.CharBlock(
        required=False, help_text=_("Leave blank to use the image's own credit.")
    )

    class Meta:
        icon = "image"
        template = "news/blocks/figure.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)
    heading = blocks.CharBlock(
        form_classname="title", template="news/blocks/heading.html"
    )
    quote = QuoteBlock()
    pull_quote = blocks.TextBlock(
        icon="pick", label=_("Pull quote"), template="news/blocks/pull_quote.html"
    )
    image = FigureBlock()
