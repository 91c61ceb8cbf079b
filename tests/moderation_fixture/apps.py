from django.apps import AppConfig


class ModerationFixtureConfig(AppConfig):
    name = "tests.moderation_fixture"
    label = "moderation_fixture"
    default_auto_field = "django.db.models.BigAutoField"

    # The My data hooks, as a feature app implements them.
    def export_user_data(self, user):
        from .models import Post

        return {
            "posts": [
                {"text": p.text, "hidden": p.hidden} for p in Post.objects.filter(author=user)
            ]
        }

    def forget_user(self, user):
        from .models import Post

        Post.objects.filter(author=user).update(text="", hidden=True)
