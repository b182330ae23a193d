"""The per-process memo and the ``{% memo %}`` tag that reader pages use."""

import itertools

import pytest
from django.core.cache import cache
from django.template import Context, Template, TemplateSyntaxError
from django.utils import translation

from masthead import memo
from masthead.templatetags.memo import PARTS


@pytest.fixture
def clock(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(memo.time, "monotonic", lambda: now[0])
    return now


def test_a_memo_keeps_at_most_its_size_dropping_the_least_recently_used():
    kept = memo.Memo(size=2, seconds=60)
    kept.set("a", 1)
    kept.set("b", 2)
    assert kept.get("a") == 1  # "b" is now the least recently used
    kept.set("c", 3)
    assert (kept.get("a"), kept.get("b"), kept.get("c")) == (1, None, 3)
    assert len(kept) == 2


def test_a_memo_value_is_not_used_past_its_age(clock):
    kept = memo.Memo(size=8, seconds=60)
    kept.set("meter", "old")
    kept.set("short", "x", seconds=5)
    clock[0] += 6
    assert (kept.get("meter"), kept.get("short")) == ("old", None)
    clock[0] += 60
    assert kept.get("meter") is None
    assert kept.get_or_build("meter", lambda: "new") == "new"


def test_a_changed_setting_empties_every_memo(settings):
    kept = memo.Memo(size=8, seconds=60)
    kept.set("name", "The Lantern")
    settings.WAGTAIL_SITE_NAME = "The Beacon"
    assert kept.get("name") is None


def counting_template(text: str):
    """The template, and a value that counts how often it is rendered."""
    renders = itertools.count(1).__next__  # the template calls it
    return Template("{% load memo %}" + text), renders


def test_the_memo_tag_renders_once_per_key_and_language():
    template, renders = counting_template(
        "{% memo 60 part version %}{{ version }}:{{ renders }}{% endmemo %}"
    )

    def render(version) -> str:
        return template.render(Context({"version": version, "renders": renders}))

    assert render(1) == "1:1"
    assert render(1) == "1:1"  # kept: not rendered again
    assert render(2) == "2:2"  # a new version renders afresh
    with translation.override("fr"):
        assert render(1) == "1:3"
    assert render(1) == "1:1"


def test_the_memo_tag_with_using_finds_another_process_part_in_the_cache():
    template, renders = counting_template(
        '{% memo 60 shared-part v using="default" %}{{ renders }}{% endmemo %}'
    )
    context = {"v": "a", "renders": renders}
    assert template.render(Context(context)) == "1"
    PARTS.clear()  # as another process, or this one after a restart, starts
    assert template.render(Context(context)) == "1"
    cache.clear()
    PARTS.clear()
    assert template.render(Context(context)) == "2"


def test_the_memo_tag_without_using_keeps_its_part_in_memory_only():
    template, renders = counting_template(
        "{% memo 60 local %}{{ renders }}{% endmemo %}"
    )
    assert template.render(Context({"renders": renders})) == "1"
    PARTS.clear()
    assert template.render(Context({"renders": renders})) == "2"


def test_the_memo_tag_needs_seconds_and_a_name():
    with pytest.raises(TemplateSyntaxError):
        Template("{% load memo %}{% memo 60 %}x{% endmemo %}")
    with pytest.raises(TemplateSyntaxError):
        Template("{% load memo %}{% memo soon part %}x{% endmemo %}").render(
            Context({})
        )
