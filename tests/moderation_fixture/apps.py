from django.apps import AppConfig


class ModerationFixtureConfig(AppConfig):
    name = "tests.moderation_fixture"
    label = "moderation_fixture"
    default_auto_field = "django.db.models.BigAutoField"
