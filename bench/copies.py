"""Django set up on a copy of a benchmark archive (``archive.prepare``)."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_copy(var_dir: Path, source: Path) -> None:
    """Set Django up on ``var_dir``, a copy of the archive ``source`` (its
    media shared): SQLite and the default file cache, as a newsroom has them."""
    os.environ.update(
        MASTHEAD_VAR_DIR=str(var_dir),
        MEDIA_ROOT=str(source / "media"),
        DJANGO_SETTINGS_MODULE="masthead.settings",
    )
    os.environ.pop("DATABASE_URL", None)
    os.environ.pop("CACHE_URL", None)  # the file cache under the var folder
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
