from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from masthead.mirrors.publishing import site_publish, working_folder
from masthead.mirrors.targets import Result, Target, configured_targets


class Command(BaseCommand):
    help = (
        "Export the site (incrementally, into the working folder under the var "
        "folder) and push it to every target in MIRROR_TARGETS, or to the ones "
        "named. Exits non-zero if any target failed; the others still get it."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "names", nargs="*", metavar="TARGET", help="Only these targets."
        )

    def handle(self, *args, names, **options):
        try:
            targets = configured_targets()
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        if not targets:
            raise CommandError(
                "No publishing target is configured: set MIRROR_TARGETS (see "
                "docs/deploy.md, 'Staying reachable')."
            )
        known = {target.name for target in targets}
        unknown = [name for name in names if name not in known]
        if unknown:
            raise CommandError(
                f"Unknown target(s) {', '.join(unknown)}; configured: "
                f"{', '.join(sorted(known))}."
            )
        self.stdout.write(f"Exporting the site into {working_folder()}")
        report = site_publish(
            names=names or None,
            export_progress=self._export_progress,
            target_progress=self._target_progress,
            on_result=self._result,
        )
        export = report.export
        self.stdout.write(
            f"Export: {export.pages} pages, {export.files} files, "
            f"{export.written} written, {export.removed} removed "
            f"in {export.seconds:.1f} s."
        )
        for problem in export.missing:
            self.stderr.write(f"not exported: {problem}")
        failed = report.failed
        done = len(report.results) - len(failed)
        self.stdout.write(f"Published to {done} of {len(report.results)} targets.")
        if failed:
            raise CommandError(
                "Publishing failed for " + ", ".join(r.target for r in failed) + "."
            )

    def _bar(self, label: str, done: int, total: int) -> None:
        if done % 20 and done != total:
            return
        width = 30
        filled = width * done // max(total, 1)
        bar = "#" * filled + "-" * (width - filled)
        # The last update ends its line, before any log line or result.
        ending = "\n" if done == total else ""
        self.stdout.write(f"\r{label} [{bar}] {done}/{total} files", ending=ending)
        self.stdout.flush()

    def _export_progress(self, done: int, total: int) -> None:
        self._bar("export", done, total)

    def _target_progress(self, target: Target, done: int, total: int) -> None:
        self._bar(target.name, done, total)

    def _result(self, target: Target, result: Result) -> None:
        if result.ok:
            self.stdout.write(
                self.style.SUCCESS(f"ok     {target}: {result.summary()}")
            )
        else:
            self.stderr.write(self.style.ERROR(f"FAILED {target}: {result.message}"))
