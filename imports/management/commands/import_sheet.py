"""Import a sheet from the command line, as the import page does: read, guess the columns,
check every row, and (without --dry-run) write them all or none. Prints the same counts."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from freestore.models import Store
from imports import columns as c
from imports.models import ImportRun, RowKind
from imports.rows import problem_text
from imports.services import import_apply, import_confirm, import_map, import_upload
from mutualaid.refusals import Refusal


class Command(BaseCommand):
    help = "Import a CSV or XLSX file of needs, offers, store items or lending shelf things."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The .csv or .xlsx file.")
        parser.add_argument("--rows", required=True, choices=RowKind.values)
        parser.add_argument(
            "--by", required=True, help="Email of the organizer or volunteer importing."
        )
        parser.add_argument("--store", help="Short name of the store (items and things).")
        parser.add_argument("--volunteer", help="Email of the neighbor whose offers these are.")
        parser.add_argument(
            "--column",
            action="append",
            default=[],
            metavar="HEADER=FIELD",
            help="Correct a guess: the column with this header is FIELD (empty: leave out).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Count, save nothing.")

    def handle(self, *args, **options):
        translation.activate("en")
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No file at {path}.")
        users = get_user_model().objects
        by = users.filter(email__iexact=options["by"], is_active=True).first()
        if by is None:
            raise CommandError(f"No active account with the email {options['by']}.")
        store = None
        if options["store"]:
            store = Store.objects.filter(slug=options["store"]).first()
            if store is None:
                raise CommandError(f"No store with the short name {options['store']}.")
        elif options["rows"] in (RowKind.ITEMS, RowKind.THINGS) and Store.objects.count() == 1:
            store = Store.objects.get()
        volunteer = None
        if options["volunteer"]:
            volunteer = users.filter(email__iexact=options["volunteer"]).first()
            if volunteer is None:
                raise CommandError(f"No account with the email {options['volunteer']}.")
        try:
            run = import_upload(
                by=by,
                file_name=path.name,
                data=path.read_bytes(),
                kind=options["rows"],
                store=store,
                volunteer=volunteer,
            )
            headers = run.table["headers"]
            columns = dict(run.columns)
            targets = c.targets_for(run.kind)
            for correction in options["column"]:
                header, _sep, target = correction.partition("=")
                if header not in headers:
                    raise CommandError(f"No column headed {header!r} in the file.")
                if target and target not in targets:
                    raise CommandError(
                        f"{target!r} is not a field of {run.kind}: {', '.join(targets)}."
                    )
                columns[str(headers.index(header))] = target
            for index, header in enumerate(headers):
                self.stdout.write(f"  {header!r} -> {columns.get(str(index)) or '(left out)'}")
            run = import_map(run=run, by=by, columns=columns, values={})
            if not options["dry_run"]:
                import_confirm(run=run, by=by)
                run = import_apply(run_id=run.pk) or ImportRun.objects.get(pk=run.pk)
        except Refusal as error:
            raise CommandError(str(error)) from error
        self._report(run, dry_run=options["dry_run"])
        if options["dry_run"]:
            run.delete()
        elif run.status == ImportRun.Status.FAILED:
            raise CommandError(run.failure)

    def _report(self, run, *, dry_run: bool):
        verb = "would be created" if dry_run else "created"
        self.stdout.write(
            f"{run.total} rows: {run.created_count} {verb}, {run.skipped_count} skipped as "
            f"already imported, {run.refused_count} refused."
        )
        for refusal in run.refusals:
            reasons = " ".join(problem_text(*problem) for problem in refusal["problems"])
            self.stdout.write(f"  row {refusal['row']}: {reasons}")
        if not dry_run:
            self.stdout.write(f"Import #{run.pk}; undo it on its page within a day.")
