"""The code's shape (issue 14): no Python file is over 400 lines.

A file that long holds more than one subject; split it by domain noun.
Migrations (written by Django) and the demo's prose are not read as code.
"""

from pathlib import Path

import masthead

REPO = Path(masthead.__file__).parent.parent
MAX_LINES = 400


def _python_files():
    for top in ("masthead", "bench"):
        for path in (REPO / top).rglob("*.py"):
            relative = path.relative_to(REPO)
            if "migrations" in relative.parts:
                continue
            if relative.parent.name == "demo" and path.name.startswith("content_"):
                continue
            yield relative
    yield from (path.relative_to(REPO) for path in REPO.glob("*.py"))


def test_no_python_file_is_over_400_lines():
    lengths = {
        str(relative): len((REPO / relative).read_text().splitlines())
        for relative in _python_files()
    }
    assert len(lengths) > 100, "the walk found too few files to be the tree"
    too_long = {name: lines for name, lines in lengths.items() if lines > MAX_LINES}
    assert too_long == {}
