#!/usr/bin/env python
"""Django's manage.py; the ``masthead`` console script does the same."""

from masthead.cli import main

if __name__ == "__main__":
    main()
