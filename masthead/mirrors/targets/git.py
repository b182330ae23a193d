"""A publishing target that is a git remote, one commit per publish."""

import os
import subprocess
import time
from pathlib import Path

from django.conf import settings

from masthead.mirrors.targets.base import (
    CREDENTIALS,
    Progress,
    PublishError,
    Result,
    Target,
    sync_tree,
)


class GitRepository(Target):
    """A git remote: each publish is one commit of the export, pushed.

    Pages hosts that build from a repository (and anyone who clones it) get
    the site; its history keeps every earlier state of the copy.
    """

    kind = "git repository"

    def __init__(
        self,
        *,
        name: str,
        remote: str = "",
        branch: str = "main",
        author_name: str = "Masthead",
        author_email: str = "masthead@localhost",
        message: str = "Publish the site",
        **options,
    ):
        super().__init__(name=name, **options)
        self.remote = self._required(remote, "REMOTE")
        self.branch = branch
        self.author = (author_name, author_email)
        self.message = message
        self.checkout = Path(settings.MIRRORS_PUBLISH_DIR) / "git" / name

    def __str__(self) -> str:
        return f"{self.name} (git {self._shown(self.remote)}, branch {self.branch})"

    @staticmethod
    def _shown(text: str) -> str:
        """``text`` with any password or token in a URL left out (logs, admin)."""
        return CREDENTIALS.sub(r"\1***@", text)

    def _git(self, *args: str) -> str:
        name, email = self.author
        environment = {
            **os.environ,
            "GIT_TERMINAL_PROMPT": "0",
            "GIT_AUTHOR_NAME": name,
            "GIT_AUTHOR_EMAIL": email,
            "GIT_COMMITTER_NAME": name,
            "GIT_COMMITTER_EMAIL": email,
        }
        try:
            done = subprocess.run(  # noqa: S603 - fixed program, no shell
                ["git", "-c", "commit.gpgsign=false", *args],  # noqa: S607
                cwd=self.checkout,
                env=environment,
                capture_output=True,
                text=True,
                timeout=600,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise PublishError(f"git {args[0]}: {error}") from error
        if done.returncode:
            output = (done.stderr or done.stdout).strip().splitlines()
            last = output[-1] if output else str(done.returncode)
            raise PublishError(self._shown(f"git {args[0]} failed: {last}"))
        return done.stdout

    def publish(self, source: Path, *, progress: Progress | None = None) -> Result:
        started = time.perf_counter()
        self.checkout.mkdir(parents=True, exist_ok=True)
        if not (self.checkout / ".git").is_dir():
            self._git("init", "--quiet")
        if "origin" in self._git("remote").split():
            self._git("remote", "set-url", "origin", self.remote)
        else:
            self._git("remote", "add", "origin", self.remote)
        # Start from what the remote has, so the push is a fast-forward even
        # when this machine's checkout is new or behind.
        if self._git("ls-remote", "--heads", "origin", self.branch).strip():
            self._git("fetch", "--quiet", "origin", self.branch)
            self._git("reset", "--quiet", "--soft", "FETCH_HEAD")
        try:
            written, removed, unchanged = sync_tree(
                source,
                self.checkout,
                keep=lambda path: path == ".git" or path.startswith(".git/"),
                progress=progress,
            )
        except OSError as error:
            raise PublishError(f"cannot write to {self.checkout}: {error}") from error
        self._git("add", "--all")
        status = self._git("status", "--porcelain")
        message = "nothing new to commit"
        if status.strip():
            self._git("commit", "--quiet", "--message", self.message)
            message = "committed " + self._git("rev-parse", "--short", "HEAD").strip()
        self._git("push", "--quiet", "origin", f"HEAD:refs/heads/{self.branch}")
        return Result(
            self.name,
            written=written,
            removed=removed,
            unchanged=unchanged,
            message=message + f", pushed to {self.branch}",
            seconds=time.perf_counter() - started,
        )
