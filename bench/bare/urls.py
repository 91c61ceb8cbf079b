"""The hub's URLs and `/bench/bare/`: a view that does nothing, behind the same middleware."""

from django.http import HttpResponse
from django.urls import path

from mutualaid.urls import urlpatterns as hub


def bare(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare), *hub]
