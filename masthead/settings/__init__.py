"""Masthead settings: every value comes from the environment (django-environ).

The defaults run on one machine with nothing else installed: SQLite in WAL
mode and a file cache under ``var/``, and the database task queue.
``DATABASE_URL`` and ``CACHE_URL`` switch to PostgreSQL and Redis.

``DJANGO_SETTINGS_MODULE=masthead.settings`` reads this module, which
gathers the parts, each named by what it configures: ``site`` (files, key,
address, hosts), ``project`` (apps, middleware, templates, static files,
logs), ``database``, ``caches``, ``tasks``, ``security``, ``accounts``,
``wagtail``, ``mail``, and one part for each app that has settings of its
own: ``funding``, ``appeals``, ``mirrors``, ``newsletters``. No two parts
set the same name, so the order below does not matter. The tests'
environment is set in pyproject.toml.
"""

from .accounts import *  # noqa: F403
from .appeals import *  # noqa: F403
from .caches import *  # noqa: F403
from .database import *  # noqa: F403
from .funding import *  # noqa: F403
from .mail import *  # noqa: F403
from .mirrors import *  # noqa: F403
from .newsletters import *  # noqa: F403
from .project import *  # noqa: F403
from .security import *  # noqa: F403
from .site import *  # noqa: F403
from .tasks import *  # noqa: F403
from .wagtail import *  # noqa: F403
