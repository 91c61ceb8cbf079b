"""Authorization rules for spreadsheet imports: organizers and intake volunteers import needs
and offers, store volunteers (and organizers) the store's rows; an import's page is for the
one who uploaded it and organizers, and only its uploader maps and confirms it."""

import itertools

from imports.services import import_apply, import_confirm, import_map, import_upload
from mutualaid.tests.factories import AreaFactory

from .rules import (
    INTAKE_VOLUNTEER,
    ORGANIZER,
    STORE_VOLUNTEER,
    Rule,
    only,
)

SHEET = "Name,What do you need?,Neighborhood,Category\nAda,Baby formula {n},Eastside,Food\n"
# Each check gets a sheet of its own, so no row of it was imported by an earlier check.
SHEETS = itertools.count()


def an_upload(people):
    AreaFactory(name="Eastside", slug="eastside")
    by = people[INTAKE_VOLUNTEER]
    return import_upload(
        by=by, file_name="form.csv", data=SHEET.format(n=next(SHEETS)).encode(), kind="needs"
    ), by


def an_upload_to_map(people):
    run, by = an_upload(people)
    body = {f"col-{index}": name for index, name in run.columns.items()}
    return {"pk": run.pk, "__post__": body}, by


def an_upload_to_see(people):
    run, by = an_upload(people)
    return {"pk": run.pk}, by


def a_preview(people):
    run, by = an_upload(people)
    run = import_map(run=run, by=by, columns=run.columns, values={})
    return {"pk": run.pk}, by


def an_import(people):
    run, by = an_upload(people)
    run = import_map(run=run, by=by, columns=run.columns, values={})
    import_confirm(run=run, by=by)
    import_apply(run_id=run.pk)
    return {"pk": run.pk}, by


IMPORTERS = only(ORGANIZER, STORE_VOLUNTEER, INTAKE_VOLUNTEER)
UPLOADER = only(INTAKE_VOLUNTEER, owner_too=True)
UPLOADER_OR_ORGANIZER = only(INTAKE_VOLUNTEER, ORGANIZER, owner_too=True)

RULES = {
    "imports:index": Rule(methods={"GET": IMPORTERS, "POST": IMPORTERS}),
    "imports:detail": Rule(setup=an_upload_to_see, methods={"GET": UPLOADER_OR_ORGANIZER}),
    "imports:mapping": Rule(setup=an_upload_to_map, methods={"POST": UPLOADER}),
    "imports:confirm": Rule(setup=a_preview, methods={"POST": UPLOADER}),
    "imports:undo": Rule(setup=an_import, methods={"POST": UPLOADER_OR_ORGANIZER}),
}
