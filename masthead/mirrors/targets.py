"""Publishing targets: where ``masthead publish`` pushes the static export.

Configured like ``CACHES`` in ``settings.MIRROR_TARGETS``::

    {"backup": {"BACKEND": "masthead.mirrors.targets.Directory",
                "PATH": "/srv/lantern-copy"}}

A target gets the export folder and makes its copy equal to it: new and
changed files are written, files that are gone are removed, unchanged files
are left alone. It raises ``PublishError`` with a message that is safe to
log and show when it cannot.
"""

import hashlib
import mimetypes
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.module_loading import import_string

# Written by the export for its own bookkeeping; no target needs it.
SKIPPED_FILES = {"export-manifest.json", "export-state.json"}
# ManifestStaticFilesStorage names files name.<12 hex>.ext: their bytes never
# change under that name.
HASHED_NAME = re.compile(r"\.[0-9a-f]{12}\.[A-Za-z0-9]+$")
TEXT_TYPES = ("text/", "application/json", "application/xml", "application/rss+xml")
CONTENT_TYPES = {
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".xml": "application/xml",
    ".wasm": "application/wasm",
    ".svg": "image/svg+xml",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".woff2": "font/woff2",
    # Pagefind's index chunks are gzip data that its script fetches itself.
    ".pf_meta": "application/octet-stream",
    ".pf_index": "application/octet-stream",
    ".pf_fragment": "application/octet-stream",
    ".pagefind": "application/octet-stream",
}
Progress = Callable[[int, int], None]
# user:password@ (or token@) in https://user:password@git.example/repo.git
CREDENTIALS = re.compile(r"(\w+://)[^/@\s]+@")


class PublishError(Exception):
    """The target refused or failed; the message is safe to log and show."""


@dataclass
class Result:
    """What one target did with one export."""

    target: str
    ok: bool = True
    written: int = 0
    removed: int = 0
    unchanged: int = 0
    message: str = ""
    seconds: float = 0.0

    def summary(self) -> str:
        if not self.ok:
            return self.message
        text = (
            f"{self.written} written, {self.removed} removed, "
            f"{self.unchanged} unchanged in {self.seconds:.1f} s"
        )
        return f"{text}; {self.message}" if self.message else text


def export_files(source: Path) -> Iterator[str]:
    """The export's files, as sorted POSIX paths relative to ``source``."""
    paths = []
    for folder, _dirs, names in os.walk(source):
        for name in names:
            path = (Path(folder) / name).relative_to(source).as_posix()
            if path not in SKIPPED_FILES:
                paths.append(path)
    return iter(sorted(paths))


def content_type(path: str) -> str:
    """The Content-Type a reader's browser needs for this file."""
    suffix = Path(path).suffix.lower()
    kind = CONTENT_TYPES.get(suffix) or mimetypes.guess_type(path)[0]
    kind = kind or "application/octet-stream"
    if kind.startswith(TEXT_TYPES):
        kind += "; charset=utf-8"
    return kind


def cache_control(path: str, max_age: int) -> str:
    """Long and immutable for hashed static names; short for everything else."""
    if HASHED_NAME.search(path):
        return "public, max-age=31536000, immutable"
    return f"public, max-age={max_age}"


def file_digest(path: Path, algorithm: str = "sha256") -> str:
    with path.open("rb") as file:
        return hashlib.file_digest(file, algorithm).hexdigest()


def sync_tree(
    source: Path,
    destination: Path,
    *,
    keep: Callable[[str], bool] = lambda path: False,
    progress: Progress | None = None,
) -> tuple[int, int, int]:
    """Make ``destination`` hold exactly the export's files; return counts.

    Like ``rsync -a --delete``: a file is rewritten only when its bytes differ,
    through a temporary file and a rename, so a reader never gets half of one;
    files that are not in the export are removed unless ``keep`` says so.
    Returns (written, removed, unchanged).
    """
    wanted = list(export_files(source))
    written = unchanged = removed = 0
    destination.mkdir(parents=True, exist_ok=True)
    for done, path in enumerate(wanted, 1):
        new, old = source / path, destination / path
        if (
            old.is_file()
            and not old.is_symlink()
            and old.stat().st_size == new.stat().st_size
            and file_digest(old) == file_digest(new)
        ):
            unchanged += 1
        else:
            old.parent.mkdir(parents=True, exist_ok=True)
            if old.is_dir() and not old.is_symlink():
                shutil.rmtree(old)
            handle, temporary = tempfile.mkstemp(dir=old.parent, prefix=".publish-")
            os.close(handle)
            shutil.copyfile(new, temporary)
            os.chmod(temporary, 0o644)
            os.replace(temporary, old)
            written += 1
        if progress:
            progress(done, len(wanted))
    present = set(wanted)
    for folder, dirs, names in os.walk(destination, topdown=False):
        here = Path(folder)
        relative = here.relative_to(destination).as_posix()
        if relative != "." and keep(relative):
            continue
        dirs[:] = [name for name in dirs if not keep(f"{relative}/{name}")]
        for name in names:
            path = (here / name).relative_to(destination).as_posix()
            if path not in present and not keep(path):
                (here / name).unlink()
                removed += 1
        if here != destination and not any(here.iterdir()):
            here.rmdir()
    return written, removed, unchanged


class Target:
    """The base of every publishing target: a name, options, one method."""

    # What the target is, for the operator: "directory", "S3 bucket", …
    kind = "target"

    def __init__(self, *, name: str, **options):
        if options:
            unknown = ", ".join(sorted(key.upper() for key in options))
            raise ImproperlyConfigured(
                f"Publishing target {name!r}: unknown option(s) {unknown}."
            )
        self.name = name

    def __str__(self) -> str:
        return f"{self.name} ({self.kind})"

    def publish(self, source: Path, *, progress: Progress | None = None) -> Result:
        """Make this target's copy equal to the export in ``source``."""
        raise NotImplementedError

    def _required(self, value, option: str):
        if not value:
            raise ImproperlyConfigured(
                f"Publishing target {self.name!r} ({self.kind}) needs the "
                f"option {option}."
            )
        return value


class Directory(Target):
    """A folder on this machine: a disk that another web server serves, a mount."""

    kind = "directory"

    def __init__(self, *, name: str, path: str = "", **options):
        super().__init__(name=name, **options)
        self.path = Path(self._required(path, "PATH")).expanduser()

    def __str__(self) -> str:
        return f"{self.name} (directory {self.path})"

    def publish(self, source: Path, *, progress: Progress | None = None) -> Result:
        started = time.perf_counter()
        try:
            written, removed, unchanged = sync_tree(
                source, self.path, progress=progress
            )
        except OSError as error:
            raise PublishError(f"cannot write to {self.path}: {error}") from error
        return Result(
            self.name,
            written=written,
            removed=removed,
            unchanged=unchanged,
            seconds=time.perf_counter() - started,
        )


class S3Bucket(Target):
    """A bucket on any S3-compatible host, served by the host as a website."""

    kind = "S3 bucket"

    def __init__(
        self,
        *,
        name: str,
        bucket: str = "",
        prefix: str = "",
        endpoint_url: str = "",
        region: str = "",
        access_key_id: str = "",
        secret_access_key: str = "",
        addressing_style: str = "auto",
        max_age: int | None = None,
        **options,
    ):
        super().__init__(name=name, **options)
        self.bucket = self._required(bucket, "BUCKET")
        self.prefix = prefix.strip("/") + "/" if prefix.strip("/") else ""
        self.endpoint_url = endpoint_url or None
        self.max_age = settings.PAGE_CACHE_MAX_AGE if max_age is None else max_age
        try:
            # Imported here: boto3 is an optional extra that only this needs.
            import boto3
            from botocore.config import Config
        except ImportError as error:
            raise ImproperlyConfigured(
                f"Publishing target {name!r} needs boto3: pip install 'masthead[s3]'."
            ) from error
        # One session per target: credentials are passed here or come from
        # boto3's usual chain (AWS_ACCESS_KEY_ID …), never module globals.
        session = boto3.session.Session(
            aws_access_key_id=access_key_id or None,
            aws_secret_access_key=secret_access_key or None,
            region_name=region or None,
        )
        self.client = session.client(
            "s3",
            endpoint_url=self.endpoint_url,
            config=Config(
                s3={"addressing_style": addressing_style},
                retries={"max_attempts": 3, "mode": "standard"},
                connect_timeout=10,
                read_timeout=60,
            ),
        )

    def __str__(self) -> str:
        where = f" at {self.endpoint_url}" if self.endpoint_url else ""
        return f"{self.name} (S3 bucket {self.bucket}/{self.prefix}{where})"

    def _remote(self) -> dict[str, str]:
        """Every object under the prefix, with its ETag (the MD5 of a plain PUT)."""
        objects = {}
        pages = self.client.get_paginator("list_objects_v2").paginate(
            Bucket=self.bucket, Prefix=self.prefix
        )
        for page in pages:
            for item in page.get("Contents", []):
                objects[item["Key"]] = item["ETag"].strip('"')
        return objects

    def publish(self, source: Path, *, progress: Progress | None = None) -> Result:
        from botocore.exceptions import BotoCoreError, ClientError

        started = time.perf_counter()
        result = Result(self.name)
        try:
            remote = self._remote()
            wanted = list(export_files(source))
            for done, path in enumerate(wanted, 1):
                key = self.prefix + path
                file = source / path
                # Objects we PUT whole have their MD5 as ETag; anything else
                # (multipart, encrypted) does not match and is sent again.
                if remote.get(key) == file_digest(file, "md5"):
                    result.unchanged += 1
                else:
                    with file.open("rb") as body:
                        self.client.put_object(
                            Bucket=self.bucket,
                            Key=key,
                            Body=body,
                            ContentType=content_type(path),
                            CacheControl=cache_control(path, self.max_age),
                        )
                    result.written += 1
                if progress:
                    progress(done, len(wanted))
            present = {self.prefix + path for path in wanted}
            gone = sorted(key for key in remote if key not in present)
            for start in range(0, len(gone), 1000):  # the API's batch limit
                batch = gone[start : start + 1000]
                answer = self.client.delete_objects(
                    Bucket=self.bucket,
                    Delete={"Objects": [{"Key": key} for key in batch], "Quiet": True},
                )
                if answer.get("Errors"):
                    first = answer["Errors"][0]
                    raise PublishError(
                        f"could not delete {len(answer['Errors'])} object(s), "
                        f"e.g. {first.get('Key')}: {first.get('Message')}"
                    )
                result.removed += len(batch)
        except ClientError as error:
            info = error.response.get("Error", {})
            raise PublishError(
                f"bucket {self.bucket}: {info.get('Code')} {info.get('Message', '')}"
            ) from error
        except BotoCoreError as error:
            raise PublishError(f"bucket {self.bucket}: {error}") from error
        result.seconds = time.perf_counter() - started
        return result


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


@cache
def _load(name: str) -> Target:
    config = settings.MIRROR_TARGETS.get(name)
    if not isinstance(config, dict):
        raise ImproperlyConfigured(
            f"Publishing target {name!r}: expected a dict such as "
            '{"BACKEND": "masthead.mirrors.targets.Directory", "PATH": "…"}, '
            f"got {config!r}."
        )
    options = dict(config)
    backend = options.pop("BACKEND", None)
    if not backend:
        raise ImproperlyConfigured(f"Publishing target {name!r} has no BACKEND.")
    try:
        cls = import_string(backend)
    except ImportError as error:
        raise ImproperlyConfigured(
            f"Publishing target {name!r}: cannot import {backend!r} ({error})."
        ) from error
    if not (isinstance(cls, type) and issubclass(cls, Target)):
        raise ImproperlyConfigured(
            f"Publishing target {name!r}: {backend!r} is not a publishing target "
            "(a subclass of masthead.mirrors.targets.Target)."
        )
    return cls(name=name, **{key.lower(): value for key, value in options.items()})


def get_target(name: str) -> Target:
    """The configured target ``name``; ImproperlyConfigured if it is broken."""
    return _load(name)


def configured_targets() -> list[Target]:
    """Every configured target, in configured order."""
    if not isinstance(settings.MIRROR_TARGETS, dict):
        raise ImproperlyConfigured(
            "MIRROR_TARGETS must be a JSON object of target names to their "
            'settings, such as {"copy": {"BACKEND": '
            '"masthead.mirrors.targets.Directory", "PATH": "/srv/copy"}}.'
        )
    return [get_target(name) for name in settings.MIRROR_TARGETS]


def reset() -> None:
    """Forget loaded targets (after settings change)."""
    _load.cache_clear()


@receiver(setting_changed)
def _settings_changed(*, setting: str, **kwargs) -> None:
    if setting in ("MIRROR_TARGETS", "MIRRORS_PUBLISH_DIR", "PAGE_CACHE_MAX_AGE"):
        reset()
