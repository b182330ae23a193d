"""Shared by the appeals' browser tests."""

import pytest

from masthead.appeals.factories import appeal_build
from masthead.appeals.models import (
    Audience,
    Placement,
)
from masthead.news.factories import ArticlePageFactory, body_blocks

REMIND = "Not ready to support today? Remind me later"


@pytest.fixture
def articles(section):
    stories = [
        ArticlePageFactory(
            parent=section,
            title=title,
            body=body_blocks(
                [
                    f"{title}: part {n} of the reporting that readers paid for. "
                    + "Officials declined to comment on the record. " * 8
                    for n in range(1, 9)
                ]
            ),
        )
        for title in ("Commission bars candidate", "Court upholds ban", "Choir fined")
    ]
    appeal_build(
        "favour",
        remind_label=REMIND,
        variants=[
            {
                "headline": "Before you go: a small favour",
                "body": "<p>We carry no ads and track no one. Support us "
                "monthly, starting from just $2.</p>",
                "button_label": "Support us monthly",
                "frequency": "month",
                "amount": 2,
            }
        ],
    )
    appeal_build(
        "banner",
        placement=Placement.BANNER,
        show_goal_meter=False,
        remind_label="Not now",
        variants=[
            {
                "headline": "We switched off every ad. Running the newsroom "
                "costs $10,000 a month.",
                "button_label": "Give monthly",
                "amount": 5,
            }
        ],
    )
    appeal_build(
        "inline",
        placement=Placement.INLINE,
        inline_after=6,
        min_articles=2,
        audience=Audience.EVERYONE,
        show_goal_meter=False,
        variants=[
            {
                "headline": "Reporting like this is paid for by readers",
                "button_label": "Give $5 a month",
                "amount": 5,
            }
        ],
    )
    return stories
