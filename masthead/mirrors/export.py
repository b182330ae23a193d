"""The static export: the whole public site as a folder of files.

Every page is rendered from its view with RequestFactory requests (Django's
handler answers the first and any the view does not; ``mirrors.exporter``),
then every link to our own site is
rewritten to a relative one, so that the folder works from any host, under any
sub-path, from ``file://`` (links point at ``index.html``), from a bucket and
from IPFS. Pages that need our server get static equivalents: search runs in
the browser over a Pagefind index, and the support page lists the ways to give
that need no server (bank transfer, crypto, with their QR codes).

The export is incremental: ``export-manifest.json`` keeps a hash of every file
written, ``export-state.json`` the key of what each page shows
(``masthead.mirrors.generations``) and every URL exported. A second export
renders only the pages whose key changed, writes only the files whose bytes
changed and removes the files that are gone (an unpublished article). Pages
render in two processes when there are many.
"""

import gc
import json
import os
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection

from masthead.mirrors import generations
from masthead.mirrors.exporter import Exporter

MANIFEST = "export-manifest.json"


@dataclass
class Report:
    pages: int = 0
    files: int = 0
    written: int = 0
    removed: int = 0
    bytes: int = 0
    seconds: float = 0.0
    missing: list[str] = field(default_factory=list)
    rendered: int = 0  # pages rendered this time
    skipped: int = 0  # pages whose key had not changed: kept as they were

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0


STATE = "export-state.json"


def _read_json(file: Path) -> dict:
    try:
        value = json.loads(file.read_text())
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def default_workers() -> int:
    return max(1, min(2, os.cpu_count() or 1))


def export_site(
    directory: Path,
    *,
    zip_path: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
    full: bool = False,
    workers: int | None = None,
) -> Report:
    """Export the public site into ``directory``; write only what changed.

    Pages whose key (``masthead.mirrors.generations``) is the one kept from
    the last export are not rendered again; ``full`` renders everything.
    Pages render in ``workers`` processes (default: up to 2), or in this one
    inside a transaction, whose rows other processes could not see.
    """
    started = time.perf_counter()
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    if workers is None:
        workers = default_workers()
    if connection.in_atomic_block:
        workers = 1
    old = _read_json(directory / MANIFEST)
    state = _read_json(directory / STATE)
    exporter = Exporter(progress=progress)
    plan = generations.plan()
    # The plan's hundred thousand objects live to the end: out of the
    # collector's way, which would otherwise walk them again and again.
    gc.freeze()
    try:
        exporter.crawl(
            plan=plan,
            directory=directory,
            old_manifest=old,
            old_state=state,
            full=full,
            workers=workers,
        )
        new: dict[str, str] = {}
        sizes: dict[str, int] = {}  # path -> bytes, kept in the state
        old_sizes = state.get("sizes") if isinstance(state.get("sizes"), dict) else {}
        report = Report(
            missing=exporter.missing,
            rendered=exporter.rendered,
            skipped=exporter.skipped,
        )
        report.pages = exporter.rendered + exporter.skipped
        for path, content in exporter.search_index().items():
            exporter.keep(path, content)
        for path, stored in exporter.stored.items():
            new[path] = stored.digest
            sizes[path] = stored.size
            report.bytes += stored.size
            report.written += stored.written
        for path, digest in exporter.carried.items():
            new[path] = digest
            size = old_sizes.get(path)
            if not isinstance(size, int) or old.get(path) != digest:
                size = (directory / path).stat().st_size
            sizes[path] = size
            report.bytes += size
        for path in set(old) - set(new):
            file = directory / path
            if file.is_file():
                file.unlink()
                report.removed += 1
                _prune(file.parent, directory)
        _save(directory / MANIFEST, new, old)
        _save(
            directory / STATE,
            {
                "keys": exporter.keys,
                "urls": sorted(exporter.urls),
                "search": exporter.search_state,
                "sizes": sizes,
            },
            state,
        )
        report.files = len(new)
        if zip_path is not None:
            write_zip(directory, Path(zip_path), sorted(new))
    finally:
        gc.unfreeze()
    report.seconds = time.perf_counter() - started
    return report


def _save(file: Path, value: dict, old: dict) -> None:
    """Write ``value`` as JSON unless the file holds it already. Compact:
    ``indent`` would leave the work to json's pure-Python encoder."""
    if value != old or not file.is_file():
        file.write_text(json.dumps(value, separators=(",", ":"), sort_keys=True))


def write_zip(directory: Path, zip_path: Path, paths: list[str]) -> None:
    """One offline bundle: the export in a folder of the zip."""
    top = directory.resolve().name or "site"
    temporary = zip_path.with_suffix(zip_path.suffix + ".part")
    with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as bundle:
        for path in paths:
            bundle.write(directory / path, f"{top}/{path}")
    os.replace(temporary, zip_path)


def _prune(folder: Path, root: Path) -> None:
    root = root.resolve()
    folder = folder.resolve()
    while folder != root and root in folder.parents and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
