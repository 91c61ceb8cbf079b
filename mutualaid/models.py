"""People, neighborhood areas and categories: the vocabulary every other app uses.

Nothing here asks about income, status, identity documents or household. One account both
asks and gives.
"""

from typing import ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import models
from django.db.models.functions import Lower
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .privacy import NOBODY, Privacy

# Languages a neighbor can say they speak, so others know how to reach them.
SPOKEN_LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
    ("zh", _("Chinese")),
    ("ar", _("Arabic")),
    ("fr", _("French")),
    ("ht", _("Haitian Creole")),
    ("pt", _("Portuguese")),
    ("ru", _("Russian")),
    ("vi", _("Vietnamese")),
    ("tl", _("Tagalog")),
    ("asl", _("American Sign Language")),
]


class Area(models.Model):
    """A neighborhood area. Never a street address."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    privacy = Privacy(public=("name", "slug"))

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("area")
        verbose_name_plural = _("areas")

    def __str__(self):
        return self.name


class Category(models.Model):
    """What kind of help: food, childcare, tools… Names come from what groups actually run."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    privacy = Privacy(public=("name", "slug"))

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return str(SEEDED_CATEGORY_NAMES.get(self.slug, self.name))


# Seeded category names, translatable; organizers may add more in the admin.
SEEDED_CATEGORY_NAMES = {
    "food": _("Food"),
    "clothing-household": _("Clothing & household"),
    "childcare": _("Childcare"),
    "health": _("Health & mental health"),
    "housing": _("Housing & tenants"),
    "tools-garden": _("Tools & garden shed"),
    "repairs": _("Repairs & trades"),
    "transport": _("Transport & errands"),
    "learning": _("Learning & books"),
    "other": pgettext_lazy("category", "Other"),
}


def category_label(name: str):
    """The name to show for a category stored by name (as in a saved snapshot).

    A seeded category's English name becomes its translation; a name organizers gave a
    category of their own is shown as it is.
    """
    if not _SEEDED_BY_ENGLISH_NAME:
        with translation.override("en"):
            _SEEDED_BY_ENGLISH_NAME.update(
                {str(label): label for label in SEEDED_CATEGORY_NAMES.values()}
            )
    return _SEEDED_BY_ENGLISH_NAME.get(name, name)


_SEEDED_BY_ENGLISH_NAME: dict = {}


# What a deleted account is called wherever its old posts and messages still show.
FORMER_NEIGHBOR = _("a former neighbor")


class TitleWord(models.Model):
    """A word, as its search lexeme, that some post's title has held.

    Matching looks here for near spellings of a word no title uses ("jaket" → "jacket"). A
    database trigger on each post table adds the words of every title written (see the
    initial migrations of needs and offers). Titles are public, the words are never
    shown, and nothing links a word to a post or a person.
    """

    word = models.TextField(primary_key=True)

    privacy = Privacy(public=("word",))

    class Meta:
        indexes = [GinIndex(OpClass("word", name="gin_trgm_ops"), name="titleword_trgm")]

    def __str__(self):
        return self.word


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def own(self, user):
        """Only the neighbor themself reads their email address."""
        return self.filter(pk=user.pk) if user.is_authenticated else self.none()

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A neighbor. Email is the login and is never shown to anyone else."""

    # Setting an inherited field to None is how Django drops it; the stubs type it as str.
    username = None  # type: ignore[assignment]
    first_name = None  # type: ignore[assignment]
    last_name = None  # type: ignore[assignment]
    email = models.EmailField(_("email address"), unique=True)
    display_name = models.CharField(
        _("display name"),
        max_length=60,
        help_text=_("The name other neighbors see. It can be a nickname."),
    )
    area = models.ForeignKey(
        Area,
        verbose_name=_("neighborhood area"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    languages = ArrayField(
        models.CharField(max_length=8, choices=SPOKEN_LANGUAGES),
        verbose_name=_("languages I speak"),
        default=list,
        blank=True,
    )
    # The language the hub writes to them in (emails and the pages after they log in): their
    # last pick in the footer's switch or on their profile, first the one they signed up in.
    language = models.CharField(
        _("language the hub writes to me in"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    # Off means no email at all but account emails; on, each kind of notice follows the
    # neighbor's choice in the inbox settings (at once, in a daily summary, or inbox only).
    email_notifications = models.BooleanField(
        _("email me about the hub at all"),
        default=True,
    )
    # A suspended account can't log in (is_active is off too); moderators can lift it.
    suspended = models.BooleanField(_("suspended by a moderator"), default=False)
    # Set when the neighbor deleted their account: the row stays so conversations and
    # records keep their shape, but nothing identifying is left in it.
    forgotten_at = models.DateTimeField(_("account deleted at"), null=True, blank=True)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    # Email is the login, so this replaces auth's UserManager, which the stubs expect.
    objects: ClassVar[UserManager] = UserManager()  # type: ignore[assignment]

    privacy = Privacy(
        private={"email": "own", "password": NOBODY, "language": "own"}, public=("display_name",)
    )

    class Meta:
        verbose_name = _("neighbor")
        verbose_name_plural = _("neighbors")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_unique_ci"),
        ]

    def __str__(self):
        if self.forgotten_at:
            return str(FORMER_NEIGHBOR)
        return self.display_name or _("Neighbor")

    def get_full_name(self):
        return self.display_name

    def get_short_name(self):
        return self.display_name

    def has_role(self, role: str) -> bool:
        """True when the neighbor holds one of the hub's duties (see roles.py)."""
        if not self.is_authenticated:
            return False
        cache = getattr(self, "_role_names", None)
        if cache is None:
            cache = set(self.groups.values_list("name", flat=True))
            self._role_names = cache
        return self.is_superuser or role in cache

    def language_names(self) -> list[str]:
        names = dict(SPOKEN_LANGUAGES)
        return [str(names.get(code, code)) for code in self.languages]
