"""`/healthz`: what a load balancer asks each app server. Read-only: it asks PostgreSQL for
`SELECT 1` and the shared cache for a key, and answers 200 "ok" or 503 with what failed."""

import logging

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


@never_cache
@require_safe
def healthz(request):
    failed = []
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any failure means "don't send me traffic"
        logger.warning("healthz: the database did not answer", exc_info=True)
        failed.append("database")
    try:
        cache.get("healthz")
    except Exception:  # noqa: BLE001
        logger.warning("healthz: the shared cache did not answer", exc_info=True)
        failed.append("cache")
    if failed:
        return HttpResponse(
            "unavailable: " + ", ".join(failed) + "\n", status=503, content_type="text/plain"
        )
    return HttpResponse("ok\n", content_type="text/plain")
