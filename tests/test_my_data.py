"""My data: a neighbor downloads everything the hub holds about them, and can delete their
account (apps take part through AppConfig hooks; tests.moderation_fixture implements them)."""

import html
import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.urls import reverse

from mutualaid import roles
from mutualaid.moderation import services
from mutualaid.moderation.models import Report
from mutualaid.tests.factories import PASSWORD, UserFactory
from tests.moderation_fixture.apps import ModerationFixtureConfig
from tests.moderation_fixture.models import Post

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def amina():
    return UserFactory(display_name="Amina", email="amina@example.org", languages=["en", "ar"])


def download(client, user):
    client.force_login(user)
    response = client.get(reverse("my_data_download"))
    assert response.status_code == 200
    return response, json.loads(response.content)


def test_neighbor_downloads_everything_the_hub_holds_about_them(client, amina):
    Post.objects.create(author=amina, text="Spare winter coats")
    other = Post.objects.create(author=UserFactory(), text="Someone else's post")
    services.report_create(reporter=amina, target=other, reason="spam", details="looks odd")

    response, data = download(client, amina)
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="my-data-')
    assert response["Cache-Control"] == "private, no-store"
    assert data["account"]["email"] == "amina@example.org"
    assert data["account"]["display_name"] == "Amina"
    assert data["account"]["languages"] == ["English", "Arabic"]
    assert data["account"]["area"] == amina.area.name
    assert data["email_addresses"] == [
        {"email": "amina@example.org", "verified": True, "primary": True}
    ]
    assert data["reports_you_made"][0]["details"] == "looks odd"
    # Apps contribute through AppConfig.export_user_data(user), under their label.
    assert data["apps"]["moderation_fixture"] == {
        "posts": [{"text": "Spare winter coats", "hidden": False}]
    }
    raw = response.content.decode()
    assert "Someone else's post" not in raw
    assert amina.password not in raw and "password" not in data["account"]


def test_the_download_is_only_ever_your_own(client):
    response = client.get(reverse("my_data_download"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_my_data_page_lists_reports_and_their_outcomes(client, amina):
    target = Post.objects.create(author=UserFactory(), text="x")
    report = services.report_create(reporter=amina, target=target, reason="unsafe")
    services.report_decide(
        report=report, by=UserFactory(roles=[roles.MODERATOR]), decision="hidden"
    )
    client.force_login(amina)
    body = client.get(reverse("my_data")).content.decode()
    assert "Download my data" in body and "Delete my account" in body
    assert "The item was hidden" in body


def test_deleting_needs_the_password(client, amina):
    client.force_login(amina)
    response = client.post(
        reverse("account_delete"), {"password": "not-my-password", "confirm": "on"}
    )
    assert response.status_code == 200
    assert "That password doesn't match" in html.unescape(response.content.decode())
    amina.refresh_from_db()
    assert amina.forgotten_at is None and amina.is_active


def test_deleting_needs_a_clear_yes(client, amina):
    client.force_login(amina)
    response = client.post(reverse("account_delete"), {"password": PASSWORD})
    assert "Please tick the box to confirm" in response.content.decode()
    amina.refresh_from_db()
    assert amina.forgotten_at is None


def test_deleting_the_account_leaves_a_former_neighbor(client, amina):
    post = Post.objects.create(author=amina, text="My phone number is 555-0100")
    reported = Post.objects.create(author=UserFactory(), text="x")
    services.report_create(reporter=amina, target=reported, reason="spam")
    amina.groups.add(*roles_groups(roles.STORE_VOLUNTEER))
    client.force_login(amina)

    response = client.post(reverse("account_delete"), {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302 and response["Location"] == reverse("home")
    assert "_auth_user_id" not in client.session
    assert "Your account is deleted" in client.get("/").content.decode()

    amina.refresh_from_db()
    assert amina.forgotten_at is not None and not amina.is_active
    assert str(amina) == "a former neighbor"
    assert "amina" not in amina.email and amina.display_name != "Amina"
    assert amina.area is None and amina.languages == [] and not amina.email_notifications
    assert not amina.has_usable_password() and not amina.groups.exists()
    assert not EmailAddress.objects.filter(user=amina).exists()
    # The app's forget_user hook ran in the same transaction: the post is withdrawn.
    post.refresh_from_db()
    assert post.hidden and post.text == ""
    # Their report stays for the moderators (it is about someone else's post).
    assert Report.objects.filter(reporter=amina).count() == 1
    # Nobody can log in as them; the email address is free to join again.
    assert not client.login(email="amina@example.org", password=PASSWORD)
    assert UserFactory(email="amina@example.org").pk != amina.pk


def roles_groups(*names):
    from django.contrib.auth.models import Group

    return Group.objects.filter(name__in=names)


def test_if_an_app_fails_nothing_is_deleted(client, amina, monkeypatch):
    post = Post.objects.create(author=amina, text="still mine")

    def broken(self, user):
        Post.objects.filter(author=user).update(text="")
        raise RuntimeError("app bug")

    monkeypatch.setattr(ModerationFixtureConfig, "forget_user", broken)
    client.force_login(amina)
    response = client.post(reverse("account_delete"), {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 200
    assert "Nothing was changed" in response.content.decode()
    amina.refresh_from_db()
    post.refresh_from_db()
    assert amina.forgotten_at is None and amina.email == "amina@example.org"
    assert post.text == "still mine"


def test_password_guessing_on_the_delete_form_is_limited(client, amina):
    client.force_login(amina)
    statuses = [
        client.post(reverse("account_delete"), {"password": f"guess-{n}", "confirm": "on"})
        for n in range(6)
    ]
    assert [r.status_code for r in statuses] == [200] * 5 + [429]


def test_privacy_page_says_what_we_keep_and_how_to_leave(client):
    body = client.get(reverse("privacy")).content.decode()
    for words in [
        "never ask about income",
        "Nobody else sees your email",
        "never who took it",
        "Download everything",
        "a former neighbor",
        "Backups",
    ]:
        assert words in body, words


@pytest.mark.parametrize("rows", [3, 30])
def test_my_data_page_asks_the_same_few_questions(
    client, amina, django_assert_max_num_queries, rows
):
    author = UserFactory()
    for n in range(rows):
        services.report_create(
            reporter=amina, target=Post.objects.create(author=author, text=f"{n}"), reason="spam"
        )
    client.force_login(amina)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("my_data"))
    assert response.content.decode().count("Spam, scam or selling") == rows


def test_privacy_page_reads_in_spanish_too(client):
    body = client.get(reverse("privacy"), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Guardamos lo mínimo posible" in body
    assert "Copias de seguridad" in body


# The free store -----------------------------------------------------------------------------


@pytest.fixture
def lending(amina):
    """Amina has the drill, waits first for the ladder (which is back and waiting for her),
    Carl waits after her, and she is on a shift."""
    from freestore import services as store
    from freestore.tests.factories import ShiftFactory, ThingFactory

    bea, carl = UserFactory(display_name="Bea"), UserFactory(display_name="Carl")
    ladder, drill = ThingFactory(name="Long ladder"), ThingFactory(name="Cordless drill")
    loan = store.loan_borrow(thing=ladder, borrower=bea)
    store.hold_place(thing=ladder, neighbor=amina)
    store.hold_place(thing=ladder, neighbor=carl)
    store.loan_return(loan=loan)
    drill_loan = store.loan_borrow(thing=drill, borrower=amina)
    shift = ShiftFactory(note="Sorting winter coats")
    store.shift_sign_up(shift=shift, volunteer=amina)
    return {
        "ladder": ladder,
        "drill": drill,
        "drill_loan": drill_loan,
        "carl": carl,
        "shift": shift,
    }


def test_my_data_download_has_my_loans_holds_and_shifts(client, amina, lending):
    _response, data = download(client, amina)
    store = data["apps"]["freestore"]
    assert [loan["thing"] for loan in store["loans"]] == ["Cordless drill"]
    assert store["loans"][0]["returned"] is None
    assert [(h["thing"], h["place_in_queue"]) for h in store["holds"]] == [("Long ladder", 1)]
    assert store["holds"][0]["waiting_for_you_since"] is not None
    assert [s["what"] for s in store["shifts"]] == ["Sorting winter coats"]
    raw = json.dumps(data)
    assert "Carl" not in raw and "Bea" not in raw


def test_deleting_my_account_passes_my_place_in_the_queue_on(
    client, amina, lending, mailoutbox, django_capture_on_commit_callbacks
):
    from freestore.tests.factories import volunteer

    client.force_login(amina)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_delete"), {"password": PASSWORD, "confirm": "on"})

    # The ladder was waiting for Amina: now it waits for Carl, and he is told.
    assert [m.to for m in mailoutbox] == [[lending["carl"].email]]
    assert "Long ladder is back on the shelf for you" in mailoutbox[0].subject
    client.force_login(lending["carl"])
    body = client.get(lending["ladder"].get_absolute_url()).content.decode()
    assert "1 neighbor waiting" in body
    assert reverse("freestore:thing_borrow", args=[lending["ladder"].pk]) in body

    # Her shift place is free again, and her name is off the shift.
    body = client.get(lending["shift"].get_absolute_url()).content.decode()
    assert "2 places left" in body and "Amina" not in body

    # The drill she still has stays on loan, so the shelf never offers what isn't there;
    # volunteers see it lent to a former neighbor and record it when it comes back.
    client.force_login(volunteer())
    body = html.unescape(client.get(lending["drill"].get_absolute_url()).content.decode())
    assert "Lent to a former neighbor" in body and "Amina" not in body
    lending["drill_loan"].refresh_from_db()
    assert lending["drill_loan"].returned_at is None


def test_an_intake_volunteers_download_leaves_out_the_notes_about_others(client, amina):
    from needs.tests.factories import NeedFactory

    amina.groups.add(*roles_groups(roles.INTAKE_VOLUNTEER))
    NeedFactory(
        owner=amina,
        title="Groceries for Mr. Lee",
        on_behalf_of="Lee",
        contact_note="Call his daughter on 555-0142 after six",
    )
    NeedFactory(owner=amina, title="A bike pump")
    response, data = download(client, amina)
    titles = {need["title"] for need in data["apps"]["needs"]["needs"]}
    assert titles == {"A bike pump", "Groceries for Mr. Lee"}
    raw = response.content.decode()
    assert "555-0142" not in raw and "daughter" not in raw
    assert '"Lee"' not in raw
    posted_for = next(n for n in data["apps"]["needs"]["needs"] if n["title"].startswith("Groc"))
    assert posted_for["posted_for_someone_else"] is True
    assert "contact_note" not in posted_for and "on_behalf_of" not in posted_for


def test_privacy_page_says_what_organizers_see_in_the_admin(client):
    body = html.unescape(client.get(reverse("privacy")).content.decode())
    assert "Organizers see your display name and which duties you hold" in body
    assert "never see your email address or password" in body
    assert "you leave any queue on the lending shelf" in body
    spanish = html.unescape(
        client.get(reverse("privacy"), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    )
    assert "Las personas organizadoras ven tu nombre visible" in spanish
    assert "dejas cualquier cola del estante de préstamo" in spanish


def test_my_data_has_the_sheets_i_imported_but_not_the_people_in_them(client, amina):
    from imports.models import ImportRun
    from imports.services import import_apply, import_confirm, import_map, import_upload
    from mutualaid.tests.factories import AreaFactory

    amina.groups.add(*roles_groups(roles.INTAKE_VOLUNTEER))
    AreaFactory(name="Riverside")
    sheet = "Name,What do you need?,Neighborhood,Category\nAda Okafor,Soup pot,Riverside,food\n"

    def upload(name):
        return import_upload(by=amina, file_name=name, data=sheet.encode(), kind="needs")

    run = upload("spring-form.csv")
    run = import_map(run=run, by=amina, columns=run.columns, values={})
    import_apply(run_id=import_confirm(run=run, by=amina).pk)
    unfinished = upload("half-done.csv")

    response, data = download(client, amina)
    files = {each["file"] for each in data["apps"]["imports"]["imports"]}
    assert files == {"spring-form.csv", "half-done.csv"}
    assert "Ada Okafor" not in response.content.decode()

    client.post(reverse("account_delete"), {"password": PASSWORD, "confirm": "on"})
    assert not ImportRun.objects.filter(pk=unfinished.pk).exists()
    assert not ImportRun.objects.filter(table__isnull=False).exists()
    assert ImportRun.objects.get(file_name="spring-form.csv").by.forgotten_at is not None
