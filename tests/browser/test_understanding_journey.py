"""Matching across languages, live: Lucía types a need in Spanish and sees Jun's English
offer appear with the reason in Spanish; Jun types an English need and finds a Spanish offer."""

from django.utils import translation

from mutualaid.models import Area, Category
from mutualaid.tests.factories import PASSWORD, UserFactory
from offers.models import Offer

from .conftest import JOURNEY, log_in

pytestmark = JOURNEY


def test_a_spanish_need_meets_an_english_offer_and_the_other_way_round(page, new_page, axe):
    riverside = Area.objects.create(name="Riverside", slug="riverside")
    clothing = Category.objects.get(slug="clothing-household")
    food = Category.objects.get(slug="food")
    jun = UserFactory(email="jun@example.org", display_name="Jun", area=riverside)
    ana = UserFactory(email="ana@example.org", display_name="Ana", area=riverside)
    UserFactory(email="lucia@example.org", display_name="Lucía", area=riverside)
    Offer.objects.create(
        owner=jun,
        title="Children's winter jacket, size 8",
        details="Warm, with a hood.",
        category=clothing,
        area=riverside,
    )
    with translation.override("es"):
        Offer.objects.create(
            owner=ana,
            title="Arroz y frijoles",
            details="Una bolsa de cada uno.",
            category=food,
            area=riverside,
        )

    # Lucía reads the hub in Spanish and types her need in Spanish.
    log_in(page, "lucia@example.org", PASSWORD)
    page.get_by_label("Language").select_option("es")
    page.get_by_role("button", name="Change").click()
    page.wait_for_load_state()
    page.goto("/needs/new/")
    axe(page)
    page.get_by_label("Lo que necesitas, en pocas palabras").press_sequentially(
        "Necesito una chaqueta de invierno para mi hijo", delay=20
    )
    panel = page.locator("#suggestions")
    panel.get_by_role("link", name="Children's winter jacket, size 8").wait_for()
    said = panel.inner_text()
    assert "Significa lo mismo: chaqueta → jacket" in said
    assert "Escrita en inglés" in said
    assert "Arroz y frijoles" not in said
    axe(page)

    # Jun, in English, needs food for the week and finds Ana's Spanish offer.
    other = new_page(mobile=False)
    log_in(other, "jun@example.org", PASSWORD)
    other.goto("/needs/new/")
    other.get_by_label("What you need, in a few words").press_sequentially(
        "Rice and beans for the week", delay=20
    )
    panel = other.locator("#suggestions")
    panel.get_by_role("link", name="Arroz y frijoles").wait_for()
    said = panel.inner_text()
    assert "Written in Spanish" in said
    assert "rice → arroz" in said
    assert "Children's winter jacket" not in said
    axe(other)
