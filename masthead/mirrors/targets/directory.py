"""A publishing target that is a folder on this machine."""

import time
from pathlib import Path

from masthead.mirrors.targets.base import (
    Progress,
    PublishError,
    Result,
    Target,
    sync_tree,
)


class Directory(Target):
    """A folder on this machine: a disk that another web server serves, a mount."""

    kind = "directory"

    def __init__(self, *, name: str, path: str = "", **options):
        super().__init__(name=name, **options)
        self.path = Path(self._required(path, "PATH")).expanduser()

    def __str__(self) -> str:
        return f"{self.name} (directory {self.path})"

    def publish(self, source: Path, *, progress: Progress | None = None) -> Result:
        started = time.perf_counter()
        try:
            written, removed, unchanged = sync_tree(
                source, self.path, progress=progress
            )
        except OSError as error:
            raise PublishError(f"cannot write to {self.path}: {error}") from error
        return Result(
            self.name,
            written=written,
            removed=removed,
            unchanged=unchanged,
            seconds=time.perf_counter() - started,
        )
