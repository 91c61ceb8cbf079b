"""An import, step by step: upload (read the sheet, guess its columns), map (the organizer's
corrections, then a dry run that counts what would happen), confirm (the rows are written in
the background, all of them or none), and undo (within a day).

The rows are written through the same services and saves the hub's own forms use, so an
imported need is posted exactly as intake posts one (the volunteer's, with the neighbor's
first name and the private contact note), an imported count is a donation line in the
ledger, and a lendable thing is made as the volunteers' screen makes it.
"""

import datetime
import logging
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import DEFAULT_DB_ALIAS, IntegrityError, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils import timezone
from django.utils.translation import gettext as _

from mutualaid.refusals import Refusal

from . import columns as c
from .models import ImportedRow, ImportRun, NameAlias, RowKind, kinds_for
from .rows import RowCheck, RowChecker
from .sheets import Table, read_sheet

log = logging.getLogger(__name__)

# How often (in rows) a running import writes how far it got.
PROGRESS_EVERY = 200


class ImportRefused(Refusal):
    """An import step that can't happen; the message tells the person why, plainly."""


def max_bytes() -> int:
    return getattr(settings, "IMPORT_MAX_BYTES", 10 * 1024 * 1024)


def max_rows() -> int:
    return getattr(settings, "IMPORT_MAX_ROWS", 20_000)


def import_forget_drafts(*, now: datetime.datetime | None = None) -> int:
    """Drop the sheets of uploads left unimported for a day: the hub keeps no file longer."""
    now = now or timezone.now()
    return ImportRun.objects.left_as_drafts(before=now - datetime.timedelta(days=1)).update(
        table=None
    )


def import_upload(
    *, by, file_name: str, data: bytes, kind: str, store=None, volunteer=None
) -> ImportRun:
    """Read an uploaded sheet and guess what its columns are. Nothing is imported yet."""
    if kind not in kinds_for(by):
        raise ImportRefused(_("Your duties don't include importing these rows."))
    if kind in (RowKind.ITEMS, RowKind.THINGS) and store is None:
        raise ImportRefused(_("Choose the store these go to."))
    if kind == RowKind.OFFERS and volunteer is None:
        volunteer = by
    if len(data) > max_bytes():
        raise ImportRefused(
            _("This file is larger than %(mb)d MB. Split it into smaller files.")
            % {"mb": max_bytes() // (1024 * 1024)}
        )
    table = read_sheet(file_name, data, max_rows=max_rows())  # or SheetError, a Refusal too
    import_forget_drafts()
    return ImportRun.objects.create(
        by=by,
        file_name=file_name[:200],
        kind=kind,
        store=store if kind in (RowKind.ITEMS, RowKind.THINGS) else None,
        volunteer=volunteer if kind == RowKind.OFFERS else None,
        table=table.as_json(),
        columns=c.guess_columns(table.headers, table.rows, kind),
        total=len(table.rows),
    )


def checker_for(run: ImportRun) -> RowChecker:
    if run.table is None:
        raise ImportRefused(
            _("The file of this import is no longer kept. Upload it again to import it.")
        )
    return RowChecker(
        kind=run.kind,
        table=Table.from_json(run.table),
        columns=run.columns,
        values=run.values,
        store=run.store,
    )


def columns_problems(kind: str, columns: dict[str, str]) -> list[str]:
    """What is wrong with a mapping as a whole: a field needed but not given, or given twice."""
    targets = c.targets_for(kind)
    problems = []
    used = [name for name in columns.values() if name]
    for name in set(used):
        if name not in targets:
            problems.append(_("“%(name)s” is not something these rows can have.") % {"name": name})
        elif not targets[name].many and used.count(name) > 1:
            problems.append(
                _("Only one column can be “%(field)s”.") % {"field": targets[name].label}
            )
    for target in targets.values():
        if target.required and target.name not in used:
            if kind == RowKind.ITEMS and target.name == "category":
                continue
            problems.append(_("Choose the column for “%(field)s”.") % {"field": target.label})
    return problems


@dataclass
class Outcome:
    created: int = 0
    skipped: int = 0
    refused: int = 0
    refusals: list[dict] = dataclass_field(default_factory=list)

    def add_refusal(self, check: RowCheck):
        self.refused += 1
        self.refusals.append({"row": check.number, "problems": check.problems})


def _walk(run: ImportRun, checker: RowChecker, *, on_row=None, progress=None) -> Outcome:
    """Check every row in order: skip what was imported before (or already in this file),
    refuse what can't be, and hand the rest to `on_row` (None: a dry run)."""
    outcome = Outcome(refusals=[])
    imported = set(
        ImportedRow.objects.filter(kind=run.kind, active=True).values_list("key", flat=True)
    )
    seen = set()
    for position in range(len(checker.table.rows)):
        check = checker.check(position)
        if check.key in imported or check.key in seen:
            outcome.skipped += 1
        elif not check.ok:
            outcome.add_refusal(check)
        else:
            if on_row is not None:
                problem = on_row(check)
                if problem:
                    check.problems.append(problem)
                    outcome.add_refusal(check)
                    continue
            seen.add(check.key)
            outcome.created += 1
            if run.kind == RowKind.ITEMS:
                name = " ".join(check.values["title"].split()).casefold()
                checker.known_items.add((name, check.values["size"]))
        if progress is not None and (position + 1) % PROGRESS_EVERY == 0:
            progress(position + 1)
    return outcome


def import_map(*, run: ImportRun, by, columns: dict[str, str], values: dict) -> ImportRun:
    """Keep the organizer's mapping and count what an import would do (a dry run)."""
    with transaction.atomic():
        run = ImportRun.objects.select_for_update().get(pk=run.pk)
        if not run.may_change(by):
            raise ImportRefused(_("Only the neighbor who uploaded this file can change it."))
        if run.status not in (
            ImportRun.Status.DRAFT,
            ImportRun.Status.PREVIEWED,
            ImportRun.Status.FAILED,
        ):
            raise ImportRefused(_("This import has already run."))
        run.columns = {index: name for index, name in columns.items() if name}
        run.values = values
        problems = columns_problems(run.kind, run.columns)
        if problems:
            run.status = ImportRun.Status.DRAFT
            run.save(update_fields=["columns", "values", "status"])
            raise ImportRefused(" ".join(problems))
        outcome = _walk(run, checker_for(run))
        run.created_count, run.skipped_count = outcome.created, outcome.skipped
        run.refused_count, run.refusals = outcome.refused, outcome.refusals
        run.status = ImportRun.Status.PREVIEWED
        run.save()
    return run


def import_confirm(*, run: ImportRun, by) -> ImportRun:
    """Start the import the preview counted. It runs in the background (`imports.tasks`)."""
    from .tasks import run_import

    with transaction.atomic():
        run = ImportRun.objects.select_for_update().get(pk=run.pk)
        if not run.may_change(by):
            raise ImportRefused(_("Only the neighbor who uploaded this file can import it."))
        if run.status not in (ImportRun.Status.PREVIEWED, ImportRun.Status.FAILED):
            raise ImportRefused(
                _("This import is already running or done.")
                if run.status != ImportRun.Status.DRAFT
                else _("Check the columns and see the preview first.")
            )
        if run.table is None:
            raise ImportRefused(
                _("The file of this import is no longer kept. Upload it again to import it.")
            )
        run.status, run.processed, run.failure = ImportRun.Status.QUEUED, 0, ""
        run.save(update_fields=["status", "processed", "failure"])
        pk = run.pk
        transaction.on_commit(lambda: run_import.enqueue(run_id=pk))
    return run


class _Progress:
    """Writes how far a running import got from a connection of its own: the import's
    transaction is all or nothing, so nothing it writes shows before it commits."""

    def __init__(self, run_pk: int):
        self.run_pk = run_pk
        self.connection: BaseDatabaseWrapper | None = None

    def __call__(self, processed: int):
        try:
            if self.connection is None:
                self.connection = connections.create_connection(DEFAULT_DB_ALIAS)
            with self.connection.cursor() as cursor:
                cursor.execute(
                    "UPDATE imports_importrun SET processed = %s WHERE id = %s AND status = %s",
                    [processed, self.run_pk, ImportRun.Status.RUNNING],
                )
        except Exception:  # noqa: BLE001 - a progress bar must never stop an import
            log.warning("Could not write the progress of import %s", self.run_pk, exc_info=True)

    def close(self):
        if self.connection is not None:
            self.connection.close()


def import_apply(*, run_id: int, progress=None) -> ImportRun | None:
    """Write every row the preview said would be created, in one transaction."""
    claimed = ImportRun.objects.filter(pk=run_id, status=ImportRun.Status.QUEUED).update(
        status=ImportRun.Status.RUNNING, started=timezone.now(), processed=0
    )
    if not claimed:
        return None
    run = ImportRun.objects.select_related("by", "store", "volunteer").get(pk=run_id)
    writer = progress or _Progress(run.pk)
    try:
        with transaction.atomic():
            checker = checker_for(run)
            made: list[ImportedRow] = []
            write = _writer(run)
            content_types: dict = {}

            def on_row(check: RowCheck):
                try:
                    with transaction.atomic():
                        obj = write(check.values)
                except Refusal as error:  # the store's, say: that row is refused, not the run
                    return ["refused", "", str(error)]
                model = type(obj)
                if model not in content_types:
                    content_types[model] = ContentType.objects.get_for_model(model)
                made.append(
                    ImportedRow(
                        run=run,
                        kind=run.kind,
                        key=check.key,
                        row_number=check.number,
                        content_type=content_types[model],
                        object_id=obj.pk,
                    )
                )
                return None

            outcome = _walk(run, checker, on_row=on_row, progress=writer)
            ImportedRow.objects.bulk_create(made, batch_size=1000)
            if run.kind in (RowKind.NEEDS, RowKind.OFFERS):
                _lists_changed()
            _remember_names(run.values)
            ImportRun.objects.filter(pk=run.pk).update(
                status=ImportRun.Status.DONE,
                created_count=outcome.created,
                skipped_count=outcome.skipped,
                refused_count=outcome.refused,
                refusals=outcome.refusals,
                processed=run.total,
                finished=timezone.now(),
                table=None,
            )
        log.info(
            "Import %s (%s) by neighbor %s: %s created, %s skipped, %s refused",
            run.pk,
            run.kind,
            run.by_id,
            outcome.created,
            outcome.skipped,
            outcome.refused,
        )
    except IntegrityError:
        log.warning("Import %s met another import of the same rows", run.pk, exc_info=True)
        _fail(run, _("Another import of the same rows ran at the same moment. Nothing was saved."))
    except Exception:
        log.exception("Import %s stopped", run.pk)
        _fail(run, _("Something went wrong while importing, so nothing was saved."))
    finally:
        if progress is None:
            writer.close()
    run.refresh_from_db()
    return run


def _lists_changed():
    """The lists read posts from the shared cache: tell it once what was written is in (a
    bulk write saves no single post, and a long one commits after its last save)."""
    from mutualaid import shared_cache

    transaction.on_commit(lambda: shared_cache.changed(shared_cache.POSTS))


def _fail(run: ImportRun, why: str):
    ImportRun.objects.filter(pk=run.pk).update(
        status=ImportRun.Status.FAILED, failure=why, finished=timezone.now(), processed=0
    )


def _remember_names(values: dict):
    """An area or category mapped by hand is found by the same words next time."""
    for field in ("area", "category"):
        for words, pk in (values.get(field) or {}).items():
            if words and pk:
                lookup: dict[str, Any] = {"words": words, f"{field}__isnull": False}
                NameAlias.objects.update_or_create(
                    defaults={field + "_id": pk, "words": words}, **lookup
                )


def _writer(run: ImportRun):
    """The function that makes one row's thing, by what the rows are."""
    if run.kind in (RowKind.NEEDS, RowKind.OFFERS):
        from offers.fits import fits_later

        if run.kind == RowKind.NEEDS:
            from needs.models import Need

            def write_need(values):
                need = Need(
                    owner=run.by,
                    title=values["title"],
                    details=values["details"],
                    category_id=values["category"],
                    area_id=values["area"],
                    urgency=values["urgency"],
                    on_behalf_of=values["name"],
                    contact_note=values["contact"],
                )
                need.save()
                fits_later(need)
                return need

            return write_need

        from offers.models import Offer

        def write_offer(values):
            offer = Offer(
                owner=run.volunteer or run.by,
                title=values["title"],
                details=values["details"],
                category_id=values["category"],
                area_id=values["area"],
                kind=values["kind"],
            )
            offer.save()
            fits_later(offer)
            return offer

        return write_offer

    from freestore import services as store
    from freestore.models import Thing

    # The upload form asks for a store whenever the rows are items or things.
    to_store = run.store
    assert to_store is not None, "items and things are imported into a store"

    if run.kind == RowKind.ITEMS:
        from mutualaid.models import Category

        categories = {category.pk: category for category in Category.objects.all()}

        def write_item(values):
            item = store.item_find_or_create(
                store=to_store,
                name=values["title"],
                size=values["size"],
                condition=values["condition"],
                category=categories.get(values["category"]),
                new_item=True,
            )
            (movement,) = store.stock_intake(lines=[(item, values["quantity"])], by=run.by)
            return movement

        return write_item

    def write_thing(values):
        return Thing.objects.create(
            store=to_store,
            name=values["title"],
            category_id=values["category"],
            description=values["details"],
            condition_notes=values["condition_notes"],
            loan_days=values["loan_days"],
        )

    return write_thing


def import_undo(*, run: ImportRun, by) -> ImportRun:
    """Within a day: withdraw the posts it made that are still open, give back its ledger
    lines with new ones, retire its things. All of it or nothing."""
    from freestore import services as store
    from freestore.models import AdjustmentReason, Thing, ThingStatus
    from needs.models import Need
    from offers.models import Offer

    with transaction.atomic():
        run = ImportRun.objects.select_for_update().get(pk=run.pk)
        if not run.may_undo(by):
            raise ImportRefused(
                _("Only the neighbor who imported this, or an organizer, can undo it.")
            )
        if run.status == ImportRun.Status.UNDONE:
            raise ImportRefused(_("This import was already undone."))
        if not run.can_be_undone:
            raise ImportRefused(_("An import can be undone within a day of running, not later."))
        rows = list(run.rows.filter(active=True).order_by("pk"))
        ids = [row.object_id for row in rows]
        kept = 0
        if run.kind in (RowKind.NEEDS, RowKind.OFFERS):
            model = Need if run.kind == RowKind.NEEDS else Offer
            posts = model.objects.select_for_update().filter(pk__in=ids)
            kept = posts.exclude(status="open").count()
            posts.filter(status="open").update(status="withdrawn", updated=timezone.now())
            _lists_changed()
        elif run.kind == RowKind.ITEMS:
            from freestore.models import StockMovement

            for movement in StockMovement.objects.filter(pk__in=ids).select_related("item"):
                try:
                    store.stock_adjust(
                        item=movement.item,
                        quantity=-movement.quantity,
                        reason=AdjustmentReason.OTHER,
                        note=_("Import undone"),
                        by=by,
                    )
                except store.StoreError as error:
                    raise ImportRefused(
                        _(
                            "Some of it has already gone out (%(why)s) so the import can't be "
                            "undone; adjust those items' stock instead."
                        )
                        % {"why": error}
                    ) from error
        else:
            things = Thing.objects.select_for_update().filter(pk__in=ids)
            if things.filter(status=ThingStatus.ON_LOAN).exists():
                raise ImportRefused(
                    _("Some of these things are out on loan, so the import can't be undone yet.")
                )
            things.update(status=ThingStatus.RETIRED)
        run.rows.update(active=False)
        run.status, run.undone, run.undone_by = ImportRun.Status.UNDONE, timezone.now(), by
        run.save(update_fields=["status", "undone", "undone_by"])
    run.kept_when_undone = kept
    return run
