"""The hub's URLs and two views for measuring pages against: `/bench/bare/`, a view that does
nothing, behind the same middleware; `/bench/table/`, a 20-row table inside `base.html`."""

from django.http import HttpResponse
from django.template import engines
from django.urls import path

from mutualaid.urls import urlpatterns as hub

TABLE = engines["django"].from_string(
    """{% extends "base.html" %}{% block content %}<h1>Table</h1><table><thead><tr>
<th>Row</th><th>Name</th><th>Count</th></tr></thead><tbody>{% for row in rows %}<tr>
<td>{{ row.0 }}</td><td>{{ row.1 }}</td><td>{{ row.2 }}</td></tr>{% endfor %}</tbody>
</table>{% endblock %}"""
)


def bare(request):
    return HttpResponse("ok", content_type="text/plain")


def table(request):
    rows = [(n, f"Row {n}", n * 7) for n in range(20)]
    return HttpResponse(TABLE.render({"rows": rows}, request))


urlpatterns = [path("bench/bare/", bare), path("bench/table/", table), *hub]
