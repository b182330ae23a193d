"""Background tasks: queued in the database, or on Redis when TASKS_URL is set."""

from .site import env

# TASKS_URL (redis://…) queues tasks on Redis through django-tasks' RQ
# backend; `masthead worker` then runs an RQ worker, which picks each task up
# as soon as it is enqueued.
TASKS_URL = env("TASKS_URL", default="")
TASKS = {
    "default": {
        "BACKEND": env(
            "TASKS_BACKEND",
            default="django_tasks_rq.RQBackend"
            if TASKS_URL
            else "django_tasks_db.DatabaseBackend",
        ),
    }
}
if TASKS["default"]["BACKEND"] == "django_tasks_rq.RQBackend":
    TASKS["default"]["QUEUES"] = ["default"]
    RQ_QUEUES = {"default": {"URL": TASKS_URL or "redis://127.0.0.1:6379/0"}}
    RQ_SHOW_ADMIN_LINK = False
