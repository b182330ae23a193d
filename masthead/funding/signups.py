"""The lists a donor may join from the support form ("Send me the newsletter").

Funding offers the ticks and knows nothing of newsletters. The app that owns
the lists registers, in its ``AppConfig.ready()``, where the choices come
from and what a tick starts; with none registered, the form offers no tick.
"""

from collections.abc import Callable

Choices = Callable[[], list[tuple[int, str]]]
SignUp = Callable[..., object]

_offer: dict[str, Callable] = {}


def register(*, choices: Choices, sign_up: SignUp) -> None:
    """Offer the lists ``choices()`` returns; ``sign_up`` gets the ticked ones.

    ``sign_up(email=…, list_ids=[…], language=…)`` is called once the form
    is valid, whether or not the payment goes through. Registering again
    replaces the offer.
    """
    _offer.update(choices=choices, sign_up=sign_up)


def choices() -> list[tuple[int, str]]:
    """(id, name) of each list offered on the support form."""
    return _offer["choices"]() if _offer else []


def sign_up(*, email: str, list_ids: list[int], language: str) -> None:
    if _offer and list_ids:
        _offer["sign_up"](email=email, list_ids=list_ids, language=language)
