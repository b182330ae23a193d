"""WSGI entry point, served by granian (``masthead serve``).

The page cache answers hits here, before Django builds a request.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")

django_application = get_wsgi_application()

from masthead.wsgicache import PageCacheApplication  # noqa: E402 - after setup

application = PageCacheApplication(django_application)
