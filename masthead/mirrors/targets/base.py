"""What every publishing target shares: the base class, its result, and
the helpers that compare an export with a copy of it.
"""

import hashlib
import mimetypes
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

# Written by the export for its own bookkeeping; no target needs it.
SKIPPED_FILES = {"export-manifest.json", "export-state.json"}
# ManifestStaticFilesStorage names files name.<12 hex>.ext: their bytes never
# change under that name.
HASHED_NAME = re.compile(r"\.[0-9a-f]{12}\.[A-Za-z0-9]+$")
TEXT_TYPES = ("text/", "application/json", "application/xml", "application/rss+xml")
CONTENT_TYPES = {
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".xml": "application/xml",
    ".wasm": "application/wasm",
    ".svg": "image/svg+xml",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".woff2": "font/woff2",
    # Pagefind's index chunks are gzip data that its script fetches itself.
    ".pf_meta": "application/octet-stream",
    ".pf_index": "application/octet-stream",
    ".pf_fragment": "application/octet-stream",
    ".pagefind": "application/octet-stream",
}
Progress = Callable[[int, int], None]
# user:password@ (or token@) in https://user:password@git.example/repo.git
CREDENTIALS = re.compile(r"(\w+://)[^/@\s]+@")


class PublishError(Exception):
    """The target refused or failed; the message is safe to log and show."""


@dataclass
class Result:
    """What one target did with one export."""

    target: str
    ok: bool = True
    written: int = 0
    removed: int = 0
    unchanged: int = 0
    message: str = ""
    seconds: float = 0.0

    def summary(self) -> str:
        if not self.ok:
            return self.message
        text = (
            f"{self.written} written, {self.removed} removed, "
            f"{self.unchanged} unchanged in {self.seconds:.1f} s"
        )
        return f"{text}; {self.message}" if self.message else text


def export_files(source: Path) -> Iterator[str]:
    """The export's files, as sorted POSIX paths relative to ``source``."""
    paths = []
    for folder, _dirs, names in os.walk(source):
        for name in names:
            path = (Path(folder) / name).relative_to(source).as_posix()
            if path not in SKIPPED_FILES:
                paths.append(path)
    return iter(sorted(paths))


def content_type(path: str) -> str:
    """The Content-Type a reader's browser needs for this file."""
    suffix = Path(path).suffix.lower()
    kind = CONTENT_TYPES.get(suffix) or mimetypes.guess_type(path)[0]
    kind = kind or "application/octet-stream"
    if kind.startswith(TEXT_TYPES):
        kind += "; charset=utf-8"
    return kind


def cache_control(path: str, max_age: int) -> str:
    """Long and immutable for hashed static names; short for everything else."""
    if HASHED_NAME.search(path):
        return "public, max-age=31536000, immutable"
    return f"public, max-age={max_age}"


def file_digest(path: Path, algorithm: str = "sha256") -> str:
    with path.open("rb") as file:
        return hashlib.file_digest(file, algorithm).hexdigest()


def sync_tree(
    source: Path,
    destination: Path,
    *,
    keep: Callable[[str], bool] = lambda path: False,
    progress: Progress | None = None,
) -> tuple[int, int, int]:
    """Make ``destination`` hold exactly the export's files; return counts.

    Like ``rsync -a --delete``: a file is rewritten only when its bytes differ,
    through a temporary file and a rename, so a reader never gets half of one;
    files that are not in the export are removed unless ``keep`` says so.
    Returns (written, removed, unchanged).
    """
    wanted = list(export_files(source))
    written = unchanged = removed = 0
    destination.mkdir(parents=True, exist_ok=True)
    for done, path in enumerate(wanted, 1):
        new, old = source / path, destination / path
        if (
            old.is_file()
            and not old.is_symlink()
            and old.stat().st_size == new.stat().st_size
            and file_digest(old) == file_digest(new)
        ):
            unchanged += 1
        else:
            old.parent.mkdir(parents=True, exist_ok=True)
            if old.is_dir() and not old.is_symlink():
                shutil.rmtree(old)
            handle, temporary = tempfile.mkstemp(dir=old.parent, prefix=".publish-")
            os.close(handle)
            shutil.copyfile(new, temporary)
            os.chmod(temporary, 0o644)
            os.replace(temporary, old)
            written += 1
        if progress:
            progress(done, len(wanted))
    present = set(wanted)
    for folder, dirs, names in os.walk(destination, topdown=False):
        here = Path(folder)
        relative = here.relative_to(destination).as_posix()
        if relative != "." and keep(relative):
            continue
        dirs[:] = [name for name in dirs if not keep(f"{relative}/{name}")]
        for name in names:
            path = (here / name).relative_to(destination).as_posix()
            if path not in present and not keep(path):
                (here / name).unlink()
                removed += 1
        if here != destination and not any(here.iterdir()):
            here.rmdir()
    return written, removed, unchanged


class Target:
    """The base of every publishing target: a name, options, one method."""

    # What the target is, for the operator: "directory", "S3 bucket", …
    kind = "target"

    def __init__(self, *, name: str, **options):
        if options:
            unknown = ", ".join(sorted(key.upper() for key in options))
            raise ImproperlyConfigured(
                f"Publishing target {name!r}: unknown option(s) {unknown}."
            )
        self.name = name

    def __str__(self) -> str:
        return f"{self.name} ({self.kind})"

    def publish(self, source: Path, *, progress: Progress | None = None) -> Result:
        """Make this target's copy equal to the export in ``source``."""
        raise NotImplementedError

    def _required(self, value, option: str):
        if not value:
            raise ImproperlyConfigured(
                f"Publishing target {self.name!r} ({self.kind}) needs the "
                f"option {option}."
            )
        return value
