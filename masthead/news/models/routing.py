"""How a page is found and addressed: routing and view restrictions, one
query each, and URLs worked out once while the export renders."""

from django.db.models import (
    Exists,
    OuterRef,
    Q,
)
from django.db.models.functions import Length, Substr
from django.utils.translation import get_language
from wagtail.models import Page, PageViewRestriction

from masthead.news import fragments
from masthead.news.models.export_hints import snapshot


class OneChildTypeRoutingMixin:
    """Route to a child page in one query when it is of the usual type.

    Wagtail's default finds the child, then fetches its specific model: two
    queries per level of the URL. The front page's children are mostly
    sections (the rest are pages such as About), and a section's children
    are articles, so the usual type is asked for first, with what its page
    shows at once (``route_select_related``).
    """

    def route(self, request, path_components):
        child_models = self.allowed_subpage_models()
        if not path_components:
            return super().route(request, path_components)
        model = child_models[0]
        children = model.objects.child_of(self).select_related(
            *getattr(model, "route_select_related", ())
        )
        try:
            child = children.get(slug=path_components[0])
        except model.DoesNotExist:
            return super().route(request, path_components)  # other pages; 404
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])


def restricted_paths() -> frozenset[str]:
    """The paths of the pages that a view restriction covers with their subtrees.

    Pages with a restriction, and aliases whose source has one (an alias takes
    its source's restrictions, as in Wagtail). Cached by ``version("news")``,
    which a change of restrictions or aliases renews (masthead.news.signals).
    """

    def build() -> frozenset[str]:
        restricted = PageViewRestriction.objects.values("page_id")
        return frozenset(
            Page.objects.filter(
                Q(pk__in=restricted) | Q(alias_of__in=restricted)
            ).values_list("path", flat=True)
        )

    return fragments.cached("restricted-paths", build)


class OneQueryViewRestrictionsMixin:
    """Find the view restrictions on a page and its ancestors in one query.

    Wagtail reads the ancestors first, then their restrictions, on every
    request a reader makes. The ancestors' paths are prefixes of the page's
    own; an ancestor that is an alias takes its source's restrictions (as in
    Wagtail), and an alias page itself is left to Wagtail. A page that no
    restricted path covers (``restricted_paths``, cached) needs no query.
    """

    def get_view_restrictions(self):
        if self.alias_of_id:
            return super().get_view_restrictions()
        paths = [
            self.path[:end]
            for end in range(Page.steplen, len(self.path) + 1, Page.steplen)
        ]
        if restricted_paths().isdisjoint(paths):
            return PageViewRestriction.objects.none()
        sources = Page.objects.filter(path__in=paths, alias_of__isnull=False)
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths) | Q(page__in=sources.values("alias_of"))
        )


class NewsPage(OneQueryViewRestrictionsMixin, Page):
    """A page of the newsroom: the front page, a section, an article, an
    information page."""

    class Meta:
        abstract = True

    def get_url_parts(self, request=None):
        """Wagtail's, worked out once per page while the export renders
        (``Snapshot.url_parts``): the cards and headline lists of every
        page link to the same articles."""
        known = snapshot()
        if known is None:
            return super().get_url_parts(request)
        key = (self.pk, self.url_path, get_language())
        if key not in known.url_parts:
            known.url_parts[key] = super().get_url_parts(request)
        return known.url_parts[key]


def view_restricted() -> Exists:
    """Whether a view restriction covers the page: on it or an ancestor.

    The same rule as Wagtail's ``PageQuerySet.public()``, as one subquery
    rather than a query for the restrictions each time it is used.
    """
    return Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
    )
