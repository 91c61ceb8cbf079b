"""Organizers manage areas, categories and roles in the admin, so the role brings staff access.
And what lists show of areas, categories and neighbors' names refreshes the shared cache."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from . import roles, shared_cache
from .models import Area, Category, User


@receiver(m2m_changed, sender=User.groups.through)
def organizer_role_grants_admin_access(sender, instance, action, reverse, pk_set, **kwargs):
    if reverse or action not in {"post_add", "post_remove", "post_clear"}:
        return
    is_organizer = instance.groups.filter(name=roles.ORGANIZER).exists()
    if is_organizer and not instance.is_staff:
        User.objects.filter(pk=instance.pk).update(is_staff=True)
        instance.is_staff = True
    elif not is_organizer and instance.is_staff and not instance.is_superuser:
        User.objects.filter(pk=instance.pk).update(is_staff=False)
        instance.is_staff = False


@receiver(post_save, sender=Area)
@receiver(post_delete, sender=Area)
@receiver(post_save, sender=Category)
@receiver(post_delete, sender=Category)
def listed_names_changed(sender, **kwargs):
    for topic in shared_cache.TOPICS:
        shared_cache.changed(topic)


@receiver(post_save, sender=User)
def display_name_may_have_changed(sender, update_fields=None, **kwargs):
    # Logging in saves last_login alone: that changes nothing a list shows.
    if update_fields is None or {"display_name", "is_active"} & set(update_fields):
        for topic in shared_cache.TOPICS:
            shared_cache.changed(topic)
