from django.conf import settings
from django.db import models

from mutualaid.moderation.models import Reportable
from mutualaid.privacy import Privacy


class PostQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self if user.is_superuser else self.filter(hidden=False)


class Post(Reportable):
    """Follows the reportable protocol: a `hidden` field, `visible_to` and an `author`."""

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    text = models.TextField()

    objects = PostQuerySet.as_manager()

    privacy = Privacy(public=("text",))

    def __str__(self):
        return self.text[:40]

    def get_absolute_url(self):
        return "/privacy/"


class Note(models.Model):
    """Not reportable: no `hidden` field."""

    text = models.TextField()

    privacy = Privacy(public=("text",))

    def __str__(self):
        return self.text[:40]
