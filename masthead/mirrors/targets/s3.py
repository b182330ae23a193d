"""A publishing target that is an S3-compatible bucket served as a website."""

import time
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from masthead.mirrors.targets.base import (
    Progress,
    PublishError,
    Result,
    Target,
    cache_control,
    content_type,
    export_files,
    file_digest,
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
