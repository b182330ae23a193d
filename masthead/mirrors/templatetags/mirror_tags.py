"""The short mirror list in the footer of every page."""

from django import template

from masthead.mirrors import selectors

register = template.Library()


@register.inclusion_tag("mirrors/footer.html")
def mirrors_footer() -> dict:
    return {"mirrors": selectors.short_list()}
