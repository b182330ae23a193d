import pytest

from masthead.appeals.models import Appeal, AppealVariant, Placement
from masthead.news.factories import ArticlePageFactory, body_blocks


def make_appeal(key="end", *, variants=None, sections=(), **fields) -> Appeal:
    """An appeal with its variants: a list of dicts, one per variant."""
    fields.setdefault("name", key.title())
    fields.setdefault("placement", Placement.END)
    appeal = Appeal.objects.create(key=key, **fields)
    for index, variant in enumerate(variants or [{}]):
        AppealVariant.objects.create(
            appeal=appeal,
            sort_order=index,
            **{
                "headline": f"{key} headline {index}",
                "body": "<p>Please support us.</p>",
                "button_label": "Support us",
                **variant,
            },
        )
    if sections:
        appeal.sections.set(sections)
        appeal.save()  # a cluster's many-to-many is written on save
    return appeal


@pytest.fixture
def appeal_factory(db):
    return make_appeal


@pytest.fixture
def long_article(section):
    return ArticlePageFactory(
        parent=section,
        title="Commission bars candidate",
        body=body_blocks([f"Paragraph {n}." for n in range(1, 7)]),
    )
