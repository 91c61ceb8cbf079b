"""What matching understands of a post, kept beside it: the language it is written in, the
words for the same things (mutualaid.lexicon), and its translation (mutualaid.translate).

Language and related words are worked out as the post is saved (a few milliseconds, in this
process); the translation is asked of a background task once the save is committed, so
posting stays as fast as before.
"""

from django.conf import settings
from django.db import transaction
from django.tasks import task
from django.utils import translation

from mutualaid import lexicon
from mutualaid import translate as translator


def post_understand(post) -> None:
    """Set the post's language and related words from its title and details."""
    interface = (translation.get_language() or "en")[:2]
    post.language = lexicon.detect_language(
        f"{post.title} {post.details}", default=interface if interface in ("en", "es") else "en"
    )
    post.title_related = lexicon.related_text(post.title, language=post.language)
    post.details_related = lexicon.related_text(post.details, language=post.language)


def translate_later(post) -> None:
    """Ask for the post's translation once the transaction that saved it commits."""
    if not getattr(settings, "TRANSLATE_POSTS", True):
        return
    label, pk = post._meta.label_lower, post.pk
    transaction.on_commit(lambda: post_translate.enqueue(model_label=label, pk=pk))


@task
def post_translate(*, model_label: str, pk: int) -> bool:
    """Translate a post's title and details into the other language and keep them.

    Written with an update, not save(): nothing else about the post changes, and saving
    would ask for the translation again.
    """
    from django.apps import apps

    model = apps.get_model(model_label)
    post = model._base_manager.filter(pk=pk).first()
    if post is None:
        return False
    source = post.language or "en"
    target = translator.other_language(source)
    title = translator.translate(post.title, source=source, target=target)
    details = translator.translate(post.details, source=source, target=target)
    if title is None or details is None:
        return False
    # Only if the post still says what was translated (it may have been edited since).
    model._base_manager.filter(pk=pk, title=post.title, details=post.details).update(
        title_translated=title[:500], details_translated=details[:4000]
    )
    return True
