"""``{% article_card article …options %}``: an article's card, as
``{% include "news/includes/article_card.html" with …options %}`` renders it.

While the static export renders (``export_hints.rendering``), each card's HTML
is kept by the article's version and the card's options: a card shows on
its section's listing, its tags' and authors' pages and the front page, and
is rendered once for all of them.
"""

from django import template
from django.utils.translation import get_language

from masthead.news.models.export_hints import snapshot

register = template.Library()

CARD = "news/includes/article_card.html"
# What the card template reads besides the article (from the tag or around it).
OPTIONS = ("is_lead", "show_image", "level", "grid", "hide_section")


@register.simple_tag(takes_context=True)
def article_card(context, article, **options):
    card = context.template.engine.get_template(CARD)
    with context.push(article=article, **options):
        known = snapshot()
        if known is None or article is None:
            return card.render(context)
        key = (
            article.pk,
            article.latest_revision_id,
            article.last_published_at,
            get_language(),
            *(context.get(name) for name in OPTIONS),
        )
        html = known.cards.get(key)
        if html is None:
            html = card.render(context)
            known.cards.set(key, html)
        return html
