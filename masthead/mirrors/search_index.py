"""The static export's search: a Pagefind index read in the browser, in parts.

The index is split into parts by page id (``PART_SIZE`` ids a part) plus one
part for the information pages. Each part is a Pagefind bundle of its own,
rebuilt only when the text of one of its pages changed; the browser merges
them with Pagefind's ``mergeIndex``. The first part is the primary bundle,
at ``pagefind/`` with Pagefind's scripts; the others hold only their index,
under ``pagefind/parts/<name>/``, listed in ``pagefind/parts.json``.

Pagefind indexes a short document per page rather than the page itself: the
page's own ``<article>`` (its headline, standfirst, byline and body), without
the "Read more" cards, navigation and appeals around it. Listings and cards
would match every word of the articles they show, and an edit to one article
would change the text of every page that shows it; as it is, one edit
changes one part.
"""

import hashlib
import json
import os
import re
import subprocess
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

PAGEFIND_DIR = "pagefind"
PARTS_DIR = f"{PAGEFIND_DIR}/parts"
PARTS_LIST = f"{PAGEFIND_DIR}/parts.json"
# Page ids a part covers: a rebuilt part of 100 is indexed in about 0.45 s
# (250: 1.0-1.2 s, the critical path of an edit's export),
# and a search fetches the index of (articles / PART_SIZE) parts.
PART_SIZE = 100
PAGES_PART = "pages"  # the information pages
# Files a merged part needs; the scripts and WebAssembly are the primary's.
PART_FILES = re.compile(
    r"^(pagefind-entry\.json|[^/]+\.pf_meta|(index|fragment|filter)/)"
)
EXCLUDE = "[data-appeal]"  # appeals inside an article are not its text

_LANG = re.compile(r"<html[^>]*\slang=\"([^\"]*)\"")


SEARCH_SCRIPT = """\
// Client-side search over the Pagefind index that ships with this copy.
const root = new URL("../", import.meta.url);
const form = document.getElementById("export-search-form");
const input = document.getElementById("export-search-q");
const status = document.getElementById("export-search-status");
const list = document.getElementById("export-search-results");
const query = new URLSearchParams(location.search).get("q") || "";
input.value = query;
// The notice about file:// shows unless this module runs (browsers do not
// load modules from file://).
document.getElementById("export-search-file").hidden = location.protocol !== "file:";
if (query.trim()) {
  status.textContent = "Searching…";
  const pagefind = await import(new URL("pagefind/pagefind.js", root).href);
  // The index comes in parts: the primary one above, the others merged in.
  const parts = await fetch(new URL("pagefind/parts.json", root), { cache: "no-cache" })
    .then((response) => (response.ok ? response.json() : []))
    .catch(() => []);
  const merged = (part) => new URL(`pagefind/parts/${part}/`, root).href;
  await Promise.all(parts.map((part) => pagefind.mergeIndex(merged(part))));
  const search = await pagefind.search(query);
  const results = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
  list.replaceChildren();
  for (const result of results) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    // Pagefind already prefixes its URLs with the path this copy is served at.
    link.href = new URL(result.url, location.href).href;
    link.textContent = (result.meta && result.meta.title) || result.url;
    const excerpt = document.createElement("p");
    excerpt.textContent = result.excerpt.replace(/<[^>]+>/g, "");
    item.append(link, excerpt);
    list.append(item);
  }
  status.textContent = results.length
    ? `${results.length} result(s) for “${query}”.`
    : `Nothing found for “${query}”.`;
}
form.addEventListener("submit", () => {});
"""


def part_name(page_id: int | None) -> str:
    """The part a page's text is indexed in (``None``: an information page)."""
    if page_id is None:
        return PAGES_PART
    return f"{page_id // PART_SIZE:05d}"


def primary_part(names) -> str | None:
    """The part that is the primary bundle: the information pages, or the first."""
    names = sorted(names)
    if PAGES_PART in names:
        return PAGES_PART
    return names[0] if names else None


def part_dir(name: str, primary: str) -> str:
    return PAGEFIND_DIR if name == primary else f"{PARTS_DIR}/{name}"


def _element(html: str, name: str, start: int = 0) -> tuple[int, int] | None:
    """Where the first ``<name …>…</name>`` from ``start`` begins and ends."""
    begin = html.find(f"<{name} ", start)
    if begin == -1:
        begin = html.find(f"<{name}>", start)
    end = html.find(f"</{name}>", begin)
    if begin == -1 or end == -1:
        return None
    return begin, end + len(name) + 3


def document(html: str) -> str:
    """Return what Pagefind indexes of a page: its own article, or its main."""
    lang = _LANG.search(html, 0, 2000)
    found = _element(html, "main")
    if found:
        article = _element(html[: found[1]], "article", found[0])
        found = article or found
    body = html[found[0] : found[1]] if found else html
    return (
        f'<!doctype html><html lang="{lang.group(1) if lang else ""}"><head>'
        f'<meta charset="utf-8"></head><body data-pagefind-body>{body}</body></html>'
    )


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:32]


# Pagefind reads its documents from a folder and writes its bundle to one:
# three small files or folders per page, deleted once read. On a disk
# (ext4) making and deleting tens of thousands of them cost a full export of
# 10,000 articles about 20 s of kernel time; in memory they cost nearly none.
MEMORY_FOLDER = "/dev/shm"  # noqa: S108 - a mkdtemp folder inside, made private
MEMORY_NEEDED = 256 * 1024 * 1024  # bytes free: a part needs a few MB


def scratch_folder() -> str | None:
    """Where Pagefind's scratch files go: memory when there is room, else
    the temporary folder (``TMPDIR``)."""
    try:
        stats = os.statvfs(MEMORY_FOLDER)
    except OSError:
        return None
    if not os.access(MEMORY_FOLDER, os.W_OK | os.X_OK):
        return None
    return MEMORY_FOLDER if stats.f_bavail * stats.f_frsize >= MEMORY_NEEDED else None


def _executable() -> str:
    from pagefind.service import _must_get_executable

    return str(_must_get_executable())


def build_part(documents: dict[str, str], *, merged: bool) -> dict[str, bytes]:
    """Index ``documents`` (export path -> document) into one Pagefind bundle.

    Return its files by their path inside the bundle; a merged part keeps
    only its index. Pagefind's command reads the documents from a folder of
    their own, at the paths of their pages (so that result URLs are theirs).
    """
    files = {}
    with tempfile.TemporaryDirectory(dir=scratch_folder()) as scratch:
        source, output = Path(scratch) / "site", Path(scratch) / "bundle"
        for path, text in documents.items():
            file = source / path
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(text)
        subprocess.run(  # noqa: S603 - Pagefind's own binary, our arguments
            [
                _executable(),
                "--site",
                str(source),
                "--output-path",
                str(output),
                "--keep-index-url",
                "--exclude-selectors",
                EXCLUDE,
                "--silent",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        for file in sorted(output.rglob("*")):
            name = file.relative_to(output).as_posix()
            if file.is_file() and (not merged or PART_FILES.match(name)):
                files[name] = file.read_bytes()
    return files


def build_parts(
    parts: dict[str, dict[str, str]], primary: str, *, workers: int = 2
) -> dict[str, bytes]:
    """Build each part of ``parts`` (name -> documents); return the export's files."""

    def build(name: str) -> dict[str, bytes]:
        bundle = build_part(parts[name], merged=name != primary)
        folder = part_dir(name, primary)
        return {f"{folder}/{path}": content for path, content in bundle.items()}

    files = {}
    # Threads: each one waits on a Pagefind process.
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        for built in pool.map(build, sorted(parts)):
            files.update(built)
    return files


def start(**kwargs) -> Future:
    """Run ``index_files`` in a thread of its own; its Pagefind processes
    run while this one goes on rendering."""
    pool = ThreadPoolExecutor(max_workers=1)
    future = pool.submit(index_files, **kwargs)
    pool.shutdown(wait=False)  # the build goes on; the thread ends with it
    return future


def index_files(
    *,
    parts: dict[str, str],
    documents: dict[str, str],
    carried: dict[str, str],
    directory: Path,
    old_manifest: dict[str, str],
    old_state: dict,
) -> tuple[dict[str, bytes], dict[str, str], dict]:
    """Return the files of the parts whose pages' text changed, the files of
    the others (kept as they are, with their digests) and the state to keep.

    ``parts`` maps each indexed export path to its part; a page is in
    ``documents`` (the text indexed of its new bytes, ``document()``) or in
    ``carried`` (kept from the last export, read back from ``directory``
    when its part is rebuilt).
    """
    old = old_state.get("search")
    old = old if isinstance(old, dict) else {}
    old_docs = old.get("docs", {})
    texts: dict[str, str] = {}
    docs: dict[str, str] = {}
    members: dict[str, list[str]] = {}
    for target, part in sorted(parts.items()):
        if target in documents:
            texts[target] = documents[target]
        elif target not in carried:
            continue
        elif target not in old_docs:
            texts[target] = document((directory / target).read_text())
        docs[target] = digest(texts[target]) if target in texts else old_docs[target]
        members.setdefault(part, []).append(target)
    primary = primary_part(members)
    keys = {
        name: digest(repr([(t, docs[t]) for t in targets]))
        for name, targets in members.items()
    }
    old_keys = old.get("parts", {}) if old.get("primary") == primary else {}
    kept: dict[str, str] = {}
    stale: dict[str, dict[str, str]] = {}
    # The last export's index files by the folder of their part, in one pass.
    by_folder: dict[str, list[str]] = {}
    for path in old_manifest:
        if not path.startswith(PAGEFIND_DIR + "/") or path == PARTS_LIST:
            continue
        if path.startswith(PARTS_DIR + "/"):
            folder = "/".join(path.split("/", 3)[:3])
        else:
            folder = PAGEFIND_DIR
        by_folder.setdefault(folder, []).append(path)
    for name, targets in members.items():
        files = by_folder.get(part_dir(name, primary), [])
        if (
            old_keys.get(name) == keys[name]
            and files
            and all((directory / path).is_file() for path in files)
        ):
            kept.update((path, old_manifest[path]) for path in files)
            continue
        stale[name] = {
            target: texts.get(target) or document((directory / target).read_text())
            for target in targets
        }
    built = build_parts(stale, primary) if stale else {}
    merged = sorted(name for name in members if name != primary)
    built[PARTS_LIST] = (json.dumps(merged) + "\n").encode()
    return built, kept, {"primary": primary, "parts": keys, "docs": docs}
