"""Pages of the needs app."""

from django.shortcuts import render


def index(request):
    return render(request, "needs/index.html")
