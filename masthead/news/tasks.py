"""Background work of the publication."""

from django_tasks import task

from masthead.news import services
from masthead.news.models import ArticlePage


@task()
def recompute_related(article_id: int, cascade: bool = True) -> int:
    """Recompute "Read more" for an article and for articles sharing its tags."""
    article = ArticlePage.objects.live().filter(pk=article_id).first()
    if article is None:
        return 0
    articles = [article]
    if cascade:
        articles += ArticlePage.objects.filter(
            pk__in=services.articles_affected_by(article=article)
        )
    services.related_articles_recompute(articles=articles)
    return len(articles)
