"""Importing real-looking sheets: what the hub guesses, what a preview counts, what an import
makes (and keeps private), importing again, undoing, and the command line."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from freestore.models import Item, StockMovement, Thing, ThingStatus
from freestore.services import StoreError
from freestore.tests.factories import ItemFactory, StoreFactory
from imports import services
from imports.models import ImportedRow, ImportRun, NameAlias
from imports.rows import problem_text
from imports.services import (
    ImportRefused,
    import_apply,
    import_confirm,
    import_map,
    import_undo,
    import_upload,
)
from imports.sheets import SheetError
from mutualaid import roles
from mutualaid.contact_details import contact_details_in
from mutualaid.models import Category
from mutualaid.tests.factories import AreaFactory, UserFactory
from needs.models import Need
from offers.models import Offer

from .sheets import donations_xlsx, sheet


@pytest.fixture
def areas(db):
    return {
        name: AreaFactory(name=name, slug=name.lower().replace(" ", "-"))
        for name in ("Eastside", "Riverside", "Old Town")
    }


@pytest.fixture
def intake(db):
    return UserFactory(roles=[roles.INTAKE_VOLUNTEER])


def upload(by, name, kind="needs", data=None, **kwargs):
    return import_upload(
        by=by, file_name=name, data=sheet(name) if data is None else data, kind=kind, **kwargs
    )


def run_through(run, by, *, values=None, columns=None):
    """Map as guessed (or as given), preview, confirm and run it as the worker would."""
    run = import_map(run=run, by=by, columns=columns or run.columns, values=values or {})
    import_confirm(run=run, by=by)
    return import_apply(run_id=run.pk)


def reasons(run) -> dict[int, str]:
    return {
        refusal["row"]: " ".join(problem_text(*problem) for problem in refusal["problems"])
        for refusal in run.refusals
    }


def test_an_english_google_form_is_mapped_from_its_headers(areas, intake):
    run = upload(intake, "google_form_en.csv")
    headers = run.table["headers"]
    guessed = {headers[int(index)]: name for index, name in run.columns.items()}
    assert guessed == {
        "Timestamp": "timestamp",
        "Email Address": "contact",
        "Your name": "name",
        "What do you need?": "title",
        "Tell us more": "details",
        "Neighborhood": "area",
        "Type of help": "category",
        "Phone number": "contact",
        "How soon do you need it?": "urgency",
    }
    assert Need.objects.count() == 0  # reading and guessing save nothing


def test_the_preview_counts_and_saves_nothing(areas, intake):
    run = upload(intake, "google_form_en.csv")
    run = import_map(run=run, by=intake, columns=run.columns, values={})
    assert (run.created_count, run.skipped_count, run.refused_count) == (5, 0, 0)
    assert run.status == ImportRun.Status.PREVIEWED
    assert Need.objects.count() == 0
    assert ImportedRow.objects.count() == 0


def test_imported_needs_are_posted_as_intake_posts_them(areas, intake):
    run = run_through(upload(intake, "google_form_en.csv"), intake)
    assert run.status == ImportRun.Status.DONE
    assert (run.created_count, run.skipped_count, run.refused_count) == (5, 0, 0)
    assert run.table is None  # the file is not kept
    coat = Need.objects.get(title="Winter coat for my son, size 8")
    assert coat.owner == intake
    assert coat.on_behalf_of == "Maria"  # the first name only
    assert coat.area == areas["Eastside"]
    assert coat.category.slug == "clothing-household"
    assert coat.urgency == Need.Urgency.WEEK
    assert "maria.lopez@example.org" in coat.contact_note
    assert "(555) 201-3344" in coat.contact_note
    assert Need.objects.get(title="Groceries for the week").urgency == Need.Urgency.TODAY
    assert Need.objects.get(on_behalf_of="Dee").category.slug == "transport"  # "Rides"


def test_nothing_private_lands_in_a_public_field(areas, intake):
    run_through(upload(intake, "google_form_en.csv"), intake)
    run_through(upload(intake, "google_form_es.csv"), intake)
    needs = Need.objects.all()
    assert needs.count() == 9
    for need in needs:
        for public in (need.title, need.details, need.on_behalf_of):
            assert contact_details_in(public) is None, public
            assert "Lopez" not in public
        assert need.contact_note or need.on_behalf_of in ("Dee", "Ana", "Jorge", "Carmen")


def test_a_spanish_google_form(areas, intake):
    run = upload(intake, "google_form_es.csv")
    headers = run.table["headers"]
    guessed = {headers[int(index)]: name for index, name in run.columns.items()}
    assert guessed["¿Qué necesitas?"] == "title"
    assert guessed["Barrio"] == "area"
    assert guessed["Teléfono"] == "contact"
    assert guessed["Dirección de correo electrónico"] == "contact"
    assert guessed["Marca temporal"] == "timestamp"
    assert guessed["¿Para cuándo?"] == "urgency"
    run = run_through(run, intake)
    assert run.created_count == 4
    food = Need.objects.get(title="Comida para la semana")
    assert (food.category.slug, food.urgency, food.on_behalf_of) == ("food", "today", "Rosa")
    assert food.contact_note == "555 123 4567"
    assert Need.objects.get(on_behalf_of="Lucía").category.slug == "housing"
    assert Need.objects.get(on_behalf_of="Carmen").category.slug == "learning"


def test_refused_rows_say_why_and_the_rest_is_imported(areas, intake):
    run = upload(intake, "rows_with_errors.csv")
    run = import_map(run=run, by=intake, columns=run.columns, values={})
    assert (run.created_count, run.refused_count) == (1, 6)
    why = reasons(run)
    assert "Nothing under what it is" in why[3]
    assert "phone number in “Details”" in why[4]
    assert "“Narnia” is not one of the hub's areas" in why[5]
    assert "email address in “Details”" in why[6]
    assert "no first name" in why[7]
    assert "“Gardening stuff” is not one of the hub's categories" in why[8]
    run = import_apply(run_id=import_confirm(run=run, by=intake).pk)
    assert list(Need.objects.values_list("title", flat=True)) == ["Baby formula"]


def test_a_name_mapped_by_hand_is_remembered_for_the_next_sheet(areas, intake):
    tools = Category.objects.get(slug="tools-garden")
    run = upload(intake, "rows_with_errors.csv")
    values = {"category": {"gardening stuff": tools.pk}, "area": {"narnia": areas["Old Town"].pk}}
    run = run_through(run, intake, values=values)
    assert run.created_count == 3
    assert Need.objects.get(title__startswith="Garden tools").category == tools
    assert NameAlias.objects.filter(words="gardening stuff", category=tools).exists()
    again = upload(intake, "rows_with_errors.csv")
    again = import_map(run=again, by=intake, columns=again.columns, values={})
    assert (again.skipped_count, again.created_count) == (3, 0)


def test_importing_again_or_a_later_export_creates_only_the_new_rows(areas, intake):
    run_through(upload(intake, "google_form_en.csv"), intake)
    same = run_through(upload(intake, "google_form_en.csv"), intake)
    assert (same.created_count, same.skipped_count) == (0, 5)
    # The later export has three new rows, and an edited answer in an old one.
    later = run_through(upload(intake, "google_form_en_later.csv"), intake)
    assert (later.created_count, later.skipped_count, later.refused_count) == (3, 5, 0)
    assert Need.objects.count() == 8
    assert Need.objects.filter(on_behalf_of="Sam").count() == 1


def test_a_failure_half_way_saves_nothing(areas, intake, monkeypatch):
    run = upload(intake, "google_form_en.csv")
    run = import_map(run=run, by=intake, columns=run.columns, values={})
    import_confirm(run=run, by=intake)
    original = services._writer

    def breaking(run):
        write, calls = original(run), []

        def flaky(values):
            calls.append(1)
            if len(calls) == 3:
                raise RuntimeError("the database went away")
            return write(values)

        return flaky

    monkeypatch.setattr(services, "_writer", breaking)
    run = import_apply(run_id=run.pk)
    assert run.status == ImportRun.Status.FAILED
    assert "nothing was saved" in run.failure
    assert Need.objects.count() == 0
    assert ImportedRow.objects.count() == 0
    monkeypatch.setattr(services, "_writer", original)
    run = import_apply(run_id=import_confirm(run=run, by=intake).pk)  # try again
    assert run.created_count == 5


def test_undo_withdraws_the_posts_and_lets_the_rows_in_again(areas, intake):
    run = run_through(upload(intake, "google_form_en.csv"), intake)
    run = import_undo(run=run, by=intake)
    assert run.status == ImportRun.Status.UNDONE
    assert set(Need.objects.values_list("status", flat=True)) == {"withdrawn"}
    with pytest.raises(ImportRefused, match="already undone"):
        import_undo(run=run, by=intake)
    again = run_through(upload(intake, "google_form_en.csv"), intake)
    assert again.created_count == 5


def test_undo_is_for_a_day_only(areas, intake):
    run = run_through(upload(intake, "google_form_en.csv"), intake)
    ImportRun.objects.filter(pk=run.pk).update(
        finished=timezone.now() - datetime.timedelta(days=1, minutes=1)
    )
    with pytest.raises(ImportRefused, match="within a day"):
        import_undo(run=ImportRun.objects.get(pk=run.pk), by=intake)
    assert Need.objects.open().count() == 5


def test_an_xlsx_with_merged_header_rows_becomes_donations_in_the_ledger(db):
    volunteer = UserFactory(roles=[roles.STORE_VOLUNTEER])
    store = StoreFactory()
    known = ItemFactory(store=store, name="Canned beans", stock=6)
    run = upload(volunteer, "donations.xlsx", kind="items", data=donations_xlsx(), store=store)
    assert run.table["headers"] == [
        "Donation Date",
        "Donation Volunteer",
        "What came in Item",
        "What came in Size",
        "What came in How many",
        "What came in Category",
    ]
    headers = run.table["headers"]
    guessed = {headers[int(index)]: name for index, name in run.columns.items()}
    assert guessed["What came in Item"] == "title"
    assert guessed["What came in How many"] == "quantity"
    assert guessed["What came in Size"] == "size"
    run = run_through(run, volunteer)
    assert (run.created_count, run.refused_count) == (3, 1)
    assert "“a few” under how many is not a whole number" in reasons(run)[7]
    known.refresh_from_db()
    assert known.quantity == 30  # added to the item the store knew
    jackets = Item.objects.get(store=store, name="Kids' winter jackets")
    assert (jackets.size, jackets.quantity, jackets.category.slug) == (
        "6-8",
        4,
        "clothing-household",
    )
    movements = StockMovement.objects.filter(kind="intake", by=volunteer)
    assert movements.count() == 3
    # Undone: the stock goes back out through new ledger lines, the old ones stay.
    import_undo(run=run, by=volunteer)
    known.refresh_from_db()
    jackets.refresh_from_db()
    assert (known.quantity, jackets.quantity) == (6, 0)
    assert StockMovement.objects.filter(kind="adjustment", by=volunteer).count() == 3
    assert movements.count() == 3


def test_a_row_the_store_refuses_while_writing_is_counted_refused_and_the_rest_go_in(
    db, monkeypatch
):
    from freestore import services as store

    volunteer = UserFactory(roles=[roles.STORE_VOLUNTEER])
    to_store = StoreFactory()
    intake = store.stock_intake

    def refusing_jackets(*, lines, by):
        if lines[0][0].name == "Kids' winter jackets":
            raise StoreError("The store won't take these today.")
        return intake(lines=lines, by=by)

    monkeypatch.setattr(store, "stock_intake", refusing_jackets)
    run = upload(volunteer, "donations.xlsx", kind="items", data=donations_xlsx(), store=to_store)
    run = run_through(run, volunteer)
    assert (run.status, run.created_count, run.refused_count) == (ImportRun.Status.DONE, 2, 2)
    assert "The store won't take these today." in " ".join(reasons(run).values())
    assert not Item.objects.filter(name="Kids' winter jackets").exists()


def test_undo_of_stock_that_already_went_out_is_refused(db):
    from freestore.services import stock_give_away

    volunteer = UserFactory(roles=[roles.STORE_VOLUNTEER])
    store = StoreFactory()
    run = run_through(
        upload(volunteer, "donations.xlsx", kind="items", data=donations_xlsx(), store=store),
        volunteer,
    )
    beans = Item.objects.get(store=store, name="Canned beans")
    stock_give_away(item=beans, quantity=20, by=volunteer)
    with pytest.raises(ImportRefused, match="already gone out"):
        import_undo(run=run, by=volunteer)
    beans.refresh_from_db()
    assert beans.quantity == 4
    assert ImportRun.objects.get(pk=run.pk).status == ImportRun.Status.DONE


def test_lending_shelf_things_and_offers(areas, db):
    organizer = UserFactory(roles=[roles.ORGANIZER])
    store = StoreFactory()
    data = (
        b"Thing,Category,Description,Loan days\n"
        b"Ladder (3 m),Tools,Aluminium step ladder,3\n"
        b"Cordless drill,Herramientas,With two batteries,\n"
    )
    run = run_through(
        upload(organizer, "shelf.csv", kind="things", data=data, store=store), organizer
    )
    assert run.created_count == 2
    ladder = Thing.objects.get(name="Ladder (3 m)")
    assert (ladder.loan_days, ladder.category.slug) == (3, "tools-garden")
    assert Thing.objects.get(name="Cordless drill").loan_days == 7
    import_undo(run=run, by=organizer)
    assert set(Thing.objects.values_list("status", flat=True)) == {ThingStatus.RETIRED}

    volunteer = UserFactory()
    data = (
        b"Timestamp,What can you offer?,Area,Category,Kind of offer,Phone\n"
        b"2026-10-01 10:00,Rides to appointments on Tuesdays,Eastside,Transport,Time,555 111 2222\n"
    )
    run = run_through(
        upload(organizer, "offers.csv", kind="offers", data=data, volunteer=volunteer), organizer
    )
    offer = Offer.objects.get()
    assert (offer.owner, offer.kind, offer.details) == (volunteer, "time", "")
    assert "555" not in offer.title  # offers have no private note: the phone is left out


def test_each_duty_imports_its_own_rows(areas, db):
    store_volunteer = UserFactory(roles=[roles.STORE_VOLUNTEER])
    with pytest.raises(ImportRefused):
        upload(store_volunteer, "google_form_en.csv")
    with pytest.raises(ImportRefused):
        upload(UserFactory(), "google_form_en.csv")


@pytest.mark.parametrize(
    "name,data,message",
    [
        ("notes.pdf", b"%PDF-1.4", "Choose a .csv or .xlsx file"),
        ("empty.csv", b"", "This file is empty"),
        ("headers.csv", b"Name,What do you need?\n", "no rows under it"),
        ("broken.xlsx", b"not a zip at all", "could not be read as an XLSX"),
    ],
)
def test_a_file_that_is_not_a_sheet_gets_a_plain_message(intake, name, data, message):
    with pytest.raises(SheetError, match=message):
        upload(intake, name, data=data)
    assert ImportRun.objects.count() == 0


def test_a_sheet_saved_by_excel_in_spanish_reads_too(areas, intake):
    data = (
        "Nombre;¿Qué necesitas?;Barrio;Categoría\r\nJosé;Una cuna para bebé;Eastside;Hogar\r\n"
    ).encode("cp1252")
    run = run_through(upload(intake, "excel.csv", data=data), intake)
    assert Need.objects.get().title == "Una cuna para bebé"
    assert run.created_count == 1


def test_a_long_answer_becomes_a_short_title_and_the_details(areas, intake):
    long = "I need help " + "with the shopping and carrying bags up the stairs " * 4
    data = f"Name,What do you need?,Neighborhood,Category\nBea,{long},Eastside,Food\n".encode()
    run_through(upload(intake, "long.csv", data=data), intake)
    need = Need.objects.get()
    assert len(need.title) <= 120 and need.title.endswith("…")
    assert need.details.startswith("I need help with the shopping")


def test_the_command_line_prints_the_same_counts(areas, intake, tmp_path, capsys):
    path = tmp_path / "google_form_en.csv"
    path.write_bytes(sheet("rows_with_errors.csv"))
    call_command("import_sheet", str(path), "--rows", "needs", "--by", intake.email, "--dry-run")
    out = capsys.readouterr().out
    assert "7 rows: 1 would be created, 0 skipped as already imported, 6 refused." in out
    assert "row 5: “Narnia” is not one of the hub's areas" in out
    assert Need.objects.count() == 0 and ImportRun.objects.count() == 0
    call_command("import_sheet", str(path), "--rows", "needs", "--by", intake.email)
    assert "1 created" in capsys.readouterr().out
    assert Need.objects.count() == 1
    call_command(
        "import_sheet",
        str(path),
        "--rows",
        "needs",
        "--by",
        intake.email,
        "--column",
        "Details=contact",
        "--dry-run",
    )
    assert "2 would be created, 1 skipped" in capsys.readouterr().out


def test_a_sheet_left_unimported_is_forgotten_after_a_day(areas, intake, capsys):
    left = upload(intake, "google_form_en.csv")
    ImportRun.objects.filter(pk=left.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=1, minutes=1)
    )
    fresh = upload(intake, "google_form_es.csv")
    call_command("clean_imports")
    assert "Forgot" in capsys.readouterr().out
    assert ImportRun.objects.get(pk=left.pk).table is None
    assert ImportRun.objects.get(pk=fresh.pk).table is not None
    with pytest.raises(ImportRefused, match="no longer kept"):
        import_map(
            run=ImportRun.objects.get(pk=left.pk), by=intake, columns=left.columns, values={}
        )
