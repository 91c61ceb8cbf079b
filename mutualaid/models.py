"""People, neighborhood areas and categories: the vocabulary every other app uses.

Nothing here asks about income, status, identity documents or household. One account both
asks and gives.
"""

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

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
    "other": _("Other"),
}


class UserManager(BaseUserManager):
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

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A neighbor. Email is the login and is never shown to anyone else."""

    username = None
    first_name = None
    last_name = None
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
    email_notifications = models.BooleanField(
        _("email me when someone answers"),
        default=True,
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    objects = UserManager()

    class Meta:
        verbose_name = _("neighbor")
        verbose_name_plural = _("neighbors")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_unique_ci"),
        ]

    def __str__(self):
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
