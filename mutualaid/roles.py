"""Roles are duties a neighbor takes on, not classes of people.

The groups are created by a migration; their permissions are kept in step after every
migrate, because permissions for new models only exist once their app has migrated.
"""

from django.db import DEFAULT_DB_ALIAS

ORGANIZER = "Organizer"
STORE_VOLUNTEER = "Store volunteer"
MODERATOR = "Moderator"
INTAKE_VOLUNTEER = "Intake volunteer"

ALL_ROLES = [ORGANIZER, STORE_VOLUNTEER, MODERATOR, INTAKE_VOLUNTEER]

# What each role may manage in the admin site: "app_label.model" -> actions. Organizers manage
# areas, categories and who holds which duty (the neighbor admin shows them display names and
# duties only, see admin.py); nothing about reports, moderation or other people's records.
# Apps add their own models through `AppConfig.role_admin_permissions` (same shape).
ROLE_ADMIN_PERMISSIONS = {
    ORGANIZER: {
        "mutualaid.area": ("add", "change", "delete", "view"),
        "mutualaid.category": ("add", "change", "delete", "view"),
        "mutualaid.user": ("change", "view"),
    },
    STORE_VOLUNTEER: {},
    MODERATOR: {},
    INTAKE_VOLUNTEER: {},
}


def admin_permissions() -> dict[str, dict[str, tuple[str, ...]]]:
    """The core's grants with every installed app's `role_admin_permissions` merged in."""
    from django.apps import apps

    merged = {role: dict(grants) for role, grants in ROLE_ADMIN_PERMISSIONS.items()}
    for config in apps.get_app_configs():
        for role, grants in getattr(config, "role_admin_permissions", {}).items():
            merged.setdefault(role, {}).update(
                {f"{config.label}.{model}": actions for model, actions in grants.items()}
            )
    return merged


def sync_role_permissions(sender=None, using=DEFAULT_DB_ALIAS, **kwargs):
    """Give each role exactly its admin permissions, no more (run after every app migrates)."""
    from django.contrib.auth.models import Group, Permission
    from django.db.models import Q

    for role, grants in admin_permissions().items():
        # The groups themselves come from a migration; only their permissions are kept here.
        group = Group.objects.using(using).filter(name=role).first()
        if group is None:
            continue
        wanted = Q(pk__in=[])
        for model_key, actions in grants.items():
            app_label, model = model_key.split(".")
            wanted |= Q(
                content_type__app_label=app_label,
                content_type__model=model,
                codename__in=[f"{action}_{model}" for action in actions],
            )
        group.permissions.set(Permission.objects.using(using).filter(wanted))
