"""An organizer drafts and publishes a meeting, a neighbor proposes an item, RSVPs and takes a
stand on it; the organizer records minutes, the decision and an action item; a visitor who
never logged in finds the decision through the search (with and without JavaScript).
"""

import re
from datetime import timedelta

from django.core import mail
from django.utils import timezone

from meetings.models import Decision, Meeting
from mutualaid.roles import ORGANIZER
from mutualaid.tests.factories import PASSWORD, AreaFactory, UserFactory

from .conftest import JOURNEY, log_in

pytestmark = JOURNEY

PROPOSAL = "Start a tenants' union for the Elm St buildings"


def axe_without_javascript(page, new_page, axe):
    """axe-core needs JavaScript, so check what a no-JS page shows in a JS page, same cookies."""
    checker = new_page()
    checker.context.add_cookies(page.context.cookies())
    checker.goto(page.url)
    axe(checker)
    checker.context.close()


def local_input(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def test_open_meeting_from_agenda_to_public_decision(new_page, axe):
    AreaFactory(name="Elm Street", slug="elm-street")
    UserFactory(email="rosa@example.org", display_name="Rosa", roles=[ORGANIZER])
    UserFactory(email="lucia@example.org", display_name="Lucía")
    # The meeting started a few minutes ago, so it can be held and minuted in one sitting.
    starts = timezone.now() - timedelta(minutes=5)

    # The organizer drafts Thursday's meeting and its agenda, then publishes it.
    rosa = new_page()
    log_in(rosa, "rosa@example.org", PASSWORD)
    rosa.goto("/meetings/")
    axe(rosa)
    rosa.locator("#main").get_by_role("link", name="Plan a meeting").click()
    axe(rosa)
    rosa.get_by_label("Title").fill("Thursday general meeting")
    rosa.get_by_label("Starts").fill(local_input(starts))
    rosa.get_by_label("Ends").fill(local_input(starts + timedelta(minutes=60)))
    rosa.get_by_label("Neighborhood area").select_option(label="Elm Street")
    rosa.get_by_label("Place").fill("Elm Street community center")
    rosa.get_by_label("Online link").fill("https://meet.example.org/general")
    rosa.get_by_label("Access").fill("Childcare and Spanish interpretation provided")
    rosa.get_by_role("button", name="Save draft").click()
    rosa.get_by_text("Only organizers can see this draft.").wait_for()
    axe(rosa)
    meeting = Meeting.objects.get()
    for title, minutes in (("Welcome and introductions", "10"), ("Free store report", "15")):
        rosa.get_by_role("link", name="Add an agenda item").click()
        axe(rosa)
        rosa.get_by_label("Title").fill(title)
        rosa.get_by_label("News and updates", exact=False).check()
        rosa.get_by_label("Time box (minutes)").fill(minutes)
        rosa.get_by_label("Facilitator").fill("Rosa")
        rosa.get_by_role("button", name="Add to the agenda").click()
        rosa.get_by_text("The item is on the agenda.").wait_for()
    assert rosa.get_by_text("25 of 60 minutes planned.").is_visible()
    rosa.get_by_role("button", name="Publish").click()
    rosa.get_by_text("Anyone can see it now.").wait_for()
    axe(rosa)

    # A neighbor proposes an item and says she is coming.
    lucia = new_page()
    log_in(lucia, "lucia@example.org", PASSWORD)
    lucia.goto("/meetings/")
    lucia.get_by_role("link", name="Thursday general meeting").click()
    axe(lucia)
    assert lucia.get_by_text("Childcare and Spanish interpretation provided").is_visible()
    lucia.get_by_role("link", name="Propose an agenda item").click()
    axe(lucia)
    lucia.get_by_label("What should we talk about?").fill(PROPOSAL)
    lucia.get_by_label("Description").fill("The landlord ignores repairs in all three buildings.")
    lucia.get_by_label("A decision to make", exact=False).check()
    lucia.get_by_label("How many minutes might it need?").fill("30")
    lucia.get_by_role("button", name="Send my proposal").click()
    lucia.get_by_text("The organizers will look at your proposal").wait_for()
    lucia.get_by_label("Going", exact=True).check()
    lucia.get_by_role("button", name="Save my answer").click()  # htmx: the counts update in place
    lucia.locator("#rsvp").get_by_text("1 going · 0 maybe").wait_for()
    axe(lucia)

    # The organizer accepts it (the proposer is told), moves it up, live and without reload.
    rosa.reload()
    proposals = rosa.locator("#proposals")
    proposals.get_by_role("button", name=re.compile(r"^Accept\W+Start a tenants")).click()
    rosa.get_by_text("Accepted. It is at the end of the agenda now.").wait_for()
    axe(rosa)
    assert "is on the agenda" in mail.outbox[-1].body and mail.outbox[-1].to == [
        "lucia@example.org"
    ]
    assert rosa.get_by_text("55 of 60 minutes planned.").is_visible()
    agenda_titles = rosa.locator("#agenda .agenda-item h3")
    rosa.get_by_role("button", name=re.compile(r"^Move up\W+Start a tenants")).click()
    rosa.get_by_role("status").filter(has_text="The agenda order is saved.").wait_for(
        state="attached"
    )
    assert PROPOSAL in agenda_titles.nth(1).inner_text()
    # Keyboard focus stays on the moved item's button after the swap.
    assert rosa.evaluate("document.activeElement.id").startswith("move-up-")
    rosa.get_by_role("button", name=re.compile(r"^Move up\W+Start a tenants")).click()
    rosa.wait_for_function(
        "t => document.querySelector('#agenda .agenda-item h3').textContent.includes(t)",
        arg="tenants",
    )
    axe(rosa)

    # The neighbor says where she stands: an objection needs a reason; then she agrees.
    lucia.reload()
    poll = lucia.locator(".poll")
    poll.get_by_label("Object:", exact=False).check()
    poll.get_by_role("button", name="Save where I stand").click()
    lucia.get_by_text("An objection needs a reason").wait_for()
    axe(lucia)
    poll = lucia.locator(".poll")
    poll.get_by_label("Agree: I support it.", exact=True).check()
    poll.get_by_label("Reason").fill("Repairs are overdue everywhere.")
    poll.get_by_role("button", name="Save where I stand").click()
    lucia.locator(".tally-counts").filter(has_text="Agree: 1").wait_for()

    # After the meeting: minutes, the decision (closing the poll) and an action item.
    rosa.reload()
    rosa.get_by_role("button", name="Mark as held").click()
    rosa.get_by_role("heading", name="Minutes and decisions").wait_for()
    axe(rosa)
    rosa.get_by_label("How many people came").fill("18")
    rosa.get_by_label("General minutes").fill("A lively meeting with many new faces.")
    rosa.get_by_label(f"Minutes for “{PROPOSAL}”").fill("Tenants from all three buildings spoke.")
    rosa.get_by_role("button", name="Save the minutes").click()
    rosa.get_by_text("The minutes are saved.").wait_for()
    rosa.goto(f"/meetings/{meeting.pk}/minutes/")
    rosa.get_by_role("link", name=re.compile("Record a decision on “Start a tenants")).click()
    axe(rosa)
    tally = "Poll — Agree: 1 · Stand aside: 0 · Disagree: 0 · Object: 0"
    assert rosa.get_by_text(tally).is_visible()
    rosa.get_by_label("Agreed: we go ahead.", exact=True).check()
    rosa.get_by_label("What was decided").fill(
        "We start a tenants' union for the Elm St buildings and meet monthly."
    )
    rosa.get_by_role("button", name="Record the decision").click()
    rosa.get_by_text("The decision is recorded and the poll is closed.").wait_for()
    rosa.get_by_label("What", exact=True).fill("Knock on doors in all three buildings")
    rosa.get_by_label("Who").fill("Lucía")
    rosa.get_by_label("Due").fill(local_input(starts + timedelta(days=14))[:10])
    rosa.get_by_label("From decision").select_option(index=1)
    rosa.get_by_role("button", name="Add the action item").click()
    rosa.get_by_text("The action item is added.").wait_for()
    axe(rosa)
    assert Decision.objects.get().tally["agree"] == 1

    # A visitor who never logged in finds the decision through the live search.
    visitor = new_page()
    visitor.goto("/")
    axe(visitor)
    visitor.get_by_role("link", name="Meetings", exact=True).first.click()
    visitor.get_by_role("link", name="Decisions and action items").click()
    axe(visitor)
    assert visitor.get_by_text("Knock on doors in all three buildings").is_visible()
    visitor.get_by_label("Search decisions").fill("tenant union")
    visitor.locator("#results").get_by_text("1 decision found").wait_for()
    axe(visitor)
    visitor.locator("#results").get_by_role("link", name="Thursday general meeting").click()
    visitor.get_by_text("A lively meeting with many new faces.").wait_for()
    assert visitor.get_by_text("The poll is closed.").is_visible()
    axe(visitor)

    # The same search works with JavaScript off.
    plain = new_page(javascript=False)
    plain.goto("/meetings/decisions/")
    plain.get_by_label("Search decisions").fill("tenants")
    plain.get_by_label("Outcome").select_option(label="Agreed")
    plain.get_by_role("button", name="Search").click()
    plain.wait_for_url(re.compile(r"/meetings/decisions/\?q=tenants"))
    assert plain.get_by_text("1 decision found").is_visible()
    assert plain.get_by_text("meet monthly").is_visible()
    axe_without_javascript(plain, new_page, axe)


def test_organizer_reorders_the_agenda_without_javascript(new_page, axe):
    from meetings.tests.factories import AgendaItemFactory, MeetingFactory

    UserFactory(email="rosa@example.org", display_name="Rosa", roles=[ORGANIZER])
    meeting = MeetingFactory(title="Thursday general meeting")
    for position, title in enumerate(["Welcome", "Report", "Fridge"]):
        AgendaItemFactory(meeting=meeting, title=title, position=position)
    page = new_page(javascript=False)
    log_in(page, "rosa@example.org", PASSWORD)
    page.goto(meeting.get_absolute_url())
    page.get_by_role("button", name=re.compile(r"^Move up\W+Fridge")).click()
    page.wait_for_url(re.compile(r"#item-\d+$"))
    assert page.get_by_text("The agenda order is saved.").is_visible()
    axe_without_javascript(page, new_page, axe)
    titles = page.locator("#agenda .agenda-item h3").all_inner_texts()
    assert [title.split(" ")[0] for title in titles] == ["Welcome", "Fridge", "Report"]
