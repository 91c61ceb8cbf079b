"""Background work of imports: a confirmed sheet is written outside the request, so a file of
ten thousand rows doesn't hold a page (or a web worker) while it runs."""

from django.tasks import task


@task
def run_import(*, run_id: int) -> str:
    """Import a confirmed sheet; returns the import's status when it ended."""
    from .services import import_apply

    run = import_apply(run_id=run_id)
    return run.status if run is not None else "not queued"
