"""The export's files, written where they are rendered.

Each render process writes the pages it renders and sends back only their
digests (and, for an indexed page, the text Pagefind indexes), so the writes
run beside the renders instead of one by one in the exporting process once
every page is done. A file whose bytes are the last export's is left as it is.
"""

import hashlib
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Stored:
    """A file of the export: its digest and size, and whether it was written."""

    digest: str
    size: int
    written: bool


@dataclass
class Writer:
    directory: Path
    old_manifest: dict[str, str] = field(default_factory=dict)
    # Folders this process made or found, so each is made once.
    folders: set[Path] = field(default_factory=set)

    def store(self, path: str, content: bytes) -> Stored:
        """Write ``content`` at ``path`` unless the last export wrote the same."""
        digest = hashlib.sha256(content).hexdigest()
        file = self.directory / path
        if self.old_manifest.get(path) == digest and file.is_file():
            return Stored(digest, len(content), False)
        folder = file.parent
        if folder not in self.folders:
            folder.mkdir(parents=True, exist_ok=True)
            self.folders.add(folder)
        file.write_bytes(content)
        return Stored(digest, len(content), True)
