"""Create the hub's roles and the categories mutual aid groups actually run."""

from django.db import migrations

ROLES = ["Organizer", "Store volunteer", "Moderator", "Intake volunteer"]

CATEGORIES = [
    ("food", "Food"),
    ("clothing-household", "Clothing & household"),
    ("childcare", "Childcare"),
    ("health", "Health & mental health"),
    ("housing", "Housing & tenants"),
    ("tools-garden", "Tools & garden shed"),
    ("repairs", "Repairs & trades"),
    ("transport", "Transport & errands"),
    ("learning", "Learning & books"),
    ("other", "Other"),
]


def create(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Category = apps.get_model("mutualaid", "Category")
    for name in ROLES:
        Group.objects.get_or_create(name=name)
    for order, (slug, name) in enumerate(CATEGORIES):
        Category.objects.get_or_create(slug=slug, defaults={"name": name, "order": order})


def remove(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("mutualaid", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create, remove)]
