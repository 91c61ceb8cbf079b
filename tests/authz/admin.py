"""The admin, as a policy: per registered model, which of its pages each kind of visitor reaches,
and which fields the neighbor form has for organizers and for the superuser.

Only staff reach the admin at all: anonymous visitors and every role but Organizer are sent to
log in. Organizers get areas, categories, neighbors' duties and the store and shelf setup
(and the meetings they run); the superuser, who runs the server, reaches everything except
what no one may edit by hand (the stock ledger, the moderation log, personal answers).
A model registered in the admin without an entry here fails the matrix.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone

from .rules import (
    ANONYMOUS,
    INTAKE_VOLUNTEER,
    MODERATOR,
    NEIGHBOR,
    ORGANIZER,
    STORE_VOLUNTEER,
)

SUPERUSER = "superuser"
ADMIN_VISITORS = [
    ANONYMOUS,
    NEIGHBOR,
    ORGANIZER,
    STORE_VOLUNTEER,
    MODERATOR,
    INTAKE_VOLUNTEER,
    SUPERUSER,
]
NOT_STAFF = [ANONYMOUS, NEIGHBOR, STORE_VOLUNTEER, MODERATOR, INTAKE_VOLUNTEER]
PAGES = ("changelist", "add", "change")
READ_ONLY = ("changelist", "change")  # the change page serves the object read-only
NONE = ()


@dataclass
class AdminRule:
    # make(people) -> an object for the change page (people maps visitor kind -> User).
    make: Callable[[dict], object]
    organizer: tuple[str, ...] = NONE
    superuser: tuple[str, ...] = PAGES


def _area(people):
    from mutualaid.tests.factories import AreaFactory

    return AreaFactory()


def _category(people):
    from mutualaid.tests.factories import CategoryFactory

    return CategoryFactory()


def _group(people):
    from django.contrib.auth.models import Group

    return Group.objects.create(name="Server helpers")


def _report(people):
    from mutualaid.moderation import services
    from needs.tests.factories import NeedFactory

    return services.report_create(reporter=people[NEIGHBOR], target=NeedFactory(), reason="spam")


def _moderation_action(people):
    from mutualaid.moderation import services

    return services.account_warn(user=people[NEIGHBOR], by=people[MODERATOR], note="be kind")


def _need(people):
    from needs.tests.factories import NeedFactory

    return NeedFactory(owner=people[NEIGHBOR])


def _match(people):
    from needs.tests.factories import MatchFactory

    return MatchFactory()


def _follow(people):
    from needs.tests.factories import FollowFactory

    return FollowFactory(user=people[NEIGHBOR])


def _offer(people):
    from offers.tests.factories import OfferFactory

    return OfferFactory(owner=people[NEIGHBOR])


def _store(people):
    from freestore.tests.factories import StoreFactory

    return StoreFactory()


def _item(people):
    from freestore.tests.factories import ItemFactory

    return ItemFactory()


def _movement(people):
    from freestore import services
    from freestore.tests.factories import ItemFactory

    return services.stock_intake(lines=[(ItemFactory(), 2)], by=people[STORE_VOLUNTEER])[0]


def _thing(people):
    from freestore.tests.factories import ThingFactory

    return ThingFactory()


def _loan(people):
    from freestore import services
    from freestore.tests.factories import ThingFactory

    return services.loan_borrow(thing=ThingFactory(), borrower=people[NEIGHBOR])


def _hold(people):
    from freestore.models import Hold
    from freestore.tests.factories import ThingFactory

    return Hold.objects.create(thing=ThingFactory(status="on_loan"), neighbor=people[NEIGHBOR])


def _shift(people):
    from freestore.tests.factories import ShiftFactory

    return ShiftFactory()


def _meeting(people):
    from meetings.tests.factories import MeetingFactory

    return MeetingFactory()


def _agenda_item(people):
    from meetings.tests.factories import AgendaItemFactory

    return AgendaItemFactory()


def _decision(people):
    from meetings.tests.factories import DecisionFactory

    return DecisionFactory()


def _action_item(people):
    from meetings.tests.factories import ActionItemFactory

    return ActionItemFactory()


def _rsvp(people):
    from meetings.tests.factories import RsvpFactory

    return RsvpFactory(person=people[NEIGHBOR])


def _poll_answer(people):
    from meetings.tests.factories import PollAnswerFactory

    return PollAnswerFactory(person=people[NEIGHBOR])


def _email_address(people):
    from allauth.account.models import EmailAddress

    return EmailAddress.objects.get(user=people[NEIGHBOR])


def _task_result(people):
    from django_tasks_db.models import DBTaskResult, get_date_max

    now = timezone.now()
    return DBTaskResult.objects.create(
        enqueued_at=now,
        run_after=get_date_max(),  # "as soon as possible"
        args_kwargs={"args": [], "kwargs": {}},
        task_path="mutualaid.tasks.send_email",
        backend_name="default",
        exception_class_path="",
        traceback="",
    )


MODELS = {
    "mutualaid.area": AdminRule(_area, organizer=PAGES),
    "mutualaid.category": AdminRule(_category, organizer=PAGES),
    # Organizers see display names and change duties; adding accounts is the sign-up page's.
    "mutualaid.user": AdminRule(lambda people: people[NEIGHBOR], organizer=READ_ONLY),
    "auth.group": AdminRule(_group),
    "moderation.report": AdminRule(_report),
    "moderation.moderationaction": AdminRule(_moderation_action, superuser=READ_ONLY),
    "needs.need": AdminRule(_need),
    "needs.match": AdminRule(_match),
    "needs.follow": AdminRule(_follow),
    "offers.offer": AdminRule(_offer),
    "freestore.store": AdminRule(_store, organizer=PAGES),
    "freestore.item": AdminRule(_item, organizer=PAGES),
    "freestore.thing": AdminRule(_thing, organizer=PAGES),
    "freestore.shift": AdminRule(_shift, organizer=PAGES),
    "freestore.stockmovement": AdminRule(_movement, superuser=READ_ONLY),
    "freestore.loan": AdminRule(_loan),
    "freestore.hold": AdminRule(_hold),
    "meetings.meeting": AdminRule(_meeting, organizer=PAGES),
    "meetings.agendaitem": AdminRule(_agenda_item, organizer=PAGES),
    "meetings.decision": AdminRule(_decision, organizer=PAGES),
    "meetings.actionitem": AdminRule(_action_item, organizer=PAGES),
    "meetings.rsvp": AdminRule(_rsvp, superuser=READ_ONLY),
    "meetings.pollanswer": AdminRule(_poll_answer, superuser=READ_ONLY),
    "account.emailaddress": AdminRule(_email_address),
    "django_tasks_database.dbtaskresult": AdminRule(_task_result, superuser=READ_ONLY),
}

# The neighbor change form: field names that must and must not be in it, per visitor.
USER_FORM_FIELDS = {
    ORGANIZER: {"present": {"groups"}},
    SUPERUSER: {
        "present": {
            "email",
            "display_name",
            "area",
            "is_active",
            "is_staff",
            "is_superuser",
            "groups",
            "user_permissions",
        }
    },
}
USER_FORM_FIELDS[ORGANIZER]["absent"] = USER_FORM_FIELDS[SUPERUSER]["present"] - {"groups"}
# The password form is linked from the superuser's form only, and answers nobody else.
PASSWORD_FORM = {ORGANIZER: "denied", SUPERUSER: "ok"}
