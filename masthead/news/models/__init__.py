"""The publication: front page, sections, articles, authors, images.

A package by responsibility; Django finds the models here, so every model
(and the helpers other modules import from ``masthead.news.models``) is
re-exported.
"""

from masthead.news.models.article_parts import (
    ArticleAuthor,
    ArticleTag,
    CitedSource,
    Correction,
    RelatedArticle,
)
from masthead.news.models.authors import Author
from masthead.news.models.home import HomePage, InfoPage
from masthead.news.models.images import NewsImage, NewsRendition, rendition_for
from masthead.news.models.pages import (
    ARTICLES_PER_PAGE,
    FRONT_SECTION_ARTICLES,
    SHOWN_WITH,
    ArticlePage,
    ArticlePageQuerySet,
    SectionPage,
    author_links,
    paginate,
    prepare_cards,
    sections_by_path,
    tag_links,
)
from masthead.news.models.routing import (
    NewsPage,
    OneChildTypeRoutingMixin,
    OneQueryViewRestrictionsMixin,
    view_restricted,
)

__all__ = [
    "ARTICLES_PER_PAGE",
    "FRONT_SECTION_ARTICLES",
    "SHOWN_WITH",
    "ArticleAuthor",
    "ArticlePage",
    "ArticlePageQuerySet",
    "ArticleTag",
    "Author",
    "CitedSource",
    "Correction",
    "HomePage",
    "InfoPage",
    "NewsImage",
    "NewsPage",
    "NewsRendition",
    "OneChildTypeRoutingMixin",
    "OneQueryViewRestrictionsMixin",
    "RelatedArticle",
    "SectionPage",
    "author_links",
    "paginate",
    "prepare_cards",
    "rendition_for",
    "sections_by_path",
    "tag_links",
    "view_restricted",
]
