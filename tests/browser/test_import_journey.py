"""Import journey: an organizer uploads a form's answers, fixes what the hub guessed, reads
the preview, confirms, watches the progress bar move, and finds the posts."""

from pathlib import Path

from imports.models import ImportRun
from imports.services import import_apply
from mutualaid import roles
from mutualaid.tests.factories import PASSWORD, AreaFactory, UserFactory
from needs.models import Need

from .conftest import JOURNEY, log_in

pytestmark = JOURNEY

SHEETS = Path(__file__).resolve().parents[2] / "imports" / "tests" / "sheets"


def test_organizer_imports_a_form_fixes_the_mapping_and_finds_the_posts(page, axe, settings):
    # The worker is elsewhere: the import waits in the queue until this test runs it.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    for name in ("Eastside", "Riverside", "Old Town"):
        AreaFactory(name=name, slug=name.lower().replace(" ", "-"))
    rosa = UserFactory(display_name="Rosa", roles=[roles.ORGANIZER])
    log_in(page, rosa.email, PASSWORD)

    page.goto("/")
    page.get_by_role("navigation", name="Your duties").get_by_role(
        "link", name="Import a spreadsheet"
    ).click()
    axe(page)
    page.get_by_label("The file").set_input_files(SHEETS / "rows_with_errors.csv")
    page.get_by_label("Needs, posted for the neighbors named in it").check()
    page.get_by_role("button", name="Read the file").click()
    page.get_by_text("Read 7 rows. Check what each column is.").wait_for()
    axe(page)
    # The phone column is private: no sample of it on the page.
    assert "555 100 2000" not in page.content()

    page.get_by_role("button", name="See the preview").click()
    page.get_by_text("1 row will be created").wait_for()
    assert page.get_by_text("“Narnia” is not one of the hub's areas").is_visible()
    assert page.get_by_text("A phone number in “Details”").is_visible()
    axe(page)

    # Fix it: Narnia is Old Town, "Gardening stuff" the tools, and Details holds contacts.
    page.get_by_label("Details", exact=True).select_option(
        label="Phone, email or address (private contact note)"
    )
    page.get_by_label("Narnia").select_option(label="Old Town")
    page.get_by_label("Gardening stuff").select_option(label="Tools & garden shed")
    page.get_by_role("button", name="See the preview").click()
    page.get_by_text("5 rows will be created").wait_for()
    assert page.get_by_text("2 rows refused").is_visible()
    assert Need.objects.count() == 0
    axe(page)

    page.get_by_role("button", name="Import 5 rows").click()
    page.get_by_text("Importing. This page shows how far it got.").wait_for()
    progress = page.get_by_role("progressbar")
    assert progress.get_attribute("value") == "0"
    axe(page)
    # The worker picks it up; the polling page notices and shows what was made.
    import_apply(run_id=ImportRun.objects.get().pk)
    page.get_by_role("heading", name="Imported").wait_for(timeout=15_000)
    axe(page)
    assert Need.objects.count() == 5
    page.get_by_role("link", name="Warm socks").click()
    page.get_by_role("heading", name="Warm socks").wait_for()
    axe(page)
    page.goto("/needs/")
    page.get_by_role("link", name="Garden tools for the community plot").wait_for()
    assert "555" not in page.locator("main").inner_text()
