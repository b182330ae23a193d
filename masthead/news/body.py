"""The article body, and the places where other apps add to an article.

News renders its own body. Other apps (appeals, newsletters) add to it through
two Wagtail hooks, registered in their ``wagtail_hooks.py``, so the
publication renders the same without them installed:

- ``INSERT_AFTER_PARAGRAPHS``: ``fn(context, page) -> {n: [html, …]}`` puts
  HTML after the article's n-th paragraph, counted across its text blocks
  (the n-th paragraph the reader sees). An n past the last paragraph is
  dropped.
- ``AFTER_ARTICLE``: ``fn(context, page) -> html`` appends HTML at the end of
  the article, before the list of related articles.
"""

from collections.abc import Iterable

from django.utils.safestring import SafeString, mark_safe
from wagtail import hooks

from masthead.memo import rendered_once
from masthead.news import fragments

INSERT_AFTER_PARAGRAPHS = "masthead_insert_after_paragraphs"
AFTER_ARTICLE = "masthead_after_article"
PARAGRAPH_END = "</p>"


def split_after_paragraphs(html: str, count: int) -> tuple[str, str] | None:
    """Split rendered rich text after its ``count``-th paragraph, if it has one."""
    position = 0
    for _ in range(count):
        found = html.find(PARAGRAPH_END, position)
        if found == -1:
            return None
        position = found + len(PARAGRAPH_END)
    return html[:position], html[position:]


def _insertions(context, page) -> dict[int, list[str]]:
    """Gather every app's insertions, in hook order, by paragraph number."""
    waiting: dict[int, list[str]] = {}
    for insert in hooks.get_hooks(INSERT_AFTER_PARAGRAPHS):
        for after, parts in insert(context, page).items():
            waiting.setdefault(after, []).extend(parts)
    return waiting


def rendered_blocks(context, page) -> list[tuple[str, str]]:
    """The article's blocks as (type, HTML), cached by ``article_version``.

    The article's own parts (its live revision and ``version("news")``, see
    masthead.news.fragments); a preview has a version of its own. Without
    one in the context, the blocks are rendered.
    """
    flat = context.flatten()

    def build() -> list[tuple[str, str]]:
        return [
            (block.block_type, str(block.render_as_block(context=flat)))
            for block in page.body
        ]

    version = flat.get("article_version")
    if version is None or str(version).startswith("preview."):
        return build()
    if rendered_once():  # the static export: each article's blocks once
        return build()
    return fragments.cached(f"body:{version}", build)


def render_body(context, page) -> SafeString:
    """Return the article's body with the other apps' insertions in place."""
    waiting = _insertions(context, page)
    parts: list[str] = []
    seen = 0
    for block_type, html in rendered_blocks(context, page):
        if block_type != "paragraph" or not waiting:
            parts.append(html)
            continue
        paragraphs = html.count(PARAGRAPH_END)
        for after in sorted(n for n in waiting if seen < n <= seen + paragraphs):
            head, html = split_after_paragraphs(html, after - seen)
            parts.append(head)
            parts.extend(waiting.pop(after))
            seen = after
        seen += html.count(PARAGRAPH_END)
        parts.append(html)
    return mark_safe("".join(parts))  # noqa: S308 - rendered blocks and hooks


def _join(fragments: Iterable[str]) -> SafeString:
    return mark_safe("".join(fragments))  # noqa: S308 - hooks return rendered HTML


def render_after_article(context, page) -> SafeString:
    """Return what the other apps append to the article, in hook order."""
    return _join(str(after(context, page)) for after in hooks.get_hooks(AFTER_ARTICLE))
