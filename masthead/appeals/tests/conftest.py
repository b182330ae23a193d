import pytest

from masthead.appeals.factories import appeal_build
from masthead.news.factories import ArticlePageFactory, body_blocks


@pytest.fixture
def appeal_factory(db):
    return appeal_build


@pytest.fixture
def long_article(section):
    return ArticlePageFactory(
        parent=section,
        title="Commission bars candidate",
        body=body_blocks([f"Paragraph {n}." for n in range(1, 7)]),
    )
