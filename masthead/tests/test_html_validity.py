"""Every kind of reader page passes the Nu Html Checker (vnu) with no errors.

vnu is the W3C's own checker, run from the npm package ``vnu-jar`` that
``make install`` puts in node_modules/ (Java 17 runs it). CI sets
MASTHEAD_REQUIRE_BROWSER, which turns a missing checker into a failure.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

from masthead.news.models import (
    ArticlePage,
    Author,
    Correction,
    InfoPage,
    SectionPage,
)

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent.parent
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_command() -> list[str]:
    jar = Path(os.environ.get("VNU_JAR", VNU_JAR))
    java = shutil.which("java")
    if java is None or not jar.exists():
        missing = "java" if java is None else str(jar.relative_to(ROOT))
        message = f"the Nu Html Checker needs {missing} (make install)"
        if os.environ.get("MASTHEAD_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    return [java, "-jar", str(jar), "--errors-only", "--format", "json"]


def reader_paths() -> list[str]:
    """Return one URL of every kind of reader page in the demo newsroom."""
    section = SectionPage.objects.live().first()
    corrected = Correction.objects.select_related("article").first().article
    with_image = ArticlePage.objects.live().filter(lead_image__isnull=False).first()
    author = Author.objects.first()
    tag = corrected.tags.first() or with_image.tags.first()
    paths = [
        "/",
        section.url,
        section.url + "?page=2",
        corrected.url,
        with_image.url,
        "/authors/",
        author.get_absolute_url(),
        f"/tags/{tag.slug}/",
        "/search/?q=court",
        "/search/?q=nothing-matches-this",
        "/no-such-page/",
        "/support/",
        "/support/thanks/",
        "/support/manage/",
        *(page.url for page in InfoPage.objects.live()),
    ]
    return paths


def test_every_reader_page_passes_the_nu_html_checker(client, settings, tmp_path):
    command = vnu_command()
    settings.VAR_DIR = tmp_path
    call_command("demo", verbosity=0)
    files = {}
    for number, path in enumerate(reader_paths()):
        response = client.get(path)
        assert response.status_code in (200, 404), path
        file = tmp_path / f"page-{number}.html"
        file.write_bytes(response.content)
        files[file.name] = path
    result = subprocess.run(
        [*command, *(str(tmp_path / name) for name in files)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        f"{files.get(m.get('url', '').rsplit('/', 1)[-1], m.get('url'))}"
        f":{m.get('lastLine')}: {m['message']} [{m.get('extract', '').strip()[:80]}]"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "fatal"
    ]
    assert errors == []
