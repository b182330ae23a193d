from django.urls import path

from masthead.news import views

app_name = "news"

urlpatterns = [
    path("authors/", views.authors, name="authors"),
    path("authors/<slug:slug>/", views.author, name="author"),
    path("tags/<slug:slug>/", views.tag, name="tag"),
    path("search/", views.search, name="search"),
    path("feed.xml", views.rss, name="rss"),
    path("atom.xml", views.atom, name="atom"),
    path("feed.json", views.json_feed, name="json_feed"),
    path("<slug:section>/feed.xml", views.rss, name="section_rss"),
    path("<slug:section>/atom.xml", views.atom, name="section_atom"),
    path("<slug:section>/feed.json", views.json_feed, name="section_json_feed"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("news-sitemap.xml", views.news_sitemap, name="news_sitemap"),
    path("robots.txt", views.robots, name="robots"),
    path("healthz", views.healthz, name="healthz"),
]
