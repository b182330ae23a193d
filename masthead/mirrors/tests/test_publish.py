"""masthead publish: several targets, their configuration, the debounced
publish after a page is published, and the Publishing admin page.
"""

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from masthead.mirrors import targets
from masthead.mirrors.checks import publishing_targets
from masthead.mirrors.models import Mirror, PublishQueue, Status, TargetStatus
from masthead.mirrors.publishing import site_publish, working_folder
from masthead.mirrors.services import mirror_add
from masthead.mirrors.tasks import publish_request

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("publish_dir")]

DIRECTORY = "masthead.mirrors.targets.Directory"
S3 = "masthead.mirrors.targets.S3Bucket"
GIT = "masthead.mirrors.targets.GitRepository"
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
PUBLISH_TASK = "masthead.mirrors.tasks.publish_site"


# Several targets ----------------------------------------------------------------


def test_one_failing_target_does_not_stop_the_others(
    harbour_reports, settings, tmp_path, caplog
):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    settings.MIRROR_TARGETS = {
        "broken": {"BACKEND": DIRECTORY, "PATH": str(blocker / "copy")},
        "remote": {"BACKEND": GIT, "REMOTE": str(tmp_path / "no-such-remote.git")},
        "working": {"BACKEND": DIRECTORY, "PATH": str(tmp_path / "copy")},
    }

    with pytest.raises(CommandError, match="failed for broken, remote"):
        call_command("publish")

    assert (tmp_path / "copy" / "index.html").is_file()
    statuses = {status.name: status for status in TargetStatus.objects.all()}
    assert statuses["working"].state == TargetStatus.State.OK
    assert statuses["broken"].state == TargetStatus.State.FAILED
    assert "cannot write" in statuses["broken"].message
    assert statuses["remote"].state == TargetStatus.State.FAILED
    assert statuses["remote"].failures == 1
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert any(line.startswith("Publishing to broken (directory") for line in warnings)
    assert any(line.startswith("Publishing to remote (git") for line in warnings)


def test_a_git_token_is_never_shown(settings):
    settings.MIRROR_TARGETS = {
        "pages": {"BACKEND": GIT, "REMOTE": "https://bot:s3cret@git.example/a.git"}
    }
    target = targets.get_target("pages")
    assert "s3cret" not in str(target)
    assert "https://***@git.example/a.git" in str(target)


def test_publish_names_one_target_and_reports_it(
    harbour_reports, settings, tmp_path, capsys
):
    settings.MIRROR_TARGETS = {
        "one": {"BACKEND": DIRECTORY, "PATH": str(tmp_path / "one")},
        "two": {"BACKEND": DIRECTORY, "PATH": str(tmp_path / "two")},
    }

    call_command("publish", "two")

    out = capsys.readouterr().out
    assert "ok     two (directory" in out
    assert "Published to 1 of 1 targets." in out
    assert (tmp_path / "two" / "index.html").is_file()
    assert not (tmp_path / "one").exists()
    with pytest.raises(CommandError, match="Unknown target"):
        call_command("publish", "three")


def test_publish_without_targets_says_how_to_configure_them():
    with pytest.raises(CommandError, match="MIRROR_TARGETS"):
        call_command("publish")


# Configuration --------------------------------------------------------------


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ({"PATH": "/srv/copy"}, "has no BACKEND"),
        ({"BACKEND": "masthead.mirrors.targets.Nowhere"}, "cannot import"),
        ({"BACKEND": "masthead.mirrors.models.Mirror"}, "is not a publishing target"),
        ({"BACKEND": DIRECTORY}, "needs the option PATH"),
        ({"BACKEND": DIRECTORY, "PATH": "/srv", "PATHS": "x"}, "unknown option"),
        ({"BACKEND": S3}, "needs the option BUCKET"),
        ({"BACKEND": GIT}, "needs the option REMOTE"),
        ("/srv/copy", "expected a dict"),
    ],
)
def test_a_broken_target_is_improperly_configured(settings, config, message):
    settings.MIRROR_TARGETS = {"bad": config}

    with pytest.raises(ImproperlyConfigured, match=message) as error:
        targets.configured_targets()

    assert "'bad'" in str(error.value)
    [check] = publishing_targets(None)
    assert check.id == "mirrors.E002"
    with pytest.raises(CommandError, match=message):
        call_command("publish")


def test_a_broken_target_exports_nothing(settings, home):
    settings.MIRROR_TARGETS = {"bad": {"BACKEND": DIRECTORY}}

    with pytest.raises(ImproperlyConfigured):
        site_publish()

    assert not working_folder().exists()


def test_targets_come_from_the_environment_as_json(tmp_path):
    """MIRROR_TARGETS in the environment; `masthead check` names a broken one."""
    environment = {
        **os.environ,
        "MASTHEAD_VAR_DIR": str(tmp_path / "var"),
        "MIRROR_TARGETS": json.dumps({"bucket": {"BACKEND": S3}}),
    }
    done = subprocess.run(
        [str(Path(sys.executable).with_name("masthead")), "check"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode != 0
    assert "mirrors.E002" in done.stderr
    assert "'bucket' (S3 bucket) needs the option BUCKET" in done.stderr


# Publishing a page ------------------------------------------------------------


def publish_task_count() -> int:
    return DBTaskResult.objects.filter(task_path=PUBLISH_TASK).count()


def run_worker() -> None:
    """One round of the database task worker, as `masthead worker` runs it.

    It closes its database connection: tests that run it are transactional.
    """
    call_command(
        "db_worker", batch=True, no_startup_delay=True, reload=False, verbosity=0
    )


@pytest.mark.django_db(transaction=True)
def test_publishes_within_the_window_give_one_run(
    harbour_reports, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.TASKS = DB_TASKS
    settings.MIRRORS_PUBLISH_DEBOUNCE = 60
    settings.MIRROR_TARGETS = {"copy": {"BACKEND": DIRECTORY, "PATH": str(tmp_path)}}
    copy = tmp_path / "index.html"

    for article in harbour_reports:
        article.title += " (updated)"
        with django_capture_on_commit_callbacks(execute=True):
            article.save_revision().publish()

    [queued] = DBTaskResult.objects.filter(task_path=PUBLISH_TASK)
    due = PublishQueue.objects.get().due_at
    assert queued.run_after == due
    assert timedelta(seconds=55) < due - timezone.now() <= timedelta(seconds=60)
    run_worker()
    assert not copy.exists()  # not before its time

    DBTaskResult.objects.update(run_after=timezone.now())
    run_worker()

    assert copy.is_file()
    assert (
        "Harbour report 2 (updated)"
        in (tmp_path / "politics" / "harbour-report-2" / "index.html").read_text()
    )
    assert PublishQueue.objects.get().due_at is None
    assert TargetStatus.objects.get(name="copy").state == TargetStatus.State.OK

    with django_capture_on_commit_callbacks(execute=True):
        harbour_reports[0].unpublish()
    assert publish_task_count() == 2  # a publish after the run gets its own


def test_a_lost_waiting_publish_is_queued_again(
    settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.TASKS = DB_TASKS
    settings.MIRROR_TARGETS = {"copy": {"BACKEND": DIRECTORY, "PATH": str(tmp_path)}}
    with django_capture_on_commit_callbacks(execute=True):
        assert publish_request()
        assert not publish_request()
    assert publish_task_count() == 1
    DBTaskResult.objects.all().delete()  # the queue was emptied

    with django_capture_on_commit_callbacks(execute=True):
        assert not publish_request(now=timezone.now() + timedelta(minutes=5))
        assert publish_request(now=timezone.now() + timedelta(minutes=20))
    assert publish_task_count() == 1


def test_publishing_queues_nothing_without_targets(
    harbour_reports, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DB_TASKS
    with django_capture_on_commit_callbacks(execute=True):
        harbour_reports[0].save_revision().publish()
    assert publish_task_count() == 0
    assert not PublishQueue.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_failed_target_is_retried_later_and_again_later(
    harbour_reports, settings, tmp_path
):
    settings.TASKS = DB_TASKS
    settings.MIRRORS_PUBLISH_BACKOFF = 60
    blocker = tmp_path / "copy"
    blocker.write_text("a file where the folder should be")
    settings.MIRROR_TARGETS = {
        "copy": {"BACKEND": DIRECTORY, "PATH": str(blocker)},
        "other": {"BACKEND": DIRECTORY, "PATH": str(tmp_path / "other")},
    }
    publish_request()
    DBTaskResult.objects.update(run_after=timezone.now())
    run_worker()

    status = TargetStatus.objects.get(name="copy")
    assert status.state == TargetStatus.State.RETRYING
    assert TargetStatus.objects.get(name="other").state == TargetStatus.State.OK
    [retry] = DBTaskResult.objects.filter(task_path=PUBLISH_TASK, status="READY")
    assert retry.args_kwargs["kwargs"] == {"names": ["copy"], "attempt": 2}
    wait = retry.run_after - timezone.now()
    assert timedelta(seconds=55) < wait <= timedelta(seconds=60)
    assert status.retry_at == retry.run_after

    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    run_worker()
    [second] = DBTaskResult.objects.filter(task_path=PUBLISH_TASK, status="READY")
    assert second.args_kwargs["kwargs"] == {"names": ["copy"], "attempt": 3}
    assert timedelta(seconds=115) < second.run_after - timezone.now()
    assert TargetStatus.objects.get(name="copy").failures == 2

    blocker.unlink()  # the operator fixes the target
    DBTaskResult.objects.filter(pk=second.pk).update(run_after=timezone.now())
    run_worker()
    status = TargetStatus.objects.get(name="copy")
    assert status.state == TargetStatus.State.OK
    assert status.failures == 0
    assert (blocker / "index.html").is_file()
    assert not DBTaskResult.objects.filter(status="READY").exists()


# The Publishing admin page -------------------------------------------------------


def test_the_admin_shows_each_targets_last_publish(
    admin_client, harbour_reports, settings, tmp_path
):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    settings.MIRROR_TARGETS = {
        "broken": {"BACKEND": DIRECTORY, "PATH": str(blocker / "copy")},
        "working": {"BACKEND": DIRECTORY, "PATH": str(tmp_path / "copy")},
        "new": {"BACKEND": DIRECTORY, "PATH": str(tmp_path / "new")},
    }
    site_publish(names=["broken", "working"])

    page = admin_client.get("/admin/mirrors/publishing/").content.decode()

    assert "Publishing" in page
    assert "working (directory" in page and "Published" in page
    assert "broken (directory" in page and "cannot write to" in page
    assert "1 failed attempt" in page
    assert "Not published yet." in page


def test_publish_now_in_the_admin_queues_a_publish(admin_client, settings, tmp_path):
    settings.TASKS = DB_TASKS
    settings.MIRROR_TARGETS = {"copy": {"BACKEND": DIRECTORY, "PATH": str(tmp_path)}}

    answer = admin_client.post("/admin/mirrors/publishing/")

    assert answer.status_code == 302
    assert publish_task_count() == 1


def test_the_admin_names_a_broken_configuration(admin_client, settings):
    settings.MIRROR_TARGETS = {"bad": {"BACKEND": "nowhere.Target"}}

    page = admin_client.get("/admin/mirrors/publishing/").content.decode()
    assert "misconfigured" in page and "cannot import" in page
    admin_client.post("/admin/mirrors/publishing/")
    assert publish_task_count() == 0


def test_editors_without_the_mirrors_permission_cannot_see_publishing(
    client, django_user_model
):
    editor = django_user_model.objects.create_user("editor", password="x" * 12)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)

    answer = client.get("/admin/mirrors/publishing/")

    # Wagtail answers a refused admin view with the dashboard and a message.
    assert (answer.status_code, answer["Location"]) == (302, "/admin/")
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    assert b"/admin/mirrors/publishing/" not in dashboard.content


# What changes by date alone ------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_worker_retires_a_mirror_on_its_day_and_publishes_the_copies(
    harbour_reports, settings, tmp_path, client
):
    """No cron line: a worker round retires the mirror and the copies drop it."""
    settings.TASKS = DB_TASKS
    settings.MIRRORS_PUBLISH_DEBOUNCE = 0
    settings.MIRROR_TARGETS = {"copy": {"BACKEND": DIRECTORY, "PATH": str(tmp_path)}}
    today = timezone.localdate()
    going = mirror_add(
        url="https://going.mirror.example",
        status=Status.DEPRECATED,
        retire_on=today + timedelta(days=1),
    )
    gone = mirror_add(
        url="https://gone.mirror.example", status=Status.DEPRECATED, retire_on=today
    )
    assert "gone.mirror.example" not in client.get("/mirrors/").content.decode()

    call_command("worker", "--once")

    going.refresh_from_db()
    gone.refresh_from_db()
    assert going.status == Status.DEPRECATED  # its day is tomorrow
    assert gone.status == Status.RETIRED
    assert gone.retire_on == today  # the day stays on record
    published = (tmp_path / "mirrors" / "index.html").read_text()
    assert "going.mirror.example" in published
    assert "gone.mirror.example" not in published
    assert TargetStatus.objects.get(name="copy").state == TargetStatus.State.OK

    call_command("worker", "--once")  # nothing more is due: nothing changes
    assert Mirror.objects.filter(status=Status.RETIRED).count() == 1
    assert publish_task_count() == 1
