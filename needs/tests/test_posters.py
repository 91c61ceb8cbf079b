"""The needs posters ('Open needs in Riverside', one need) and the organizers' CSV export."""

import csv
import io
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from mutualaid import roles
from mutualaid.tests.factories import AreaFactory, CategoryFactory, UserFactory
from needs.tests.factories import NeedFactory
from offers.models import Visibility
from offers.tests.factories import OfferFactory
from tests.qr import decode_svg, qr_svgs

pytestmark = pytest.mark.django_db


@pytest.fixture
def riverside():
    return AreaFactory(name="Riverside", slug="riverside")


def test_riverside_poster_lists_its_open_needs_and_its_code_opens_the_list(
    client, riverside, settings
):
    settings.SITE_URL = "https://hub.example.org"
    owner = UserFactory(display_name="Marisol Quintero")
    NeedFactory(title="Winter coat, size 8", area=riverside, owner=owner)
    NeedFactory(title="Rides to the clinic", area=riverside, urgency="today")
    NeedFactory(title="Hidden by a moderator", area=riverside, hidden=True)
    NeedFactory(title="Already met", area=riverside, status="met")
    NeedFactory(title="Across town", area=AreaFactory(name="Hilltop"))

    response = client.get(reverse("needs:poster"), {"area": "riverside"})

    page = response.content.decode()
    assert "Open needs in Riverside" in page
    assert "Winter coat, size 8" in page
    assert "Rides to the clinic" in page
    for absent in ("Hidden by a moderator", "Already met", "Across town", "Marisol"):
        assert absent not in page
    # No site menu or footer on a poster.
    assert 'class="site-header"' not in page
    [svg] = qr_svgs(page)
    assert decode_svg(svg) == "https://hub.example.org/needs/?area=riverside"
    assert "https://hub.example.org/needs/?area=riverside" in page


def test_poster_code_without_site_url_opens_the_address_the_request_came_to(client, riverside):
    NeedFactory(area=riverside)
    response = client.get(reverse("needs:poster"), {"area": "riverside", "urgency": "today"})
    [svg] = qr_svgs(response.content.decode())
    assert decode_svg(svg) == "http://testserver/needs/?area=riverside&urgency=today"


def test_poster_in_spanish_leaves_the_interface_in_english(client, riverside):
    NeedFactory(title="Winter coat", area=riverside)

    response = client.get(reverse("needs:poster"), {"area": "riverside", "lang": "es"})

    page = response.content.decode()
    assert '<html lang="es">' in page
    assert "Necesidades abiertas en Riverside" in page
    assert "Winter coat" in page
    assert response["Content-Language"] == "es"
    # The language choice is the poster's own: the code opens the list as it is.
    [svg] = qr_svgs(page)
    assert decode_svg(svg) == "http://testserver/needs/?area=riverside"
    # ...and the next page still speaks the visitor's language.
    page = client.get(reverse("needs:list")).content.decode()
    assert '<html lang="en">' in page
    assert "Ask for something" in page


def test_an_unknown_poster_language_falls_back_to_the_visitors(client, riverside):
    response = client.get(reverse("needs:poster"), {"area": "riverside", "lang": "xx"})
    assert "Open needs in Riverside" in response.content.decode()


def test_poster_words_never_find_what_only_neighbors_may_read(client, riverside):
    NeedFactory(title="Help with a form", details="zebracrossing", area=riverside)
    NeedFactory(title="Help moving", details="zebracrossing", area=riverside, visibility="everyone")
    page = client.get(reverse("needs:poster"), {"q": "zebracrossing"}).content.decode()
    assert "Help moving" in page
    assert "Help with a form" not in page


def test_a_full_poster_says_how_many_more_the_code_opens(client, riverside):
    for index in range(15):
        NeedFactory(title=f"Need number {index}", area=riverside)
    page = client.get(reverse("needs:poster"), {"area": "riverside"}).content.decode()
    assert page.count("Need number") == 12
    assert "And 3 more: scan the code to see them all." in page


@pytest.mark.parametrize("rows", [3, 30])
def test_needs_poster_asks_the_database_a_few_questions(
    client, riverside, rows, django_assert_max_num_queries
):
    category = CategoryFactory()
    for _ in range(rows):
        NeedFactory(area=riverside, category=category)
    with django_assert_max_num_queries(4):
        response = client.get(reverse("needs:poster"), {"area": "riverside"})
    assert response.status_code == 200


def test_one_need_poster_shows_details_only_when_they_are_for_everyone(client):
    private = NeedFactory(title="Groceries", details="zprivatedetail")
    public = NeedFactory(title="A ladder", details="For the weekend", visibility="everyone")

    page = client.get(reverse("needs:detail_poster", args=[private.pk])).content.decode()
    assert "Groceries" in page
    assert "zprivatedetail" not in page
    [svg] = qr_svgs(page)
    assert decode_svg(svg) == f"http://testserver/needs/{private.pk}/"

    page = client.get(reverse("needs:detail_poster", args=[public.pk])).content.decode()
    assert "For the weekend" in page


def test_a_hidden_need_has_no_poster_even_for_a_moderator(client):
    need = NeedFactory(hidden=True)
    client.force_login(UserFactory(roles=[roles.MODERATOR]))
    assert client.get(reverse("needs:detail_poster", args=[need.pk])).status_code == 404


def test_the_list_and_the_need_link_to_their_posters(client, riverside):
    need = NeedFactory(area=riverside)
    page = client.get(reverse("needs:list"), {"area": "riverside"}).content.decode()
    assert f'href="{reverse("needs:poster")}?area=riverside"' in page
    page = client.get(need.get_absolute_url()).content.decode()
    assert reverse("needs:detail_poster", args=[need.pk]) in page


# ----------------------------------------------------------------------------- export


def export_rows(client, **params):
    response = client.get(reverse("needs:export"), params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    return list(csv.reader(io.StringIO(response.content.decode())))


@pytest.fixture
def organizer(client):
    person = UserFactory(roles=[roles.ORGANIZER, roles.MODERATOR])
    client.force_login(person)
    return person


def test_export_holds_what_the_public_list_shows_and_nothing_private(client, organizer, riverside):
    owner = UserFactory(display_name="Marisol Quintero", email="marisol@example.org")
    volunteer = UserFactory(roles=[roles.INTAKE_VOLUNTEER])
    food = CategoryFactory(slug="food")
    need = NeedFactory(
        title="Groceries for the week",
        details="zdetailsq",
        owner=owner,
        area=riverside,
        category=food,
        urgency="week",
    )
    # Posted at 02:00 UTC, still the evening before in the hub's time zone (New York): the
    # sheet gives the date a neighbor there would say.
    need.created_at = datetime(2026, 12, 2, 2, 0, tzinfo=UTC)
    need.save(update_fields=["created_at"])
    NeedFactory(
        title="For Ana",
        owner=volunteer,
        on_behalf_of="Ana",
        contact_note="555 0100 zcontactq",
        area=riverside,
    )
    offer = OfferFactory(
        title="Spare bike",
        details="zofferdetailsq",
        owner=owner,
        area=riverside,
        kind="lend",
        visibility=Visibility.EVERYONE,
    )
    NeedFactory(title="Hidden need", area=riverside, hidden=True)
    OfferFactory(title="Hidden offer", area=riverside, hidden=True)
    OfferFactory(title="Taken offer", area=riverside, status="taken")

    rows = export_rows(client, area="riverside")

    assert rows[0] == [
        "Need or offer",
        "Title",
        "Category",
        "Area",
        "Kind",
        "How soon",
        "Posted",
        "Link",
    ]
    by_title = {row[1]: row for row in rows[1:]}
    assert set(by_title) == {"Groceries for the week", "For Ana", "Spare bike"}
    assert by_title["Groceries for the week"] == [
        "Need",
        "Groceries for the week",
        str(food),
        "Riverside",
        "",
        "This week",
        "2026-12-01",
        f"http://testserver/needs/{need.pk}/",
    ]
    assert by_title["Spare bike"][0] == "Offer"
    assert by_title["Spare bike"][4] == "Something to lend"
    assert by_title["Spare bike"][7] == f"http://testserver/offers/{offer.pk}/"
    text = "\n".join(",".join(row) for row in rows)
    for private in ("Marisol", "marisol@", "zdetailsq", "zofferdetailsq", "zcontactq", "555"):
        assert private not in text


def test_export_cells_never_run_as_formulas(client, organizer):
    NeedFactory(title='=HYPERLINK("http://evil.example","click")')
    NeedFactory(title="+1 stroller")
    NeedFactory(title="-drill")
    NeedFactory(title="@mention")
    rows = export_rows(client, side="needs")
    titles = {row[1] for row in rows[1:]}
    assert titles == {
        '\'=HYPERLINK("http://evil.example","click")',
        "'+1 stroller",
        "'-drill",
        "'@mention",
    }


def test_export_follows_the_filter_and_side(client, organizer, riverside):
    NeedFactory(title="Riverside need", area=riverside)
    NeedFactory(title="Hilltop need", area=AreaFactory(name="Hilltop"))
    OfferFactory(title="Riverside offer", area=riverside, kind="time")
    OfferFactory(title="Riverside things", area=riverside, kind="things")

    assert [row[1] for row in export_rows(client, area="riverside", side="needs")[1:]] == [
        "Riverside need"
    ]
    offers = export_rows(client, area="riverside", side="offers", kind="time")
    assert [row[1] for row in offers[1:]] == ["Riverside offer"]


def test_a_neighbor_cannot_export_and_organizers_see_the_link(client, organizer):
    page = client.get(reverse("needs:list")).content.decode()
    assert reverse("needs:export") in page
    assert reverse("needs:export") in client.get(reverse("offers:list")).content.decode()

    client.force_login(UserFactory())
    assert client.get(reverse("needs:export")).status_code == 403
    assert reverse("needs:export") not in client.get(reverse("needs:list")).content.decode()
