"""Background work of the posts: telling the other side about a new fit."""

from django.apps import apps
from django.tasks import task


@task
def find_fits(*, model: str, pk: int) -> int:
    """How many neighbors were told that post `model`/`pk` may meet theirs."""
    from .fits import fits_notify

    post = apps.get_model(model).objects.filter(pk=pk).first()
    return len(fits_notify(post)) if post is not None else 0
