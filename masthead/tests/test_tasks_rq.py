"""Tasks on Redis through django-tasks' RQ backend (TASKS_URL)."""

import subprocess
import sys

import pytest
import redis
from django.core.management import call_command
from django_tasks import default_task_backend
from django_tasks.base import TaskResultStatus

from masthead.news.factories import ArticlePageFactory
from masthead.news.tasks import recompute_related
from masthead.tests.redis import redis_url


@pytest.fixture
def rq_queue(settings):
    """Tasks on a queue of their own in a real Redis, as TASKS_URL configures."""
    url = redis_url()
    connection = redis.Redis.from_url(url)

    def empty():
        for key in connection.scan_iter("rq:*"):
            connection.delete(key)

    empty()
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}
    }
    settings.RQ_QUEUES = {"default": {"URL": url}}
    yield connection
    empty()


def test_the_settings_put_tasks_on_rq_when_tasks_url_is_set(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "masthead.cli", "shell", "-c",
         "from django.conf import settings; "
         "print(settings.TASKS['default']['BACKEND'], settings.RQ_QUEUES)"],
        env={"TASKS_URL": "redis://127.0.0.1:6379/9", "PATH": "/usr/bin:/bin",
             "MASTHEAD_VAR_DIR": str(tmp_path)},
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "django_tasks_rq.RQBackend" in out
    assert "redis://127.0.0.1:6379/9" in out


@pytest.mark.django_db(transaction=True)
def test_a_task_queued_on_redis_waits_for_the_worker_then_runs(section, rq_queue):
    first = ArticlePageFactory(parent=section, tag_names=["river", "floods"])
    ArticlePageFactory(parent=section, tag_names=["river", "floods"])
    result = recompute_related.enqueue(article_id=first.pk)
    assert default_task_backend.get_result(result.id).status == TaskResultStatus.READY

    call_command("worker", "--once")

    done = default_task_backend.get_result(result.id)
    assert done.status == TaskResultStatus.SUCCESSFUL, done.errors
    assert done.return_value == 2  # the article and the one sharing its tags
