"""Organizers manage areas, categories and roles in the admin, so the role brings staff access."""

from django.db.models.signals import m2m_changed
from django.dispatch import receiver

from . import roles
from .models import User


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
