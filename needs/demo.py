"""Demo needs for `make run`: they fit some demo offers well, some loosely, some not at all."""

from mutualaid.models import Category

from .models import Need

# (person, title, details, category slug, area slug, urgency)
NEEDS = [
    (
        "lucia",
        "Winter coat for my son, size 8",
        "He grew out of last year's. Anything warm.",
        "clothing-household",
        "market-square",
        "week",
    ),
    (
        "amina",
        "Someone to fix my bike brakes",
        "The back brake barely works.",
        "repairs",
        "hillcrest",
        "week",
    ),
    (
        "dev",
        "A drill for one afternoon",
        "Putting up shelves.",
        "tools-garden",
        "northgate",
        "whenever",
    ),
    (
        "jun",
        "Ride to the clinic on Thursday morning",
        "Appointment at 10, can't carry things on the bus.",
        "transport",
        "riverside",
        "week",
    ),
    (
        "sam",
        "Groceries this week",
        "Short until payday. Rice, beans, vegetables.",
        "food",
        "elm-street",
        "today",
    ),
    (
        "rosa",
        "Help reading a letter from my landlord",
        "It's about a rent increase and I don't understand it.",
        "housing",
        "riverside",
        "week",
    ),
    (
        "lucia",
        "Childcare on Wednesday evening",
        "Two kids, 5 and 7, from 6 to 9 pm.",
        "childcare",
        "market-square",
        "week",
    ),
    (
        "marie",
        "Warm blankets for a family",
        "A family of four just moved in with almost nothing.",
        "clothing-household",
        "elm-street",
        "today",
    ),
    (
        "amina",
        "Maths tutoring for my daughter",
        "She is 14 and struggling with algebra.",
        "learning",
        "hillcrest",
        "whenever",
    ),
    (
        "dev",
        "Moving help on Saturday",
        "Two strong arms for two hours, second floor.",
        "other",
        "northgate",
        "week",
    ),
    (
        "jun",
        "A stroller for my newborn nephew",
        "Visiting for a month.",
        "childcare",
        "riverside",
        "whenever",
    ),
    (
        "sam",
        "Someone to talk to",
        "It's been a hard few months.",
        "health",
        "elm-street",
        "whenever",
    ),
    (
        "rosa",
        "Fresh vegetables for the community kitchen",
        "We cook on Sundays for whoever comes.",
        "food",
        "riverside",
        "week",
    ),
    (
        "lucia",
        "Hem two pairs of trousers",
        "They are too long for my son.",
        "repairs",
        "market-square",
        "whenever",
    ),
    (
        "amina",
        "Boxes for moving",
        "Moving out at the end of the month.",
        "other",
        "hillcrest",
        "whenever",
    ),
    (
        "dev",
        "Learn some Spanish before a trip",
        "Beginner, happy to trade guitar lessons.",
        "learning",
        "northgate",
        "whenever",
    ),
    (
        "jun",
        "Rice and cooking oil",
        "For the neighborhood lunch next week.",
        "food",
        "riverside",
        "week",
    ),
    (
        "sam",
        "A ladder to clear my gutters",
        "Single-story house.",
        "tools-garden",
        "elm-street",
        "week",
    ),
    (
        "rosa",
        "Picture books for the library corner",
        "Any language welcome.",
        "learning",
        "riverside",
        "whenever",
    ),
    (
        "marie",
        "Kids' snow boots, size 2",
        "For Fabienne's daughter.",
        "clothing-household",
        "elm-street",
        "week",
    ),
]


def seed_needs(*, people, areas):
    categories = {category.slug: category for category in Category.objects.all()}
    for key, title, details, category, area, urgency in NEEDS:
        defaults = {
            "details": details,
            "category": categories[category],
            "area": areas[area],
            "urgency": urgency,
        }
        if title == "Kids' snow boots, size 2":
            defaults["on_behalf_of"] = "Fabienne"
            defaults["contact_note"] = "Called the hotline; prefers a call after 5 pm."
        Need.objects.get_or_create(owner=people[key], title=title, defaults=defaults)
