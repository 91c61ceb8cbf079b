"""Demo neighborhood for `make run`: areas and neighbors with verified emails.

Idempotent: running it again changes nothing. Feature apps add their own demo data through
an AppConfig `seed_demo(people)` method, called after the people below exist.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from . import roles
from .models import Area, User

DEMO_PASSWORD = "share-the-ladder"

AREAS = [
    ("Riverside", "riverside"),
    ("Elm Street", "elm-street"),
    ("Hillcrest", "hillcrest"),
    ("Market Square", "market-square"),
    ("Northgate", "northgate"),
]

# key -> (email, display name, area slug, languages, roles)
PEOPLE = {
    "rosa": ("rosa@example.org", "Rosa", "riverside", ["es", "en"], [roles.ORGANIZER]),
    "sam": ("sam@example.org", "Sam", "elm-street", ["en"], [roles.STORE_VOLUNTEER]),
    "amina": ("amina@example.org", "Amina", "hillcrest", ["en", "ar"], []),
    "jun": ("jun@example.org", "Jun", "riverside", ["en", "zh"], []),
    "lucia": ("lucia@example.org", "Lucía", "market-square", ["es"], []),
    "dev": ("dev@example.org", "Dev", "northgate", ["en"], [roles.MODERATOR]),
    "marie": (
        "marie@example.org",
        "Marie",
        "elm-street",
        ["fr", "ht", "en"],
        [roles.INTAKE_VOLUNTEER],
    ),
}


def seed_areas() -> dict[str, Area]:
    areas = {}
    for order, (name, slug) in enumerate(AREAS):
        area, _ = Area.objects.get_or_create(slug=slug, defaults={"name": name, "order": order})
        areas[slug] = area
    return areas


def seed_people(areas: dict[str, Area]) -> dict[str, User]:
    people = {}
    for key, (email, name, area_slug, languages, role_names) in PEOPLE.items():
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(
                email=email,
                password=DEMO_PASSWORD,
                display_name=name,
                area=areas[area_slug],
                languages=languages,
                is_staff=roles.ORGANIZER in role_names,
            )
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        for role in role_names:
            user.groups.add(Group.objects.get(name=role))
        people[key] = user
    return people
