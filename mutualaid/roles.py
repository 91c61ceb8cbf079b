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

# What each role may manage in the admin site: "app_label.model" -> actions.
ROLE_ADMIN_PERMISSIONS = {
    ORGANIZER: {
        "mutualaid.area": ("add", "change", "delete", "view"),
        "mutualaid.category": ("add", "change", "delete", "view"),
        "mutualaid.user": ("change", "view"),
        "auth.group": ("view",),
        "mutualaid.report": ("view",),
        "mutualaid.moderationaction": ("view",),
    },
    STORE_VOLUNTEER: {},
    MODERATOR: {},
    INTAKE_VOLUNTEER: {},
}


def sync_role_permissions(sender=None, using=DEFAULT_DB_ALIAS, **kwargs):
    from django.contrib.auth.models import Group, Permission

    for role, grants in ROLE_ADMIN_PERMISSIONS.items():
        # The groups themselves come from a migration; only their permissions are kept here.
        group = Group.objects.using(using).filter(name=role).first()
        if group is None:
            continue
        wanted = []
        for model_key, actions in grants.items():
            app_label, model = model_key.split(".")
            wanted += Permission.objects.using(using).filter(
                content_type__app_label=app_label,
                codename__in=[f"{action}_{model}" for action in actions],
            )
        if wanted:
            group.permissions.add(*wanted)
