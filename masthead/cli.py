"""The ``masthead`` console script: every management command, plus our own."""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    """Run a management command, as ``manage.py`` would."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["masthead", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
