"""What neighbors and volunteers see: public stock, volunteer screens, permissions, query counts."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from mutualaid.tests.factories import CategoryFactory, UserFactory

from ..models import Hold, Item, Loan, MovementKind, ShiftSignup, StockMovement, Store
from ..services import stock_give_away
from .factories import ItemFactory, ShiftFactory, StoreFactory, ThingFactory, volunteer

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = ["index", "needed", "shelf", "shifts"]
VOLUNTEER_PAGES = [
    "volunteer",
    "intake",
    "items",
    "item_create",
    "basket",
    "stocktake",
    "report",
    "thing_create",
    "shift_create",
]


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_anyone_can_read_the_public_store_pages_without_an_account(client, name):
    StoreFactory()
    assert client.get(reverse(f"freestore:{name}")).status_code == 200


@pytest.mark.parametrize("name", VOLUNTEER_PAGES)
def test_only_store_volunteers_reach_the_volunteer_screens(client, volunteer_client, name):
    StoreFactory()
    url = reverse(f"freestore:{name}")
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    assert volunteer_client.get(url).status_code == 200


def test_a_neighbor_cannot_move_stock_or_edit_items(client):
    item = ItemFactory(stock=3)
    client.force_login(UserFactory())
    client.post(reverse("freestore:basket_add"), {"item": item.pk, "quantity": 1})
    assert client.post(reverse("freestore:basket_check_out")).status_code == 403
    assert (
        client.post(
            reverse("freestore:item_detail", args=[item.pk]), {"quantity": -3, "reason": "damaged"}
        ).status_code
        == 403
    )
    assert (
        client.post(reverse("freestore:item_edit", args=[item.pk]), {"name": "x"}).status_code
        == 403
    )
    assert client.post(reverse("freestore:stocktake"), {f"count-{item.pk}": 0}).status_code == 403
    item.refresh_from_db()
    assert item.quantity == 3


def test_in_stock_now_lists_what_is_on_hand_and_filters_by_search_category_and_size(client):
    ItemFactory(name="Winter coat", size="L", stock=2)
    ItemFactory(name="Winter coat", size="S", stock=1)
    ItemFactory(name="Rain boots", stock=0)
    body = client.get(reverse("freestore:index")).content.decode()
    assert "Winter coat" in body and "Rain boots" not in body
    body = client.get(reverse("freestore:index"), {"q": "coat", "size": "L"}).content.decode()
    assert "size L" in body and "size S" not in body
    body = client.get(reverse("freestore:index"), {"category": "food"}).content.decode()
    assert "Winter coat" not in body


def test_live_search_gets_only_the_results_fragment(client):
    ItemFactory(name="Winter coat", stock=2)
    response = client.get(reverse("freestore:index"), {"q": "coat"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "Winter coat" in body and "<html" not in body
    assert "HX-Request" in response["Vary"]


def test_the_store_page_shows_hours_and_place(client):
    StoreFactory(place="Library basement", opening_hours="Sundays 11–3")
    body = client.get(reverse("freestore:index")).content.decode()
    assert "Library basement" in body and "Sundays 11–3" in body


def test_a_volunteer_logs_a_donation_of_several_lines_creating_new_items(volunteer_client):
    store = StoreFactory()
    ItemFactory(store=store, name="Winter coat", size="L")
    data = {
        "store": store.slug,
        "form-TOTAL_FORMS": "3",
        "form-INITIAL_FORMS": "0",
        "form-0-name": "winter coat",
        "form-0-quantity": "3",
        "form-0-size": "L",
        "form-0-condition": "good",
        "form-1-name": "Tinned tomatoes",
        "form-1-quantity": "12",
        "form-1-condition": "new",
        "form-1-category": str(
            Item._meta.get_field("category").related_model.objects.get(slug="food").pk
        ),
        "form-2-condition": "good",
    }
    response = volunteer_client.post(reverse("freestore:intake"), data)
    assert response.status_code == 302
    assert Item.objects.get(name="Winter coat").quantity == 3
    assert Item.objects.get(name="Tinned tomatoes").quantity == 12


def test_a_donation_with_a_new_item_but_no_category_keeps_what_was_typed(volunteer_client):
    store = StoreFactory()
    data = {
        "store": store.slug,
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "0",
        "form-0-name": "Mystery box",
        "form-0-quantity": "2",
        "form-0-condition": "good",
    }
    response = volunteer_client.post(reverse("freestore:intake"), data)
    body = response.content.decode()
    assert response.status_code == 200
    assert "choose a category" in body and 'value="Mystery box"' in body
    assert not StockMovement.objects.exists()


def test_more_lines_keeps_the_typed_lines(volunteer_client):
    store = StoreFactory()
    data = {
        "store": store.slug,
        "form-TOTAL_FORMS": "4",
        "form-INITIAL_FORMS": "0",
        "form-0-name": "Scarf",
        "form-0-quantity": "2",
        "form-0-condition": "good",
        "more": "1",
    }
    body = volunteer_client.post(reverse("freestore:intake"), data).content.decode()
    assert 'value="Scarf"' in body and 'name="form-7-name"' in body


@pytest.mark.parametrize("more", [False, True])
@pytest.mark.parametrize("total", ["abc", "", "-3", "99999999999999999999"])
def test_a_damaged_donation_form_says_so_keeps_the_lines_and_saves_nothing(
    volunteer_client, total, more
):
    store = StoreFactory()
    data = {
        "store": store.slug,
        "form-TOTAL_FORMS": total,
        "form-INITIAL_FORMS": "0",
        "form-0-name": "Scarf",
        "form-0-quantity": "2",
        "form-0-condition": "good",
        "form-1-name": "Wool hat",
        "form-1-quantity": "1",
        "form-1-condition": "good",
    }
    if more:
        data["more"] = "1"
    response = volunteer_client.post(reverse("freestore:intake"), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Part of the form came back damaged, so nothing was recorded" in body
    assert 'value="Scarf"' in body and 'value="Wool hat"' in body
    assert not StockMovement.objects.exists() and not Item.objects.exists()


def test_a_basket_is_checked_out_and_the_loser_of_a_race_gets_a_clear_message(
    volunteer_client, store_volunteer
):
    coats = ItemFactory(name="Winter coat", stock=2)
    volunteer_client.post(reverse("freestore:basket_add"), {"item": coats.pk, "quantity": 2})
    stock_give_away(item=coats, quantity=1, by=store_volunteer)  # someone else was quicker
    response = volunteer_client.post(reverse("freestore:basket_check_out"), follow=True)
    assert "Only 1 of “Winter coat” left" in response.content.decode()
    coats.refresh_from_db()
    assert coats.quantity == 1
    volunteer_client.post(reverse("freestore:basket_remove", args=[coats.pk]))
    volunteer_client.post(reverse("freestore:basket_add"), {"item": coats.pk, "quantity": 1})
    response = volunteer_client.post(reverse("freestore:basket_check_out"), follow=True)
    assert "Given away: 1 thing. Nothing else recorded." in response.content.decode()
    assert Item.objects.get(pk=coats.pk).quantity == 0


def test_a_stocktake_through_the_screen_records_differences(volunteer_client):
    item = ItemFactory(stock=5)
    response = volunteer_client.post(
        reverse("freestore:stocktake"), {"store": item.store.slug, f"count-{item.pk}": "4"}
    )
    assert response.status_code == 302
    movement = StockMovement.objects.get(kind=MovementKind.STOCKTAKE)
    assert movement.quantity == -1


def test_an_item_shows_its_movement_history_and_takes_adjustments(volunteer_client):
    item = ItemFactory(stock=4)
    url = reverse("freestore:item_detail", args=[item.pk])
    volunteer_client.post(url, {"quantity": "-1", "reason": "expired"})
    body = volunteer_client.get(url).content.decode()
    assert "Donation in" in body and "Adjustment" in body and "Expired" in body


def test_the_report_draws_an_svg_chart_without_inline_styles(volunteer_client, store_volunteer):
    item = ItemFactory(stock=5, category=CategoryFactory(slug="food"))
    stock_give_away(item=item, quantity=2, by=store_volunteer)
    body = volunteer_client.get(reverse("freestore:report")).content.decode()
    assert "<svg" in body and 'class="bar-received"' in body and 'class="bar-given"' in body
    assert "style=" not in body
    assert "Food" in body


def test_the_movements_export_is_a_csv_for_the_chosen_dates(volunteer_client, store_volunteer):
    item = ItemFactory(name="=HYPERLINK()", stock=3)
    old = StockMovement.objects.get(item=item)
    old.created_at = timezone.now() - datetime.timedelta(days=400)
    old.save()
    stock_give_away(item=item, quantity=1, by=store_volunteer)
    today = timezone.localdate()
    response = volunteer_client.get(
        reverse("freestore:movements_csv"),
        {"start": today - datetime.timedelta(days=7), "end": today},
    )
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode().strip().splitlines()
    assert lines[0].startswith("when,store,item")
    assert len(lines) == 2 and ",give_away,-1," in lines[1]
    assert "'=HYPERLINK()" in lines[1]  # never a live formula in a spreadsheet


def test_a_bad_export_range_is_a_message_not_an_error(volunteer_client):
    response = volunteer_client.get(
        reverse("freestore:movements_csv"),
        {"start": "2026-05-01", "end": "2026-01-01"},
        follow=True,
    )
    assert response.status_code == 200
    assert "Choose a start and end date" in response.content.decode()


def test_the_home_page_shows_what_the_store_needs(client):
    ItemFactory(name="Baby formula", target=6, stock=1)
    body = client.get(reverse("home")).content.decode()
    assert "Baby formula" in body


# Query counts: every list page asks the same few questions at 3 rows and at 30 -------------


def make_rows(n, volunteer):
    store = StoreFactory()
    for i in range(n):
        item = ItemFactory(store=store, name=f"Item {i}", size=str(i), target=100, stock=2)
        thing = ThingFactory(store=store)
        Hold.objects.create(thing=thing, neighbor=volunteer)
        Loan.objects.create(thing=thing, borrower=volunteer, due_on=timezone.localdate())
        shift = ShiftFactory(store=store)
        ShiftSignup.objects.create(shift=shift, volunteer=volunteer)
        stock_give_away(item=item, quantity=1, by=volunteer)
    return item


LIST_PAGES = [
    ("freestore:index", False),
    ("freestore:needed", False),
    ("freestore:shelf", False),
    ("freestore:shifts", True),
    ("freestore:loans", True),
    ("freestore:items", True),
    ("freestore:basket", True),
    ("freestore:stocktake", True),
    ("freestore:volunteer", True),
    ("freestore:report", True),
]


@pytest.mark.parametrize("rows", [3, 30])
@pytest.mark.parametrize(("name", "logged_in"), LIST_PAGES)
def test_list_pages_ask_the_database_the_same_few_questions(
    client, store_volunteer, django_assert_max_num_queries, rows, name, logged_in
):
    make_rows(rows, store_volunteer)
    if logged_in:
        client.force_login(store_volunteer)
    with django_assert_max_num_queries(8):
        response = client.get(reverse(name))
    assert response.status_code == 200


@pytest.mark.parametrize("rows", [3, 30])
def test_item_history_asks_the_same_few_questions(
    client, store_volunteer, django_assert_max_num_queries, rows
):
    item = ItemFactory(stock=rows * 2)
    for _ in range(rows):
        stock_give_away(item=item, quantity=1, by=store_volunteer)
    client.force_login(store_volunteer)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("freestore:item_detail", args=[item.pk]))
    assert response.content.decode().count("Given away") == rows


def test_with_no_store_yet_an_organizer_can_add_one_in_the_admin_as_the_screen_says(client):
    import html

    from mutualaid import roles
    from mutualaid.tests.factories import AreaFactory

    client.force_login(volunteer())
    response = client.get(reverse("freestore:intake"), follow=True)
    assert "An organizer can add one in the admin" in html.unescape(response.content.decode())

    rosa = UserFactory(roles=[roles.ORGANIZER])
    client.force_login(rosa)
    body = client.get(reverse("admin:index")).content.decode()
    assert "Stores" in body and "Lendable things" in body
    form = client.get(reverse("admin:freestore_store_add")).content.decode()
    assert 'name="place"' in form and 'name="opening_hours"' in form
    response = client.post(
        reverse("admin:freestore_store_add"),
        {
            "name": "Elm Street Store",
            "slug": "elm",
            "area": AreaFactory().pk,
            "place": "Hall",
            "opening_hours": "Saturdays 10-2",
        },
    )
    assert response.status_code == 302
    assert Store.objects.get(slug="elm").opening_hours == "Saturdays 10-2"
    listed = client.get(reverse("admin:freestore_store_changelist")).content.decode()
    assert "Elm Street Store" in listed


def test_organizers_set_up_items_and_the_shelf_but_never_touch_the_ledger_or_people(client):
    from mutualaid import roles

    client.force_login(UserFactory(roles=[roles.ORGANIZER]))
    item_form = client.get(reverse("admin:freestore_item_add")).content.decode()
    assert 'name="target"' in item_form and 'name="quantity"' not in item_form
    assert (
        'name="condition_notes"'
        in client.get(reverse("admin:freestore_thing_add")).content.decode()
    )
    assert client.get(reverse("admin:freestore_stockmovement_add")).status_code == 403
    # Who borrowed, who waits and the ledger are the store volunteers' screens, not the admin.
    for model in ["stockmovement", "loan", "hold"]:
        assert client.get(reverse(f"admin:freestore_{model}_changelist")).status_code == 403


def test_spanish_speakers_get_the_store_in_spanish(client):
    ItemFactory(name="Abrigo", stock=2, target=5)
    body = client.get(reverse("freestore:index"), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Disponible ahora" in body and "Lo que más falta" in body
    assert "Puedo donar esto" in body


def test_a_second_item_with_the_same_name_size_and_condition_is_a_message(volunteer_client):
    first = ItemFactory(name="Winter coat", size="L")
    other = ItemFactory(store=first.store, name="Scarf")
    response = volunteer_client.post(
        reverse("freestore:item_edit", args=[other.pk]),
        {
            "name": "winter coat",
            "category": first.category_id,
            "size": "L",
            "condition": "good",
            "target": 3,
        },
    )
    assert response.status_code == 200
    assert "already has an item with that name" in response.content.decode()
    other.refresh_from_db()
    assert other.name == "Scarf"


def test_the_item_column_reads_as_a_store_item_in_spanish(volunteer_client):
    """The core's moderation "Item" must not stand in for the store's own translation."""
    ItemFactory(stock=1)
    body = volunteer_client.get(
        reverse("freestore:items"), HTTP_ACCEPT_LANGUAGE="es"
    ).content.decode()
    assert '<th scope="col">Artículo</th>' in body


def test_the_store_speaks_latin_american_spanish(client, volunteer_client):
    thing = ThingFactory()
    body = client.get(
        reverse("freestore:thing_detail", args=[thing.pk]), HTTP_ACCEPT_LANGUAGE="es"
    ).content.decode()
    assert "Inicia sesión para pedirlo prestado o anotarte en la lista de espera." in body
    assert "Sin costos ni depósitos." in body
    basket = volunteer_client.get(
        reverse("freestore:basket"), HTTP_ACCEPT_LANGUAGE="es"
    ).content.decode()
    assert '<h2 id="basket-heading">Canasta</h2>' in basket
    assert "cesta" not in basket.lower()


def _one_line(store, **line):
    data = {"store": store.slug, "form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "0"}
    data.update({f"form-0-{key}": value for key, value in line.items()})
    return data


def test_a_known_item_is_found_by_name_whatever_the_condition_field_says(volunteer_client):
    store = StoreFactory()
    rice = ItemFactory(store=store, name="Rice, 1 kg bag", condition="new")
    page = volunteer_client.get(reverse("freestore:intake")).content.decode()
    assert '<option value="" selected>As we have it</option>' in page
    for condition in ["", "good"]:
        data = _one_line(store, name="rice, 1 kg bag", quantity="5", condition=condition)
        response = volunteer_client.post(reverse("freestore:intake"), data, follow=True)
        assert "Recorded: 5 × Rice, 1 kg bag." in response.content.decode()
    rice.refresh_from_db()
    assert rice.quantity == 10 and Item.objects.count() == 1


def test_a_near_duplicate_name_is_offered_before_a_new_item_is_made(volunteer_client):
    store = StoreFactory()
    rice = ItemFactory(store=store, name="Rice, 1 kg bag", condition="new")
    category = str(rice.category.pk)
    data = _one_line(store, name="Rice 1kg bag", quantity="5", category=category)
    body = volunteer_client.post(reverse("freestore:intake"), data).content.decode()
    assert "Did you mean “Rice, 1 kg bag”?" in body
    assert Item.objects.count() == 1 and not StockMovement.objects.filter(quantity=5).exists()

    data["form-0-new_item"] = "on"
    response = volunteer_client.post(reverse("freestore:intake"), data, follow=True)
    assert "Recorded: 5 × Rice 1kg bag." in response.content.decode()
    assert Item.objects.count() == 2
