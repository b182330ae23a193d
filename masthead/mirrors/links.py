"""Links of an exported page made relative, and the pages they name queued.

Every link to our own site (in HTML attributes, ``srcset`` candidates and
CSS ``url()``) becomes a link from the file that holds it to the file of
what it names (``paths.output_path``), so that the export works from any
host, under any sub-path and from ``file://``; search and support become
their static pages. The canonical link alone keeps naming the main domain.
"""

import re
from html import unescape
from urllib.parse import urlsplit

from masthead.mirrors.paths import (
    ATTRIBUTE,
    CSS_URL,
    PAGE_QUERY,
    SEARCH_PATH,
    SKIPPED_PREFIXES,
    SUPPORT_PATH,
    TAG,
    by_top,
    output_path,
)

QUOTES = {'"': "&quot;", "'": "&#x27;"}


class LinkRewriter:
    """Rewrites links for the exporter: ``own_hosts`` are the site's hosts,
    ``current_path`` the URL path of the page being rewritten, ``queued``
    every URL queued so far, ``links`` the links and ``tags`` the tags
    worked out so far."""

    own_hosts: set
    current_path: str
    queued: set[str]
    links: dict[tuple, str]
    tags: dict[tuple, str]

    def internal(self, value: str) -> tuple[str, str, str] | None:
        """(path, query, fragment) when ``value`` points at our own site."""
        value = value.strip()
        if not value or value.startswith(("#", "data:", "mailto:", "javascript:")):
            return None
        if value.startswith("?"):
            value = self.current_path + value
        parts = urlsplit(value)
        if parts.scheme or parts.netloc:
            if parts.scheme not in ("http", "https", ""):
                return None
            if parts.netloc not in self.own_hosts:
                return None
        elif not parts.path.startswith("/"):
            return None  # already relative
        return parts.path or "/", parts.query, parts.fragment

    def link_for(self, value: str, source: str, queue) -> str:
        """The link to ``value`` from the file ``source``; queue what it names.

        Worked out once per value and depth (links go up to the export's top
        folder, then down): the same links (the header's, the footer's, the
        cards') are on every page.
        """
        key = (value, source.count("/"), value[:1] == "?" and self.current_path)
        link = self.links.get(key)
        if link is None:
            link = self.links[key] = self.new_link(value, source, queue)
        return link

    def new_link(self, value: str, source: str, queue) -> str:
        found = self.internal(value)
        if found is None:
            return value
        path, query, fragment = found
        if path.startswith(SEARCH_PATH):
            target = output_path(SEARCH_PATH)
        elif path == SUPPORT_PATH or path.startswith(SUPPORT_PATH):
            target = output_path(SUPPORT_PATH)
        elif path.startswith(SKIPPED_PREFIXES):
            return value
        else:
            if query and not PAGE_QUERY.match(query):
                query = ""
            url = path + (f"?{query}" if query else "")
            if url not in self.queued:
                self.queued.add(url)
                queue.append(url)
            target = output_path(path, query)
        link = by_top(target, source)
        return link + (f"#{fragment}" if fragment else "")

    def rewrite_html(self, html: str, source: str, queue) -> str:
        def attribute(match: re.Match) -> str:
            name, quote, value = match["name"], match["quote"], match["value"]
            if name.strip().lower() == "srcset":
                candidates = []
                for candidate in value.split(","):
                    bits = candidate.strip().split(None, 1)
                    if bits:
                        bits[0] = self.link_for(bits[0], source, queue)
                        candidates.append(" ".join(bits))
                value = ", ".join(candidates)
            else:
                url = unescape(value) if "&" in value else value
                link = self.link_for(url, source, queue)
                if link != url:  # ours, made relative; another site's stays
                    value = link.replace("&", "&amp;").replace(quote, QUOTES[quote])
            return f"{name}={quote}{value}{quote}"

        depth = source.count("/")
        tags = self.tags

        def tag(match: re.Match) -> str:
            text = match.group(0)
            # The same tags (the header's, the footer's, the cards') are on
            # every page: each is rewritten once per depth, unless a link in
            # it is a bare query (``?page=2``), which names the page it is on.
            key = (text, depth)
            rewritten = tags.get(key)
            if rewritten is None:
                if 'rel="canonical"' in text:  # the one link to the main domain
                    return text
                rewritten = ATTRIBUTE.sub(attribute, text)
                if "='?" not in text and '="?' not in text:
                    tags[key] = rewritten
            return rewritten

        return TAG.sub(tag, html)

    def rewrite_css(self, css: str, source: str, queue) -> str:
        def url(match: re.Match) -> str:
            return f"url({match[1]}{self.link_for(match[2], source, queue)}{match[1]})"

        return CSS_URL.sub(url, css)
