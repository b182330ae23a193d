from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from masthead.funding import services


class Command(BaseCommand):
    help = (
        "Record the transfers of a bank statement (CSV: date, amount, currency, "
        "reference, transaction_id). Safe to run again on the same file."
    )

    def add_arguments(self, parser):
        parser.add_argument("statement", type=Path)

    def handle(self, *args, statement: Path, **options):
        try:
            text = statement.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {statement}: {error}") from error
        report = services.transfers_import_csv(text=text, progress=self._progress)
        self.stdout.write("")
        self.stdout.write(
            f"Recorded {report.recorded}, already recorded {report.already_recorded}, "
            f"held for review {report.held_for_review}, "
            f"not imported {len(report.problems)}."
        )
        for line, problem in report.problems:
            self.stderr.write(f"line {line}: {problem}")
        if report.problems:
            raise CommandError("Some rows were not imported; nothing else changed.")

    def _progress(self, done: int, total: int) -> None:
        self.stdout.write(f"\rRows {done}/{total}", ending="")
        self.stdout.flush()
