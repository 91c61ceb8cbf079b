"""The import pages: upload, correct the columns, preview, confirm, see what was made, undo."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from imports.models import ImportRun
from mutualaid import roles
from mutualaid.tests.factories import AreaFactory, UserFactory
from needs.models import Need

from .sheets import sheet


@pytest.fixture
def intake(client, db):
    for name in ("Eastside", "Riverside", "Old Town"):
        AreaFactory(name=name, slug=name.lower().replace(" ", "-"))
    volunteer = UserFactory(roles=[roles.INTAKE_VOLUNTEER])
    client.force_login(volunteer)
    return volunteer


def test_upload_map_preview_confirm_and_undo(client, intake, django_capture_on_commit_callbacks):
    page = client.get(reverse("imports:index"))
    assert "Needs, posted for the neighbors named in it" in page.content.decode()
    upload = SimpleUploadedFile("errors.csv", sheet("rows_with_errors.csv"), "text/csv")
    response = client.post(reverse("imports:index"), {"file": upload, "kind": "needs"})
    run = ImportRun.objects.get()
    assert response.url == run.get_absolute_url()

    page = client.get(response.url).content.decode()
    assert "What each column is" in page
    assert "Baby formula" in page  # a sample of the title column
    assert "555 100 2000" not in page  # never a sample of a contact column
    assert "Private: not shown here." in page

    # The organizer maps the unknown area and category, and sees the preview.
    body = {f"col-{index}": name for index, name in run.columns.items()}
    client.post(reverse("imports:mapping", args=[run.pk]), body)
    page = client.get(run.get_absolute_url()).content.decode()
    assert "1 row will be created" in page, page[page.find("<main") :][:3000]
    assert "6 rows refused" in page
    assert "“Narnia” is not one of the hub&#x27;s areas" in page
    assert 'name="area-word-0" value="Narnia"' in page
    body.update({"area-word-0": "Narnia", "area-0": AreaFactory(slug="old-town").pk})
    client.post(reverse("imports:mapping", args=[run.pk]), body)
    page = client.get(run.get_absolute_url()).content.decode()
    assert "2 rows will be created" in page
    assert Need.objects.count() == 0  # nothing saved before confirming

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("imports:confirm", args=[run.pk]))
    page = client.get(run.get_absolute_url()).content.decode()
    assert "Imported" in page
    assert "Warm socks" in page and "Baby formula" in page  # links to what it made
    assert Need.objects.count() == 2

    client.post(reverse("imports:undo", args=[run.pk]))
    assert Need.objects.open().count() == 0
    assert "Undone on" in client.get(run.get_absolute_url()).content.decode()


def test_the_progress_is_a_fragment_htmx_polls_and_a_plain_reload_shows(client, intake):
    run = ImportRun.objects.create(
        by=intake,
        file_name="big.csv",
        kind="needs",
        status="running",
        total=10000,
        processed=2500,
        table={"headers": [], "rows": [], "numbers": []},
    )
    page = client.get(run.get_absolute_url()).content.decode()
    assert 'value="25"' in page and "2500 of 10000 rows" in page
    assert "Reload to see how far it got" in page
    fragment = client.get(run.get_absolute_url(), headers={"HX-Request": "true"})
    assert "<html" not in fragment.content.decode()
    assert 'hx-trigger="every 2s"' in fragment.content.decode()
    ImportRun.objects.filter(pk=run.pk).update(status="done", processed=10000)
    done = client.get(run.get_absolute_url(), headers={"HX-Request": "true"})
    assert done.headers["HX-Refresh"] == "true"


def test_a_bad_file_comes_back_with_a_message(client, intake):
    upload = SimpleUploadedFile("photo.jpg", b"\xff\xd8\xff", "image/jpeg")
    page = client.post(reverse("imports:index"), {"file": upload, "kind": "needs"})
    assert page.status_code == 200
    assert "Choose a .csv or .xlsx file" in page.content.decode()
    assert ImportRun.objects.count() == 0


def test_a_neighbor_without_the_duty_cannot_import(client, db):
    client.force_login(UserFactory())
    assert client.get(reverse("imports:index")).status_code == 403


def test_the_needs_list_shows_imported_needs_and_forgets_undone_ones(
    client, intake, settings, django_capture_on_commit_callbacks, monkeypatch
):
    from mutualaid import shared_cache

    settings.SHARED_CACHE_SECONDS = 60
    monkeypatch.setattr(shared_cache, "SETTLE_SECONDS", 0)  # as if each save were long ago
    assert "Groceries for the week" not in client.get(reverse("needs:list")).content.decode()
    upload = SimpleUploadedFile("form.csv", sheet("google_form_en.csv"), "text/csv")
    client.post(reverse("imports:index"), {"file": upload, "kind": "needs"})
    run = ImportRun.objects.get()
    body = {f"col-{index}": name for index, name in run.columns.items()}
    client.post(reverse("imports:mapping", args=[run.pk]), body)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("imports:confirm", args=[run.pk]))
    assert "Groceries for the week" in client.get(reverse("needs:list")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("imports:undo", args=[run.pk]))
    assert "Groceries for the week" not in client.get(reverse("needs:list")).content.decode()


def test_a_file_too_big_is_refused_before_it_is_read(client, intake, settings):
    settings.IMPORT_MAX_BYTES = 1024 * 1024
    upload = SimpleUploadedFile("big.csv", b"Name,Need\n" + b"Ada,soup\n" * 200_000, "text/csv")
    page = client.post(reverse("imports:index"), {"file": upload, "kind": "needs"})
    assert "larger than 1 MB" in page.content.decode()
    assert ImportRun.objects.count() == 0


@pytest.mark.parametrize("count", [3, 30])
def test_the_list_of_imports_asks_the_same_few_questions(
    client, intake, count, django_assert_max_num_queries
):
    organizer = UserFactory(roles=[roles.ORGANIZER])
    for n in range(count):
        ImportRun.objects.create(
            by=intake if n % 2 else organizer,
            file_name=f"sheet {n}.csv",
            kind="needs",
            table={"headers": [], "rows": [], "numbers": []},
        )
    client.force_login(organizer)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("imports:index")).content.decode()
    assert f"sheet {count - 1}.csv" in page and "sheet 0.csv" in page
