"""The small sign-up form for the footer and the end of articles."""

from django import template

from masthead.newsletters import selectors
from masthead.newsletters.forms import SignUpForm

register = template.Library()


@register.inclusion_tag("newsletters/signup_form.html")
def newsletter_signup(prefix: str = "footer", form=None) -> dict:
    """Render the sign-up form; ``prefix`` keeps its ids apart from another's."""
    newsletters = selectors.public_newsletters()
    chosen = set()
    if form is not None and form.is_bound:
        chosen = set(form.data.getlist("newsletters"))
    elif len(newsletters) == 1:
        chosen = {str(newsletters[0].pk)}
    return {
        "form": form or SignUpForm(),
        "newsletters": newsletters,
        "chosen": chosen,
        "prefix": prefix,
    }
