from django.conf import settings

from masthead.news.models import SectionPage


def publication(request) -> dict:
    """Give every template the newsroom's name and its sections."""
    return {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "canonical_base": settings.SITE_URL,
        "nav_sections": SectionPage.objects.live()
        .order_by("path")
        .only("title", "url_path", "path", "depth"),
    }
