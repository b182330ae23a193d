"""The static export's search: a Pagefind index read in the browser."""

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

PAGEFIND_DIR = "pagefind"


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


def build_search_index(directory: Path, output: Path) -> None:
    """Index the marked pages of the export in ``directory`` into ``output``.

    Pagefind reads the files and writes the index itself: its Python API
    answers one message per tenth of a second (a page at a time would take
    minutes) and stalls when asked for files over its pipe past 2 MiB.
    """
    from pagefind.index import IndexConfig, PagefindIndex

    async def build() -> None:
        config = IndexConfig(keep_index_url=True)
        async with PagefindIndex(config=config) as index:
            await index.add_directory(str(directory), glob="**/*.html")
            await index.write_files(output_path=str(output))
            # Or leaving the block writes the index again, into the cwd.
            await index.delete_index()

    # Its own thread: the caller may already run an event loop.
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, build()).result()
