from pathlib import Path

from django.core.management.base import BaseCommand

from masthead.mirrors.export import export_site


class Command(BaseCommand):
    help = (
        "Write the whole public site into DIR as static files with relative "
        "links (works from any host, a sub-path, a bucket or file://). Run it "
        "again to write only what changed."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)
        parser.add_argument(
            "--zip",
            nargs="?",
            const=True,
            default=None,
            metavar="FILE",
            help="Also write one offline bundle (default: DIR.zip).",
        )
        parser.add_argument(
            "--full",
            action="store_true",
            help="Render every page, even those whose content has not changed.",
        )

    def handle(self, *args, directory: Path, zip=None, full=False, **options):
        zip_path = None
        if zip is True:
            zip_path = directory.with_name(directory.name + ".zip")
        elif zip:
            zip_path = Path(zip)
        report = export_site(
            directory, zip_path=zip_path, progress=self._progress, full=full
        )
        self.stdout.write("")
        self.stdout.write(
            f"Exported {report.pages} pages, {report.files} files, "
            f"{report.bytes / 1_000_000:.1f} MB in {report.seconds:.1f} s "
            f"({report.pages_per_second:.0f} pages/s): {report.rendered} pages "
            f"rendered, {report.skipped} unchanged; {report.written} files written, "
            f"{report.removed} removed."
        )
        if zip_path:
            self.stdout.write(f"Offline bundle: {zip_path}")
        for problem in report.missing:
            self.stderr.write(f"not exported: {problem}")

    def _progress(self, done: int, total: int) -> None:
        if done % 20 and done != total:
            return
        width = 30
        filled = width * done // max(total, 1)
        bar = "#" * filled + "-" * (width - filled)
        self.stdout.write(f"\r[{bar}] {done}/{total} files", ending="")
        self.stdout.flush()
